#!/bin/sh
# SPDX-License-Identifier: MIT
# The help screen comes from the key table and closes again; s cycles the
# sort; Tab and the digits move between panes; the key bar follows the
# focused pane.
. "$(dirname "$0")/tmuxlib.sh"

tl_start 100 30
tl_wait "2 Posts (" 
tl_wait "s sort"

tl_keys "?"
tl_wait "dcinet keys"
tl_wait "Shift-Tab"
tl_wait "Go to the previous pane"
tl_keys Escape
tl_wait_gone "dcinet keys"
tl_wait "2 Posts ("
tl_keys F1
tl_wait "dcinet keys"
tl_keys q
tl_wait_gone "dcinet keys"
tl_running || tl_fail "q in the help screen quit the browser"

tl_keys s
tl_wait "by country)"
tl_keys s
tl_wait "by updated)"
tl_keys s
tl_wait "by city)"

# The key bar follows the pane: Roster has no sort key.
tl_keys 3
tl_wait_gone "s sort"
tl_keys Tab
tl_wait "Enter open"
tl_keys BTab
tl_wait_gone "Enter open"
tl_keys 2
tl_wait "s sort"

# Moving changes the roster; End and Home go to the ends.
first=$(tl_screen | grep '^> ' | head -1)
tl_keys j
tl_poll '[ "$(tl_screen | grep "^> " | head -1)" != "$first" ]' 5 ||
	tl_fail "j did not move the selection"
tl_keys End
tl_keys Home
tl_poll '[ "$(tl_screen | grep "^> " | head -1)" = "$first" ]' 5 ||
	tl_fail "Home did not return to the first post"

# A page down shows the next page, the selection at its top, and the
# Roster follows; a page up shows the first page again.
tl_keys NPage
tl_poll '[ "$(tl_screen | grep "^> " | head -1)" != "$first" ]' 5 ||
	tl_fail "PgDn did not move the selection: $(tl_screen)"
tl_screen | grep -q "^  $(echo "$first" | cut -c3-12)" &&
	tl_fail "PgDn left the first page on the screen: $(tl_screen)"
paged=$(tl_screen | grep '^> ' | cut -c3-12 | sed 's/ *$//')
tl_poll 'tl_screen | grep -q "Roster $paged"' 5 ||
	tl_fail "the Roster did not follow PgDn to $paged: $(tl_screen)"
tl_keys PPage
tl_poll '[ "$(tl_screen | grep "^> " | head -1)" = "$first" ]' 5 ||
	tl_fail "PgUp did not return to the first post: $(tl_screen)"
tl_keys C-d
tl_poll '[ "$(tl_screen | grep "^> " | head -1)" != "$first" ]' 5 ||
	tl_fail "Ctrl-D did not move the selection"

tl_keys q
status=$(tl_wait_exit)
[ "$status" = 0 ] || tl_fail "q exited $status"
exit 0
