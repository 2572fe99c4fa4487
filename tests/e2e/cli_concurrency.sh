# SPDX-License-Identifier: MIT
# cli_concurrency.sh: readers while --import replaces the database.
# 20 readers run `--find zmark` over and over on one database file while
# it is rebuilt 10 times, from two data sets that tell themselves apart:
# in set A every "zmark" row (a country, a post, a staff member, a theme)
# says "alpha", in set B "bravo".  Every reader must see exactly one whole
# set (the answer and four hits, all alpha or all bravo), never an error, never a mix,
# never nothing; a reader started after an import sees that import's set;
# and reading never changes the file.
. "$DCINET_SRC/tests/e2e/clilib.sh"

READERS=20
IMPORTS=10
db="$TMP/reg.db"

# make_set NAME WORD: the mini fixture plus four zmark rows saying WORD.
make_set() {
	mkdir "$TMP/$1" && cp tests/fixtures/mini/*.csv "$TMP/$1/" || fail "make_set $1"
	printf 'ZQ,ZQQ,Zmarkland %s,Zmarkpays %s,\n' "$2" "$2" >>"$TMP/$1/countries.csv"
	printf 'zmark,Zmarkville %s,,FR,Zmark post %s,,,,,,,,,2020-01-01,s-delhi,\n' "$2" "$2" \
		>>"$TMP/$1/posts.csv"
	printf 'Zmark attache %s,Zmark attaché %s\n' "$2" "$2" >>"$TMP/$1/roles.csv"
	printf 'zmark,Zmark attache %s,Zmark %s,,police,0,,s-delhi,\n' "$2" "$2" >>"$TMP/$1/staff.csv"
	printf 'zmark,crime,zmark theme %s,zmark theme fr %s,s-delhi\n' "$2" "$2" >>"$TMP/$1/themes.csv"
}
make_set A alpha
make_set B bravo

# verdict FILE STATUS: what one --find saw: A, B, or a line saying what
# went wrong.
verdict() {
	a=$(grep -c alpha "$1")
	b=$(grep -c bravo "$1")
	n=$(wc -l <"$1")
	if [ "$2" -ne 0 ]; then echo "ERROR exit $2: $(head -c 300 "$1" | tr '\n' ' ')"
	elif [ "$n" -eq 5 ] && [ "$a" -eq 5 ]; then echo A
	elif [ "$n" -eq 5 ] && [ "$b" -eq 5 ]; then echo B
	else echo "INCONSISTENT $n lines, $a alpha, $b bravo: $(tr '\n' ' ' <"$1")"; fi
}

run "$DCINET" --import "$TMP/A" --db "$db"
expect_status 0

# A reader stops when told, when the test is gone, after 400 rounds or
# after 60 s, whichever comes first: it never outlives a failed test.
reader() {
	i=0
	end=$(($(date +%s) + 60))
	while [ ! -f "$TMP/stop" ] && [ -d "$TMP" ] && [ $i -lt 400 ] && [ "$(date +%s)" -lt "$end" ]; do
		"$DCINET" --db "$db" --find zmark >"$TMP/r$1.out" 2>&1 </dev/null
		verdict "$TMP/r$1.out" $? >>"$TMP/r$1.log"
		i=$((i + 1))
	done
}
r=1
while [ $r -le $READERS ]; do
	reader $r &
	r=$((r + 1))
done

k=1
while [ $k -le $IMPORTS ]; do
	if [ $((k % 2)) -eq 1 ]; then set=B; else set=A; fi
	run "$DCINET" --import "$TMP/$set" --db "$db"
	expect_status 0
	# started after the rename: the new data, at once
	"$DCINET" --db "$db" --find zmark >"$TMP/after.out" 2>&1 </dev/null
	[ "$(verdict "$TMP/after.out" $?)" = "$set" ] \
		|| fail "import $k: a reader started after it saw: $(verdict "$TMP/after.out" 0)"
	k=$((k + 1))
done
cp "$db" "$TMP/final.db"
# let the readers see the last set a little, then stop them
sleep 0.2
touch "$TMP/stop"
wait

[ "$(ls "$TMP" | grep -c 'reg.db.tmp')" -eq 0 ] || fail "a temporary file was left behind"
cmp -s "$db" "$TMP/final.db" || fail "reading changed the database file"
cat "$TMP"/r*.log >"$TMP/all.log"
rounds=$(wc -l <"$TMP/all.log")
if grep -v '^[AB]$' "$TMP/all.log" >"$TMP/bad.log"; then
	head -n 5 "$TMP/bad.log" >&2
	fail "$(wc -l <"$TMP/bad.log") of $rounds reads were not one whole data set"
fi
r=1
while [ $r -le $READERS ]; do
	[ -s "$TMP/r$r.log" ] || fail "reader $r never read"
	r=$((r + 1))
done
grep -qx A "$TMP/all.log" && grep -qx B "$TMP/all.log" \
	|| fail "the readers saw only one data set in $rounds reads: the imports did not overlap them"
exit 0
