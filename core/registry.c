/*
 * registry.c: opening a registry, three ways: a CSV directory loaded into
 * memory, a database file read-only, or a database file built from CSV
 * and swapped into place atomically.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>
#include "internal.h"

/* A registry's connection is used by one thread at a time (the importer's
 * reader thread never touches SQLite), so it takes no mutex of its own:
 * SQLite's serialized mode locks on every call, a third of the cost of
 * inserting a row. */
#define OPEN_FLAGS SQLITE_OPEN_NOMUTEX

const char *column_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s ? (const char *)s : "";
}

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Create the schema in db and fill it from dir, in one transaction. */
static int build(sqlite3 *db, const char *dir, const struct import_opts *opts,
                 struct import_stats *stats)
{
	struct import_stats local = { 0, 0, 0 };
	double t0 = now_seconds();
	int rc;

	if (!stats)
		stats = &local;
	stats->rows = stats->errors = 0;
	sqlite3_exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
	             "PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;", NULL, NULL, NULL);
	if (fold_register(db) != SQLITE_OK || sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return EX_SOFTWARE;
	rc = schema_create(db);
	if (!rc)
		rc = import_into(db, dir, opts, stats);
	if (!rc)
		rc = schema_build_derived(db);
	if (!rc && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		rc = EX_SOFTWARE;
	if (rc)
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	stats->seconds = now_seconds() - t0;
	return rc;
}

int registry_load_dir(registry **out, const char *dir,
                      const struct import_opts *opts, struct import_stats *stats)
{
	registry *reg;
	int rc;

	*out = NULL;
	reg = calloc(1, sizeof(*reg));
	if (!reg)
		return EX_OSERR;
	if (sqlite3_open_v2(":memory:", &reg->db, OPEN_FLAGS | SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		registry_close(reg);
		return EX_SOFTWARE;
	}
	rc = build(reg->db, dir, opts, stats);
	if (rc) {
		registry_close(reg);
		return rc;
	}
	/* Browsing never writes, even to the private copy. */
	sqlite3_exec(reg->db, "PRAGMA query_only = 1", NULL, NULL, NULL);
	*out = reg;
	return 0;
}

int import_check_dir(const char *dir, const struct import_opts *opts,
                     struct import_stats *stats)
{
	registry *reg;
	int rc = registry_load_dir(&reg, dir, opts, stats);

	registry_close(reg);
	return rc;
}

static int fsync_path(const char *path, int flags)
{
	int fd = open(path, flags), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int import_build_db(const char *dir, const char *db_path,
                    const struct import_opts *opts, struct import_stats *stats)
{
	char tmp[4096], parent[4096], *slash;
	sqlite3 *db = NULL;
	mode_t mask;
	int fd, rc;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp-XXXXXX", db_path) >= (int)sizeof(tmp))
		return EX_USAGE;
	fd = mkstemp(tmp);
	if (fd < 0) {
		fprintf(stderr, "dcinet: %s: %s\n", tmp, strerror(errno));
		return EX_CANTCREAT;
	}
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0644 & ~mask);
	close(fd);
	if (sqlite3_open_v2(tmp, &db, OPEN_FLAGS | SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		fprintf(stderr, "dcinet: %s: %s\n", tmp, sqlite3_errmsg(db));
		rc = EX_CANTCREAT;
	} else {
		rc = build(db, dir, opts, stats);
	}
	if (sqlite3_close(db) != SQLITE_OK && !rc)
		rc = EX_SOFTWARE;
	if (!rc && fsync_path(tmp, O_RDONLY) != 0)
		rc = EX_IOERR;
	if (!rc && rename(tmp, db_path) != 0) {
		fprintf(stderr, "dcinet: %s: %s\n", db_path, strerror(errno));
		rc = EX_CANTCREAT;
	}
	if (rc) {
		unlink(tmp);
		return rc;
	}
	snprintf(parent, sizeof(parent), "%s", db_path);
	slash = strrchr(parent, '/');
	if (slash)
		*(slash == parent ? slash + 1 : slash) = '\0';
	else
		strcpy(parent, ".");
	fsync_path(parent, O_RDONLY | O_DIRECTORY);
	return 0;
}

int registry_open_db(registry **out, const char *path, char *err, size_t errlen)
{
	registry *reg;
	int rc;

	*out = NULL;
	if (access(path, R_OK) != 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return EX_NOINPUT;
	}
	reg = calloc(1, sizeof(*reg));
	if (!reg)
		return EX_OSERR;
	if (sqlite3_open_v2(path, &reg->db, OPEN_FLAGS | SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", path, sqlite3_errmsg(reg->db));
		registry_close(reg);
		return EX_NOINPUT;
	}
	rc = schema_check_version(reg->db, err, errlen);
	if (rc) {
		registry_close(reg);
		return rc;
	}
	/* A desk login writes no file, not even SQLite's temporary ones.  An
	 * 8 MB page cache (2 MB by default) keeps the search indexes' upper
	 * pages in memory from one keystroke to the next: fewer reads from
	 * the file, and the memory stays bounded whatever the registry. */
	sqlite3_exec(reg->db, "PRAGMA query_only = 1; PRAGMA temp_store = MEMORY;"
	             " PRAGMA cache_size = -8192;", NULL, NULL, NULL);
	*out = reg;
	return 0;
}

void registry_close(registry *reg)
{
	size_t i;

	if (!reg)
		return;
	for (i = 0; i < STMT_COUNT; i++)
		sqlite3_finalize(reg->stmt[i]);
	sqlite3_close(reg->db);
	free(reg);
}
