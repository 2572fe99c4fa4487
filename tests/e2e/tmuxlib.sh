# tmuxlib.sh: drive the real dcinet binary in a private tmux server.
#
# Source it from a tests/e2e/tui_*.sh script.  Each script gets its own
# server (tmux -L dcinet-test-PID), so tests never touch the user's tmux
# and may run in parallel; the server and the scratch directory go away on
# exit.  Waits poll the screen every 50 ms up to a bound instead of
# sleeping for a fixed time.
#
#   tl_start COLS ROWS [ENV...] -- [ARGS...]
#                        run "$DCINET ARGS" (default: --data $DCINET_SRC/data)
#                        under LANG=C.UTF-8 TERM=tmux-256color plus ENV
#   tl_keys KEY...       tmux send-keys (key names: Enter, Escape, C-c, ...)
#   tl_type TEXT         type TEXT literally
#   tl_screen            print the screen
#   tl_wait TEXT [SECS]  wait until TEXT is on the screen (default 5 s)
#   tl_wait_gone TEXT    wait until TEXT has left the screen
#   tl_wait_exit [SECS]  wait for the program to end, print its exit status
#   tl_resize COLS ROWS  resize the window
#   tl_fail MESSAGE      print MESSAGE and the screen, exit 1

: "${DCINET:?DCINET must name the binary under test}"
: "${DCINET_SRC:?DCINET_SRC must name the source tree}"

TL_SOCKET="dcinet-test-$$"
TL_TMP=$(mktemp -d "${TMPDIR:-/tmp}/dcinet-e2e.XXXXXX")
TL_NAME=$(basename "$0" .sh)

tl_cleanup() {
	tmux -L "$TL_SOCKET" kill-server 2>/dev/null
	rm -rf "$TL_TMP"
}
trap tl_cleanup EXIT
trap 'exit 1' INT TERM HUP

tl_tmux() {
	tmux -L "$TL_SOCKET" -f /dev/null "$@"
}

tl_start() {
	cols=$1 rows=$2
	shift 2
	envs="LANG=C.UTF-8 LC_ALL= TERM=tmux-256color"
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		envs="$envs $1"
		shift
	done
	[ "${1:-}" = "--" ] && shift
	if [ $# -eq 0 ]; then
		set -- --data "$DCINET_SRC/data"
	fi
	# The exit status goes to a file; the pane then waits, so the last
	# screen can still be read after the program ends.
	{
		printf 'env %s ' "$envs"
		printf "'%s' " "$DCINET" "$@"
		printf '; echo "$?" > %s/exit; exec sleep 60\n' "$TL_TMP"
	} > "$TL_TMP/run.sh"
	rm -f "$TL_TMP/exit"
	tl_tmux new-session -d -s t -x "$cols" -y "$rows" "sh $TL_TMP/run.sh" ||
		tl_fail "tmux new-session failed"
}

tl_keys() {
	tl_tmux send-keys -t t "$@"
}

tl_type() {
	tl_tmux send-keys -t t -l "$1"
}

tl_screen() {
	tl_tmux capture-pane -p -t t
}

# tl_poll CONDITION SECS: evaluate CONDITION every 50 ms until true.
tl_poll() {
	tries=$(( ${2:-5} * 20 ))
	while [ "$tries" -gt 0 ]; do
		if eval "$1"; then
			return 0
		fi
		sleep 0.05
		tries=$((tries - 1))
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
	tl_poll '[ -s "$TL_TMP/exit" ]' "${1:-5}" || tl_fail "the program did not exit"
	cat "$TL_TMP/exit"
}

tl_resize() {
	tl_tmux resize-window -t t -x "$1" -y "$2"
}

tl_fail() {
	echo "$TL_NAME: FAIL: $1" >&2
	echo "---- screen ----" >&2
	tl_screen >&2 2>/dev/null
	echo "----------------" >&2
	exit 1
}
