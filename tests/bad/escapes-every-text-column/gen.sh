# One row more in every table, each text column holding a word and then
# every kind of hostile sequence: ESC [ 2 J (clear screen), OSC 52 (write
# the clipboard), OSC 8 (a hidden link), U+009B (C1 CSI, 8-bit) and U+202E
# (right-to-left override).  The word tells which column a hit shows.
p() {
	printf '%s\033[2J\033]52;c;ZXZpbA==\007\033]8;;http://evil.example/\033\\link\033]8;;\033\\\302\2332J\342\200\256txt' "$1"
}
printf 's-evil,%s,en,,%s,%s,%s,press\n' "$(p Eviltitle)" "$(p Evildoc)" "$(p Evilurl)" "$(p Evilnote)" >>sources.csv
printf 'EV,EVL,%s,%s,%s\n' "$(p Evilland)" "$(p Evilpays)" "$(p Evilalt)" >>countries.csv
printf 'Evil/Zone,%s,%s,EV\n' "$(p Eviltown)" "$(p Evilville)" >>places.csv
printf '%s,%s,EV,Evil/Zone,1\n' "$(p Evilcapital)" "$(p Evilcapitale)" >>cities.csv
printf '%s,%s\n' "$(p Evilrole)" "$(p Evilrolefr)" >>roles.csv
printf 'EVL,%s,%s,,%s,%s,s-evil,%s\n' "$(p Evildirectorate)" "$(p Evildirection)" \
	"$(p Evilhq)" "$(p Evilparent)" "$(p Evilnote)" >>directorate.csv
printf ',,,,,,,,,s-evil,%s\n' "$(p Evilclaim)" >>network.csv
printf 'evil,%s,%s,EV,%s,%s,,,%s,,%s,%s,%s,2020-01-01,s-evil,%s\n' "$(p Evilcity)" \
	"$(p Evilcityfr)" "$(p Evilname)" "$(p Evilnom)" "$(p Evilrank)" "$(p Eviladdress)" \
	"$(p Evilphone)" "$(p Evilemail)" "$(p Evilpostnote)" >>posts.csv
printf 'evil,s-delhi,%s\n' "$(p Evilpsnote)" >>post_sources.csv
printf 'evil,EV,host,s-evil,%s\n' "$(p Evilcovnote)" >>coverage.csv
printf 'evil,%s,%s,%s,police,0,2020-01-01,s-evil,%s\n' "$(p Evilrole)" "$(p Evilstaff)" \
	"$(p Evilstaffrank)" "$(p Evilstaffnote)" >>staff.csv
printf 'evil,crime,%s,%s,s-evil\n' "$(p Eviltheme)" "$(p Evilthemefr)" >>themes.csv
