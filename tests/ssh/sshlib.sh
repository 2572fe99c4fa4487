# SPDX-License-Identifier: MIT
# sshlib.sh: a private sshd on 127.0.0.1 that serves $DCINET as a desk
# login, and a private tmux server to drive ssh clients (sourced).
#
# Everything lives in one temporary directory: the host key, the user key,
# authorized_keys, sshd_config, the pid file, the log and the registry.
# Nothing listens beyond loopback, and the EXIT trap stops every process
# this file started (the tmux server, the clients, sshd and its sessions),
# by pid, then removes the directory.
#
# The session runs as the user who runs the test (root in CI: then
# PermitRootLogin prohibit-password; no system user is created).
#
# Caller's interface:
#   desk_setup [sshd_config lines...]  import the registry, make keys,
#                                      write the config, start sshd
#                                      ($ALIVE_INTERVAL, $ALIVE_COUNT: the
#                                      ClientAlive* of the Match block)
#   client_start NAME                  ssh -tt in tmux session NAME;
#                                      its exit status goes to $TMP/NAME.exit
#   wait_screen NAME TEXT [SECONDS]    until the pane shows TEXT
#   keys NAME tmux-send-keys-args...
#   wait_exit NAME [SECONDS]           until ssh ended; sets $exit_status
#   desk_pids                          server-side dcinet pids, one a line
#   tree_comms                         commands of every process under sshd
#   fail MESSAGE
set -u
: "${DCINET:?DCINET must name the binary under test}"
: "${DCINET_SRC:?DCINET_SRC must name the source tree}"
case "$DCINET" in /*) ;; *) DCINET="$PWD/$DCINET" ;; esac
unset DCINET_DB TMUX
export LANG=C.UTF-8

TMP=$(mktemp -d /tmp/dcinet-ssh-XXXXXX)
cd "$TMP" || exit 1
REG="$TMP/registry/registry.db"
TSOCK="dcinet-ssh-$$"
SSHD_PID=""
PORT=""
USER_NAME=$(id -un)

fail() {
	echo "FAIL: $*" >&2
	if [ -n "${last_pane:-}" ] && [ -f "$TMP/screen" ]; then
		echo "--- last screen of $last_pane:" >&2
		cat "$TMP/screen" >&2
	fi
	if [ -f "$TMP/sshd.log" ]; then
		echo "--- sshd log (tail):" >&2
		tail -n 15 "$TMP/sshd.log" >&2
	fi
	exit 1
}

now_ms() { date +%s%3N; }

tm() { tmux -u -L "$TSOCK" -f "$TMP/tmux.conf" "$@"; }

# proc_table: "pid ppid state comm" for every process, from /proc.
proc_table() {
	cat /proc/[0-9]*/stat 2>/dev/null | awk '{
		lp = index($0, "("); rp = 0
		for (i = length($0); i > 0; i--) if (substr($0, i, 1) == ")") { rp = i; break }
		if (!lp || !rp) next
		comm = substr($0, lp + 1, rp - lp - 1)
		n = split(substr($0, rp + 2), f, " ")
		print $1, f[2], f[1], comm
	}'
}

# descendants PID: "pid state comm" of every process below PID.
descendants() {
	proc_table | awk -v root="$1" '
		{ parent[$1] = $2; state[$1] = $3; comm[$1] = $4 }
		END {
			for (p in parent) {
				x = p
				for (hops = 0; hops < 64 && (x in parent); hops++) {
					x = parent[x]
					if (x == root) { print p, state[p], comm[p]; break }
				}
			}
		}'
}

desk_pids() {
	[ -n "$SSHD_PID" ] || return 0
	descendants "$SSHD_PID" | awk '$3 == "dcinet" { print $1 }'
}

tree_comms() {
	[ -n "$SSHD_PID" ] || return 0
	descendants "$SSHD_PID" | awk '{ print $3 }' | sort | uniq -c
}

# Kill one pid list, politely then not; wait for them to go.
kill_pids() {
	[ -n "$*" ] || return 0
	kill "$@" 2>/dev/null
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		alive=""
		for p in "$@"; do running "$p" && alive="$alive $p"; done
		[ -z "$alive" ] && return 0
		sleep 0.1
	done
	# shellcheck disable=SC2086
	kill -KILL $alive 2>/dev/null
	return 0
}

desk_cleanup() {
	tm kill-server >/dev/null 2>&1
	if [ -n "$SSHD_PID" ]; then
		# The listener first, so no new session starts; then the sessions
		# it left (sshd's children outlive it) and whatever runs in them.
		below=$(descendants "$SSHD_PID" | awk '{ print $1 }')
		kill_pids "$SSHD_PID"
		# shellcheck disable=SC2086
		kill_pids $below
	fi
	rm -rf "$TMP"
}
trap desk_cleanup EXIT
trap 'exit 1' HUP INT TERM

# port_listening PORT: something listens on 127.0.0.1:PORT (IPv4).
port_listening() {
	awk -v want="$(printf '0100007F:%04X' "$1")" \
		'$2 == want && $4 == "0A" { found = 1 } END { exit !found }' /proc/net/tcp
}

# port_taken PORT: anything listens on PORT, on any address.
port_taken() {
	cat /proc/net/tcp /proc/net/tcp6 2>/dev/null |
		awk -v want="$(printf ':%04X' "$1")" \
			'$4 == "0A" && substr($2, length($2) - 4) == want { found = 1 }
			 END { exit !found }'
}

random_port() {
	echo $(( 20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 40000 ))
}

# desk_setup [EXTRA_CONFIG_LINE...]: the registry, keys, config and sshd.
# Extra lines are global options; they win over the defaults below.
desk_setup() {
	[ -x /usr/sbin/sshd ] || fail "/usr/sbin/sshd missing: tools/install-deps.sh ssh"
	command -v ssh >/dev/null || fail "ssh missing: tools/install-deps.sh ssh"
	command -v tmux >/dev/null || fail "tmux missing: tools/install-deps.sh test"

	mkdir -p "$TMP/registry"
	"$DCINET" --import "$DCINET_SRC/data" --db "$REG" 2>"$TMP/import.log" ||
		fail "import: $(cat "$TMP/import.log")"
	chmod 444 "$REG"
	registry_snapshot

	ssh-keygen -q -t ed25519 -N '' -C dcinet-test-host -f "$TMP/host_ed25519" ||
		fail "ssh-keygen (host)"
	ssh-keygen -q -t ed25519 -N '' -C dcinet-test-user -f "$TMP/user_ed25519" ||
		fail "ssh-keygen (user)"
	cp "$TMP/user_ed25519.pub" "$TMP/authorized_keys"

	# As root, sshd needs its privilege separation directory.
	if [ "$(id -u)" = 0 ]; then mkdir -p /run/sshd && chmod 755 /run/sshd; fi

	{
		echo "# A desk login for the test: see DESK DEPLOYMENT in dcinet(1)."
		echo "# sshd keeps the first value it reads for a keyword: the test's own first."
		for line in "$@"; do echo "$line"; done
		echo "ListenAddress 127.0.0.1"
		echo "AddressFamily inet"
		echo "HostKey $TMP/host_ed25519"
		echo "PidFile $TMP/sshd.pid"
		echo "AuthorizedKeysFile $TMP/authorized_keys"
		echo "StrictModes no"
		echo "UsePAM no"
		echo "PubkeyAuthentication yes"
		echo "PasswordAuthentication no"
		echo "KbdInteractiveAuthentication no"
		echo "PermitRootLogin prohibit-password"
		echo "AllowUsers $USER_NAME"
		echo "PrintMotd no"
		echo "PrintLastLog no"
		echo "MaxStartups 100"
		echo "LogLevel VERBOSE"
		# The block of DESK DEPLOYMENT in dcinet(1).
		echo "Match User $USER_NAME"
		echo "	ForceCommand exec $DCINET --db $REG"
		echo "	PermitTTY yes"
		echo "	DisableForwarding yes"
		echo "	PermitTunnel no"
		echo "	SetEnv LANG=C.UTF-8 LC_ALL=C.UTF-8"
		echo "	ClientAliveInterval ${ALIVE_INTERVAL:-30}"
		echo "	ClientAliveCountMax ${ALIVE_COUNT:-3}"
	} >"$TMP/sshd_config"
	/usr/sbin/sshd -t -f "$TMP/sshd_config" 2>"$TMP/sshd.log" ||
		fail "sshd -t: $(cat "$TMP/sshd.log")"

	printf '%s\n' 'set -g exit-empty off' 'set -g status off' \
		'set -g remain-on-exit off' 'set -g history-limit 200' \
		'set -g default-terminal tmux-256color' >"$TMP/tmux.conf"
	tm start-server || fail "tmux start-server"

	for _ in 1 2 3 4 5 6 7 8 9 10; do
		PORT=$(random_port)
		port_taken "$PORT" && continue
		/usr/sbin/sshd -D -f "$TMP/sshd_config" -p "$PORT" -E "$TMP/sshd.log" \
			</dev/null >/dev/null 2>&1 &
		SSHD_PID=$!
		deadline=$(( $(now_ms) + 5000 ))
		while kill -0 "$SSHD_PID" 2>/dev/null && ! port_listening "$PORT"; do
			[ "$(now_ms)" -lt "$deadline" ] || break
			sleep 0.02
		done
		port_listening "$PORT" && kill -0 "$SSHD_PID" 2>/dev/null && break
		kill_pids "$SSHD_PID"
		SSHD_PID=""
	done
	[ -n "$SSHD_PID" ] || fail "sshd did not start on a free port"
	# Loopback only: nothing on our port listens on another address.
	if cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk -v want="$(printf ':%04X' "$PORT")" \
		'$4 == "0A" && substr($2, length($2) - 4) == want && $2 !~ /^0100007F:/ { bad = 1 }
		 END { exit !bad }'; then
		fail "sshd listens beyond 127.0.0.1 on port $PORT"
	fi

	cat >"$TMP/client.sh" <<-EOF
	#!/bin/sh
	# client.sh NAME: one desk session; its exit status goes to NAME.exit.
	ssh -tt -F /dev/null -i "$TMP/user_ed25519" -p "$PORT" \\
		-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \\
		-o GlobalKnownHostsFile=/dev/null -o BatchMode=yes -o IdentitiesOnly=yes \\
		-o LogLevel=ERROR "$USER_NAME@127.0.0.1" 2>"$TMP/\$1.err"
	echo "EXIT=\$?" >"$TMP/\$1.exit"
	EOF
}

# client_start NAME [COLS ROWS]: ssh to the desk in a tmux session called
# NAME, 100x30 unless told: the client's window size is what sshd gives
# the session's terminal.
client_start() {
	tm new-session -d -s "$1" -x "${2:-100}" -y "${3:-30}" "sh $TMP/client.sh $1" ||
		fail "tmux new-session $1"
}

# client_pid NAME: the pid of the ssh client in session NAME.
client_pid() {
	shpid=$(tm display-message -p -t "$1" '#{pane_pid}' 2>/dev/null) || return 1
	proc_table | awk -v p="$shpid" '$2 == p && $4 == "ssh" { print $1 }'
}

screen() {
	last_pane=$1
	tm capture-pane -p -t "$1" >"$TMP/screen" 2>/dev/null
}

# wait_screen NAME TEXT [SECONDS]: poll the pane until it shows TEXT.
wait_screen() {
	deadline=$(( $(now_ms) + ${3:-5} * 1000 ))
	while :; do
		if screen "$1" && grep -qF -- "$2" "$TMP/screen"; then
			return 0
		fi
		[ "$(now_ms)" -lt "$deadline" ] || return 1
		sleep 0.02
	done
}

keys() {
	name=$1
	shift
	tm send-keys -t "$name" "$@" || fail "send-keys to $name"
}

# wait_exit NAME [SECONDS]: wait until ssh in NAME ended; sets exit_status.
wait_exit() {
	deadline=$(( $(now_ms) + ${2:-5} * 1000 ))
	while [ ! -s "$TMP/$1.exit" ]; do
		[ "$(now_ms)" -lt "$deadline" ] || return 1
		sleep 0.02
	done
	# shellcheck disable=SC2034 # for the caller
	exit_status=$(sed -n 's/^EXIT=//p' "$TMP/$1.exit")
}

# running PID: the process exists and is not a zombie.  (An exited child
# whose parent died waits for init to reap it; where init does not reap,
# as in some containers, it stays a zombie: it has exited all the same.)
running() {
	state=$(awk '{ sub(/^.*\) /, ""); print substr($0, 1, 1) }' "/proc/$1/stat" 2>/dev/null)
	[ -n "$state" ] && [ "$state" != Z ]
}

# wait_gone PIDS... within MS (global WAIT_MS): sets gone_ms.
wait_gone() {
	start=$(now_ms)
	while :; do
		alive=""
		for p in "$@"; do running "$p" && alive="$alive $p"; done
		gone_ms=$(( $(now_ms) - start ))
		[ -z "$alive" ] && return 0
		[ "$gone_ms" -lt "${WAIT_MS:-1000}" ] || return 1
		sleep 0.01
	done
}

# registry_snapshot: remember the registry's checksum and its directory.
registry_snapshot() {
	REG_SUM=$(sha256sum <"$REG")
	REG_LS=$(ls -lA --time-style=+%s.%N "$TMP/registry" | sed 1d)
}

# The registry is exactly as imported, and nothing was written beside it.
check_registry() {
	[ "$(sha256sum <"$REG")" = "$REG_SUM" ] || fail "the registry file changed"
	[ "$(ls -lA --time-style=+%s.%N "$TMP/registry" | sed 1d)" = "$REG_LS" ] ||
		fail "files appeared or changed beside the registry: $(ls -la "$TMP/registry")"
}

# No regular file open for writing in a desk process.
check_no_write_fds() {
	for fdinfo in /proc/"$1"/fdinfo/*; do
		fd=${fdinfo##*/}
		target=$(readlink "/proc/$1/fd/$fd" 2>/dev/null) || continue
		case "$target" in /*) ;; *) continue ;; esac
		case "$target" in /dev/*) continue ;; esac
		flags=$(awk '$1 == "flags:" { print $2 }' "$fdinfo")
		# O_ACCMODE is the low two bits of the octal flags.
		acc=$(( 0$flags & 3 ))
		[ "$acc" -eq 0 ] || fail "dcinet $1 has $target open for writing (flags $flags)"
	done
}

# cpu_ns PID: time on CPU in nanoseconds (schedstat, else stat ticks).
cpu_ns() {
	if [ -r "/proc/$1/schedstat" ]; then
		awk '{ print $1 }' "/proc/$1/schedstat"
	else
		awk -v hz="$(getconf CLK_TCK)" '{
			sub(/^.*\) /, ""); split($0, f, " ")
			printf "%d\n", (f[12] + f[13]) * 1000000000 / hz }' "/proc/$1/stat"
	fi
}

# wakeups PID: context switches so far (each is a time the process ran).
wakeups() {
	awk '/ctxt_switches/ { n += $2 } END { print n }' "/proc/$1/status"
}

# host_busy: "busy total" jiffies of the whole host, from /proc/stat.
host_busy() {
	awk '$1 == "cpu" { t = 0; for (i = 2; i <= NF; i++) t += $i
		print t - $5 - $6, t; exit }' /proc/stat
}

# kib FILE FIELD: a "Field: N kB" value from a /proc status file.
kib() {
	awk -v f="$2:" '$1 == f { print $2; exit }' "$1" 2>/dev/null
}
