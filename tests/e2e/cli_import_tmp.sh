# SPDX-License-Identifier: MIT
# cli_import_tmp.sh: the temporary database of --import.  Nothing a kill
# leaves behind survives the next import; a live import's file is never
# taken by another; another user who can write the directory can neither
# make the import write through a symbolic link nor put one in place of
# the database.
. "$DCINET_SRC/tests/e2e/clilib.sh"

# a registry that takes a second or two to import
big="$TMP/big"
mkdir "$big" && cp tests/fixtures/mini/*.csv "$big/" || fail "copy"
awk 'BEGIN { for (i = 1; i <= 150000; i++)
	printf "pretoria,driver,Name %d,,police,0,2013-04-23,s-namibia,padding padding\n", i }' \
	>>"$big/staff.csv"
chmod 755 "$TMP"
shared="$TMP/shared"
mkdir "$shared" && chmod 777 "$shared"
db="$shared/reg.db"

temps() { ls -A "$shared" | grep -c '^reg\.db\.tmp-' ; }

run "$DCINET" --import tests/fixtures/mini --db "$db"
expect_status 0
cp "$db" "$TMP/before.db"

# import_until_killed SIG: start a slow import, kill it with SIG mid-way.
import_until_killed() {
	env --default-signal=INT "$DCINET" --import "$big" --db "$db" >/dev/null 2>&1 </dev/null &
	pid=$!
	sleep 0.4
	kill -s "$1" "$pid"
	wait "$pid"
	killed=$?
}

for sig in TERM INT HUP KILL; do
	import_until_killed $sig
	[ "$killed" -ge 128 ] || fail "SIG$sig: the import was not killed in time (exit $killed)"
	cmp -s "$db" "$TMP/before.db" || fail "SIG$sig: the database changed"
	if [ "$sig" != KILL ]; then
		[ "$(temps)" -eq 0 ] || fail "SIG$sig left a temporary file: $(ls -A "$shared")"
	fi
done
run "$DCINET" --import tests/fixtures/mini --db "$db"
expect_status 0
[ "$(temps)" -eq 0 ] || fail "the next import left a killed one's temporary file: $(ls -A "$shared")"

# Liveness by lock: a temporary file whose lock is held (a live import)
# stays; once released (its import dead), the next import removes it.
# Another user's file, and a symbolic link, are never touched.
: >"$shared/reg.db.tmp-LiVe01"
# the holder is the sleep itself (exec), its lock goes with it
sh -c 'exec 9>>"$1" && flock 9 && exec sleep 30' holder "$shared/reg.db.tmp-LiVe01" &
holder=$!
sleep 0.2
: >"$shared/reg.db.tmp-DeAd01"
: >"$shared/reg.db.tmp-Other1"
chown nobody "$shared/reg.db.tmp-Other1"
echo precious >"$TMP/victim"
ln -s "$TMP/victim" "$shared/reg.db.tmp-Link01"
run "$DCINET" --import tests/fixtures/mini --db "$db"
expect_status 0
[ -e "$shared/reg.db.tmp-LiVe01" ] || fail "a live import's temporary file was removed"
[ ! -e "$shared/reg.db.tmp-DeAd01" ] || fail "a dead import's temporary file was left"
[ -e "$shared/reg.db.tmp-Other1" ] || fail "another user's file was removed"
[ -L "$shared/reg.db.tmp-Link01" ] || fail "a symbolic link was removed"
kill "$holder"
wait "$holder" 2>/dev/null
run "$DCINET" --import tests/fixtures/mini --db "$db"
expect_status 0
[ ! -e "$shared/reg.db.tmp-LiVe01" ] || fail "a released temporary file was left"
rm -f "$shared/reg.db.tmp-Other1" "$shared/reg.db.tmp-Link01"

# Another user (nobody) replaces every temporary file it sees with a
# symbolic link to a file of its choice, while root imports.
chown nobody "$TMP/victim"
setpriv --reuid=nobody --regid=nogroup --clear-groups sh -c '
	while [ ! -e "$3" ]; do
		for f in "$1"/reg.db.tmp-*; do
			[ -f "$f" ] && [ ! -L "$f" ] && ln -sf "$2" "$f"
		done
	done' swapper "$shared" "$TMP/victim" "$TMP/stop" &
swapper=$!
# The swap can land between the import's link and its rename (under load
# it does): the import sees it and installs a fresh copy under a new name;
# only an import that lost that race every time fails, and says why.
i=0
while [ $i -lt 2 ]; do
	run "$DCINET" --import "$big" --db "$db"
	if [ "$status" -ne 0 ]; then
		expect_status 73
		expect_err "another user keeps replacing the new database"
	fi
	i=$((i + 1))
done
touch "$TMP/stop"
wait "$swapper"
[ "$(cat "$TMP/victim")" = precious ] || fail "the import wrote through a planted link"
if [ "$status" -eq 0 ]; then
	[ -f "$db" ] && [ ! -L "$db" ] || fail "the database is no longer a regular file: $(ls -l "$db")"
	run "$DCINET" --db "$db" --find pretoria
	expect_status 0
fi
exit 0
