# SPDX-License-Identifier: MIT
# cli_import_quitkey.sh: Ctrl-\ while a large --data registry loads, before
# the browser has the terminal, neither kills dcinet nor dumps core.
. "$DCINET_SRC/tests/e2e/tmuxlib.sh"

reg="$TL_TMP/reg"
mkdir "$reg" && cp "$DCINET_SRC"/tests/fixtures/mini/*.csv "$reg/" || tl_fail "copy"
awk 'BEGIN { for (i = 1; i <= 200000; i++)
	printf "pretoria,driver,Name %d,,police,0,2013-04-23,s-namibia,padding padding\n", i }' \
	>>"$reg/staff.csv"
# tl_start's shell traps only Ctrl-C: this one outlives Ctrl-\ too, so
# that only dcinet's own fate is seen.
TL_N=$((TL_N + 1))
tl_tmux new-session -d -s "t$TL_N" -x 100 -y 30 \
	"trap : INT QUIT; LANG=C.UTF-8 TERM=tmux-256color '$DCINET' --data '$reg';
	 echo \$? > $TL_TMP/exit.$TL_N" || tl_fail "tmux new-session failed"
tl_pid >/dev/null
sleep 0.2
tl_running || tl_fail "the load ended before the key could be sent"
tl_keys 'C-\'
sleep 0.1
tl_keys 'C-\'
tl_poll '! tl_running || tl_screen | grep -q "posts"' 20 || tl_fail "neither the browser nor an exit"
tl_running || tl_fail "dcinet died during the load (exit $(cat "$TL_TMP/exit.$TL_N"))"
tl_keys q
status=$(tl_wait_exit 10)
[ "$status" -eq 0 ] || tl_fail "exit $status"
exit 0
