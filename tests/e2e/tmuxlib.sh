# SPDX-License-Identifier: MIT
# tmuxlib.sh: drive the real dcinet binary in a private tmux server.
#
# Source it from a tests/e2e/tui_*.sh script.  Each script gets its own
# server (tmux -L dcinet-test-PID, no user configuration), so tests never
# touch the user's tmux and may run in parallel; the server and the scratch
# directory $TL_TMP go away on exit.  Waits poll the screen every 50 ms up
# to a bound instead of sleeping for a fixed time.
#
#   tl_start COLS ROWS [VAR=VALUE...] [-- ARGS...]
#                        run "$DCINET ARGS" (default: --data $DCINET_SRC/data)
#                        with LANG=C.UTF-8 TERM=tmux-256color, then VAR=VALUE
#   tl_keys KEY...       tmux send-keys (key names: Enter, Escape, C-c, BTab)
#   tl_type TEXT         type TEXT literally
#   tl_screen            print the screen
#   tl_wait TEXT [SECS]  wait until TEXT is on the screen (default 5 s)
#   tl_wait_gone TEXT    wait until TEXT has left the screen
#   tl_wait_exit [SECS]  wait for the program to end, print its exit status
#                        (call it as status=$(tl_wait_exit) and test $status)
#   tl_running           true while the program runs
#   tl_pid               the program's process id
#   tl_resize COLS ROWS  resize the window
#   tl_fail MESSAGE      print MESSAGE and the screen, exit 1

: "${DCINET:?DCINET must name the binary under test}"
: "${DCINET_SRC:?DCINET_SRC must name the source tree}"

TL_SOCKET="dcinet-test-$$"
TL_TMP=$(mktemp -d "${TMPDIR:-/tmp}/dcinet-e2e.XXXXXX")
TL_NAME=$(basename "$0" .sh)
TL_N=0                     # sessions started; the current one is "t$TL_N"

tl_cleanup() {
	tmux -L "$TL_SOCKET" kill-server 2>/dev/null
	rm -rf "$TL_TMP"
}
trap tl_cleanup EXIT
trap 'exit 1' INT TERM HUP

# A dead pane stays, so its last screen can be read; commands run under
# /bin/sh whatever the user's shell; no status line takes a row.
printf 'set -g remain-on-exit on\nset -g default-shell /bin/sh\nset -g status off\n' \
	> "$TL_TMP/tmux.conf"

tl_tmux() {
	tmux -L "$TL_SOCKET" -f "$TL_TMP/tmux.conf" "$@"
}

tl_start() {
	cols=$1 rows=$2
	shift 2
	set -- LANG=C.UTF-8 LC_ALL= TERM=tmux-256color "$@"
	# env VAR=VALUE... DCINET ARGS: split at "--"
	tl_cmd="env"
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		tl_cmd="$tl_cmd '$1'"
		shift
	done
	tl_cmd="$tl_cmd '$DCINET'"
	if [ "${1:-}" = "--" ]; then
		shift
		for a in "$@"; do
			tl_cmd="$tl_cmd '$a'"
		done
	else
		tl_cmd="$tl_cmd --data '$DCINET_SRC/data'"
	fi
	# A new session each time: killing the last one would stop the server.
	# A shell waits for the program and writes its exit status to a file
	# (tmux can take seconds to collect a dead pane's status); it traps
	# Ctrl-C's SIGINT, which the terminal sends to it too, to outlive it.
	TL_N=$((TL_N + 1))
	tl_tmux new-session -d -s "t$TL_N" -x "$cols" -y "$rows" \
		"trap : INT; $tl_cmd; echo \$? > $TL_TMP/exit.$TL_N" ||
		tl_fail "tmux new-session failed"
}

tl_keys() {
	tl_tmux send-keys -t "t$TL_N" "$@"
}

tl_type() {
	tl_tmux send-keys -t "t$TL_N" -l "$1"
}

tl_screen() {
	tl_tmux capture-pane -p -t "t$TL_N"
}

tl_running() {
	[ ! -s "$TL_TMP/exit.$TL_N" ]
}

# The program's process id: the child of the pane's shell.
tl_pid() {
	tl_poll '[ -n "$(pgrep -P "$(tl_tmux display-message -p -t "t$TL_N" "#{pane_pid}")")" ]' 5 ||
		tl_fail "no program running"
	pgrep -P "$(tl_tmux display-message -p -t "t$TL_N" '#{pane_pid}')"
}

# tl_poll CONDITION SECS: evaluate CONDITION every 50 ms until true.
tl_poll() {
	tl_tries=$(( ${2:-5} * 20 ))
	while [ "$tl_tries" -gt 0 ]; do
		if eval "$1"; then
			return 0
		fi
		sleep 0.05
		tl_tries=$((tl_tries - 1))
	done
	return 1
}

tl_wait() {
	tl_text=$1
	tl_poll 'tl_screen | grep -qF -- "$tl_text"' "${2:-5}" ||
		tl_fail "timed out waiting for: $1"
}

tl_wait_gone() {
	tl_text=$1
	tl_poll '! tl_screen | grep -qF -- "$tl_text"' "${2:-5}" ||
		tl_fail "still on screen: $1"
}

tl_wait_exit() {
	tl_poll '! tl_running' "${1:-5}" || tl_fail "the program did not exit"
	cat "$TL_TMP/exit.$TL_N"
}

tl_resize() {
	tl_tmux resize-window -t "t$TL_N" -x "$1" -y "$2"
}

tl_fail() {
	echo "$TL_NAME: FAIL: $1" >&2
	echo "---- screen ----" >&2
	tl_screen >&2 2>/dev/null
	echo "----------------" >&2
	exit 1
}
