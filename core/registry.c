/* SPDX-License-Identifier: MIT */
/*
 * registry.c: opening a registry, two ways: a CSV directory loaded into
 * memory, or a database file read-only (build.c writes one).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>
#include "internal.h"

/* Nothing reads SQLite's memory statistics, and keeping them takes a
 * global mutex on every allocation: a sixth of the instructions of
 * reading a registry's schema when it opens.  And no connection sets
 * aside its first 20 cache pages at once (Debian's PCACHE_INITSZ): a
 * memory-mapped registry reads few pages through the cache, and those
 * 90 kB were a tenth of a desk session's heap, each page touched (a
 * page fault) before the first screen. */
static void sqlite_configure(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	sqlite3_config(SQLITE_CONFIG_PAGECACHE, NULL, 0, 0);
}

void sqlite_setup(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;

	pthread_once(&once, sqlite_configure);
}

int db_open(const char *name, sqlite3 **db, int flags, const char *vfs)
{
	sqlite_setup();
	return sqlite3_open_v2(name, db, OPEN_FLAGS | flags, vfs);
}

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
	if (db_open(":memory:", &reg->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		registry_close(reg);
		return EX_SOFTWARE;
	}
	rc = registry_build(reg->db, dir, dir, opts, stats, 1, -1);
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

	if (db_open(":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		return EX_SOFTWARE;
	}
	rc = registry_build(db, dir, dir, opts, stats, 0, -1);
	sqlite3_close(db);
	return rc;
}

int db_uri(char *buf, size_t n, const char *path, const char *query)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t w = (size_t)snprintf(buf, n, "file:");
	const unsigned char *p;

	for (p = (const unsigned char *)path; *p && w + 4 < n; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("/-._~", *p)) {
			buf[w++] = (char)*p;
		} else {
			buf[w++] = '%';
			buf[w++] = hex[*p >> 4];
			buf[w++] = hex[*p & 15];
		}
	}
	if (*p || w + 1 + strlen(query) + 1 > n)
		return -1;
	snprintf(buf + w, n - w, "?%s", query);
	return 0;
}

/* A registry that a desk opens is immutable for it: --import replaces
 * the file by a rename, never writes into it, so SQLite may skip locks
 * and change checks and creates nothing beside it (no -journal, -wal or
 * -shm, even for a database left in WAL mode).  Anything but a regular
 * file (a FIFO would block the open forever) is refused before opening. */
int registry_open_db(registry **out, const char *path, char *err, size_t errlen)
{
	char uri[PATH_MAX * 3 + 64];
	struct stat st;
	registry *reg;
	int rc;

	*out = NULL;
	if (stat(path, &st) != 0 || access(path, R_OK) != 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return EX_NOINPUT;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s: not a regular file", path);
		return EX_NOINPUT;
	}
	if (st.st_size == 0) {
		snprintf(err, errlen, "%s: not a dcinet database (the file is empty)", path);
		return EX_DATAERR;
	}
	if (db_uri(uri, sizeof(uri), path, "mode=ro&immutable=1") != 0) {
		snprintf(err, errlen, "%s: path too long", path);
		return EX_NOINPUT;
	}
	reg = calloc(1, sizeof(*reg));
	if (!reg)
		return EX_OSERR;
	if (db_open(uri, &reg->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", path, sqlite3_errmsg(reg->db));
		registry_close(reg);
		return EX_NOINPUT;
	}
	/* A desk login writes no file, not even SQLite's temporary ones.  An
	 * 8 MB page cache (2 MB by default) keeps the search indexes' upper
	 * pages in memory from one keystroke to the next: fewer reads from
	 * the file, and the memory stays bounded whatever the registry.
	 * Only the file's first 4 MB are mapped: the whole of the shipped
	 * registry, whose pages are then the host's page cache, shared by the
	 * desk sessions instead of copied into each (a fifth less memory of
	 * a session's own), and a bounded part of a big one, whose every
	 * mapped page touched would count in the browser's resident memory
	 * (33 MB instead of 8 at a million staff with the whole file mapped). */
	sqlite3_exec(reg->db, "PRAGMA query_only = 1; PRAGMA temp_store = MEMORY;"
	             " PRAGMA cache_size = -8192; PRAGMA mmap_size = 4194304;",
	             NULL, NULL, NULL);
	rc = schema_check_version(reg->db, err, errlen);
	if (rc) {
		char why[256];

		snprintf(why, sizeof(why), "%s", err);
		snprintf(err, errlen, "%s: %s", path, why);
		registry_close(reg);
		return rc;
	}
	*out = reg;
	return 0;
}

void registry_close(registry *reg)
{
	size_t i;

	if (!reg)
		return;
	search_cache_free(reg);
	answer_cache_free(reg);
	for (i = 0; i < STMT_COUNT; i++)
		sqlite3_finalize(reg->stmt[i]);
	sqlite3_close(reg->db);
	free(reg);
}
