#!/bin/sh
# SPDX-License-Identifier: MIT
# run-e2e.sh SCRIPT...: run each end-to-end script against $DCINET with
# the shipped data; a script exits 0 when every assertion held.
: "${DCINET:?DCINET must name the binary under test}"
export DCINET
export DCINET_SRC="$(cd "$(dirname "$0")/.." && pwd)"
pass=0; fail=0
for t in "$@"; do
	[ -f "$t" ] || continue
	if sh "$t"; then pass=$((pass + 1)); echo "ok   $t"
	else fail=$((fail + 1)); echo "FAIL $t"; fi
done
echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
