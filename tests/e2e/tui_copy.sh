#!/bin/sh
# SPDX-License-Identifier: MIT
# y copies the selected post's card over the terminal's clipboard
# sequence (OSC 52), which SSH and tmux (set-clipboard on) carry, and
# shows the card in a popup to select by hand where the terminal refuses
# it; Esc closes it.  The bytes the program writes are read with tmux
# pipe-pane, and tmux's own buffer shows the card arrived whole.
# With DCINET_LINKS=1 the phone and e-mail are OSC 8 links (tel:,
# mailto:), built by dcinet; without it, no link is written.
. "$(dirname "$0")/tmuxlib.sh"

ESC=$(printf '\033')
printf 'set -g set-clipboard on\n' >> "$TL_TMP/tmux.conf"

# raw_has TEXT: TEXT (a fixed string) is in what the program wrote.
raw_has() {
	raw_text=$1
	tl_poll 'grep -qaF -- "$raw_text" "$TL_TMP/raw.$TL_N"' 5 ||
		tl_fail "the program did not write: $(printf '%s' "$1" | cat -v)"
}

pipe_start() {
	: > "$TL_TMP/raw.$TL_N"
	tl_tmux pipe-pane -O -t "t$TL_N" "cat >> '$TL_TMP/raw.$TL_N'"
}

open_pretoria() {
	tl_keys /
	tl_type namibie
	tl_wait "Enter Namibia"
	tl_keys Enter
	tl_wait "3 Roster Pretoria"
}

tl_start 100 30 DCINET_LINKS=1
tl_wait "2 Posts ("
pipe_start
open_pretoria
# The links, over the phone and e-mail drawn in the roster; the text
# itself is unchanged on the screen.
raw_has "${ESC}]8;;tel:+27124251740${ESC}\\+27 12 425 1740${ESC}]8;;${ESC}\\"
raw_has "${ESC}]8;;mailto:sctip@telkomsa.net${ESC}\\sctip@telkomsa.net"
tl_wait "+27 12 425 1740 · sctip@telkomsa.net"

tl_keys y
tl_wait "Card"
tl_wait "Offered to your terminal's clipboard (OSC 52)"
tl_wait "Phone: +27 12 425 1740"
tl_wait "Covers: South Africa, Lesotho, Namibia (non-resident)"
raw_has "${ESC}]52;c;"
# The sequence is the card in base64, ended by BEL.
card=$(printf 'Internal Security Service, Embassy of France in South Africa\nPretoria, South Africa\n' |
	base64 -w 0 | cut -c 1-40)
raw_has "${ESC}]52;c;$card"
tl_poll 'tl_tmux show-buffer 2>/dev/null | grep -q "Phone: +27 12 425 1740"' 5 ||
	tl_fail "tmux did not receive the card on its clipboard"
tl_tmux show-buffer | grep -q "^As of: 2013-04-23 (source: seed-namibia-2013)$" ||
	tl_fail "the clipboard's card lacks its as-of line"
# The popup holds the keys: q closes it rather than quitting.
tl_keys q
tl_wait_gone "Offered to your terminal's clipboard"
tl_running || tl_fail "q in the card popup quit the browser"
# The links come back over the cells the popup covered.
tl_poll '[ "$(grep -ao "${ESC}]8;;tel:" "$TL_TMP/raw.$TL_N" | wc -l)" -ge 2 ]' 5 ||
	tl_fail "the links were not written again after the popup closed"

# In French, the card is the French one; Esc closes it.
tl_keys L y
tl_wait "Carte"
tl_wait "Tél. : +27 12 425 1740"
tl_keys Escape
tl_wait_gone "Tél. : +27"
tl_keys q
tl_wait_exit >/dev/null

# Without DCINET_LINKS, no link is written, and the card is still copied.
tl_start 100 30
tl_wait "2 Posts ("
pipe_start
open_pretoria
tl_keys y
tl_wait "Offered to your terminal's clipboard"
raw_has "${ESC}]52;c;"
grep -qa "${ESC}]8;" "$TL_TMP/raw.$TL_N" && tl_fail "an OSC 8 link without DCINET_LINKS=1"
tl_keys Escape
tl_wait_gone "Offered to your terminal's clipboard"

# y in Posts copies the selected post too; in the search box y is text.
tl_keys 2 y
tl_wait "Offered to your terminal's clipboard"
tl_keys Escape
tl_keys /
tl_type y
tl_wait "4 Search: y"
tl_screen | grep -q "Offered to your" && tl_fail "y typed in the search box copied a card"
tl_keys Escape
tl_keys q
tl_wait_exit >/dev/null

# Sequences planted in the data's phone and e-mail make no link, reach
# the terminal only as visible text, and reach the clipboard the same way.
cp -r "$DCINET_SRC/data" "$TL_TMP/data"
bel=$(printf '\007')
sed -e "s/+27 12 425 1740,sctip@telkomsa.net/+27 12 425 1740${ESC}]8;;https:\/\/evil.example${ESC}\\\\,sctip@telkomsa.net${ESC}]52;c;ZXZpbA==${bel}/" \
	"$DCINET_SRC/data/posts.csv" > "$TL_TMP/data/posts.csv"
grep -q "evil.example" "$TL_TMP/data/posts.csv" || tl_fail "could not plant the sequences"
tl_start 100 30 DCINET_LINKS=1 -- --data "$TL_TMP/data"
tl_wait "2 Posts ("
pipe_start
open_pretoria
tl_wait "^[]8;;https://evil.example^[\\"
tl_keys y
tl_wait "Offered to your terminal's clipboard"
raw_has "${ESC}]52;c;"
grep -qa "evil.example${ESC}" "$TL_TMP/raw.$TL_N" && tl_fail "a planted OSC 8 reached the terminal"
grep -qa "tel:+27" "$TL_TMP/raw.$TL_N" && tl_fail "a link made from a phone holding a sequence"
grep -qa "mailto:" "$TL_TMP/raw.$TL_N" && tl_fail "a link made from an e-mail holding a sequence"
[ "$(grep -ao "${ESC}]52;" "$TL_TMP/raw.$TL_N" | wc -l)" -eq 1 ] ||
	tl_fail "a planted OSC 52 reached the terminal"
tl_poll 'tl_tmux show-buffer 2>/dev/null | grep -qF "sctip@telkomsa.net^[]52;c;ZXZpbA==^G"' 5 ||
	tl_fail "the clipboard's card is not the sanitised text"
tl_tmux show-buffer | grep -qa "$ESC" && tl_fail "an escape character reached the clipboard"
tl_keys Escape
tl_keys q
status=$(tl_wait_exit)
[ "$status" = 0 ] || tl_fail "q exited $status"
exit 0
