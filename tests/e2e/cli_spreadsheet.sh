#!/bin/sh
# SPDX-License-Identifier: MIT
# Files as a French-locale spreadsheet saves them load as they are: ';'
# or a tab between fields (chosen from the header line), Windows-1252
# instead of UTF-8 (converted with iconv, one warning naming the file).
# The registry that loads is the same as from the UTF-8 files.  A file
# that is neither UTF-8 nor Windows-1252 keeps its per-line errors, after
# one line saying what it seems to be.
. "$DCINET_SRC/tests/e2e/clilib.sh"

command -v iconv >/dev/null || fail "iconv missing (libc-bin)"
mkdir "$TMP/sheet" "$TMP/tabs"
for f in tests/fixtures/mini/*.csv; do
	name=$(basename "$f")
	# every comma outside quotes becomes ';' (the fixture quotes none of
	# its separators inside fields except the one noted below), then to
	# Windows-1252, CRLF line ends as a spreadsheet writes them
	awk 'BEGIN { FS = ""; OFS = "" }
	{ q = 0; out = ""
	  for (i = 1; i <= NF; i++) { c = $i; if (c == "\"") q = !q; if (c == "," && !q) c = ";"; out = out c }
	  printf "%s\r\n", out }' "$f" | iconv -f UTF-8 -t WINDOWS-1252 >"$TMP/sheet/$name" ||
		fail "cannot convert $name"
	awk 'BEGIN { FS = "" }
	{ q = 0; out = ""
	  for (i = 1; i <= NF; i++) { c = $i; if (c == "\"") q = !q; if (c == "," && !q) c = "\t"; out = out c }
	  print out }' "$f" >"$TMP/tabs/$name"
done
grep -q ';' "$TMP/sheet/posts.csv" || fail "the copy has no ';'"
iconv -f UTF-8 -t UTF-8 "$TMP/sheet/countries.csv" >/dev/null 2>&1 && fail "the copy is still UTF-8"

run "$DCINET" --check "$TMP/sheet"
expect_status 0
expect_err "sheet: 48 rows, no errors"
expect_err "countries.csv: warning: not UTF-8: read as Windows-1252 and converted"
# one warning per file that is not UTF-8, no more
[ "$(grep -c 'countries.csv: warning' "$TMP/err")" -eq 1 ] || fail "several warnings for one file"
run "$DCINET" --check "$TMP/tabs"
expect_status 0
[ "$(wc -l <"$TMP/err")" -eq 1 ] || fail "tab-separated UTF-8 files gave warnings: $(cat "$TMP/err")"

# The same registry as from the UTF-8 files.
"$DCINET" --data tests/fixtures/mini --export json >"$TMP/a.json" 2>/dev/null || fail "export a"
"$DCINET" --data "$TMP/sheet" --export json >"$TMP/b.json" 2>/dev/null || fail "export b"
cmp -s "$TMP/a.json" "$TMP/b.json" || fail "the spreadsheet copy loads a different registry"
run "$DCINET" --data "$TMP/sheet" --find namibie
expect_status 0
expect_out "answer: Namibia (Namibie, NA)"

# Neither UTF-8 nor Windows-1252 (0x81 is undefined there): one line says
# so, then the per-line errors as before.
cp -r tests/fixtures/mini "$TMP/bad"
printf 'new-delhi,s-namibia,bad \201 byte\n' >>"$TMP/bad/post_sources.csv"
run "$DCINET" --check "$TMP/bad"
expect_status 65
expect_err "post_sources.csv: neither UTF-8 nor Windows-1252 text (the first bad byte is on line 3)"
expect_err "post_sources.csv:3: note: invalid UTF-8 at byte 5"
exit 0
