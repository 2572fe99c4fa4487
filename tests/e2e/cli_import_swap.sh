# SPDX-License-Identifier: MIT
# cli_import_swap.sh: another user swaps the import's temporary name for a
# link of their own at the worst moment, just before the rename (gdb stops
# the import there): the import notices, installs a fresh copy instead,
# and the database is its own regular file; nothing is written through
# the link.
. "$DCINET_SRC/tests/e2e/clilib.sh"

command -v gdb >/dev/null || fail "gdb missing (tools/install-deps.sh test)"
shared="$TMP/shared"
mkdir "$shared"
db="$shared/reg.db"
run "$DCINET" --import tests/fixtures/mini --db "$db"
expect_status 0
echo precious >"$TMP/victim"
cat >"$TMP/gdb.cmds" <<EOC
set pagination off
set confirm off
break renameat
run
shell for f in "$shared"/reg.db.tmp-*; do ln -sf "$TMP/victim" "\$f"; done
delete
continue
EOC
# LeakSanitizer cannot run under ptrace (make test-asan): off for this run.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
	gdb -q -batch -x "$TMP/gdb.cmds" --args "$DCINET" --import tests/fixtures/mini --db "$db" \
	>"$TMP/gdb.out" 2>&1 </dev/null
grep -q "Breakpoint 1" "$TMP/gdb.out" || fail "gdb did not stop the import: $(tail -5 "$TMP/gdb.out")"
grep -q "exited normally" "$TMP/gdb.out" || fail "the import failed: $(tail -5 "$TMP/gdb.out")"
[ "$(cat "$TMP/victim")" = precious ] || fail "the import wrote through the planted link"
[ -f "$db" ] && [ ! -L "$db" ] || fail "the planted link became the database: $(ls -l "$db")"
run "$DCINET" --db "$db" --find namibia
expect_status 0
expect_out "Namibia"
exit 0
