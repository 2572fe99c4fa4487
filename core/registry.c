/*
 * registry.c: opening a registry, two ways: a CSV directory loaded into
 * memory, or a database file read-only (build.c writes one).
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

const char *column_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s ? (const char *)s : "";
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
	rc = registry_build(reg->db, dir, dir, opts, stats, 1);
	if (rc) {
		registry_close(reg);
		return rc;
	}
	/* Browsing never writes, even to the private copy. */
	sqlite3_exec(reg->db, "PRAGMA query_only = 1", NULL, NULL, NULL);
	*out = reg;
	return 0;
}

/* A check keeps nothing: the rows are loaded and checked, and the search
 * indexes and list orders, which no rule depends on, are not built. */
int import_check_dir(const char *dir, const struct import_opts *opts,
                     struct import_stats *stats)
{
	sqlite3 *db = NULL;
	int rc;

	if (sqlite3_open_v2(":memory:", &db, OPEN_FLAGS | SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return EX_SOFTWARE;
	}
	rc = registry_build(db, dir, dir, opts, stats, 0);
	sqlite3_close(db);
	return rc;
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
