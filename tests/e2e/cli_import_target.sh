# SPDX-License-Identifier: MIT
# cli_import_target.sh: what --import replaces.  A FIFO or a device is
# refused, and left as it was; a database keeps its mode and owner; a full
# disk is called by its name.
. "$DCINET_SRC/tests/e2e/clilib.sh"

mkfifo "$TMP/fifo"
run timeout 10 "$DCINET" --import tests/fixtures/mini --db "$TMP/fifo"
expect_status 73
expect_err "fifo: not a regular file, not replaced"
[ -p "$TMP/fifo" ] || fail "the FIFO was replaced"

mknod "$TMP/null" c 1 3 || fail "mknod"
run "$DCINET" --import tests/fixtures/mini --db "$TMP/null"
expect_status 73
expect_err "null: not a regular file, not replaced"
[ -c "$TMP/null" ] || fail "the device node was replaced"

ln -s "$TMP/elsewhere.db" "$TMP/link.db"
run "$DCINET" --import tests/fixtures/mini --db "$TMP/link.db"
expect_status 73
[ -L "$TMP/link.db" ] && [ ! -e "$TMP/elsewhere.db" ] || fail "the symbolic link was followed or replaced"

db="$TMP/reg.db"
run "$DCINET" --import tests/fixtures/mini --db "$db"
expect_status 0
for mode in 444 600 640; do
	chmod "$mode" "$db"
	run "$DCINET" --import tests/fixtures/mini --db "$db"
	expect_status 0
	[ "$(stat -c %a "$db")" = "$mode" ] || fail "mode $mode became $(stat -c %a "$db")"
done
if [ "$(id -u)" -eq 0 ]; then
	chown nobody:nogroup "$db"
	run "$DCINET" --import tests/fixtures/mini --db "$db"
	expect_status 0
	[ "$(stat -c %U:%G "$db")" = nobody:nogroup ] || fail "owner became $(stat -c %U:%G "$db")"
fi
rm -f "$db"
(umask 027 && "$DCINET" --import tests/fixtures/mini --db "$db" 2>/dev/null) || fail "new db"
[ "$(stat -c %a "$db")" = 640 ] || fail "a new database is $(stat -c %a "$db"), not 0644 less the umask"

# A full disk: a 1 MiB tmpfs (root only; skipped elsewhere).
mkdir "$TMP/small"
if ! mount -t tmpfs -o size=1m tmpfs "$TMP/small" 2>/dev/null; then
	echo "cli_import_target: skip: cannot mount a tmpfs (not root?), disk-full case not run"
	exit 0
fi
trap 'umount "$TMP/small"; rm -rf "$TMP"' EXIT
big="$TMP/big"
mkdir "$big" && cp tests/fixtures/mini/*.csv "$big/" || fail "copy"
awk 'BEGIN { for (i = 1; i <= 20000; i++)
	printf "pretoria,driver,Name %d,,police,0,2013-04-23,s-namibia,padding padding\n", i }' \
	>>"$big/staff.csv"
run "$DCINET" --import tests/fixtures/mini --db "$TMP/small/reg.db"
expect_status 0
cp "$TMP/small/reg.db" "$TMP/before.db"
run "$DCINET" --import "$big" --db "$TMP/small/reg.db"
expect_status 74
expect_err "reg.db: No space left on device"
cmp -s "$TMP/small/reg.db" "$TMP/before.db" || fail "the database changed"
[ "$(ls -A "$TMP/small")" = reg.db ] || fail "left behind: $(ls -A "$TMP/small")"
exit 0
