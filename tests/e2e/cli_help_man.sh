# SPDX-License-Identifier: MIT
# cli_help_man.sh: the options --help lists are the options the man page's
# OPTIONS list describes, short and long, both ways.
. "$DCINET_SRC/tests/e2e/clilib.sh"

run "$DCINET" --help
expect_status 0
# "  -d, --data DIR ..." and "      --diff OLD NEW ...": one option a line
sed -n 's/^  *\(-[A-Za-z], \)\{0,1\}\(--[a-z-]*\).*/\1\2/p' "$TMP/out" |
	sed 's/, / /' | sort >"$TMP/help"
# ".It Fl d , Fl \-data Ar dir" and ".It Fl \-no-mouse"
sed -n '/^\.Sh OPTIONS/,/^\.Sh /p' man/dcinet.1 |
	sed -n 's/^\.It Fl \([A-Za-z]\) , Fl \\-\([a-z-]*\).*/-\1 --\2/p; s/^\.It Fl \\-\([a-z-]*\).*/--\1/p' |
	sort >"$TMP/man"
[ "$(wc -l <"$TMP/help")" -ge 15 ] || fail "read only $(wc -l <"$TMP/help") options from --help"
diff "$TMP/help" "$TMP/man" >"$TMP/diff" ||
	fail "--help (<) and the OPTIONS of dcinet(1) (>) differ: $(cat "$TMP/diff")"
exit 0
