#!/bin/sh
# SPDX-License-Identifier: MIT
# tui_torture.sh: hostile terminals.  50 resizes in a row while a search is
# typed; the smallest and a huge window; TERM=dumb, TERM=vt100 and an
# unknown TERM; stdin closed; and the terminal given back whole after q,
# SIGTERM, SIGHUP and SIGINT: the same stty settings, the normal screen, the
# cursor shown, keypad and mouse modes off, no core dump.  Browsing a
# read-only database writes nothing (the directory is listed and the file
# compared: root ignores the modes), and no key runs a shell command.
# (LANG=C is tui_ascii.sh; escapes in the data tui_sanitize.sh and
# cli_bad_corpus.sh.)
. "$(dirname "$0")/tmuxlib.sh"

# quit_ok WHAT: leave the search box, quit with q, expect exit status 0.
quit_ok() {
	tl_keys Escape
	sleep 0.2          # longer than ESCDELAY: Escape, then q, not Alt-q
	tl_keys q
	st=$(tl_wait_exit)
	[ "$st" = 0 ] || tl_fail "$1: q exited $st"
}

# ---- 50 resizes in a row while typing ----------------------------------
tl_start 100 30
tl_wait "2 Posts ("
tl_keys /
sizes="20x5 300x100 80x24 21x6 19x4 120x40 1x1 40x12 250x70 60x15"
word=nepal
i=0
while [ $i -lt 50 ]; do
	for s in $sizes; do
		[ $i -lt 50 ] || break
		tl_resize "${s%x*}" "${s#*x}"
		# a letter every ten resizes, without waiting for the screen: it
		# may be read while the window is too small, and must not be lost
		if [ $((i % 10)) -eq 1 ] && [ -n "$word" ]; then
			tl_type "$(echo "$word" | cut -c1)"
			word=$(echo "$word" | cut -c2-)
		fi
		i=$((i + 1))
	done
done
tl_resize 100 30
tl_running || tl_fail "the browser died while resized 50 times"
tl_wait "nepal"
tl_wait "New Delhi"
tl_keys Enter
tl_wait "3 Roster New Delhi"
tl_keys q
status=$(tl_wait_exit)
[ "$status" = 0 ] || tl_fail "q after the resizes exited $status"

# ---- the smallest window and a huge one --------------------------------
tl_start 20 5
tl_wait "small" 5
tl_running || tl_fail "20x5: the browser died"
tl_resize 100 30
tl_wait "2 Posts ("
tl_keys q
[ "$(tl_wait_exit)" = 0 ] || tl_fail "20x5: q did not exit 0"

tl_start 300 100
tl_wait "2 Posts ("
tl_wait "Network snapshots"
tl_keys /
tl_type namibie
tl_wait "→ Pretoria, South Africa"
quit_ok 300x100

# ---- terminal types ----------------------------------------------------
# vt100: no colours, no UTF-8 line drawing of its own; still usable.
tl_start 80 24 TERM=vt100
tl_wait "2 Posts ("
tl_keys /
tl_type nepal
tl_wait "New Delhi"
quit_ok TERM=vt100

# dumb (no cursor addressing) and an unknown type: one clear line, exit 69.
for term in dumb no-such-terminal-xyz; do
	cat >"$TL_TMP/run.sh" <<RUN
TERM=$term "$DCINET" --data "$DCINET_SRC/data" 2>"$TL_TMP/err.$term"
echo \$? >"$TL_TMP/status.$term"
RUN
	tl_tmux new-session -d -s "term-$term" -x 80 -y 24 "sh $TL_TMP/run.sh"
	tl_poll '[ -s "$TL_TMP/status.$term" ]' 5 || tl_fail "TERM=$term: the browser did not exit"
	[ "$(cat "$TL_TMP/status.$term")" = 69 ] || tl_fail "TERM=$term: exit $(cat "$TL_TMP/status.$term")"
	grep -qxF "dcinet: cannot use the terminal type \"$term\"" "$TL_TMP/err.$term" ||
		tl_fail "TERM=$term: stderr: $(cat "$TL_TMP/err.$term")"
done

# ---- the terminal given back -------------------------------------------
# run_in_shell NAME HOW: a shell in a fresh window saves the stty settings,
# runs the browser (its pid in $TL_TMP/NAME.pid), records the exit status,
# saves the settings again and waits for expect_restored.  HOW is extra
# shell text after the command (a redirection).
run_in_shell() {
	cat >"$TL_TMP/$1.sh" <<RUN
set -m             # job control, as in an interactive shell: the browser gets
                   # the terminal (and Ctrl-C) to itself
ulimit -c unlimited 2>/dev/null
cd "$TL_TMP"
stty -g >"$TL_TMP/$1.stty-before"
sh -c 'echo \$\$ >"$TL_TMP/$1.pid"; exec "$DCINET" --data "$DCINET_SRC/data"' $2 2>"$TL_TMP/$1.err"
echo \$? >"$TL_TMP/$1.status"
stty -g >"$TL_TMP/$1.stty-after"
# stay (at most 10 s) while the test reads the terminal's modes: tmux
# reports them only for a live pane
i=0
while [ ! -f "$TL_TMP/$1.release" ] && [ \$i -lt 200 ]; do sleep 0.05; i=\$((i + 1)); done
RUN
	TL_N=$((TL_N + 1))
	tl_tmux new-session -d -s "t$TL_N" -x 100 -y 30 \
		"env LANG=C.UTF-8 LC_ALL= TERM=tmux-256color sh $TL_TMP/$1.sh"
}

# expect_restored NAME: the shell got its terminal back as it was.
expect_restored() {
	er_name=$1         # tl_poll evaluates its condition with its own $1
	tl_poll '[ -s "$TL_TMP/$er_name.status" ]' 5 || tl_fail "$1: the browser did not exit"
	st=$(cat "$TL_TMP/$1.status")
	[ "$st" = "${2:-0}" ] || tl_fail "$1: exit status $st (stderr: $(cat "$TL_TMP/$1.err"))"
	tl_poll '[ -s "$TL_TMP/$er_name.stty-after" ]' 5 || tl_fail "$1: the shell did not go on"
	cmp -s "$TL_TMP/$1.stty-before" "$TL_TMP/$1.stty-after" ||
		tl_fail "$1: stty settings not restored"
	modes=$(tl_tmux display-message -p -t "t$TL_N" \
		'#{alternate_on} #{cursor_flag} #{keypad_flag} #{keypad_cursor_flag} #{mouse_any_flag} #{insert_flag}')
	[ "$modes" = "0 1 0 0 0 0" ] ||
		tl_fail "$1: terminal modes not restored (alternate cursor keypad keypad-cursor mouse insert: $modes)"
	tl_screen | grep -qF "2 Posts (" && tl_fail "$1: the browser's screen is still shown"
	ls "$TL_TMP" | grep -q '^core' && tl_fail "$1: a core file was dumped"
	touch "$TL_TMP/$1.release"
	return 0
}

run_in_shell quit ""
tl_wait "2 Posts ("
tl_keys /
tl_type nep
tl_wait "New Delhi"
tl_keys Escape
sleep 0.2
tl_keys q
expect_restored quit

for sig in TERM HUP INT; do
	run_in_shell "sig$sig" ""
	tl_wait "2 Posts ("
	tl_keys /
	tl_type nep
	tl_wait "New Delhi"
	kill -"$sig" "$(cat "$TL_TMP/sig$sig.pid")"
	expect_restored "sig$sig"
done

# ---- browsing never writes, and has no shell escape ---------------------
mkdir "$TL_TMP/ro"
"$DCINET" --import "$DCINET_SRC/data" --db "$TL_TMP/ro/reg.db" 2>/dev/null || tl_fail "import failed"
cp "$TL_TMP/ro/reg.db" "$TL_TMP/reg.copy"
chmod 444 "$TL_TMP/ro/reg.db"
chmod 555 "$TL_TMP/ro"
tl_start 100 30 -- --db "$TL_TMP/ro/reg.db"
tl_wait "2 Posts ("
for k in '!' ':' '|'; do
	tl_type "${k}touch $TL_TMP/pwned"
	tl_keys Enter
	tl_keys Escape
	sleep 0.1
done
tl_keys /
tl_type pretoria
tl_wait "Pretoria"
tl_keys Enter
tl_wait "3 Roster Pretoria"
tl_keys Tab Tab Tab
quit_ok "--db read-only"
chmod 755 "$TL_TMP/ro"
[ ! -e "$TL_TMP/pwned" ] || tl_fail "a key ran a shell command"
[ "$(ls -A "$TL_TMP/ro")" = reg.db ] || tl_fail "browsing left files: $(ls -A "$TL_TMP/ro")"
cmp -s "$TL_TMP/ro/reg.db" "$TL_TMP/reg.copy" || tl_fail "browsing changed the database"

# stdin closed, stdout the terminal: a clear error, exit 69, nothing changed.
run_in_shell stdin-closed "<&-"
expect_restored stdin-closed 69
grep -qxF "dcinet: the browser needs a terminal (use --find for scripts)" "$TL_TMP/stdin-closed.err" ||
	tl_fail "stdin closed: stderr: $(cat "$TL_TMP/stdin-closed.err")"
exit 0
