# SPDX-License-Identifier: MIT
# desk_load.sh: 20 desk sessions at once, each searching.  All answer;
# then, while they sit idle, no dcinet runs at all (no polling loop, no
# timer): each may spend at most a few milliseconds of CPU.  Prints the
# memory per session and the host's CPU while idle.
#   SESSIONS=N (default 20), IDLE_SECONDS=S (default 10; 60 for the
#   figure in the issue: make test-ssh SSH_IDLE=60).
. "$DCINET_SRC/tests/ssh/sshlib.sh"

n=${SESSIONS:-20}
idle=${IDLE_SECONDS:-10}
# shellcheck disable=SC2119
desk_setup

t0=$(now_ms)
i=1
while [ "$i" -le "$n" ]; do
	client_start "d$i"
	i=$((i + 1))
done
i=1
while [ "$i" -le "$n" ]; do
	wait_screen "d$i" "Roster" 30 || fail "d$i: no first screen within 30 s"
	i=$((i + 1))
done
all_ms=$(( $(now_ms) - t0 ))

i=1
while [ "$i" -le "$n" ]; do
	keys "d$i" /
	keys "d$i" -l namibie
	i=$((i + 1))
done
i=1
while [ "$i" -le "$n" ]; do
	wait_screen "d$i" "Pretoria" 10 || fail "d$i: the search for namibie did not answer"
	i=$((i + 1))
done

pids=$(desk_pids)
[ "$(echo "$pids" | wc -w)" -eq "$n" ] || fail "want $n dcinet under sshd, got: $(tree_comms)"
for p in $pids; do check_no_write_fds "$p"; done
# The sshd processes that serve the sessions (not the listener), and the
# client side: the ssh clients and the tmux server.
sshds=$(descendants "$SSHD_PID" | awk '$3 == "sshd" { print $1 }')
tmux_pid=$(tm display-message -p '#{pid}')
clients=$(descendants "$tmux_pid" | awk '$3 == "ssh" { print $1 }')

# Let the last redraws settle, then measure an idle stretch.
sleep 0.5
for p in $pids $sshds $SSHD_PID $clients $tmux_pid; do
	echo "$p $(cpu_ns "$p") $(wakeups "$p")"
done >"$TMP/before"
host0=$(host_busy)
sleep "$idle"
host1=$(host_busy)
for p in $pids $sshds $SSHD_PID $clients $tmux_pid; do
	echo "$p $(cpu_ns "$p") $(wakeups "$p")"
done >"$TMP/after"

# Per dcinet: CPU nanoseconds and wakeups over the idle stretch.
: >"$TMP/idle"
for p in $pids; do
	b=$(awk -v p="$p" '$1 == p { print $2, $3 }' "$TMP/before")
	a=$(awk -v p="$p" '$1 == p { print $2, $3 }' "$TMP/after")
	echo "$p $b $a" | awk '{ print $1, $4 - $2, $5 - $3 }' >>"$TMP/idle"
done
max_ns=$(awk 'm < $2 { m = $2 } END { print m + 0 }' "$TMP/idle")
sum_ns=$(awk '{ s += $2 } END { print s + 0 }' "$TMP/idle")
wake=$(awk '{ s += $3 } END { print s + 0 }' "$TMP/idle")
# cpu_delta PIDS...: nanoseconds of CPU they spent over the idle stretch.
cpu_delta() {
	for p in "$@"; do
		b=$(awk -v p="$p" '$1 == p { print $2 }' "$TMP/before")
		a=$(awk -v p="$p" '$1 == p { print $2 }' "$TMP/after")
		echo $((${a:-0} - ${b:-0}))
	done | awk '{ s += $1 } END { print s + 0 }'
}
# shellcheck disable=SC2086
sshd_ns=$(cpu_delta $sshds $SSHD_PID)
# shellcheck disable=SC2086
client_ns=$(cpu_delta $clients $tmux_pid)
[ "$max_ns" -le 5000000 ] ||
	fail "an idle dcinet used $max_ns ns of CPU in $idle s (want at most 5 ms): $(cat "$TMP/idle")"

# Memory: resident set (RSS), proportional share (PSS: each shared page
# divided among the processes sharing it) and private pages (USS: what
# one more session adds).  Averages in KiB, and the largest RSS.
mem() {
	for p in $1; do
		rss=$(kib "/proc/$p/status" VmRSS)
		pss=$(kib "/proc/$p/smaps_rollup" Pss)
		pc=$(kib "/proc/$p/smaps_rollup" Private_Clean)
		pd=$(kib "/proc/$p/smaps_rollup" Private_Dirty)
		echo "${rss:-0} ${pss:-0} $(( ${pc:-0} + ${pd:-0} ))"
	done | awk '{ r += $1; s += $2; u += $3; if ($1 > m) m = $1 } END {
		printf "%d %d %d %d\n", r / NR, s / NR, u / NR, m }'
}
# shellcheck disable=SC2046
set -- $(mem "$pids")
rss_avg=$1 pss_avg=$2 uss_avg=$3 rss_max=$4
# shellcheck disable=SC2046
set -- $(mem "$sshds")
sshd_rss=$1 sshd_pss=$2 sshd_uss=$3
nsshd=$(echo "$sshds" | wc -w)
[ "$rss_max" -le 32768 ] || fail "a desk dcinet is ${rss_max} KiB resident (want at most 32 MiB)"

# shellcheck disable=SC2086
set -- $host0 $host1
host_pct=$(awk -v b0="$1" -v t0="$2" -v b1="$3" -v t1="$4" \
	'BEGIN { printf "%.2f", (t1 > t0) ? 100 * (b1 - b0) / (t1 - t0) : 0 }')

# Everybody quits with q; every ssh ends with status 0.
i=1
while [ "$i" -le "$n" ]; do
	keys "d$i" Tab
	keys "d$i" q
	i=$((i + 1))
done
i=1
while [ "$i" -le "$n" ]; do
	wait_exit "d$i" 10 || fail "d$i: q did not end the session"
	[ "$exit_status" = 0 ] || fail "d$i: ssh exited $exit_status: $(cat "$TMP/d$i.err")"
	i=$((i + 1))
done
# shellcheck disable=SC2086
WAIT_MS=2000 wait_gone $pids || fail "dcinet left running after q: $alive"
check_registry

cat <<EOF
desk_load: $n sessions, all first screens in ${all_ms} ms, all answered
desk_load: dcinet per session: RSS ${rss_avg} KiB (max ${rss_max}), PSS ${pss_avg} KiB, private ${uss_avg} KiB
desk_load: sshd per session: $((nsshd / n)) process(es), RSS $((sshd_rss * nsshd / n)) KiB, PSS $((sshd_pss * nsshd / n)) KiB, private $((sshd_uss * nsshd / n)) KiB
desk_load: idle ${idle} s: all $n dcinet together ${sum_ns} ns CPU (max ${max_ns} per process), ${wake} wakeups
desk_load: idle ${idle} s: sshd (sessions and listener) ${sshd_ns} ns CPU; client side (ssh, tmux) ${client_ns} ns
desk_load: host CPU busy while idle: ${host_pct}% (all cores, everything running on the host)
EOF
