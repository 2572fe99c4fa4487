# SPDX-License-Identifier: MIT
# clilib.sh: assertions for the command-line tests (sourced).
set -u
TMP=$(mktemp -d /tmp/dcinet-cli-XXXXXX)
trap 'rm -rf "$TMP"' EXIT
cd "$DCINET_SRC" || exit 1

fail() { echo "FAIL: $*" >&2; exit 1; }

# run CMD...: run it, keeping stdout, stderr and status in $TMP/out, $TMP/err, $status
run() {
	"$@" >"$TMP/out" 2>"$TMP/err" </dev/null
	status=$?
}

expect_status() {
	[ "$status" -eq "$1" ] || fail "want exit $1, got $status: $(head -c 600 "$TMP/err")"
}

expect_out() {
	grep -qF -- "$1" "$TMP/out" || fail "stdout lacks \"$1\": $(head -c 800 "$TMP/out")"
}

expect_err() {
	grep -qF -- "$1" "$TMP/err" || fail "stderr lacks \"$1\": $(head -c 800 "$TMP/err")"
}
