# SPDX-License-Identifier: MIT
# cli_resolve.sh: what people type at a desk resolves to a post, and the
# scripting contract of --find (formats, exit codes 0, 1, 2).
. "$DCINET_SRC/tests/e2e/clilib.sh"

# cities (tzdata), short and former names (CLDR, ISO 3166-3), codes, French
run "$DCINET" --find kathmandu
expect_status 0
expect_out "country: Nepal (Népal, NP): covered by New Delhi, India [covers]"
run "$DCINET" --find "ivory coast"
expect_status 0
expect_out "covered by Abidjan, Côte d'Ivoire [host]"
run "$DCINET" --find "cote d ivoire"
expect_status 0
run "$DCINET" --find Allemagne
expect_status 0
expect_out "country: Germany (Allemagne, DE): covered by Berlin, Germany [host]"
run "$DCINET" --find NP
expect_status 0
expect_out "Nepal"
run "$DCINET" --find NPL
expect_status 0
expect_out "Nepal"
run "$DCINET" --find burma
expect_status 0
expect_out "answer: Myanmar (Birmanie, MM): the registry does not know which post covers it"
expect_out "country: Myanmar (Birmanie, MM): covering post not known"

# "UK" names the United Kingdom though "uk" also starts Ukraine
run "$DCINET" --find UK
expect_status 0
expect_out "United Kingdom"
expect_out "Ukraine"

# several countries, none named: the desk must choose (exit 2), all shown
run "$DCINET" --find korea
expect_status 2
expect_out "Korea, Democratic People's Republic of (Corée du Nord, KP)"
expect_out "Korea, Republic of (Corée du Sud, KR)"

run "$DCINET" --find "zzqx"
expect_status 1

run "$DCINET" --find kathmandu --format plain
expect_status 0
expect_out "Nepal (Népal) is covered by the post in New Delhi, India; phone not on record; as of 2018-07-30."
run "$DCINET" --find namibie --plain
expect_out "Namibia (Namibie) is covered, non-resident, by the post in Pretoria, South Africa; phone +27 12 425 1740; as of 2013-04-23."

run "$DCINET" --find namibie --format tsv
expect_status 0
head -1 "$TMP/out" | grep -qx "$(printf 'kind\tref\tlabel\tdetail\trelation\tpost\tpost_label\tphone\tdate')" \
	|| fail "TSV header: $(head -1 "$TMP/out")"
expect_out "$(printf 'country\tNA\tNamibia\tNamibie\tnon-resident\tpretoria\tPretoria, South Africa\t+27 12 425 1740\t2013-04-23')"

run "$DCINET" --find x --format yaml
expect_status 64
expect_err "unknown format 'yaml'"
run "$DCINET" --format json
expect_status 64
exit 0
