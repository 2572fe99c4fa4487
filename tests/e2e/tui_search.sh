#!/bin/sh
# SPDX-License-Identifier: MIT
# The desk's question, in the browser: who covers Nepal, Namibia?  A
# country found by its French name shows its covering post; Enter opens
# the post in Posts and Roster; letters typed in the box are text, never
# commands; Esc returns and keeps the search (for n and N).
. "$(dirname "$0")/tmuxlib.sh"

tl_start 100 30
tl_wait "2 Posts ("

# "nepal" finds Népal, covered from New Delhi; accents show as accents.
tl_keys /
tl_type nepal
tl_wait "Countries (1"
tl_wait "New Delhi"
tl_wait "Népal"
tl_keys Escape
tl_wait "1 Overview"
tl_wait "4 Search: nepal"
tl_wait "(n/N: next/previous)"

# "namibie" (French) finds Namibia, covered by Pretoria; Enter opens it
# and the roster names the attaché.
tl_keys /
tl_type namibie
tl_wait "Pretoria"
tl_keys Enter
tl_wait "3 Roster Pretoria"
tl_wait "LEMEE"
tl_wait "+27 12 425 1740"
tl_screen | grep -q '^> Pretoria' || tl_fail "Posts does not select Pretoria"

# n steps through the hits from any pane.
tl_keys n
tl_wait "Hit 1/1: Namibia"

# In the box, q, s and digits are text: the browser neither quits nor
# switches pane.
tl_keys /
tl_keys C-u
tl_type "qs1?"
tl_wait "4 Search: qs1?"
tl_running || tl_fail "q typed in the search box quit the browser"
tl_keys Escape
tl_wait "1 Overview"

# The answer names what the hits are: several people, not posts.
tl_keys /
tl_keys C-u
tl_type "colonel"
tl_wait 'Several people match "colonel"'
tl_keys Escape

tl_keys q
status=$(tl_wait_exit)
[ "$status" = 0 ] || tl_fail "q exited $status"
exit 0
