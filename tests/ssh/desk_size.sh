# SPDX-License-Identifier: MIT
# desk_size.sh: the SSH client chooses the window size, and a desk
# session's memory must not follow it.  A client claiming 5000x3000 at
# login, then a storm of resizes between that and 80x24, keep the
# session's dcinet under the bound of DESK DEPLOYMENT in dcinet(1), and it
# answers a search after each; after the shrink its memory is given back.
. "$DCINET_SRC/tests/ssh/sshlib.sh"

BOUND_KB=32768               # the man page's bound: 32 MB resident
SMALL_KB=16384               # at 80x24 after the storm (a fresh session: ~6 MB)

# shellcheck disable=SC2119
desk_setup

client_start big 5000 3000
wait_screen big "Roster" 15 || fail "no first screen in a 5000x3000 window"
pid=$(desk_pids)
[ "$(echo "$pid" | wc -w)" -eq 1 ] || fail "want one dcinet under sshd, got: $(tree_comms)"
hwm=$(kib "/proc/$pid/status" VmHWM)
[ "$hwm" -le "$BOUND_KB" ] ||
	fail "a 5000x3000 login reached ${hwm} kB, over the bound of ${BOUND_KB} kB"
login_kb=$hwm

keys big /
keys big -l namibie
wait_screen big "Pretoria" 5 || fail "no answer in a 5000x3000 window"

i=0
while [ $i -lt 20 ]; do
	tm resize-window -t big -x 80 -y 24
	sleep 0.05
	tm resize-window -t big -x 5000 -y 3000
	sleep 0.05
	i=$((i + 1))
done
keys big C-u
keys big -l nepal
wait_screen big "New Delhi" 5 || fail "no answer after the resize storm"
hwm=$(kib "/proc/$pid/status" VmHWM)
[ "$hwm" -le "$BOUND_KB" ] || fail "the resize storm reached ${hwm} kB, over ${BOUND_KB} kB"

tm resize-window -t big -x 80 -y 24
keys big C-u
keys big -l lome
wait_screen big "Togo" 5 || fail "no answer at 80x24 after the storm"
rss=$(kib "/proc/$pid/status" VmRSS)
[ "$rss" -le "$SMALL_KB" ] || fail "back at 80x24 the session still holds ${rss} kB"

keys big Escape
keys big q
wait_exit big 5 || fail "q did not end the SSH session"
[ "$exit_status" = 0 ] || fail "ssh exited $exit_status after q"
echo "desk_size: 5000x3000 login ${login_kb} kB, storm peak ${hwm} kB (bound ${BOUND_KB} kB), 80x24 after ${rss} kB"
