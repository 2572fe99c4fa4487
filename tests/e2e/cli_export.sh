# SPDX-License-Identifier: MIT
# cli_export.sh: --export csv, json and vcard.  The CSV round trip: the
# export checks clean, imports, and answers every desk query of
# tests/answers/*.tsv exactly as the shipped data does.  The vCards obey
# RFC 6350 (BEGIN/END, VERSION:4.0, FN, 75-octet folding, CRLF, escaping)
# and abook reads them when it is installed.  A file is never half
# written, an existing one never replaced without --force.
. "$DCINET_SRC/tests/e2e/clilib.sh"

# ---- csv: the round trip
run "$DCINET" --export csv --out "$TMP/csv"
expect_status 0
[ -s "$TMP/out" ] && fail "--export csv wrote to stdout"
for f in data/*.csv; do
	[ -f "$TMP/csv/$(basename "$f")" ] || fail "no $(basename "$f") in the export"
done
ls -a "$TMP" | grep -q '^\.csv\.' && fail "a temporary directory was left"
run "$DCINET" --check "$TMP/csv"
expect_status 0
"$DCINET" --import data --db "$TMP/a.db" 2>/dev/null || fail "import data"
"$DCINET" --import "$TMP/csv" --db "$TMP/b.db" 2>/dev/null || fail "import the export"
run "$DCINET" --diff "$TMP/a.db" "$TMP/b.db"
expect_status 0
tab=$(printf '\t')
n=0
while IFS="$tab" read -r query rest; do
	n=$((n + 1))
	for db in a b; do
		# the local time moves between two runs: everything else must agree
		out=$("$DCINET" --db "$TMP/$db.db" --find "$query" --json)
		st=$?
		[ "$st" -le 2 ] || fail "--find \"$query\": exit $st"
		printf '%s\nexit %s\n' "$out" "$st" |
			sed 's/"local_time": "[^"]*"/"local_time": ""/g' >>"$TMP/answers.$db"
	done
done <<EOF
$(cat tests/answers/generated.tsv tests/answers/hand.tsv)
EOF
[ "$n" -ge 150 ] || fail "only $n desk queries"
[ "$(grep -c '^  "query": ' "$TMP/answers.a")" -eq "$n" ] || fail "not one answer a query"
cmp -s "$TMP/answers.a" "$TMP/answers.b" ||
	fail "the re-imported export answers differently: $(diff "$TMP/answers.a" "$TMP/answers.b" | head -5)"
# an export of the export is the same files
"$DCINET" --db "$TMP/b.db" --export csv --out "$TMP/csv2" || fail "export of the export"
diff -r "$TMP/csv" "$TMP/csv2" >/dev/null || fail "export, import, export changed the files"

# a field with a comma, quote, line break or outer space survives
cp -r data "$TMP/odd"
echo 'odd,Odd,,NO," Name, with ""quotes""
and a line ",,,,,,,,,,seed-namibia-2013,  ' >>"$TMP/odd/posts.csv"
"$DCINET" --data "$TMP/odd" --export csv --out "$TMP/odd2" || fail "export odd"
run "$DCINET" --diff "$TMP/odd" "$TMP/odd2"
expect_status 0

# ---- json: one document, every table, every row
run "$DCINET" --export json
expect_status 0
jq -e . "$TMP/out" >/dev/null || fail "--export json is not JSON"
for t in sources countries places cities roles directorate network posts post_sources coverage staff themes; do
	rows=$(($(sqlite3 -batch "$TMP/a.db" "SELECT count(*) FROM $t")))
	[ "$(jq ".tables.$t | length" "$TMP/out")" = "$rows" ] || fail "json: $t"
done
jq -e '.tables.network[0].staff == 250 and .tables.network[0].civil_security_experts == null' \
	"$TMP/out" >/dev/null || fail "json: counts are numbers, unstated ones null"
jq -e '.tables.posts[] | select(.id == "pretoria") | .phone == "+27 12 425 1740"' \
	"$TMP/out" >/dev/null || fail "json: Pretoria"
run "$DCINET" --db "$TMP/a.db" --export json --out "$TMP/r.json"
expect_status 0
jq -e . "$TMP/r.json" >/dev/null || fail "--out json"
ls -a "$TMP" | grep -q '^\.r\.json\.' && fail "a temporary file was left"

# ---- vcard: RFC 6350
cp -r data "$TMP/vc"
echo 'commas,Ville; deux,,NO,"Back\slash; semi, comma and a long name that must be folded: éééééééééééééééééééééééééééééé",,,,,,"1 rue X, 75000; B\",+33 1,a@b.fr,2024,seed-namibia-2013,' \
	>>"$TMP/vc/posts.csv"
run "$DCINET" --data "$TMP/vc" --export vcard --out "$TMP/posts.vcf"
expect_status 0
f="$TMP/posts.vcf"
posts=$(($(wc -l <"$TMP/vc/posts.csv") - 1))
[ "$(grep -c '^BEGIN:VCARD' "$f")" -eq "$posts" ] || fail "not one card a post"
LC_ALL=C awk -v want="$posts" '
	function bad(why) { print "vcard line " NR ": " why ": " $0 > "/dev/stderr"; err = 1 }
	!/\r$/ { bad("no CRLF") }
	{ sub(/\r$/, "") }
	length($0) > 75 { bad("longer than 75 octets") }
	/^BEGIN:VCARD$/ { if (open) bad("BEGIN inside a card"); open = 1; n++; line = 0; fn = 0 }
	open { line++ }
	line == 2 && $0 != "VERSION:4.0" { bad("second line is not VERSION:4.0") }
	/^FN:./ { fn = 1 }
	/^END:VCARD$/ { if (!open) bad("END outside a card"); if (!fn) bad("card without FN"); open = 0 }
	END { if (open) bad("card not ended"); if (n != want) bad("cards: " n); exit err }
' "$f" || fail "vCard structure"
# folded lines are whole UTF-8 (a fold never splits a character)
iconv -f UTF-8 -t UTF-8 "$f" >/dev/null || fail "a fold split a UTF-8 character"
# unfolded, the text values escape \ , ; (and the card of the odd post says so)
sed 's/\r$//' "$f" | awk '/^ / { line = line substr($0, 2); next } { if (NR > 1) print line; line = $0 } END { print line }' \
	>"$TMP/unfolded"
grep -E '^(FN|ORG|NOTE|TEL|EMAIL|TZ)[;:]' "$TMP/unfolded" | sed 's/^[^:]*://' |
	sed 's/\\[\\,;nN]//g' | grep -E '[\\,;]' && fail "a text value with an unescaped \\ , or ;"
grep -qxF 'FN:Back\\slash\; semi\, comma and a long name that must be folded: éééééééééééééééééééééééééééééé' \
	"$TMP/unfolded" || fail "FN of the odd post: $(grep '^FN:Back' "$TMP/unfolded")"
grep -qxF 'ADR;TYPE=work:;;1 rue X\, 75000\; B\\;Ville\; deux;;;Norway' "$TMP/unfolded" ||
	fail "ADR of the odd post: $(grep '^ADR.*rue X' "$TMP/unfolded")"
grep -q '^NOTE:Covers South Africa (host)\\, Lesotho (covers)\\, Namibia (non-resident)\. Head: commissaire divisionnaire (police)\. As of 2013-04-23\. Source: .*https://na.ambafrance.org/Nouvel-article\.$' \
	"$TMP/unfolded" || fail "NOTE of Pretoria: $(grep '^NOTE:Covers South Africa' "$TMP/unfolded")"
grep -qxF 'TEL;TYPE=work,voice:+27 12 425 1740' "$TMP/unfolded" || fail "TEL of Pretoria"
grep -q '^NOTE:.*\. Undated\. Source: ' "$TMP/unfolded" || fail "no NOTE of an undated post"
grep -q 'As of undated' "$TMP/unfolded" && fail "a NOTE reads 'As of undated'"
# abook (0.6.1) reads the shipped data's cards, though it neither unfolds
# lines nor unescapes, and aborts on an escaped semicolon in ADR (valid
# RFC 6350, which the odd post above has): it reads the shipped export.
if command -v abook >/dev/null 2>&1; then
	"$DCINET" --export vcard --out "$TMP/shipped.vcf" || fail "export vcard"
	HOME="$TMP" abook --convert --informat vcard --infile "$TMP/shipped.vcf" --outformat abook \
		--outfile "$TMP/abook.out" </dev/null >/dev/null 2>&1 || fail "abook cannot read the vCards"
	[ "$(grep -c '^name=' "$TMP/abook.out")" -eq "$((posts - 1))" ] || fail "abook read not every card"
	grep -q '^workphone=+27 12 425 1740$' "$TMP/abook.out" || fail "abook: Pretoria's phone"
	grep -q '^email=sctip@telkomsa.net$' "$TMP/abook.out" || fail "abook: Pretoria's email"
fi

# ---- never a half file, never an overwrite without --force
echo keep >"$TMP/exists.json"
run "$DCINET" --export json --out "$TMP/exists.json"
expect_status 73
expect_err "exists.json exists; --force replaces it"
[ "$(wc -l <"$TMP/err")" -eq 1 ] || fail "more than one line: $(cat "$TMP/err")"
[ "$(cat "$TMP/exists.json")" = keep ] || fail "the existing file was touched"
run "$DCINET" --export json --out "$TMP/exists.json" --force
expect_status 0
jq -e . "$TMP/exists.json" >/dev/null || fail "--force"
run "$DCINET" --export csv --out "$TMP/csv"
expect_status 73
run "$DCINET" --export csv --out "$TMP/csv" --force
expect_status 0
run "$DCINET" --export csv --out "$TMP/exists.json" --force
expect_status 73
expect_err "not a directory"
run "$DCINET" --export vcard --out "$TMP/csv" --force
expect_status 73
run "$DCINET" --export json --out "$TMP/no/such/dir/r.json"
expect_status 73
expect_err "No such file or directory"
ls -a "$TMP" | grep -q '^\.exists\.json\.' && fail "a temporary file was left"
if [ "$(id -u)" -ne 0 ]; then
	mkdir "$TMP/ro" && chmod 555 "$TMP/ro"
	run "$DCINET" --export json --out "$TMP/ro/r.json"
	expect_status 73
	[ -e "$TMP/ro/r.json" ] && fail "wrote into a read-only directory"
fi
# --force replaces a regular file only, never a device or a link
run "$DCINET" --export json --out /dev/null --force
expect_status 73
expect_err "/dev/null: not a regular file"
ln -s "$TMP/exists.json" "$TMP/link.json"
run "$DCINET" --export json --out "$TMP/link.json" --force
expect_status 73
# standard output that cannot be written: 74
if [ -c /dev/full ]; then
	"$DCINET" --export json >/dev/full 2>/dev/null
	[ $? -eq 74 ] || fail "--export json >/dev/full: want exit 74"
fi
# ---- usage errors
run "$DCINET" --export xml
expect_status 64
expect_err "unknown export format 'xml' (want csv, json, vcard)"
run "$DCINET" --export csv
expect_status 64
expect_err "give --out DIR"
run "$DCINET" --out x.json
expect_status 64
run "$DCINET" --export json --force
expect_status 64
run "$DCINET" --export
expect_status 64
expect_err "needs an argument"
run "$DCINET" --export json --find nepal
expect_status 64
run "$DCINET" --export json --data "$TMP/nowhere"
expect_status 66
exit 0
