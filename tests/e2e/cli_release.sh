# SPDX-License-Identifier: MIT
# cli_release.sh: the version is the file VERSION, which dcinet --version
# prints and NEWS describes; the man pages point at each other and say who
# wrote them and where bugs go.
. "$DCINET_SRC/tests/e2e/clilib.sh"

version=$(cat VERSION)
case $version in
[0-9]*.[0-9]*.[0-9]*) ;;
*) fail "VERSION holds '$version', not a version" ;;
esac
run "$DCINET" --version
expect_status 0
[ "$(cat "$TMP/out")" = "dcinet $version" ] || fail "--version prints '$(cat "$TMP/out")', VERSION says $version"
grep -q "^dcinet $version\\b" NEWS || fail "NEWS has no entry for $version"
! grep -rn 'define DCINET_VERSION' core cli tui || fail "the version is defined in the sources too"

for m in man/dcinet.1 man/dcinet-data.5; do
	for s in 'SEE ALSO' AUTHORS BUGS; do
		grep -q "^\\.Sh $s\$" "$m" || fail "$m has no $s section"
	done
done
sed -n '/^\.Sh SEE ALSO/,/^\.Sh /p' man/dcinet.1 | grep -q '^\.Xr dcinet-data 5' ||
	fail "dcinet(1) SEE ALSO does not name dcinet-data(5)"
sed -n '/^\.Sh SEE ALSO/,/^\.Sh /p' man/dcinet-data.5 | grep -q '^\.Xr dcinet 1' ||
	fail "dcinet-data(5) SEE ALSO does not name dcinet(1)"
exit 0
