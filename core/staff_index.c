/* SPDX-License-Identifier: MIT */
/*
 * staff_index.c: the staff search index, built by a thread of its own
 * while the import derives everything else.
 *
 * fts_staff is the largest thing an import builds (six of its sixteen
 * seconds at a million staff) and reads nothing but the staff table,
 * which no statement changes once the rows are in.  So once the rows are
 * committed, a thread with a connection of its own reads them from the
 * file being built and indexes them into a scratch file (unnamed, beside
 * the target), while the import goes on with the other derived tables;
 * then the import copies the index's tables in.
 *
 * The thread reads the file being built with nolock=1, because the
 * import writes other tables of it meanwhile, which SQLite's locks would
 * forbid.  That is safe as done here: the thread reads the schema and
 * opens its one read transaction before staff_index_start() returns and
 * the import writes again, and then reads no page but the staff table's,
 * which nothing writes any more.  Until then the import's connection
 * holds to that with an authorizer: a statement that would write the
 * staff table is refused when it is prepared, before it could change a
 * page under the thread.
 */
#define _GNU_SOURCE             /* O_TMPFILE */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>
#include "internal.h"

struct staff_index {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int reading;               /* the thread holds its snapshot, or gave up */
	sqlite3 *import;           /* the import's connection, guarded */
	int fd;                    /* the scratch file */
	char src[PATH_MAX * 3 + 64]; /* the file being built, as a URI */
	const char *vfs;
	int rc;                    /* 0, or a sysexits code with err */
	char err[256];
};

static void set_reading(struct staff_index *si)
{
	pthread_mutex_lock(&si->mu);
	si->reading = 1;
	pthread_cond_signal(&si->cv);
	pthread_mutex_unlock(&si->mu);
}

/* ATTACH path AS name on db, the path bound as a parameter. */
static int attach(sqlite3 *db, const char *path, const char *name, char *err, size_t errlen)
{
	char sql[64];
	sqlite3_stmt *st = NULL;
	int ok;

	snprintf(sql, sizeof(sql), "ATTACH ? AS %s", name);
	ok = sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK
	     && sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC) == SQLITE_OK
	     && sqlite3_step(st) == SQLITE_DONE;
	if (!ok)
		snprintf(err, errlen, "%s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return ok ? 0 : EX_SOFTWARE;
}

/* Attach the file being built as "built", then begin the transaction
 * and read from staff: the snapshot is taken. */
static int snapshot(struct staff_index *si, sqlite3 *db)
{
	int rc = schema_exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
	                     " PRAGMA cache_size = -1024;", si->err, sizeof(si->err));

	if (!rc)
		rc = attach(db, si->src, "built", si->err, sizeof(si->err));
	if (rc)
		return rc;
	return schema_exec(db, "PRAGMA built.cache_size = -1024;"
	                   " BEGIN; SELECT 1 FROM built.staff LIMIT 1;", si->err,
	                   sizeof(si->err));
}

static void *build(void *arg)
{
	struct staff_index *si = arg;
	char path[64];
	sqlite3 *db = NULL;
	int rc;

	snprintf(path, sizeof(path), "/proc/self/fd/%d", si->fd);
	if (db_open(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, si->vfs) != SQLITE_OK) {
		snprintf(si->err, sizeof(si->err), "%s", db ? sqlite3_errmsg(db) : "cannot open SQLite");
		rc = EX_SOFTWARE;
	} else {
		rc = snapshot(si, db);
	}
	set_reading(si);
	if (!rc)
		rc = schema_exec(db, schema_staff_index_sql, si->err, sizeof(si->err));
	if (!rc)
		rc = schema_exec(db, "COMMIT", si->err, sizeof(si->err));
	if (sqlite3_close(db) != SQLITE_OK && !rc) {
		snprintf(si->err, sizeof(si->err), "cannot close the staff index");
		rc = EX_SOFTWARE;
	}
	si->rc = rc;
	return NULL;
}

/* The authorizer of the import's connection while the thread reads the
 * staff table: whatever would write that table is denied. */
static int staff_untouched(void *unused, int action, const char *a1, const char *a2,
                           const char *dbname, const char *inner)
{
	const char *table = action == SQLITE_ALTER_TABLE ? a2 : a1;
	const char *schema = action == SQLITE_ALTER_TABLE ? a1 : dbname;

	(void)unused;
	(void)inner;
	switch (action) {
	case SQLITE_INSERT:
	case SQLITE_UPDATE:
	case SQLITE_DELETE:
	case SQLITE_DROP_TABLE:
	case SQLITE_ALTER_TABLE:
		if (table && strcmp(table, "staff") == 0 && (!schema || strcmp(schema, "main") == 0))
			return SQLITE_DENY;
		break;
	default:
		break;
	}
	return SQLITE_OK;
}

struct staff_index *staff_index_start(sqlite3 *db, int dirfd)
{
	const char *path = sqlite3_db_filename(db, "main");
	sqlite3_vfs *vfs = NULL;
	struct staff_index *si;
	char query[128];

	if (!path || !path[0]
	    || sqlite3_file_control(db, "main", SQLITE_FCNTL_VFS_POINTER, &vfs) != SQLITE_OK || !vfs)
		return NULL;
	si = calloc(1, sizeof(*si));
	if (!si)
		return NULL;
	snprintf(query, sizeof(query), "mode=ro&nolock=1&vfs=%s", vfs->zName);
	if (db_uri(si->src, sizeof(si->src), path, query) != 0) {
		free(si);
		return NULL;
	}
	si->vfs = vfs->zName;
	si->fd = openat(dirfd, ".", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (si->fd < 0) {
		free(si);
		return NULL;
	}
	pthread_mutex_init(&si->mu, NULL);
	pthread_cond_init(&si->cv, NULL);
	if (pthread_create(&si->thread, NULL, build, si) != 0) {
		close(si->fd);
		free(si);
		return NULL;
	}
	pthread_mutex_lock(&si->mu);
	while (!si->reading)
		pthread_cond_wait(&si->cv, &si->mu);
	pthread_mutex_unlock(&si->mu);
	si->import = db;
	sqlite3_set_authorizer(db, staff_untouched, NULL);
	return si;
}

/* In a transaction of its own: a database cannot be detached in one. */
static int copy_in(struct staff_index *si, sqlite3 *db, char *err, size_t errlen)
{
	char path[64];
	int rc;

	snprintf(path, sizeof(path), "/proc/self/fd/%d", si->fd);
	rc = attach(db, path, "staff_index", err, errlen);
	if (rc)
		return rc;
	rc = schema_exec(db, schema_staff_index_copy_sql, err, errlen);
	if (rc)
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	if (sqlite3_exec(db, "DETACH staff_index", NULL, NULL, NULL) != SQLITE_OK && !rc) {
		snprintf(err, errlen, "%s", sqlite3_errmsg(db));
		rc = EX_SOFTWARE;
	}
	return rc;
}

int staff_index_finish(struct staff_index *si, sqlite3 *db, char *err, size_t errlen)
{
	int rc;

	pthread_join(si->thread, NULL);
	sqlite3_set_authorizer(si->import, NULL, NULL);
	rc = si->rc;
	if (rc)
		snprintf(err, errlen, "%s", si->err);
	else if (db)
		rc = copy_in(si, db, err, errlen);
	pthread_mutex_destroy(&si->mu);
	pthread_cond_destroy(&si->cv);
	close(si->fd);
	free(si);
	return rc;
}
