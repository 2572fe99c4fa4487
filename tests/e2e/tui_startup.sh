#!/bin/sh
# SPDX-License-Identifier: MIT
# The browser starts with all four panes, the key bar and a selection, on
# the terminals we promise (colour, monochrome, NO_COLOR), and q exits 0
# with the terminal's screen restored.
. "$(dirname "$0")/tmuxlib.sh"

for setup in "TERM=tmux-256color" "TERM=xterm" "TERM=screen" "TERM=vt100 NO_COLOR=1"; do
	# shellcheck disable=SC2086
	tl_start 100 30 $setup
	for title in "1 Overview" "2 Posts (" "3 Roster" "4 Search"; do
		tl_wait "$title"
	done
	tl_wait "q quit"
	tl_screen | grep -q '^> ' || tl_fail "$setup: no row marked as selected"
	tl_screen | grep -qF "Directorate of International Cooperation" ||
		tl_fail "$setup: the Overview shows no directorate"
	tl_keys q
	status=$(tl_wait_exit)
	[ "$status" = 0 ] || tl_fail "$setup: q exited $status"
	# The browser's screen is gone: endwin() gave the terminal back (a
	# vt100 has no alternate screen to leave, so its screen stays).
	case $setup in
	*vt100*) ;;
	*) tl_wait_gone "2 Posts (" ;;
	esac
done
exit 0
