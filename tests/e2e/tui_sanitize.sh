#!/bin/sh
# SPDX-License-Identifier: MIT
# A field holding escape sequences (clear screen, set the window title)
# is shown as visible text (^[) and never acts on the terminal.
. "$(dirname "$0")/tmuxlib.sh"

cp -r "$DCINET_SRC/data" "$TL_TMP/data"
esc=$(printf '\033') bel=$(printf '\007')
sed "s/Michel LEMEE,/Michel LEMEE${esc}[2J${esc}]2;pwned${bel},/" \
	"$DCINET_SRC/data/staff.csv" > "$TL_TMP/data/staff.csv"
grep -q pwned "$TL_TMP/data/staff.csv" || tl_fail "could not plant the sequence"

tl_start 100 30 -- --data "$TL_TMP/data"
tl_wait "2 Posts ("
tl_keys /
tl_type lemee
tl_wait "Staff"
tl_keys Enter
tl_wait "LEMEE^[[2J^[]2;pwned^G"
# Had ESC [2J reached the terminal, the other panes would be gone.
tl_wait "1 Overview"
tl_wait "2 Posts ("
title=$(tl_tmux display-message -p -t "t$TL_N" '#{pane_title}')
[ "$title" != pwned ] || tl_fail "the OSC sequence set the window title"
tl_keys q
status=$(tl_wait_exit)
[ "$status" = 0 ] || tl_fail "q exited $status"
exit 0
