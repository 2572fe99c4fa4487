#!/bin/sh
# SPDX-License-Identifier: MIT
# tui_golden.sh: whole screens, compared character for character with the
# files in tests/golden/, one a state and a size (80x24 and 120x40): the
# start, the help popup (?), a search and its answer (/nepal), a roster
# opened from a search (/namibie Enter), French (L) and a 7-bit terminal
# (LANG=C).  A refactoring that changes no screen passes; a change meant
# to change a screen refreshes the files with
#
#     make golden     (or DCINET_GOLDEN_UPDATE=1 sh tests/e2e/tui_golden.sh)
#
# and the diff of tests/golden/ shows what changed.  What varies is
# pinned: the clock (DCINET_NOW, for the local time in the answer line
# and the stale mark's threshold), the stale years, the language, and
# the registry label in the title (--data data, from the source tree).
. "$(dirname "$0")/tmuxlib.sh"

GOLDEN=$DCINET_SRC/tests/golden
NOW=1780000000             # 2026-05-28 20:26:40 UTC
failed=0

# The command runs in the source tree, so the title names "data" wherever
# the tree is.
cd "$DCINET_SRC" || exit 1

# Wait until two readings 200 ms apart are the same screen.
settle() {
	prev=$(tl_screen)
	tries=50
	while [ "$tries" -gt 0 ]; do
		sleep 0.2
		cur=$(tl_screen)
		[ "$cur" = "$prev" ] && return 0
		prev=$cur
		tries=$((tries - 1))
	done
	tl_fail "the screen did not settle"
}

# check NAME: compare the screen with tests/golden/NAME.txt, or write it.
check() {
	settle
	tl_screen > "$TL_TMP/$1.txt"
	if [ "${DCINET_GOLDEN_UPDATE:-}" = 1 ]; then
		mkdir -p "$GOLDEN"
		cp "$TL_TMP/$1.txt" "$GOLDEN/$1.txt"
		echo "tui_golden: wrote tests/golden/$1.txt"
	elif [ ! -f "$GOLDEN/$1.txt" ]; then
		echo "tui_golden: FAIL: no tests/golden/$1.txt (make golden writes it)" >&2
		failed=1
	elif ! diff -u "$GOLDEN/$1.txt" "$TL_TMP/$1.txt" >&2; then
		echo "tui_golden: FAIL: $1 differs from tests/golden/$1.txt" \
		     "(above; make golden refreshes it when the change is meant)" >&2
		failed=1
	fi
}

# start COLS ROWS [VAR=VALUE...]: the browser on the shipped data, pinned.
start() {
	cols=$1 rows=$2
	shift 2
	tl_start "$cols" "$rows" DCINET_NOW=$NOW DCINET_STALE_YEARS=5 LANGUAGE= TZ=UTC \
		NO_COLOR= DCINET_LINKS= "$@" -- --data data
	tl_wait "Enter roster"
}

quit() {
	tl_keys C-c
	tl_wait_exit >/dev/null
}

for size in 80x24 120x40; do
	cols=${size%x*} rows=${size#*x}

	start "$cols" "$rows"
	check "start-$size"
	tl_keys "?"
	tl_wait "dcinet keys"
	check "help-$size"
	tl_keys Escape
	tl_wait_gone "dcinet keys"
	tl_keys /
	tl_type nepal
	tl_wait "Enter Nepal: covered from New Delhi, India"
	check "search-$size"
	quit

	start "$cols" "$rows"
	tl_keys /
	tl_type namibie
	tl_wait "Namibia"
	tl_keys Enter
	tl_wait "Roster Pretoria"
	check "roster-$size"
	quit

	start "$cols" "$rows"
	tl_keys L
	tl_wait "Interface et données en français"
	check "french-$size"
	quit

	start "$cols" "$rows" LANG=C LC_ALL=C
	check "ascii-$size"
	quit
done
exit "$failed"
