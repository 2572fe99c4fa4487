#!/bin/sh
# SPDX-License-Identifier: MIT
# make-corpus.sh OUT: seed corpora for the fuzz targets, in OUT/corpus-NAME/.
# Sources: the shipped data/, the mini fixture, and every case of the
# bad-input corpus tests/bad/ (each case laid out by tests/bad/build.sh).
# Inputs over 100 kB are left out: libFuzzer sizes its inputs on the
# largest seed.  Run from the top of the source tree.
set -eu
out=${1:?usage: make-corpus.sh OUTDIR}
max=100000
# The registry's files in load order, as core/tables.c lists them.
tables=$(grep -o '"[a-z_]*\.csv"' core/tables.c | tr -d '"')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Seeds are (re)written by name; what the fuzzer added to a corpus stays.
for t in import_file import_dir query sanitize osc; do
	mkdir -p "$out/corpus-$t"
done

small() { [ "$(wc -c <"$1")" -le "$max" ]; }

# seed_file NAME FILE INDEX: one table's file, its index byte first.
seed_file() {
	small "$2" || return 0
	{ printf "\\$(printf %03o "$3")"; cat "$2"; } >"$out/corpus-import_file/$1"
}

# seed_dir NAME DIR: a whole directory, files joined by 0x1E.
seed_dir() {
	first=1
	for f in $tables; do
		[ "$first" = 1 ] || printf '\036'
		first=0
		[ -f "$2/$f" ] && cat "$2/$f"
	done >"$tmp/dir"
	small "$tmp/dir" && cp "$tmp/dir" "$out/corpus-import_dir/$1"
	return 0
}

# seed_text NAME FILE: one whole file for the sanitiser, in both modes
# (flag byte 0x7E: wide buffer, 0x7F: wide buffer and ASCII).
seed_text() {
	small "$2" || return 0
	{ printf '\176'; cat "$2"; } >"$out/corpus-sanitize/$1"
	{ printf '\177'; cat "$2"; } >"$out/corpus-sanitize/$1-ascii"
}

for src in data tests/fixtures/mini; do
	name=$(echo "$src" | tr / -)
	i=0
	for f in $tables; do
		if [ -f "$src/$f" ]; then
			seed_file "$name-$f" "$src/$f" "$i"
			seed_text "$name-$f" "$src/$f"
		fi
		i=$((i + 1))
	done
	seed_dir "$name" "$src"
done

# The importer's threaded path (fuzz_import_file: index byte 0xF0 + table).
i=0
for f in $tables; do
	seed_file "tests-fixtures-mini-$f-threaded" "tests/fixtures/mini/$f" $((240 + i))
	i=$((i + 1))
done

for case in tests/bad/*/; do
	[ -d "$case" ] || continue
	case=${case%/}
	name=bad-$(basename "$case")
	rm -rf "$tmp/c"
	tests/bad/build.sh "$case" "$tmp/c"
	i=0
	for f in $tables; do
		if ! cmp -s "$tmp/c/$f" "tests/fixtures/mini/$f"; then
			seed_file "$name-$f" "$tmp/c/$f" "$i"
			seed_text "$name-$f" "$tmp/c/$f"
		fi
		i=$((i + 1))
	done
	seed_dir "$name" "$tmp/c"
done

# The search box: what people type, and what a hostile paste holds.
q="$out/corpus-query"
n=0
while IFS= read -r line; do
	n=$((n + 1))
	printf '%s' "$line" >"$q/seed-$n"
done <<'SEEDS'
nepal
neP
côte d'ivoire
cote d ivoire
SÉCURITÉ
securite
new delhi
pretoria
lemee
commissaire divisionnaire
terrorism
"quoted" words
NEAR(a b, 2)
a AND b OR NOT c
col:value
-minus +plus ^caret
"unbalanced
a* b* "c"*
(( ))
{id city}: x
北京
Ελλάδα
SEEDS
cut -d, -f3 data/countries.csv | head -40 >"$tmp/names"
while IFS= read -r line; do
	n=$((n + 1))
	printf '%s' "$line" >"$q/seed-$n"
done <"$tmp/names"
printf 'a\033[2Jb' >"$q/seed-esc"
printf '\302\233x \342\200\256y' >"$q/seed-c1-bidi"
printf '\377\300\257 \355\240\200' >"$q/seed-bad-utf8"

s="$out/corpus-sanitize"
printf '\000a\033[2Jb' >"$s/csi"
printf '\020\033]52;c;ZXZpbA==\007' >"$s/osc52"
printf '\041\033]8;;http://x\033\\y' >"$s/osc8"
printf '\042a\302\233' >"$s/c1"
printf '\043x\342\200\256abc\342\201\246' >"$s/bidi"
printf '\044bad\377\300\257\355\240\200\364\220\200\200' >"$s/bad-utf8"
printf '\077Sécurité, Côte d’Ivoire, Œuvre, 20 €…' >"$s/ascii"
printf '\011\360\237\230\200\360\237\230\200\360\237\230\200' >"$s/four-byte"
# The links the browser makes: every phone and e-mail of the shipped posts.
o="$out/corpus-osc"
n=0
for col in phone email; do
	i=$(head -n 1 data/posts.csv | tr ',' '\n' | grep -nx "$col" | cut -d: -f1)
	tail -n +2 data/posts.csv | cut -d, -f"$i" | sort -u | while IFS= read -r v; do
		n=$((n + 1))
		printf '%s' "$v" >"$o/$col-$n"
	done
done
cp fuzz/regress/osc/* "$o/"

echo "make-corpus.sh: $(find "$out"/corpus-* -type f | wc -l) seeds in $out/corpus-*"
