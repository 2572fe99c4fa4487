#!/bin/sh
# SPDX-License-Identifier: MIT
# run.sh: the scale benchmark (make bench), in one run, printed as one table.
#
# Environment: BUILD (build directory, default build), BENCH_POSTS and
# BENCH_STAFF (registry size, default 100000 and 1000000), BENCH_ROUNDS
# (import rounds, default 3), BENCH_QUERIES (searches per prefix length,
# default 1000).
#
# The synthetic registry is written once into bench/out/reg-POSTS-STAFF
# and reused while the generator and the size stay the same.  Every figure
# is measured here, in this run: the imports alternate with sqlite3's own
# .import round by round, so that the machine's noise falls on both.
set -eu
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
POSTS=${BENCH_POSTS:-100000}
STAFF=${BENCH_STAFF:-1000000}
ROUNDS=${BENCH_ROUNDS:-3}
QUERIES=${BENCH_QUERIES:-1000}
BIN=$BUILD/bench
OUT=bench/out
REG=$OUT/reg-$POSTS-$STAFF
SMALL=$OUT/reg-$((POSTS / 10))-$((STAFF / 10))
DB=$OUT/reg-$POSTS-$STAFF.db
LOG=$OUT/last-run.log
DCINET=$BUILD/dcinet
START=$(date +%s)
LOAD0=$(cut -d' ' -f1 /proc/loadavg)

mkdir -p "$OUT"
: >"$LOG"
log() { printf '%s\n' "$*" >>"$LOG"; }
say() { printf 'bench: %s\n' "$*" >&2; }

# val LINE KEY: the value of key=value in LINE
val() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p" | head -n 1; }

# median of the numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }

# gen DIR POSTS STAFF: write the registry unless it is there, whole, from
# the same generator
gen() {
	stamp="$1/.stamp"
	want="$(cksum <"$BIN/gen_registry") $2 $3"
	if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
		return 0
	fi
	say "generating $1 ($2 posts, $3 staff)"
	rm -rf "$1"
	"$BIN/gen_registry" "$1" --posts "$2" --staff "$3" --ref data 2>>"$LOG"
	printf '%s\n' "$want" >"$stamp"
}

gen "$REG" "$POSTS" "$STAFF"
gen "$SMALL" $((POSTS / 10)) $((STAFF / 10))
staff_mb=$(du -m "$REG/staff.csv" | cut -f1)

# shell_build DB: what the sqlite3 shell alone takes to make the same CSV
# files searchable: .import of every file (no checks, no list orders),
# then one FTS5 index with prefix='1 2 3' over staff names, rank and role
shell_build() {
	set -- "$1"
	for f in "$REG"/*.csv; do
		t=$(basename "$f" .csv)
		set -- "$@" ".import $f $t"
	done
	set -- "$@" "CREATE VIRTUAL TABLE fts_staff USING fts5(name, staff_rank, role,
	  content='', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
	  INSERT INTO fts_staff(rowid, name, staff_rank, role)
	  SELECT rowid, name, rank, role FROM staff;"
	db=$1
	shift
	sqlite3 "$db" -cmd '.mode csv' "$@"
}

# ---- 1. import ------------------------------------------------------------
say "import: $ROUNDS rounds of sqlite3 .import, the sqlite3 shell's whole build and dcinet's importer, alternating"
: >"$OUT/sqlite.txt"
: >"$OUT/shell.txt"
: >"$OUT/dcinet.txt"
r=1
while [ "$r" -le "$ROUNDS" ]; do
	rm -f "$OUT/sqlite3-import.db"
	t0=$(date +%s.%N)
	sqlite3 "$OUT/sqlite3-import.db" -cmd '.mode csv' ".import $REG/staff.csv staff" >>"$LOG" 2>&1
	t1=$(date +%s.%N)
	echo "$t0 $t1" | awk -v n="$STAFF" '{ printf "%.0f %.3f\n", n / ($2 - $1), $2 - $1 }' \
		>>"$OUT/sqlite.txt"
	rm -f "$OUT/sqlite3-import.db"
	t0=$(date +%s.%N)
	shell_build "$OUT/sqlite3-import.db" >>"$LOG" 2>&1
	t1=$(date +%s.%N)
	echo "$t0 $t1" | awk '{ printf "%.3f\n", $2 - $1 }' >>"$OUT/shell.txt"
	log "round $r: shell .import of every file and fts5 prefix='1 2 3' on staff: $(tail -n 1 "$OUT/shell.txt") s"
	line=$("$BIN/import_bench" "$REG" "$DB")
	log "round $r: $line"
	echo "$(val "$line" staff_rows_per_s) $(val "$line" load_s) $(val "$line" derived_s) $(val "$line" total_s) $(val "$line" rows)" \
		>>"$OUT/dcinet.txt"
	r=$((r + 1))
done
rm -f "$OUT/sqlite3-import.db"
sq_rate=$(cut -d' ' -f1 <"$OUT/sqlite.txt" | median)
sh_total=$(median <"$OUT/shell.txt")
dc_rate=$(cut -d' ' -f1 <"$OUT/dcinet.txt" | median)
dc_load=$(cut -d' ' -f2 <"$OUT/dcinet.txt" | median)
dc_derived=$(cut -d' ' -f3 <"$OUT/dcinet.txt" | median)
dc_total=$(cut -d' ' -f4 <"$OUT/dcinet.txt" | median)
dc_rows=$(cut -d' ' -f5 <"$OUT/dcinet.txt" | median)

# the real command, for its peak memory, at two sizes
rss_of() {   # rss_of DIR: peak RSS in kB of dcinet --import DIR
	/usr/bin/time -v "$DCINET" --import "$1" --db "$OUT/rss.db" 2>"$OUT/time.txt" >/dev/null
	sed -n 's/.*Maximum resident set size (kbytes): //p' "$OUT/time.txt"
}
say "import: peak memory of dcinet --import"
rss_big=$(rss_of "$REG")
cat "$OUT/time.txt" >>"$LOG"
rss_small=$(rss_of "$SMALL")
rm -f "$OUT/rss.db"

# ---- 2. search --------------------------------------------------------------
say "search: $QUERIES keystrokes per prefix length"
"$BIN/search_bench" "$DB" "$REG/words.txt" --per-length "$QUERIES" --slowest 3 >"$OUT/search.txt"
cat "$OUT/search.txt" >>"$LOG"

# ---- 3-5. the browser in a terminal ------------------------------------------
say "browser: start-up, keys and memory in a pseudo-terminal"
pty_runs() {   # pty_runs LABEL ARGS...: five sessions, one line each
	label=$1
	shift
	for i in 1 2 3 4 5; do
		"$BIN/pty_bench" --quiet 100 -- "$DCINET" "$@" | sed "s/^pty/$label/"
	done
}
pty_runs big --db "$DB" >"$OUT/pty.txt"
pty_runs shipped >>"$OUT/pty.txt"
pty_runs csv --data data >>"$OUT/pty.txt"
cat "$OUT/pty.txt" >>"$LOG"
pty() {   # pty LABEL KEY: the median over the sessions
	grep "^$1 " "$OUT/pty.txt" | while read -r line; do val "$line" "$2"; done | median
}

# ---- the table ------------------------------------------------------------------
verdict() {   # verdict VALUE OP LIMIT
	if awk -v v="$1" -v l="$3" "BEGIN { exit !(v $2 l) }"; then echo ok; else echo MISSED; fi
}
row() { printf '  %-44s %18s  %-10s %s\n' "$1" "$2" "$3" "$4"; }
kb_mb() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }'; }

ratio=$(awk -v a="$dc_rate" -v b="$sq_rate" 'BEGIN { printf "%.2f", a / b }')
echo
echo "dcinet scale benchmark: $POSTS posts, $STAFF staff ($staff_mb MB staff.csv), $(nproc) cores," \
	"SQLite $(sqlite3 --version | cut -d' ' -f1)"
printf '  %-44s %18s  %-10s %s\n' "measure" "value" "target" ""
echo "1 import (median of $ROUNDS rounds, side by side)"
row "sqlite3 .import staff.csv (no checks)" "$(printf '%.0f rows/s' "$sq_rate")" "" ""
row "dcinet import of staff.csv (validated)" "$(printf '%.0f rows/s' "$dc_rate")" "" ""
row "ratio dcinet / sqlite3" "${ratio}x" ">= 1.5x" "$(verdict "$ratio" '>=' 1.5)"
row "all $dc_rows rows loaded (every file)" "$dc_load s" "" ""
row "indexes, list orders, search index" "$dc_derived s" "" ""
row "side by side: sqlite3 shell, fts5 '1 2 3'" "$sh_total s" "" ""
row "CSV to searchable database" "$dc_total s" "<= shell" "$(verdict "$dc_total" '<=' "$sh_total")"
echo "2 search keystroke at $STAFF staff (search_screen: 18 lines shared by the 4 kinds, then answer_find, as a 24-line search box asks)"
for len in 1 2 3 4 5 6; do
	line=$(grep "^search len=$len " "$OUT/search.txt")
	med=$(val "$line" median_us)
	p99=$(val "$line" p99_us)
	row "prefix of $len: median / p99 (screen, answer)" \
		"$med / $p99 us" "100 / 1000" "$(verdict "$med" '<=' 100) $(verdict "$p99" '<=' 1000)"
	row "" "($(val "$line" screen_median_us) / $(val "$line" screen_p99_us), $(val "$line" answer_median_us) / $(val "$line" answer_p99_us) us)" "" ""
done
echo "3 start-up to first full screen (median of 5)"
big_ms=$(pty big startup_ms)
shipped_ms=$(pty shipped startup_ms)
csv_ms=$(pty csv startup_ms)
row "--db, $STAFF staff" "$big_ms ms" "< 5 ms" "$(verdict "$big_ms" '<' 5)"
row "shipped data (database built by make)" "$shipped_ms ms" "< 10 ms" "$(verdict "$shipped_ms" '<' 10)"
row "  of which on a CPU, --db / shipped" \
	"$(pty big first_screen_cpu_ms) / $(pty shipped first_screen_cpu_ms) ms" "" ""
row "  page faults till then, --db / shipped" \
	"$(pty big first_screen_faults) / $(pty shipped first_screen_faults)" "" ""
row "--data data (the shipped CSV, loaded)" "$csv_ms ms" "" ""
echo "4 peak resident memory"
hwm=$(pty big vmhwm_kb)
row "browsing the $STAFF-staff database" "$(kb_mb "$hwm")" "< 16 MB" "$(verdict "$hwm" '<' 16384)"
row "dcinet --import, $STAFF staff" "$(kb_mb "$rss_big")" "flat, < 64 MB" \
	"$(verdict "$rss_big" '<' "$((rss_small * 2))") $(verdict "$rss_big" '<' 65536)"
row "dcinet --import, $((STAFF / 10)) staff" "$(kb_mb "$rss_small")" "" ""
echo "5 bytes written to the terminal (24x80, median of 5 sessions)"
move=$(pty big move_bytes)
row "one cursor move in the post list" "$move B" "< 200 B" "$(verdict "$move" '<' 200)"
row "  the move itself / the Roster following at rest" \
	"$(pty big move_alone_bytes) / $((move - $(pty big move_alone_bytes))) B" "" ""
row "  per move while j is held (Roster at the end)" "$(pty big held_move_bytes) B" "" ""
row "one search keystroke" "$(pty big key_bytes) B" "" ""
row "first full screen" "$(pty big first_screen_bytes) B" "" ""
echo "run time $(($(date +%s) - START)) s; load average $LOAD0 at the start," \
	"$(cut -d' ' -f1 /proc/loadavg) at the end (2 = both cores busy elsewhere); details in $LOG"
