# SPDX-License-Identifier: MIT
# cli_stale.sh: --stale, the maintainer's worklist: facts older than the
# limit only, oldest first, each with a source to check; JSON valid.
. "$DCINET_SRC/tests/e2e/clilib.sh"

# last_day DATE: a partial date as its last day, as the rule counts it
last_day() {
	case $1 in
	????) echo "$1-12-31" ;;
	????-??) echo "$1-31" ;;
	*) echo "$1" ;;
	esac
}

# check_json FILE YEARS: every fact before the cutoff, oldest first
check_json() {
	jq -e . "$1" >/dev/null || fail "--stale json is not JSON"
	cutoff=$(jq -r .before "$1")
	want=$(( $(date -u +%Y) - $2 ))-$(date -u +%m-%d)
	[ "$cutoff" = "$want" ] || fail "cutoff $cutoff, want $want"
	[ "$(jq -r .older_than_years "$1")" = "$2" ] || fail "older_than_years"
	prev=""
	for d in $(jq -r '.facts[].date' "$1"); do
		[ "$(last_day "$d")" \< "$cutoff" ] || fail "$d is not before $cutoff"
		[ -z "$prev" ] || [ ! "$d" \< "$prev" ] || fail "$d listed after $prev"
		prev=$d
	done
	jq -e '.facts | all(.post != "" and .source != "" and (.url != "" or .document != ""))' \
		"$1" >/dev/null || fail "a fact without its post or source"
	jq -e '(.facts | length) == .count' "$1" >/dev/null || fail "count"
}

run "$DCINET" --stale --format json
expect_status 0
check_json "$TMP/out" 5
cp "$TMP/out" "$TMP/five.json"
n5=$(jq '.count' "$TMP/five.json")
[ "$n5" -gt 0 ] || fail "nothing older than 5 years in the shipped data"
# the oldest fact of the shipped data: the Senate question on Guinea
[ "$(jq -r '.facts[0] | .date + " " + .post + " " + .fact' "$TMP/five.json")" = "1994-03-31 guinea updated" ] ||
	fail "oldest: $(jq -c '.facts[0]' "$TMP/five.json")"

# a longer limit lists fewer facts, all of them among the others
run "$DCINET" --stale --older-than 12 --json
expect_status 0
check_json "$TMP/out" 12
n12=$(jq '.count' "$TMP/out")
[ "$n12" -lt "$n5" ] || fail "--older-than 12 lists $n12, 5 lists $n5"
jq -c '.facts[]' "$TMP/out" >"$TMP/f12"
jq -c '.facts[]' "$TMP/five.json" >"$TMP/f5"
grep -vxFf "$TMP/f5" "$TMP/f12" && fail "a fact older than 12 years not older than 5"

# nothing is 1000 years old; everything dated is older than 0 years
run "$DCINET" --stale --older-than 1000 --format json
expect_status 0
jq -e '.count == 0 and .facts == []' "$TMP/out" >/dev/null || fail "--older-than 1000"
run "$DCINET" --stale --older-than 0 --format json
check_json "$TMP/out" 0

# DCINET_STALE_YEARS is the default limit, as for the browser's mark
DCINET_STALE_YEARS=12 "$DCINET" --stale --json >"$TMP/env.json" || fail "env"
[ "$(jq .older_than_years "$TMP/env.json")" = 12 ] || fail "DCINET_STALE_YEARS ignored"

# text: a heading, then one line a fact in the same order, with the URL
run "$DCINET" --stale
expect_status 0
head -1 "$TMP/out" | grep -q "^Facts older than 5 years (dated before [0-9-]*), oldest first:$" ||
	fail "heading: $(head -1 "$TMP/out")"
[ "$(($(wc -l <"$TMP/out") - 1))" -eq "$n5" ] || fail "text and JSON list different facts"
sed -n 2p "$TMP/out" | grep -qF "1994-03-31  guinea (Guinea): post updated; check https://senat.fr/" ||
	fail "first fact: $(sed -n 2p "$TMP/out")"
expect_out "staff: internal security attaché (ASI), Michel LEMEE; check https://na.ambafrance.org/Nouvel-article"
[ "$(sed 1d "$TMP/out" | cut -c1-10 | tr -d ' ')" = "$(jq -r '.facts[].date' "$TMP/five.json")" ] ||
	fail "text order differs from JSON"
run "$DCINET" --stale --older-than 1000
expect_out "none"

# from a database too
"$DCINET" --import data --db "$TMP/r.db" 2>/dev/null || fail "import"
run "$DCINET" --db "$TMP/r.db" --stale --json
cmp -s "$TMP/out" "$TMP/five.json" || fail "--db and --data lists differ"

# bad input
for bad in -1 x 1001 5y ""; do
	run "$DCINET" --stale --older-than "$bad"
	expect_status 64
	expect_err "--older-than wants a whole number"
done
run "$DCINET" --older-than 5
expect_status 64
expect_err "--older-than goes with --stale"
run "$DCINET" --stale --format tsv
expect_status 64
run "$DCINET" --stale --find nepal
expect_status 64
run "$DCINET" --stale --older-than
expect_status 64
expect_err "needs an argument"
run "$DCINET" --stale --data "$TMP/nowhere"
expect_status 66
run "$DCINET" --stale --db "$TMP/nowhere.db"
expect_status 66
expect_err "nowhere.db"
exit 0
