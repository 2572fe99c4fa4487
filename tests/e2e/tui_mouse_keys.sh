#!/bin/sh
# SPDX-License-Identifier: MIT
# The keys and the mouse people know from htop, less, tig and readline: a
# click selects a post and focuses its pane, a second click opens it, the
# wheel scrolls, a click closes the help; F10 quits, Ctrl-L redraws,
# Ctrl-N/Ctrl-P move; in the search box Ctrl-A/E/W/K, Alt-B/F edit as
# readline does, and Esc keeps the search for n.  DCINET_MOUSE=0 leaves
# the mouse alone.  Clicks are sent as the bytes a terminal sends in the
# mouse mode curses asks of tmux-256color (kmous=\E[M: ESC [ M, then the
# button, column and row, each plus 32, the cells counted from 1).
. "$(dirname "$0")/tmuxlib.sh"

# mouse BUTTON COL ROW: one report (0 press, 3 release, 64/65 wheel up/down)
mouse() {
	tl_type "$(printf '\033[M%b%b%b' "$(printf '\\%03o' $(($1 + 32)))" \
		"$(printf '\\%03o' $(($2 + 33)))" "$(printf '\\%03o' $(($3 + 33)))")"
}
# click COL ROW (0-based screen cell); wheel up|down COL ROW
click() {
	mouse 0 "$1" "$2"
	mouse 3 "$1" "$2"
}
wheel() {
	if [ "$1" = up ]; then mouse 64 "$2" "$3"; else mouse 65 "$2" "$3"; fi
}
# row_of TEXT: the 0-based screen row of the first line holding TEXT
row_of() {
	tl_screen | grep -nF -- "$1" | head -n 1 | cut -d: -f1 | awk '{ print $1 - 1 }'
}

tl_start 100 30
tl_wait "2 Posts (71, by city)"
tl_wait "> Abidjan"
posts=$(row_of "2 Posts (")
# Abidjan, Algiers, Antananarivo, Athens: a click on the fourth row.
click 5 $((posts + 5))
tl_wait "> Athens"
tl_wait "3 Roster Athens, Greece"
# The same row again, at once: opened, as Enter (Roster takes the focus;
# its key bar has no "s sort").
click 5 $((posts + 5))
tl_wait_gone "s sort"
# The wheel over Posts moves its selection three rows.
wheel down 5 $((posts + 4))
tl_wait "> Bangkok"
# A click on a pane's title only focuses it.
click 3 "$(row_of "1 Overview")"
tl_wait_gone "y copy"
# The help closes on a click, inside or outside.
tl_keys "?"
tl_wait "Everywhere"
click 50 10
tl_wait_gone "Everywhere"
# A hit in the search box: the click selects it, the answer follows.
tl_keys /
tl_type korea
tl_wait "Several countries match"
click 5 "$(row_of "Korea, Republic of")"
tl_wait "Enter Korea, Republic of: the post in Korea, Republic of"

# Readline in the search box.
tl_keys C-u
tl_type "new dehli"
tl_wait "4 Search: new dehli"
tl_keys C-w
tl_wait_gone "dehli"
tl_type york
tl_wait "Enter United States: the post in Washington"
tl_keys C-a
tl_type "x"
tl_wait "4 Search: xnew york"
tl_keys C-e C-h BSpace
tl_wait "4 Search: xnew yo"
tl_keys Escape b         # Alt-B: back one word, before "yo"
tl_keys C-k
tl_wait "4 Search: xnew"
tl_keys Home Delete
tl_wait "4 Search: new"
tl_keys C-u
tl_type nepal
tl_wait "Enter Nepal: covered from New Delhi"
# Esc leaves the box and keeps the search: n steps through its hits.
tl_keys Escape
tl_wait "(n/N: next/previous)"
tl_keys n
tl_wait "Hit 1/"
# Ctrl-N and Ctrl-P in Posts; Ctrl-L redraws the same screen (once
# Roster has followed the cursor, which it does when the cursor rests).
tl_keys 2 g C-n C-n C-p
tl_wait "> Algiers"
tl_wait "Roster Algiers"
before=$(tl_screen)
tl_keys C-l
sleep 0.2
[ "$(tl_screen)" = "$before" ] || tl_fail "Ctrl-L changed the screen"
# F10 quits, as in htop.
tl_keys F10
status=$(tl_wait_exit)
[ "$status" = 0 ] || tl_fail "F10 exited $status"

# With DCINET_MOUSE=0 a click selects nothing (the terminal keeps it).
tl_start 100 30 DCINET_MOUSE=0
tl_wait "> Abidjan"
posts=$(row_of "2 Posts (")
click 5 $((posts + 5))
sleep 0.3
tl_screen | grep -q "> Athens" && tl_fail "DCINET_MOUSE=0: a click still selected a post"
tl_keys q
tl_wait_exit >/dev/null
# The option does the same.
tl_start 100 30 -- --data "$DCINET_SRC/data" --no-mouse
tl_wait "> Abidjan"
click 5 $((posts + 5))
sleep 0.3
tl_screen | grep -q "> Athens" && tl_fail "--no-mouse: a click still selected a post"
tl_keys q
tl_wait_exit >/dev/null
exit 0
