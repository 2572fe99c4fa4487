# SPDX-License-Identifier: MIT
# cli_completion.sh: the shell completions in completions/ know every option
# and every output format of dcinet --help (which lists the formats from
# their tables); bash's completes options, formats and directories
# (functionally, without bash-completion's helpers); zsh's and fish's parse
# when those shells are installed.
. "$DCINET_SRC/tests/e2e/clilib.sh"

comp=completions
command -v bash >/dev/null || fail "bash is needed"

# The long options --help lists.
run "$DCINET" --help
expect_status 0
cp "$TMP/out" "$TMP/help"
grep -oE -- '--[a-z][a-z-]+' "$TMP/help" | sort -u >"$TMP/help-opts"

# The formats --help lists under a heading ("Formats of --find"), from the
# tables the command line parses with (cli/formats.c): "text plain tsv json ".
help_formats() {
	awk -v h="$1" 'index($0, h) == 1 { on = 1; next } /^[^ ]/ { on = 0 }
		on && /^  [a-z]/ { printf "%s ", $1 }' "$TMP/help"
}
find_formats=$(help_formats "Formats of --find")
export_formats=$(help_formats "Formats of --export")
[ -n "$find_formats" ] && [ -n "$export_formats" ] || fail "--help lists no formats"
[ "$(wc -l <"$TMP/help-opts")" -ge 10 ] || fail "--help lists too few options: $(cat "$TMP/help-opts")"

# complete WORD...: the words bash's completion offers for the last WORD.
complete_words() {
	bash -c '
		source "$0" || exit 1
		complete -p dcinet | grep -q -- "-F _dcinet" || { echo "not registered" >&2; exit 1; }
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
		_dcinet dcinet "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
		printf "%s\n" "${COMPREPLY[@]}"' "$comp/dcinet.bash" dcinet "$@"
}

# bash: every option of --help, by completing "--".
complete_words -- >"$TMP/bash-opts" || fail "bash completion does not load"
missing=$(sort -u "$TMP/bash-opts" | comm -23 "$TMP/help-opts" -)
[ -z "$missing" ] || fail "bash completion lacks $missing"

[ "$(complete_words --form)" = --format ] || fail "--form does not complete to --format"
complete_words --fo | grep -qx -- --format || fail "--fo does not offer --format"
[ "$(complete_words --format "" | tr '\n' ' ')" = "$find_formats" ] ||
	fail "--format offers: $(complete_words --format '')"
[ "$(complete_words --format = j)" = json ] || fail "--format=j does not complete to json"
[ "$(complete_words -F ts)" = tsv ] || fail "-F ts does not complete to tsv"
[ "$(complete_words --export "" | tr '\n' ' ')" = "$export_formats" ] ||
	fail "--export offers: $(complete_words --export '')"
complete_words --diff data Makef | grep -qx Makefile || fail "--diff OLD NEW does not offer files for NEW"
# Directories for --data, --check and --import (data/ and tests/ here), and
# no plain file.
for opt in --data --check --import; do
	complete_words "$opt" "" >"$TMP/dirs"
	grep -qx data "$TMP/dirs" || fail "$opt does not offer the directory data: $(cat "$TMP/dirs")"
	! grep -qx Makefile "$TMP/dirs" || fail "$opt offers a file"
done
complete_words --db Makef | grep -qx Makefile || fail "--db does not offer files"
[ -z "$(complete_words --find "")" ] || fail "--find TEXT offers words"

# zsh and fish: every option, and the file parses where the shell is.
for f in "$comp/_dcinet" "$comp/dcinet.fish"; do
	for o in $(cat "$TMP/help-opts"); do
		case $f in
		*.fish) grep -qE -- "-l ${o#--}( |$)" "$f" ;;
		*) grep -qE -- "$o[]=[}]" "$f" ;;
		esac || fail "$f lacks $o"
	done
done
grep -qF ":format:(${find_formats% })" "$comp/_dcinet" || fail "_dcinet's --format lacks $find_formats"
grep -qF ":format:(${export_formats% })" "$comp/_dcinet" || fail "_dcinet's --export lacks $export_formats"
grep -qF -- "-l format -x -a '${find_formats% }'" "$comp/dcinet.fish" ||
	fail "dcinet.fish's --format lacks $find_formats"
grep -qF -- "-l export -x -a '${export_formats% }'" "$comp/dcinet.fish" ||
	fail "dcinet.fish's --export lacks $export_formats"
if command -v zsh >/dev/null; then
	zsh -n "$comp/_dcinet" || fail "_dcinet does not parse in zsh"
fi
if command -v fish >/dev/null; then
	fish -n "$comp/dcinet.fish" || fail "dcinet.fish does not parse in fish"
	fish_complete() { fish -c "source $comp/dcinet.fish; complete -C'dcinet $1'" | cut -f1; }
	[ "$(fish_complete --form)" = --format ] || fail "fish: --form does not complete to --format"
	[ "$(fish_complete '--format ' | tr '\n' ' ')" = "$(printf '%s\n' $find_formats | sort | tr '\n' ' ')" ] ||
		fail "fish: --format offers $(fish_complete '--format ')"
fi
exit 0
