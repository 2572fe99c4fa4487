# SPDX-License-Identifier: MIT
# cli_find.sh: --find answers the desk's questions from the shipped data.
. "$DCINET_SRC/tests/e2e/clilib.sh"

run "$DCINET" --find nepal
expect_status 0
expect_out "country: Nepal (Népal, NP): covered by New Delhi, India [covers]"

run "$DCINET" --find namibie
expect_status 0
expect_out "country: Namibia (Namibie, NA): covered by Pretoria, South Africa [non-resident], phone +27 12 425 1740"
# the desk's question: rank and corps of the post's head
expect_out "answer: Namibia (Namibie, NA): covered, non-resident, by Pretoria, South Africa; commissaire divisionnaire (police); +27 12 425 1740;"

run "$DCINET" --find lemee
expect_status 0
expect_out "staff: Michel LEMEE, commissaire divisionnaire"
expect_out "Pretoria, South Africa"

# A post with no city on record is labelled by its name, given once.
run "$DCINET" --find "south korea"
expect_status 0
expect_out "post: Internal Security Service, Embassy of France in the Republic of Korea (Korea, Republic of)"
grep -q "Republic of Korea, Internal Security" "$TMP/out" && fail "the post's name twice: $(cat "$TMP/out")"
run "$DCINET" --find "south korea" --plain
expect_out "The post in Korea, Republic of is the Internal Security Service, Embassy of France in the Republic of Korea;"

run "$DCINET" --find "côte d'ivoire"
expect_status 0
expect_out "Abidjan"

# Text for people follows the locale's character set, as the browser
# does; the formats for scripts stay UTF-8.
LC_ALL=C "$DCINET" --find "côte d'ivoire" >"$TMP/ascii" || fail "--find under LC_ALL=C"
grep -q "Cote d'Ivoire" "$TMP/ascii" || fail "no transliteration under LC_ALL=C: $(head -2 "$TMP/ascii")"
LC_ALL=C grep -q '[^ -~	]' "$TMP/ascii" && fail "8-bit bytes under LC_ALL=C: $(head -2 "$TMP/ascii")"
LC_ALL=C "$DCINET" --find "côte d'ivoire" --format tsv | grep -q "Côte d'Ivoire" ||
	fail "TSV under LC_ALL=C lost its UTF-8"
LC_ALL=C "$DCINET" --stale | grep -q "Cote d'Ivoire" || fail "--stale under LC_ALL=C"

run "$DCINET" --find 'NEAR( "x" * -y :z'
expect_status 1
[ -s "$TMP/out" ] && fail "nothing should be printed for no hits"

run "$DCINET" --find nepal --json
expect_status 0
jq -e '.query == "nepal" and (.hits | map(select(.kind == "country" and .ref == "NP" and .post == "new-delhi")) | length == 1)' \
	"$TMP/out" >/dev/null || fail "JSON answer: $(cat "$TMP/out")"

run "$DCINET" --find '"quotes" and \backslash' --json
jq -e '.query == "\"quotes\" and \\backslash"' "$TMP/out" >/dev/null || fail "JSON escaping"

# Data with control characters reaches a pipe as is, in JSON escaped.
mkdir "$TMP/data" && cp data/*.csv "$TMP/data/"
printf 'pretoria,driver,Evil\033]52;c;ZXZpbA==\007Name,,,1,2013,seed-namibia-2013,\n' >>"$TMP/data/staff.csv"
run "$DCINET" --data "$TMP/data" --find evil --json
expect_status 0
expect_out 'Evil\u001b]52;c;ZXZpbA==\u0007Name'
exit 0
