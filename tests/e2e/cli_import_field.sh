# SPDX-License-Identifier: MIT
# cli_import_field.sh: a field far over the 64 KiB limit is refused as
# too long, at once, in little memory: the importer stops keeping its
# bytes past the limit, so a 200 MB field fits under a 150 MB ulimit.
. "$DCINET_SRC/tests/e2e/clilib.sh"

reg="$TMP/reg"
mkdir "$reg" && cp tests/fixtures/mini/*.csv "$reg/" || fail "copy"
{ printf ',crime,'; head -c 209715200 /dev/zero | tr '\0' a; printf ',x,s-delhi\n'; } \
	>>"$reg/themes.csv"
# Under ASan or valgrind (a wrapper script) memory is theirs to count:
# no limit, no measure, only the message.
plain=1
if [ "$(head -c 2 "$DCINET")" = "#!" ] || grep -qa __asan_init "$DCINET"; then
	plain=0
fi
start=$(date +%s)
if [ $plain -eq 1 ]; then
	(ulimit -v 153600 && exec "$DCINET" --check "$reg") >"$TMP/out" 2>"$TMP/err" </dev/null
	status=$?
else
	run "$DCINET" --check "$reg"
fi
expect_status 65
expect_err "themes.csv:6: theme_en: field longer than 65536 bytes"
grep -q "bad quoting\|out of memory" "$TMP/err" && fail "reported as: $(cat "$TMP/err")"
[ "$(wc -l <"$TMP/err")" -eq 2 ] || fail "more than the one error: $(cat "$TMP/err")"
[ $plain -eq 0 ] || [ $(($(date +%s) - start)) -le 20 ] || fail "took $(($(date +%s) - start)) s"
if [ $plain -eq 1 ] && [ -x /usr/bin/time ]; then
	/usr/bin/time -f %M -o "$TMP/rss" "$DCINET" --check "$reg" >/dev/null 2>&1 </dev/null
	rss=$(tail -n 1 "$TMP/rss")
	[ "$rss" -lt 51200 ] || fail "peak RSS $rss kB for a 200 MB field"
fi
exit 0
