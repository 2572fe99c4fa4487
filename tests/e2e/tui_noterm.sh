#!/bin/sh
# SPDX-License-Identifier: MIT
# Without a terminal the browser says so and exits 69 (EX_UNAVAILABLE),
# without touching the terminal settings.
. "$(dirname "$0")/tmuxlib.sh"

want="dcinet: the browser needs a terminal (use --find for scripts)"

"$DCINET" --data "$DCINET_SRC/data" < /dev/null > "$TL_TMP/out" 2> "$TL_TMP/err"
status=$?
[ "$status" = 69 ] || tl_fail "stdin not a terminal: exit $status, want 69"
grep -qxF "$want" "$TL_TMP/err" || tl_fail "stdin not a terminal: stderr: $(cat "$TL_TMP/err")"
[ ! -s "$TL_TMP/out" ] || tl_fail "stdin not a terminal: wrote to stdout"

# stdin a terminal, stdout a file.
cat > "$TL_TMP/run.sh" <<RUN
"$DCINET" --data "$DCINET_SRC/data" > "$TL_TMP/out2" 2> "$TL_TMP/err2"
echo \$? > "$TL_TMP/status"
RUN
tl_tmux new-session -d -s s -x 80 -y 24 "sh $TL_TMP/run.sh"
tl_poll '[ -s "$TL_TMP/status" ]' 5 || tl_fail "the browser did not exit"
[ "$(cat "$TL_TMP/status")" = 69 ] || tl_fail "stdout not a terminal: exit $(cat "$TL_TMP/status")"
grep -qxF "$want" "$TL_TMP/err2" || tl_fail "stdout not a terminal: stderr: $(cat "$TL_TMP/err2")"
[ ! -s "$TL_TMP/out2" ] || tl_fail "stdout not a terminal: wrote escape sequences to the file"
exit 0
