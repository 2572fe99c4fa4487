#!/bin/sh
# SPDX-License-Identifier: MIT
# Resizing re-lays the screen out at once: four panes from 80x24, one pane
# under a tab line below that, a one-line message below 20x6, and back.
. "$(dirname "$0")/tmuxlib.sh"

tl_start 100 30
tl_wait "2 Posts ("

tl_resize 60 15
tl_wait "[2 Posts]"
tl_wait_gone "Overview —"    # the pane title, not the tab
tl_keys 3
tl_wait "[3 Roster]"
tl_keys /
tl_type nepal
tl_wait "New Delhi"
tl_keys Enter
tl_wait "3 Roster New Delhi"

tl_resize 40 12
tl_wait "[3 Roster]"

tl_resize 19 5
tl_wait "terminal too small"

tl_resize 80 24
tl_wait "1 Overview"
tl_wait "2 Posts ("
tl_wait "3 Roster New Delhi"

tl_resize 250 70
tl_wait "Network snapshots"
tl_resize 100 30
tl_wait "4 Search"

tl_running || tl_fail "the browser died while resizing"
tl_keys q
status=$(tl_wait_exit)
[ "$status" = 0 ] || tl_fail "q exited $status"
exit 0
