#!/bin/sh
# SPDX-License-Identifier: MIT
# run.sh BINARY SECONDS: run one libFuzzer target for SECONDS on its seed
# corpus (fuzz/corpus-NAME/, which keeps what it finds) and its past
# crashes (fuzz/regress/NAME/), then print one line of figures: runs,
# execs/s, coverage (edges, features) and corpus size.  A crash fails the
# run; its input is in fuzz/crashes/NAME-*: fix the bug, then move it to
# fuzz/regress/NAME/ so that `make test` replays it for ever.
set -u
bin=${1:?usage: run.sh BINARY SECONDS}
secs=${2:?usage: run.sh BINARY SECONDS}
name=$(basename "$bin" | sed 's/^fuzz_//')
log=$bin.log
case $name in
import_*) dict=-dict=fuzz/csv.dict ;;
query) dict=-dict=fuzz/query.dict ;;
*) dict= ;;
esac
mkdir -p "fuzz/corpus-$name" "fuzz/crashes"
# shellcheck disable=SC2086
"$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	-artifact_prefix="fuzz/crashes/$name-" $dict \
	"fuzz/corpus-$name" "fuzz/regress/$name" >"$log" 2>&1 &
pid=$!
wait $pid
rc=$?
rm -rf /dev/shm/dcinet-fuzz-$pid-* "${TMPDIR:-/tmp}"/dcinet-fuzz-$pid-*
last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -n 1)
cov=$(echo "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
ft=$(echo "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
corp=$(echo "$last" | sed -n 's/.*corp: \([0-9]*\/[0-9]*[a-zA-Z]*\).*/\1/p')
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
# edges instrumented in all: core/, the target, and SQLite and libcsv (built
# from source for the fuzz build, hardening.mk), which hold most of them
edges=$(sed -n 's/.*Loaded 1 modules *(\([0-9]*\) inline 8-bit counters).*/\1/p' "$log" | head -n 1)
if [ "$rc" -ne 0 ]; then
	tail -n 60 "$log" >&2
	echo "fuzz_$name: CRASH after ${runs:-?} runs (log $log); input in fuzz/crashes/" >&2
	exit 1
fi
echo "fuzz_$name: ${secs} s, ${runs:-?} runs, ${eps:-?} execs/s, cov ${cov:-?} of ${edges:-?} edges, ft ${ft:-?}, corpus ${corp:-?}, peak ${rss:-?} MB, no crash"
