/* SPDX-License-Identifier: MIT */
/*
 * fuzzlib.h: what the fuzz targets share.  A scratch copy of the mini
 * fixture registry lives in memory (the original bytes of its files)
 * and on disk (a directory under /dev/shm when there is one, so writing a
 * file per input costs no disk I/O).  Every target is built twice: with
 * libFuzzer by `make fuzz`, and with the plain compiler as a cmocka test
 * that replays fuzz/regress/ (tests/unit/test_core_fuzz_*.c).
 *
 * The fixture is found at $DCINET_FUZZ_FIXTURE, else FUZZ_FIXTURE (an
 * absolute path passed by hardening.mk), else tests/fixtures/mini.
 */
#ifndef DCINET_FUZZLIB_H
#define DCINET_FUZZLIB_H

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "../core/dcinet.h"
#include "../core/tables.h"
#include "../core/internal.h"

/* libFuzzer's entry point, which each target defines.  No target defines
 * LLVMFuzzerInitialize: each sets up what it needs on its first input,
 * so that libFuzzer and the replay tests (replay.h) start it alike. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifndef FUZZ_FIXTURE
#define FUZZ_FIXTURE "tests/fixtures/mini"
#endif

/* The importer's reader thread, for this input or not (hardening.mk
 * turns core/import.c's THREAD_MIN_BYTES into fuzz_thread_min_bytes): off,
 * the importer's own choice for files as small as a fuzzer's, by default;
 * on (every file, however small) when a target asks.  Without the hook
 * (the replay tests, built with the system's compiler and libraries) the
 * importer keeps its own limit. */
#ifdef FUZZ_THREAD_HOOK
#include <limits.h>
#include "hooks.h"
long fuzz_thread_min_bytes = LONG_MAX;
#define fuzz_threads(on) ((void)(fuzz_thread_min_bytes = (on) ? 0 : LONG_MAX))
#else
#define fuzz_threads(on) ((void)(on))
#endif

/* The input being replayed by tests/unit/test_core_fuzz_*.c, for messages. */
static const char *fuzz_input_name;

/* Abort with a message: libFuzzer then saves the input as a crash. */
#define FUZZ_CHECK(cond, ...) do { if (!(cond)) { \
	if (fuzz_input_name) fprintf(stderr, "%s: ", fuzz_input_name); \
	fprintf(stderr, "fuzz check failed: %s: ", #cond); \
	fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); abort(); } } while (0)

struct fuzz_blob {
	char *bytes;
	size_t len;
};

static char fuzz_dir[256];
static struct fuzz_blob fuzz_fixture[16];

static inline const char *fuzz_fixture_dir(void)
{
	const char *env = getenv("DCINET_FUZZ_FIXTURE");

	return env && *env ? env : FUZZ_FIXTURE;
}

static inline void fuzz_slurp(const char *path, struct fuzz_blob *b)
{
	FILE *fp = fopen(path, "rb");
	long n;

	FUZZ_CHECK(fp != NULL, "cannot open %s", path);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	b->bytes = malloc((size_t)n + 1);
	FUZZ_CHECK(b->bytes != NULL, "out of memory");
	b->len = fread(b->bytes, 1, (size_t)n, fp);
	fclose(fp);
}

/* Write n bytes as table t's file in the scratch directory. */
static inline void fuzz_write(size_t t, const void *bytes, size_t n)
{
	char path[512];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", fuzz_dir, registry_tables[t].file);
	fp = fopen(path, "wb");
	FUZZ_CHECK(fp != NULL, "cannot write %s", path);
	if (n)
		FUZZ_CHECK(fwrite(bytes, 1, n, fp) == n, "short write to %s", path);
	fclose(fp);
}

static inline void fuzz_unlink(size_t t)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", fuzz_dir, registry_tables[t].file);
	unlink(path);
}

static inline void fuzz_restore(size_t t)
{
	fuzz_write(t, fuzz_fixture[t].bytes, fuzz_fixture[t].len);
}

static inline void fuzz_cleanup(void)
{
	size_t t;

	if (!fuzz_dir[0])
		return;
	for (t = 0; t < registry_table_count; t++) {
		fuzz_unlink(t);
		free(fuzz_fixture[t].bytes);
		fuzz_fixture[t].bytes = NULL;
	}
	rmdir(fuzz_dir);
	fuzz_dir[0] = '\0';
}

/* Read the fixture and lay out the scratch directory, once. */
static inline void fuzz_setup(void)
{
	struct stat sb;
	char path[512];
	size_t t;

	if (fuzz_dir[0])
		return;
	FUZZ_CHECK(registry_table_count <= sizeof(fuzz_fixture) / sizeof(fuzz_fixture[0]),
	           "too many tables");
	/* The pid in the name lets fuzz/run.sh remove the directory of a run
	 * that ended without atexit (a crash, or libFuzzer's own _Exit). */
	snprintf(fuzz_dir, sizeof(fuzz_dir), "%s/dcinet-fuzz-%ld-XXXXXX",
	         stat("/dev/shm", &sb) == 0 && access("/dev/shm", W_OK) == 0 ? "/dev/shm"
	         : getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (long)getpid());
	FUZZ_CHECK(mkdtemp(fuzz_dir) != NULL, "mkdtemp %s", fuzz_dir);
	for (t = 0; t < registry_table_count; t++) {
		snprintf(path, sizeof(path), "%s/%s", fuzz_fixture_dir(), registry_tables[t].file);
		fuzz_slurp(path, &fuzz_fixture[t]);
		fuzz_restore(t);
	}
	atexit(fuzz_cleanup);
}

/* True when s (n bytes) may go to a terminal as is: valid UTF-8 and no
 * control character the sanitiser would replace. */
static inline int fuzz_printable(const char *s)
{
	size_t n = strlen(s);
	char *copy = malloc(3 * n + 1);
	int same;

	FUZZ_CHECK(copy != NULL, "out of memory");
	text_sanitize(copy, 3 * n + 1, s, 0);
	same = strcmp(copy, s) == 0;
	free(copy);
	return same;
}

/* The importer's error callback: every report names a file of the
 * scratch directory, a line (0 for the whole file) or IMPORT_WARNING, and
 * holds only printable text. */
static inline void fuzz_on_error(void *ctx, const char *file, long line, const char *column,
                          const char *reason)
{
	long *count = ctx;

	if (line != IMPORT_WARNING)   /* a warning is not an error: the file loaded */
		(*count)++;
	FUZZ_CHECK(file && strncmp(file, fuzz_dir, strlen(fuzz_dir)) == 0, "file %s", file);
	FUZZ_CHECK(line >= 0 || line == IMPORT_WARNING, "line %ld", line);
	FUZZ_CHECK(reason && reason[0], "empty reason");
	FUZZ_CHECK(fuzz_printable(reason), "unsafe reason \"%s\"", reason);
	FUZZ_CHECK(!column || fuzz_printable(column), "unsafe column \"%s\"", column);
}

/* How a target loads the scratch directory.
 *
 *   FUZZ_LOAD_FAST   import_into() on a database that holds the schema
 *                    already (made once, by schema_create), in a
 *                    transaction rolled back after each input: the
 *                    importer's rules at a fraction of the cost, since
 *                    making the schema is half of a small check's time
 *   FUZZ_LOAD_FULL   registry_load_dir(): also the search indexes and the
 *                    list orders made from what was loaded */
enum fuzz_load { FUZZ_LOAD_FAST, FUZZ_LOAD_FULL };

static sqlite3 *fuzz_db;

static inline void fuzz_db_close(void)
{
	sqlite3_close(fuzz_db);
	fuzz_db = NULL;
}

static inline sqlite3 *fuzz_schema_db(void)
{
	char err[512] = "";

	if (fuzz_db)
		return fuzz_db;
	FUZZ_CHECK(sqlite3_open_v2(":memory:", &fuzz_db, OPEN_FLAGS | SQLITE_OPEN_READWRITE, NULL)
	           == SQLITE_OK, "cannot open a database in memory");
	/* registry_build's settings, less journal_mode = OFF, with which a
	 * transaction cannot be rolled back */
	sqlite3_exec(fuzz_db, "PRAGMA synchronous = OFF; PRAGMA cache_size = -32768;"
	             " PRAGMA temp_store = MEMORY;", NULL, NULL, NULL);
	FUZZ_CHECK(fold_register(fuzz_db) == SQLITE_OK, "fold_register: %s", sqlite3_errmsg(fuzz_db));
	FUZZ_CHECK(schema_create(fuzz_db, err, sizeof(err)) == 0, "schema_create: %s", err);
	atexit(fuzz_db_close);
	return fuzz_db;
}

static inline int fuzz_load_fast(const struct import_opts *opts, struct import_stats *stats)
{
	sqlite3 *db = fuzz_schema_db();
	int rc;

	FUZZ_CHECK(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK, "BEGIN: %s",
	           sqlite3_errmsg(db));
	rc = import_into(db, fuzz_dir, opts, stats);
	FUZZ_CHECK(sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL) == SQLITE_OK, "ROLLBACK: %s",
	           sqlite3_errmsg(db));
	return rc;
}

/* Load the scratch directory as mode says and check the outcome: the
 * exit code is one the API documents and agrees with the errors reported,
 * and a registry that loaded answers a count.  Returns the exit code;
 * *rows: the rows loaded. */
static inline int fuzz_load(enum fuzz_load mode, long *rows)
{
	struct import_opts opts = { fuzz_on_error, NULL, 0 };
	struct import_stats stats = { 0 };
	long reported = 0;
	registry *reg = NULL;
	int rc;

	opts.ctx = &reported;
	if (mode == FUZZ_LOAD_FAST)
		rc = fuzz_load_fast(&opts, &stats);
	else
		rc = registry_load_dir(&reg, fuzz_dir, &opts, &stats);
	FUZZ_CHECK(rc == 0 || rc == 65 || rc == 66, "loading returned %d (mode %d)", rc, (int)mode);
	FUZZ_CHECK((rc == 0) == (stats.errors == 0 && reported == 0),
	           "rc %d with %ld errors, %ld reported", rc, stats.errors, reported);
	FUZZ_CHECK(reported <= stats.errors + (long)registry_table_count,
	           "%ld reported for %ld errors", reported, stats.errors);
	FUZZ_CHECK((reg != NULL) == (mode == FUZZ_LOAD_FULL && rc == 0), "registry %p, rc %d",
	           (void *)reg, rc);
	if (reg) {
		struct dci_counts counts;

		FUZZ_CHECK(registry_counts(reg, &counts) == 0, "registry_counts: %s",
		           registry_error(reg));
		registry_close(reg);
	}
	*rows = stats.rows;
	return rc;
}

/* What the import targets do with the scratch directory: the fast load
 * for every input, and when full is set and the directory loads cleanly
 * (the only kind of which a registry is made), the whole
 * registry_load_dir too, search indexes and list orders built from the
 * input, which must agree.  A clean load costs ten times a fast one:
 * fuzz_import_dir asks for it, fuzz_import_file does not. */
static inline void fuzz_check_dir(int full)
{
	long rows_fast, rows_full;

	if (fuzz_load(FUZZ_LOAD_FAST, &rows_fast) != 0 || !full)
		return;
	FUZZ_CHECK(fuzz_load(FUZZ_LOAD_FULL, &rows_full) == 0,
	           "the fast load was clean, registry_load_dir was not");
	FUZZ_CHECK(rows_full == rows_fast, "%ld rows loaded, %ld by the fast load", rows_full,
	           rows_fast);
}

#endif
