# a dangling post reference and a bad enum value, both holding ESC [ 2 J,
# OSC 52, U+009B and U+202E; and a field over the 40 bytes an error shows
printf 'no\033[2Jpost,crime,drugs,drogues,s-delhi\n' >>themes.csv
printf ',cr\033]52;c;ZXZpbA==\007ime,drugs,drogues,s-delhi\n' >>themes.csv
printf ',\302\233crime\342\200\256,drugs,drogues,s-delhi\n' >>themes.csv
printf 'new-delhi,XX,covers,s-delhi,\n' >>coverage.csv
printf 'new-delhi,LK,%s,s-delhi,\n' 'a very long relation that will not fit in an error line é é é' >>coverage.csv
