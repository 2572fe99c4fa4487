# SPDX-License-Identifier: MIT
# cli_modes.sh: --check, --import, --db, --help, --version and exit codes.
. "$DCINET_SRC/tests/e2e/clilib.sh"

run "$DCINET" --help
expect_status 0
expect_out "usage: dcinet"
run "$DCINET" --version
expect_status 0
expect_out "dcinet 0."
run "$DCINET" --bogus
expect_status 64
expect_err "unknown option"
run "$DCINET" --import data
expect_status 64
expect_err "--import needs --db"
run "$DCINET" --json
expect_status 64
run "$DCINET" --data /nonexistent --find x
expect_status 66
# a file where a directory is wanted is named for what it is
run "$DCINET" --data data/posts.csv --find x
expect_status 66
expect_err "data/posts.csv: Not a directory"
run "$DCINET" --check data/posts.csv
expect_status 66
expect_err "data/posts.csv: Not a directory"

# Output that could not be written is exit 74, whatever the answer was
# (a script must not read "nothing found" from a full disk).
if [ -c /dev/full ]; then
	for args in "--help" "--version" "--find nepal" "--find zz --json" \
		"--find korea --format tsv" "--stale"; do
		# shellcheck disable=SC2086
		"$DCINET" $args >/dev/full 2>"$TMP/full.err"
		st=$?
		[ "$st" -eq 74 ] || fail "$args >/dev/full: exit $st, want 74"
		grep -q "^dcinet: stdout: " "$TMP/full.err" ||
			fail "$args >/dev/full: no message on stderr"
	done
fi

run "$DCINET" --check data
expect_status 0

# A broken copy: every error listed as file:line: column: reason, exit 65.
mkdir "$TMP/bad" && cp data/*.csv "$TMP/bad/"
printf 'x1,City,Ville,XX,Name,Nom,,,,,,,,2020-13-45,seed-namibia-2013,\n' >>"$TMP/bad/posts.csv"
printf 'nowhere,ASI,A Name,,police,0,,seed-namibia-2013,\n' >>"$TMP/bad/staff.csv"
posts_line=$(wc -l <"$TMP/bad/posts.csv")
staff_line=$(wc -l <"$TMP/bad/staff.csv")
run "$DCINET" --check "$TMP/bad"
expect_status 65
expect_err "$TMP/bad/posts.csv:$posts_line: country: unknown country code \"XX\""
expect_err "$TMP/bad/posts.csv:$posts_line: updated: bad date"
expect_err "$TMP/bad/staff.csv:$staff_line: post: unknown post \"nowhere\""

# Import builds a database; a failed import leaves it byte for byte.
run "$DCINET" --import data --db "$TMP/reg.db"
expect_status 0
cp "$TMP/reg.db" "$TMP/before.db"
run "$DCINET" --import "$TMP/bad" --db "$TMP/reg.db"
expect_status 65
expect_err "left unchanged"
cmp -s "$TMP/reg.db" "$TMP/before.db" || fail "failed import changed the database"
[ "$(ls "$TMP" | grep -c 'reg.db.tmp')" -eq 0 ] || fail "temporary file left behind"

run "$DCINET" --db "$TMP/reg.db" --find namibie
expect_status 0
expect_out "Pretoria"
chmod 444 "$TMP/reg.db"
run "$DCINET" --db "$TMP/reg.db" --find nepal
expect_status 0
cmp -s "$TMP/reg.db" "$TMP/before.db" || fail "reading changed the database"

run "$DCINET" --db "$TMP/bad/posts.csv" --find x
expect_status 65
expect_err "posts.csv: not a dcinet database"

# The browser refuses to start without a terminal, with a clear message.
run "$DCINET" --data data
expect_status 69
expect_err "needs a terminal"
exit 0
