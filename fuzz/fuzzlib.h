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

#ifndef FUZZ_FIXTURE
#define FUZZ_FIXTURE "tests/fixtures/mini"
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
 * scratch directory and holds only printable text. */
static inline void fuzz_on_error(void *ctx, const char *file, long line, const char *column,
                          const char *reason)
{
	long *count = ctx;

	(*count)++;
	FUZZ_CHECK(file && strncmp(file, fuzz_dir, strlen(fuzz_dir)) == 0, "file %s", file);
	FUZZ_CHECK(line >= 0, "line %ld", line);
	FUZZ_CHECK(reason && reason[0], "empty reason");
	FUZZ_CHECK(fuzz_printable(reason), "unsafe reason \"%s\"", reason);
	FUZZ_CHECK(!column || fuzz_printable(column), "unsafe column \"%s\"", column);
}

/* Validate the scratch directory: the exit code is one the API documents
 * and agrees with the errors reported. */
static inline void fuzz_check_dir(void)
{
	struct import_opts opts = { fuzz_on_error, NULL, 0 };
	struct import_stats stats = { 0, 0, 0 };
	long reported = 0;
	int rc;

	opts.ctx = &reported;
	rc = import_check_dir(fuzz_dir, &opts, &stats);
	FUZZ_CHECK(rc == 0 || rc == 65 || rc == 66, "import_check_dir returned %d", rc);
	FUZZ_CHECK((rc == 0) == (stats.errors == 0 && reported == 0),
	           "rc %d with %ld errors, %ld reported", rc, stats.errors, reported);
	FUZZ_CHECK(reported <= stats.errors + (long)registry_table_count,
	           "%ld reported for %ld errors", reported, stats.errors);
}

#endif
