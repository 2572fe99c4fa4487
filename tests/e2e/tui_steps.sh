#!/bin/sh
# SPDX-License-Identifier: MIT
# n and N step through every hit of the last search, not only those the
# screen showed (the ones beyond are fetched with search_run's offset);
# a post opened from the search is placed mid-viewport in Posts, not at
# its edge; the key bar offers only keys that act in the focused pane
# (no "Esc back" in Overview, where there is nothing to go back to).
. "$(dirname "$0")/tmuxlib.sh"

# The key bar follows what acts (wide enough to hold every label).
tl_start 200 30
tl_wait "2 Posts ("
tl_wait "Esc back"
tl_keys 1
tl_wait_gone "Esc back"
tl_wait "n next hit"
tl_keys Escape
tl_wait "1 Overview"
tl_keys 3
tl_wait "Esc back"
tl_wait_gone "s sort"
tl_keys q
tl_wait_exit >/dev/null

tl_start 80 24
tl_wait "2 Posts ("

# "a" matches far more than 80x24 shows.
tl_keys /
tl_type a
tl_wait "Countries (4+)"
tl_keys Tab
tl_wait_gone "Countries (4+)"
i=2
while [ "$i" -le 24 ]; do
	tl_keys n
	tl_wait "Countries hit $i: "
	i=$((i + 1))
done
# Back to the first, then N wraps to the last hit of the last kind.
tl_keys N
tl_wait "Countries hit 23: "
themes=$("$DCINET" --data "$DCINET_SRC/data" --find a --format tsv | grep -c '^theme')
[ "$themes" -gt 3 ] || tl_fail "expected more themes than the screen shows, got $themes"
tl_keys g
i=23
while [ "$i" -gt 1 ]; do
	tl_keys N
	i=$((i - 1))
done
tl_wait "Countries hit 1: "
tl_keys N
tl_wait "Themes hit $themes: "
tl_keys n
tl_wait "Countries hit 1: "

# Enter from a search: the post is put mid-viewport in Posts.
tl_keys /
tl_type ottawa
tl_wait "Enter Canada: the post in Ottawa"
tl_keys Enter
tl_wait "3 Roster Ottawa, Canada"
screen=$(tl_screen)
head_row=$(printf '%s\n' "$screen" | grep -n '^  City ' | cut -d: -f1)
sel_row=$(printf '%s\n' "$screen" | grep -n '^> Ottawa' | cut -d: -f1)
last_row=$(printf '%s\n' "$screen" | wc -l)
[ -n "$head_row" ] && [ -n "$sel_row" ] || tl_fail "Posts does not select Ottawa"
above=$((sel_row - head_row - 1))
below=$((last_row - 1 - sel_row))
[ "$above" -ge 3 ] && [ "$below" -ge 3 ] ||
	tl_fail "Ottawa is at the edge of the Posts viewport ($above rows above, $below below)"

tl_keys q
status=$(tl_wait_exit)
[ "$status" = 0 ] || tl_fail "q exited $status"
exit 0
