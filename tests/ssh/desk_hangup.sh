# SPDX-License-Identifier: MIT
# desk_hangup.sh: the connection drops mid-session.  When the ssh client
# is killed, or stops answering (a dead network: sshd's ClientAlive
# probes go unanswered), the server-side dcinet exits on the hangup within
# a second, leaves no process behind and the registry is unchanged.
. "$DCINET_SRC/tests/ssh/sshlib.sh"

# Probe a silent client every second; give up after two missed answers.
ALIVE_INTERVAL=1 ALIVE_COUNT=2
desk_setup "LogLevel DEBUG1"

# start_typing NAME: a session with a search half typed; sets pid.
start_typing() {
	client_start "$1"
	wait_screen "$1" "Roster" 10 || fail "$1: no first screen within 10 s"
	keys "$1" /
	keys "$1" -l nami
	wait_screen "$1" "Namibia" 5 || fail "$1: the search did not answer"
	pid=$(desk_pids)
	[ "$(echo "$pid" | wc -w)" -eq 1 ] || fail "$1: want one dcinet, got: $(tree_comms)"
	client=$(client_pid "$1")
	[ -n "$client" ] || fail "$1: no ssh client found"
}

# The client dies (kill -9: no goodbye, the kernel just closes its socket).
start_typing k1
kill -KILL "$client"
WAIT_MS=1000 wait_gone "$pid" || fail "dcinet $pid still runs 1 s after the client was killed"
kill_ms=$gone_ms
# shellcheck disable=SC2046
WAIT_MS=2000 wait_gone $(descendants "$SSHD_PID" | awk '{ print $1 }') ||
	fail "processes left under sshd: $(tree_comms)"
check_registry

# The network goes silent (the client is frozen): sshd hangs up after its
# ClientAlive probes fail, and dcinet follows within a second.
start_typing k2
kill -STOP "$client"
t0=$(now_ms)
while ! grep -q "Timeout, client not responding" "$TMP/sshd.log"; do
	[ $(( $(now_ms) - t0 )) -lt 12000 ] || fail "sshd did not time the silent client out in 12 s"
	sleep 0.02
done
timeout_ms=$(( $(now_ms) - t0 ))
WAIT_MS=1000 wait_gone "$pid" || fail "dcinet $pid still runs 1 s after sshd dropped the silent client"
silent_ms=$gone_ms
# shellcheck disable=SC2046
WAIT_MS=2000 wait_gone $(descendants "$SSHD_PID" | awk '{ print $1 }') ||
	fail "processes left under sshd: $(tree_comms)"
kill -KILL "$client" 2>/dev/null
check_registry

# Neither exit was a crash: no core file, no "killed by signal" in sshd's log.
if grep -Ei "exit-signal|killed by signal|core dumped" "$TMP/sshd.log"; then
	fail "dcinet was killed by a signal"
fi
echo "desk_hangup: dcinet gone ${kill_ms} ms after the client was killed;" \
	"a frozen client dropped by sshd after ${timeout_ms} ms (ClientAliveInterval 1," \
	"CountMax 2), dcinet gone ${silent_ms} ms later"
