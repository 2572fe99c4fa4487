#!/bin/sh
# SPDX-License-Identifier: MIT
# A registry that fails under the browser (here a search index is
# missing) says so on the search box's own line, in the browser's screen,
# never by writing over it; the hits that still work stay.
. "$(dirname "$0")/tmuxlib.sh"

db="$TL_TMP/reg.db"
"$DCINET" --import "$DCINET_SRC/data" --db "$db" >/dev/null 2>&1 || tl_fail "import"
sqlite3 "$db" "DROP TABLE fts_staff;" || tl_fail "sqlite3"
tl_start 100 30 -- --db "$db"
tl_wait "2 Posts ("
tl_keys /
tl_type nep
tl_wait "The search failed: no such table: fts_staff"
tl_wait "Enter Nepal: covered from New Delhi, India"
tl_screen | sed -n 3p | grep -q "The search failed" ||
	tl_fail "the failure is not on the search box's first line"
tl_screen | sed -n 1p | grep -q "^dcinet · DCI network" || tl_fail "the title line was written over"
tl_keys Escape
tl_keys q
status=$(tl_wait_exit)
[ "$status" = 0 ] || tl_fail "q exited $status"
exit 0
