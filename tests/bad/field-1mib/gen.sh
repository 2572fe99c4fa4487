# a theme whose English text is 1 MiB of "a"
{ printf ',crime,'; head -c 1048576 /dev/zero | tr '\0' a; printf ',x,s-delhi\n'; } >>themes.csv
