#!/bin/sh
# SPDX-License-Identifier: MIT
# Ctrl-C, SIGTERM and SIGHUP end the browser cleanly: exit status 0 and the
# terminal's own screen back (endwin ran).
. "$(dirname "$0")/tmuxlib.sh"

tl_start 100 30
tl_wait "2 Posts ("
tl_keys C-c
status=$(tl_wait_exit)
[ "$status" = 0 ] || tl_fail "Ctrl-C exited $status"
tl_wait_gone "2 Posts ("

for sig in TERM HUP; do
	tl_start 100 30
	tl_wait "2 Posts ("
	kill -"$sig" "$(tl_pid)"
	status=$(tl_wait_exit)
	[ "$status" = 0 ] || tl_fail "SIG$sig: exit status $status"
	tl_wait_gone "2 Posts ("
done

# Ctrl-C while typing in the search box quits too.
tl_start 100 30
tl_wait "2 Posts ("
tl_keys /
tl_type nep
tl_wait "New Delhi"
tl_keys C-c
status=$(tl_wait_exit)
[ "$status" = 0 ] || tl_fail "Ctrl-C in the search box exited $status"
exit 0
