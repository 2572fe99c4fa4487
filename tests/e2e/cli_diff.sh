# SPDX-License-Identifier: MIT
# cli_diff.sh: --diff OLD NEW between the shipped data and a copy with a
# moved attaché, a new post and a changed phone: exactly those three
# changes, as text and JSON; identical registries: exit 0, no output;
# bad paths and bad data: one clear line and a sysexits code.
. "$DCINET_SRC/tests/e2e/clilib.sh"

new="$TMP/new"
cp -r data "$new"
# the ASI of Pretoria moves to New Delhi
sed -i 's/^pretoria,internal security attaché (ASI),Michel LEMEE,/new-delhi,internal security attaché (ASI),Michel LEMEE,/' \
	"$new/staff.csv"
# Pretoria's phone changes
sed -i 's/+27 12 425 1740/+27 12 425 1799/' "$new/posts.csv"
# a post in Oslo
echo 'oslo,Oslo,Oslo,NO,"Internal Security Service, Embassy of France in Norway",,,,,,,,,2024-05-01,seed-namibia-2013,' \
	>>"$new/posts.csv"

run "$DCINET" --diff data "$new"
expect_status 1
[ -s "$TMP/err" ] && fail "stderr: $(cat "$TMP/err")"
cat >"$TMP/want" <<'EOF'
new-delhi (New Delhi, India): staff moved here from pretoria: internal security attaché (ASI), Michel LEMEE
oslo (Oslo, Norway): post added
pretoria (Pretoria, South Africa): phone changed: "+27 12 425 1740" -> "+27 12 425 1799"
EOF
diff -u "$TMP/want" "$TMP/out" >&2 || fail "--diff text"

# the same as JSON, checked field by field
run "$DCINET" --diff data "$new" --format json
expect_status 1
jq -e . "$TMP/out" >/dev/null || fail "--diff --format json is not JSON"
got=$(jq -r '.changes[] | [.kind, .post, .subject, .field, .old_value, .new_value] | @tsv' "$TMP/out")
want=$(printf '%s\t%s\t%s\t%s\t%s\t%s\n' \
	staff_moved new-delhi "internal security attaché (ASI), Michel LEMEE" "" pretoria new-delhi \
	post_added oslo "" "" "" "" \
	post_field pretoria "" phone "+27 12 425 1740" "+27 12 425 1799")
[ "$got" = "$want" ] || fail "--diff json: got [$got]"
[ "$(jq '.count' "$TMP/out")" = 3 ] || fail "--diff json count"
run "$DCINET" --diff data "$new" --json
expect_status 1
jq -e '.changes | length == 3' "$TMP/out" >/dev/null || fail "--json"

# a database file on either side, the other way round
"$DCINET" --import "$new" --db "$TMP/new.db" 2>/dev/null || fail "import"
run "$DCINET" --diff "$TMP/new.db" data
expect_status 1
expect_out "pretoria (Pretoria, South Africa): staff moved here from new-delhi: internal security attaché (ASI), Michel LEMEE"
expect_out "oslo (Oslo, Norway): post removed"

# identical: exit 0, nothing printed
run "$DCINET" --diff data data
expect_status 0
[ -s "$TMP/out" ] && fail "identical registries printed: $(cat "$TMP/out")"
run "$DCINET" --diff "$TMP/new.db" "$new"
expect_status 0
[ -s "$TMP/out" ] && fail "a directory and its database differ: $(cat "$TMP/out")"
run "$DCINET" --diff data data --format json
expect_status 0
jq -e '.changes == [] and .count == 0' "$TMP/out" >/dev/null || fail "identical json"

# coverage, further sources, staff fields, arrivals
other="$TMP/other"
cp -r data "$other"
sed -i 's/^new-delhi,NP,covers/new-delhi,NP,host/; /^new-delhi,MV,/d' "$other/coverage.csv"
sed -i '/^new-delhi,fact-in-ssi-fr,/d' "$other/post_sources.csv"
echo 'pretoria,driver,,,,1,2020,seed-namibia-2013,' >>"$other/staff.csv"
run "$DCINET" --diff data "$other"
expect_status 1
expect_out "new-delhi (New Delhi, India): coverage lost: MV (Maldives), covers"
expect_out "new-delhi (New Delhi, India): coverage of NP (Nepal) changed: covers -> host"
expect_out "new-delhi (New Delhi, India): source removed: fact-in-ssi-fr"
expect_out "pretoria (Pretoria, South Africa): staff arrived: driver (as of 2020)"
[ "$(wc -l <"$TMP/out")" -eq 4 ] || fail "want 4 changes: $(cat "$TMP/out")"

# bad input: a missing path (66), a directory that does not load (its
# file:line errors, then 65), usage errors (64)
run "$DCINET" --diff data "$TMP/nowhere"
expect_status 66
expect_err "nowhere: No such file or directory"
bad="$TMP/bad"
cp -r data "$bad"
echo 'x,XX' >>"$bad/coverage.csv"
run "$DCINET" --diff "$bad" data
expect_status 65
head -1 "$TMP/err" | grep -q "coverage.csv:[0-9]*: " || fail "bad data: $(cat "$TMP/err")"
expect_err "did not load"
[ -s "$TMP/out" ] && fail "bad data printed changes"
echo "not a database" >"$TMP/junk.db"
run "$DCINET" --diff data "$TMP/junk.db"
expect_status 65
expect_err "junk.db"
run "$DCINET" --diff data
expect_status 64
expect_err "--diff OLD NEW"
run "$DCINET" --diff data data data
expect_status 64
run "$DCINET" --db "$TMP/new.db" --diff data data
expect_status 64
run "$DCINET" --diff data data --format tsv
expect_status 64
expect_err "unknown format 'tsv'"
run "$DCINET" --diff data data --find nepal
expect_status 64
exit 0
