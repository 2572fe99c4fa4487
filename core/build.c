/*
 * build.c: a registry built from its CSV directory, in one transaction
 * (registry_build), and written to a database file that replaces the old
 * one atomically (import_build_db).  Failures are reported through the
 * caller's import_opts, never written anywhere by the core.
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

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void import_report(const struct import_opts *opts, const char *file, const char *reason)
{
	if (opts && opts->on_error)
		opts->on_error(opts->ctx, file, 0, NULL, reason);
}

int registry_build(sqlite3 *db, const char *dir, const char *what,
                   const struct import_opts *opts, struct import_stats *stats, int derived)
{
	struct import_stats local = { 0, 0, 0 };
	double t0 = now_seconds();
	char err[512] = "";
	int rc;

	if (!stats)
		stats = &local;
	stats->rows = stats->errors = 0;
	sqlite3_exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
	             "PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;", NULL, NULL, NULL);
	if (fold_register(db) != SQLITE_OK || sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		import_report(opts, what, sqlite3_errmsg(db));
		return EX_SOFTWARE;
	}
	rc = schema_create(db, err, sizeof(err));
	if (!rc)
		rc = import_into(db, dir, opts, stats);
	if (!rc && derived)
		rc = schema_build_derived(db, err, sizeof(err));
	if (!rc && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		snprintf(err, sizeof(err), "%s", sqlite3_errmsg(db));
		rc = sqlite3_errcode(db) == SQLITE_FULL ? EX_IOERR : EX_SOFTWARE;
	}
	if (rc)
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	if (err[0])
		import_report(opts, what, err);
	stats->seconds = now_seconds() - t0;
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
		import_report(opts, tmp, strerror(errno));
		return EX_CANTCREAT;
	}
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0644 & ~mask);
	close(fd);
	if (sqlite3_open_v2(tmp, &db, OPEN_FLAGS | SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		import_report(opts, tmp, sqlite3_errmsg(db));
		rc = EX_CANTCREAT;
	} else {
		rc = registry_build(db, dir, db_path, opts, stats, 1);
	}
	if (sqlite3_close(db) != SQLITE_OK && !rc)
		rc = EX_SOFTWARE;
	if (!rc && fsync_path(tmp, O_RDONLY) != 0)
		rc = EX_IOERR;
	if (!rc && rename(tmp, db_path) != 0) {
		import_report(opts, db_path, strerror(errno));
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

