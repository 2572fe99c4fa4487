#!/bin/sh
# SPDX-License-Identifier: MIT
# The shipped files through LibreOffice, as a maintainer in a French
# locale edits them: opened with the French locale filter, saved as CSV
# with ';' between fields, in Windows-1252 wherever the file's text fits
# it (as a French spreadsheet saves) and in UTF-8 where it does not.
# --check accepts the result, with one warning per converted file, and it
# loads the very registry the shipped files load.
. "$DCINET_SRC/tests/e2e/clilib.sh"

command -v soffice >/dev/null || fail "soffice missing (libreoffice-calc-nogui)"
mkdir "$TMP/profile" "$TMP/cp1252" "$TMP/utf8" "$TMP/sheet"

# soffice's CSV filter options: separator, quote, character set (76 UTF-8,
# 1 Windows-1252), first line, column formats, language (1036: French),
# quoted fields as text, detect special numbers, [export:] cells as shown.
IMPORT='CSV:44,34,76,1,,1036,false,false'
convert() {  # CHARSET OUTDIR FILE...
	charset=$1 outdir=$2
	shift 2
	soffice -env:UserInstallation="file://$TMP/profile" --headless --norestore \
		--infilter="$IMPORT" \
		--convert-to "csv:Text - txt - csv (StarCalc):59,34,$charset,1,,1036,false,false,true" \
		--outdir "$outdir" "$@" >"$TMP/soffice.log" 2>&1 ||
		fail "soffice failed: $(cat "$TMP/soffice.log")"
}

fits= wide=
for f in data/*.csv; do
	if iconv -f UTF-8 -t WINDOWS-1252 "$f" >/dev/null 2>&1; then
		fits="$fits $f"
	else
		wide="$wide $f"
	fi
done
[ -n "$fits" ] || fail "no shipped file fits Windows-1252"
# shellcheck disable=SC2086
convert 1 "$TMP/cp1252" $fits
[ -z "$wide" ] || convert 76 "$TMP/utf8" $wide
cp "$TMP"/cp1252/*.csv "$TMP"/utf8/*.csv "$TMP/sheet/" 2>/dev/null
cp data/COLUMNS.txt "$TMP/sheet/" 2>/dev/null

for f in data/*.csv; do
	[ -f "$TMP/sheet/$(basename "$f")" ] || fail "LibreOffice wrote no $(basename "$f")"
done
head -n 1 "$TMP/sheet/posts.csv" | grep -q '^id;city;' || fail "posts.csv was not saved with ';'"
iconv -f UTF-8 -t UTF-8 "$TMP/sheet/posts.csv" >/dev/null 2>&1 &&
	fail "posts.csv was not saved in Windows-1252"

run "$DCINET" --check "$TMP/sheet"
expect_status 0
expect_err "no errors"
for f in $fits; do
	name=$(basename "$f")
	# a file of plain ASCII is the same bytes in either encoding
	if LC_ALL=C grep -q '[^ -~	]' "$f"; then
		expect_err "$name: warning: not UTF-8: read as Windows-1252 and converted"
	fi
done

"$DCINET" --data data --export json >"$TMP/a.json" 2>/dev/null || fail "export of the shipped data"
"$DCINET" --data "$TMP/sheet" --export json >"$TMP/b.json" 2>/dev/null || fail "export of the copy"
cmp -s "$TMP/a.json" "$TMP/b.json" ||
	fail "the LibreOffice copy loads a different registry: $(diff "$TMP/a.json" "$TMP/b.json" | head -5)"
run "$DCINET" --data "$TMP/sheet" --find namibie
expect_status 0
expect_out "Namibia (Namibie, NA)"
echo "office: $(echo $fits | wc -w) files in Windows-1252, $(echo $wide | wc -w) in UTF-8, the same registry"
exit 0
