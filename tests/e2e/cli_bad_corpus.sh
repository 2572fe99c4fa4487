# SPDX-License-Identifier: MIT
# cli_bad_corpus.sh: the bad-input corpus, tests/bad/ (one directory a
# case, laid out by tests/bad/build.sh).  Each case through `dcinet --check`:
# the exact standard error and exit code.  Then the case with terminal
# escapes in every text column through --find: sanitised on a terminal (a
# pseudo-terminal made by script(1)), escaped in JSON, as is in a pipe.
. "$DCINET_SRC/tests/e2e/clilib.sh"

# Byte-exact matching; dcinet itself runs in a UTF-8 locale (u8 below).
cgrep() { LC_ALL=C grep "$@"; }
u8() { LC_ALL=C.UTF-8 "$@"; }

# diff_or_fail NAME WANT GOT: fail with a readable diff (controls shown).
diff_or_fail() {
	cmp -s "$2" "$3" && return 0
	diff -u "$2" "$3" | cat -v | head -n 40 >&2
	fail "$1: output differs from $2"
}

cases=0
for case in tests/bad/*/; do
	case=${case%/}
	name=$(basename "$case")
	[ -s "$case/about" ] || fail "$name: no about file"
	[ -f "$case/expect" ] || fail "$name: no expect file"
	dir="$TMP/$name"
	tests/bad/build.sh "$case" "$dir" || fail "$name: build.sh failed"
	run "$DCINET" --check "$dir"
	want=65
	[ -f "$case/status" ] && want=$(cat "$case/status")
	[ "$status" -eq "$want" ] || fail "$name: want exit $want, got $status: $(head -c 600 "$TMP/err" | cat -v)"
	sed "s|@DIR@|$dir|g" "$case/expect" >"$TMP/want"
	diff_or_fail "$name" "$TMP/want" "$TMP/err"
	[ -s "$TMP/out" ] && fail "$name: --check wrote to standard output"
	cases=$((cases + 1))
done
[ "$cases" -ge 25 ] || fail "only $cases cases in tests/bad"

# ---- escapes in every text column ---------------------------------------
dir="$TMP/escapes-every-text-column"
esc=$(printf '\033')
bel=$(printf '\007')
c1=$(printf '\302\233')
rlo=$(printf '\342\200\256')

# no_raw FILE WHAT: FILE holds none of ESC, BEL, U+009B, U+202E.
no_raw() {
	for b in "$esc" "$bel" "$c1" "$rlo"; do
		if cgrep -qF -- "$b" "$1"; then fail "$2: a raw $(printf '%s' "$b" | od -An -tx1) reached it"; fi
	done
}

# On a terminal, every hit kind shows the substitutes: ^[ ^G and U+FFFD.
u8 script -qec "\"$DCINET\" --data \"$dir\" --find evil" /dev/null </dev/null >"$TMP/tty.raw"
status=$?
[ "$status" -eq 0 ] || fail "--find evil on a terminal: exit $status"
tr -d '\r' <"$TMP/tty.raw" >"$TMP/tty"
diff_or_fail "--find on a terminal" tests/bad/escapes-every-text-column/find.expect "$TMP/tty"
no_raw "$TMP/tty" "--find on a terminal"
cgrep -qF 'Evilcity^[[2J^[]52;c;ZXZpbA==^G^[]8;;http://evil.example/^[\link' "$TMP/tty" \
	|| fail "--find on a terminal: substitutes missing"

# The other formats on a terminal are sanitised too.
for fmt in plain tsv; do
	u8 script -qec "\"$DCINET\" --data \"$dir\" --find evil --format $fmt" /dev/null </dev/null \
		| tr -d '\r' >"$TMP/tty.$fmt"
	cgrep -q Evilcity "$TMP/tty.$fmt" || fail "--format $fmt on a terminal: no hit"
	no_raw "$TMP/tty.$fmt" "--format $fmt on a terminal"
done

# In JSON whatever the sanitiser would replace is a \u escape, and the
# value comes back byte for byte.
run u8 "$DCINET" --data "$dir" --find evil --json
expect_status 0
no_raw "$TMP/out" "--json"
expect_out 'Evilcity\u001b[2J\u001b]52;c;ZXZpbA==\u0007\u001b]8;;http://evil.example/\u001b\\link\u001b]8;;\u001b\\\u009b2J\u202etxt'
printf 'Evilcity\033[2J\033]52;c;ZXZpbA==\007\033]8;;http://evil.example/\033\\link\033]8;;\033\\\302\2332J\342\200\256txt' >"$TMP/want"
jq -j '.hits[] | select(.kind == "post") | .label' "$TMP/out" >"$TMP/got" || fail "--json: not JSON"
cmp -s "$TMP/want" "$TMP/got" || fail "--json: the label did not come back byte for byte"
[ "$(jq '[.hits[] | .kind] | unique | length' "$TMP/out")" -eq 4 ] || fail "--json: a hit kind is missing"

# In a pipe too (| less -R, | cat), every text format is sanitised; only
# JSON carries the exact bytes, escaped.
for fmt in text plain tsv; do
	run u8 "$DCINET" --data "$dir" --find evil --format "$fmt"
	expect_status 0
	cgrep -q Evilcity "$TMP/out" || fail "--format $fmt in a pipe: no hit"
	no_raw "$TMP/out" "--format $fmt in a pipe"
done
exit 0
