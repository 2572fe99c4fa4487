# SPDX-License-Identifier: MIT
# desk_session.sh: one desk session through a real sshd.  The panes
# appear, a search answers, the keys a user tries to get a shell (!, :,
# Ctrl-Z, Ctrl-\) change nothing, and q ends the SSH session with status 0.
. "$DCINET_SRC/tests/ssh/sshlib.sh"

# shellcheck disable=SC2119
desk_setup

t0=$(now_ms)
client_start s1
wait_screen s1 "Roster" 10 || fail "no first screen within 10 s"
first_ms=$(( $(now_ms) - t0 ))
for title in "1 Overview" "2 Posts" "3 Roster"; do
	grep -qF "$title" "$TMP/screen" || fail "first screen lacks the $title pane"
done
# Accents render: sshd's SetEnv gives the session a UTF-8 locale.
grep -qF "coopération" "$TMP/screen" || fail "no accented text on the first screen (locale?)"
pid=$(desk_pids)
[ "$(echo "$pid" | wc -w)" -eq 1 ] || fail "want one dcinet under sshd, got: $(tree_comms)"

# A search answers, accents and all (LANG=C.UTF-8 is set by sshd_config).
keys s1 /
keys s1 -l namibie
wait_screen s1 "Pretoria" 5 || fail "the search for namibie did not show Pretoria"

# The ways out a user would try: in the search box they are text, in a
# pane they are unbound keys; as raw bytes none is a signal.
for where in search pane; do
	if [ "$where" = pane ]; then
		keys s1 Tab
		sleep 0.2
	fi
	keys s1 -l '!'
	keys s1 -l ':'
	keys s1 -H 1a        # Ctrl-Z
	keys s1 -H 1c        # Ctrl-backslash
	sleep 0.4
	[ ! -s "$TMP/s1.exit" ] || fail "the session ended after !, :, Ctrl-Z, Ctrl-\\ ($where)"
	running "$pid" || fail "dcinet died after !, :, Ctrl-Z, Ctrl-\\ ($where)"
	state=$(awk '{ sub(/^.*\) /, ""); print substr($0, 1, 1) }' "/proc/$pid/stat")
	[ "$state" != T ] || fail "dcinet is stopped after Ctrl-Z ($where)"
	comms=$(tree_comms | awk '{ print $2 }' | sort -u | tr '\n' ' ')
	[ "$comms" = "dcinet sshd " ] || fail "processes under sshd: $comms(want only sshd and dcinet)"
	screen s1
	grep -qF "DCI network" "$TMP/screen" || fail "the browser is no longer on screen ($where)"
	if grep -Eq '^[^ ]*@[^ ]*[:~].*[#$] *$' "$TMP/screen"; then
		fail "a shell prompt appeared ($where)"
	fi
done

# Still answering after all that.
keys s1 /
keys s1 C-u
keys s1 -l nepal
wait_screen s1 "New Delhi" 5 || fail "no answer to a second search after the escape keys"

# The registry is rebuilt while the desk is open (--import renames a new
# file over it): the open session goes on answering from the one it opened.
"$DCINET" --import "$DCINET_SRC/data" --db "$REG" 2>"$TMP/import.log" ||
	fail "re-import: $(cat "$TMP/import.log")"
chmod 444 "$REG"
registry_snapshot
keys s1 C-u
keys s1 -l lome
wait_screen s1 "Togo" 5 || fail "no answer after the registry was rebuilt under the session"

check_no_write_fds "$pid"
for task in /proc/"$pid"/task/*; do
	[ "${task##*/}" = "$pid" ] || fail "dcinet runs extra threads"
done

keys s1 Tab
keys s1 q
wait_exit s1 5 || fail "q did not end the SSH session within 5 s"
[ "$exit_status" = 0 ] || fail "ssh exited $exit_status after q, want 0: $(cat "$TMP/s1.err")"
WAIT_MS=1000 wait_gone "$pid" || fail "dcinet still runs after q"
check_registry
echo "desk_session: first screen ${first_ms} ms after ssh started"
