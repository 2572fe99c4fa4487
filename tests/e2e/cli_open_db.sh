#!/bin/sh
# SPDX-License-Identifier: MIT
# Opening a registry never writes, never hangs, and nothing from the file
# reaches the terminal raw: a database in WAL mode gets no -wal or -shm
# beside it; a FIFO is refused at once; an empty file is "not a dcinet
# database"; a damaged one is bad data (65), never "ambiguous"; SQLite's
# words about a crafted schema come out sanitised.
. "$DCINET_SRC/tests/e2e/clilib.sh"

command -v sqlite3 >/dev/null || fail "sqlite3 missing: tools/install-deps.sh test"
db="$TMP/reg.db"
run "$DCINET" --import tests/fixtures/mini --db "$db"
expect_status 0

# WAL mode: the desk's open creates nothing beside the file.
cp "$db" "$TMP/wal.db"
[ "$(sqlite3 "$TMP/wal.db" 'PRAGMA journal_mode = WAL;')" = wal ] || fail "could not set WAL mode"
rm -f "$TMP/wal.db-wal" "$TMP/wal.db-shm"
chmod 444 "$TMP/wal.db"
run "$DCINET" --db "$TMP/wal.db" --find nepal
expect_status 0
expect_out "answer: Nepal"
ls "$TMP" | grep -q 'wal.db-' && fail "opening created: $(ls "$TMP" | grep 'wal.db-')"

# A FIFO: refused before opening (an open would wait for a writer forever).
mkfifo "$TMP/fifo"
run timeout 5 "$DCINET" --db "$TMP/fifo" --find nepal
expect_status 66
expect_err "fifo: not a regular file"
[ "$(wc -l <"$TMP/err")" -eq 1 ] || fail "want one line: $(cat "$TMP/err")"

# A FIFO as a table file of a CSV registry: refused, not waited on.
mkdir "$TMP/fifodata"
cp tests/fixtures/mini/*.csv "$TMP/fifodata/"
rm "$TMP/fifodata/themes.csv"
mkfifo "$TMP/fifodata/themes.csv"
run timeout 5 "$DCINET" --check "$TMP/fifodata"
expect_status 66
expect_err "themes.csv: not a regular file"
run timeout 5 "$DCINET" --data "$TMP/fifodata" --find nepal
expect_status 66

# An empty file, a file of something else.
: >"$TMP/empty.db"
run "$DCINET" --db "$TMP/empty.db" --find nepal
expect_status 65
expect_err "empty.db: not a dcinet database"
printf 'hello\n' >"$TMP/text.db"
run "$DCINET" --db "$TMP/text.db" --find nepal
expect_status 65
expect_err "text.db: not a dcinet database"

# Damaged pages: bad data, whatever the text, never exit 2 (ambiguous).
cp "$db" "$TMP/bad.db"
size=$(wc -c <"$TMP/bad.db")
head -c $((size / 2)) /dev/zero | tr '\0' '\377' |
	dd of="$TMP/bad.db" bs=1 seek=$((size / 4)) conv=notrunc 2>/dev/null
for text in n nepal korea lemee; do
	run "$DCINET" --db "$TMP/bad.db" --find "$text"
	[ "$status" -eq 65 ] || fail "--find $text on a damaged database: exit $status, want 65"
	grep -q "^dcinet: " "$TMP/err" || fail "no message for a damaged database"
done

# A missing table: the answer still comes, then the error, exit 65.
cp "$db" "$TMP/partial.db"
sqlite3 "$TMP/partial.db" "DROP TABLE fts_staff;" || fail "sqlite3"
run "$DCINET" --db "$TMP/partial.db" --find nep
expect_status 65
expect_err "dcinet: no such table: fts_staff"

# A crafted schema: SQLite quotes it in its error, escapes and all.
cp "$db" "$TMP/evil.db"
esc=$(printf '\033')
bel=$(printf '\007')
sqlite3 "$TMP/evil.db" "PRAGMA writable_schema = ON;
	UPDATE sqlite_schema SET sql = 'CREATE TABLE themes(${esc}]0;pwned${bel}${esc}[2J'
	WHERE name = 'themes';" 2>/dev/null
for text in nepal "zz"; do
	run "$DCINET" --db "$TMP/evil.db" --find "$text"
	[ "$status" -eq 65 ] || fail "--find on a crafted schema: exit $status, want 65"
	grep -q "$esc" "$TMP/err" "$TMP/out" && fail "a raw escape reached the output: $(cat -v "$TMP/err")"
	grep -qF 'malformed database schema (themes)' "$TMP/err" && grep -qF '^[' "$TMP/err" ||
		fail "the message lacks the sanitised schema: $(cat -v "$TMP/err")"
done
exit 0
