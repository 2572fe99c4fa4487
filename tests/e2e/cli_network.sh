# SPDX-License-Identifier: MIT
# cli_network.sh: --network, "how big is the network, and how has it
# changed?" from a shell: the registry's counts, then every claim of
# network.csv, dated ones oldest first and undated last, each with its
# qualifier and source, never merged into one figure; JSON valid.
. "$DCINET_SRC/tests/e2e/clilib.sh"

claims=$(($(wc -l <data/network.csv) - 1))

run "$DCINET" --network --json
expect_status 0
jq -e . "$TMP/out" >/dev/null || fail "--network json is not JSON"
[ "$(jq -r .count "$TMP/out")" = "$claims" ] || fail "count is not network.csv's $claims rows"
jq -e '(.claims | length) == .count' "$TMP/out" >/dev/null || fail "count"
[ "$(jq -r .posts "$TMP/out")" = "$(($(wc -l <data/posts.csv) - 1))" ] || fail "posts"
jq -e '.claims | all(.source != "")' "$TMP/out" >/dev/null || fail "a claim without its source"
# dated claims oldest first, then the undated ones
prev=""
undated=0
for d in $(jq -r '.claims[] | if .as_of == "" then "-" else .as_of end' "$TMP/out"); do
	if [ "$d" = "-" ]; then
		undated=1
		continue
	fi
	[ "$undated" = 0 ] || fail "the dated claim $d comes after an undated one"
	[ -z "$prev" ] || [ ! "$d" \< "$prev" ] || fail "$d listed after $prev"
	prev=$d
done
# a qualifier is kept as the source gives it, and a missing figure is null
jq -e '[.claims[] | select(.staff_qualifier == "~")] | length > 0' "$TMP/out" >/dev/null ||
	fail "no '~' staff claim: the qualifier was lost"
jq -e '[.claims[] | select(.staff == null)] | length > 0' "$TMP/out" >/dev/null ||
	fail "a claim with no staff figure is not null"

run "$DCINET" --network
expect_status 0
expect_out "On record: $(($(wc -l <data/posts.csv) - 1)) posts,"
expect_out "1992-01-23  page-published      -     36      -      -  fact-senat-q-1992, 1992-01-23"
[ "$(grep -c '^undated ' "$TMP/out")" -gt 0 ] || fail "no undated claim listed"
[ "$(tail -n 1 "$TMP/out" | cut -c1-7)" = undated ] || fail "undated claims are not last"

run "$DCINET" --network --format tsv
expect_status 64
run "$DCINET" --network --find nepal
expect_status 64
expect_err "choose one of"
exit 0
