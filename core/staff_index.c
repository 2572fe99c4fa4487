/* SPDX-License-Identifier: MIT */
/*
 * staff_index.c: the staff search index and staff_named, built by a
 * thread of its own while the import loads the staff rows and derives
 * everything else.
 *
 * fts_staff is the largest thing an import builds and, with staff_named,
 * reads nothing but the staff table.  A thread with a connection of its
 * own builds both into a scratch file (unnamed, beside the target); then
 * the import copies their tables in.
 *
 * The thread starts before the files are loaded, and the loader hands it
 * each staff row it inserts, in batches through a ring: the index is
 * built while the rows are loaded, when the second core would otherwise
 * wait.  The loader never waits for the thread: from the first row that
 * finds the ring full, no row is handed over, and once the rows are
 * committed the thread reads the rest from the file being built.
 *
 * The thread reads that file with nolock=1, because the import writes
 * other tables of it meanwhile, which SQLite's locks would forbid.  That
 * is safe as done here: the thread reads the schema before the load
 * begins, and opens its one read transaction before
 * staff_index_rows_done() returns and the import writes again, and then
 * reads no page but the staff table's, which nothing writes any more.
 */
#define _GNU_SOURCE             /* O_TMPFILE */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>
#include "internal.h"

#define FEED_BYTES 262144       /* a batch of rows handed over */
#define NFEED 32                /* batches in the ring: 8 MiB, 180,000 rows */

struct feed {
	size_t len;
	char buf[FEED_BYTES];
};

/* One row in a batch: this, then the three values' bytes. */
struct feed_row {
	sqlite3_int64 rowid;
	uint32_t len[3];
};

struct staff_index {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int ready;                 /* the thread read the schema, or gave up */
	int done;                  /* 1: the rows are committed; -1: give up */
	int reading;               /* the thread holds its snapshot, or gave up */
	int full[NFEED];
	struct feed *ring;

	/* the loader's side */
	int w;                     /* the batch it fills */
	int owned;                 /* and whether the thread gave it back */
	int stopped;               /* a row found the ring full: no more are handed over */
	sqlite3_int64 fed;         /* the rowid of the last row handed over */

	sqlite3_int64 rows;        /* rows indexed */
	int fd;                    /* the scratch file */
	char src[96];              /* the file being built, as a URI */
	const char *vfs;
	int rc;                    /* 0, or a sysexits code with err */
	char err[256];
};

/* Set *flag and wake whoever waits on the thread's progress. */
static void signal_flag(struct staff_index *si, int *flag)
{
	pthread_mutex_lock(&si->mu);
	*flag = 1;
	pthread_cond_broadcast(&si->cv);
	pthread_mutex_unlock(&si->mu);
}

/* ---- staff_fed: the rows handed over, as a table -----------------------
 *
 * One INSERT ... SELECT FROM staff_fed indexes them all: FTS5 writes out
 * the rows it holds at the end of every statement inside a transaction
 * (a statement savepoint), so an INSERT per batch would write a small
 * segment each time and merge them over and over.  A cursor reads the
 * batches in ring order, waiting for the next one, and hands each back
 * once read; it ends when the loader is done and the ring empty. */

struct fed_vtab {
	sqlite3_vtab base;
	struct staff_index *si;
};

struct fed_cursor {
	sqlite3_vtab_cursor base;
	struct staff_index *si;
	int r;                     /* the batch being read */
	size_t at;                 /* the row being read in it */
	struct feed_row row;
	int eof;
};

static int fed_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                       sqlite3_vtab **out, char **err)
{
	struct fed_vtab *vt;
	int rc = sqlite3_declare_vtab(db, "CREATE TABLE x(name, rank, role)");

	(void)argc;
	(void)argv;
	(void)err;
	if (rc != SQLITE_OK)
		return rc;
	if (!(vt = sqlite3_malloc(sizeof(*vt))))
		return SQLITE_NOMEM;
	memset(vt, 0, sizeof(*vt));
	vt->si = aux;
	*out = &vt->base;
	return SQLITE_OK;
}

static int fed_disconnect(sqlite3_vtab *vt)
{
	sqlite3_free(vt);
	return SQLITE_OK;
}

static int fed_best_index(sqlite3_vtab *vt, sqlite3_index_info *info)
{
	(void)vt;
	info->estimatedCost = 1e6;
	return SQLITE_OK;
}

static int fed_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **out)
{
	struct fed_cursor *c = sqlite3_malloc(sizeof(*c));

	if (!c)
		return SQLITE_NOMEM;
	memset(c, 0, sizeof(*c));
	c->si = ((struct fed_vtab *)vt)->si;
	*out = &c->base;
	return SQLITE_OK;
}

static int fed_close(sqlite3_vtab_cursor *cur)
{
	sqlite3_free(cur);
	return SQLITE_OK;
}

/* The row at c->at of batch c->r, or the next batch's first, waiting for
 * it; the end once the loader is done (the ring, no longer of use to
 * either side then, is freed). */
static void fed_settle(struct fed_cursor *c)
{
	struct staff_index *si = c->si;

	for (;;) {
		pthread_mutex_lock(&si->mu);
		while (!si->full[c->r] && !si->done)
			pthread_cond_wait(&si->cv, &si->mu);
		if (!si->full[c->r]) {
			if (si->done > 0) {
				free(si->ring);
				si->ring = NULL;
			}
			pthread_mutex_unlock(&si->mu);
			c->eof = 1;
			return;
		}
		if (c->at < si->ring[c->r].len) {
			pthread_mutex_unlock(&si->mu);
			memcpy(&c->row, si->ring[c->r].buf + c->at, sizeof(c->row));
			return;
		}
		si->full[c->r] = 0;
		pthread_cond_broadcast(&si->cv);
		pthread_mutex_unlock(&si->mu);
		c->r = (c->r + 1) % NFEED;
		c->at = 0;
	}
}

static int fed_filter(sqlite3_vtab_cursor *cur, int idx, const char *idx_str, int argc,
                      sqlite3_value **argv)
{
	struct fed_cursor *c = (struct fed_cursor *)cur;

	(void)idx;
	(void)idx_str;
	(void)argc;
	(void)argv;
	c->r = 0;
	c->at = 0;
	c->eof = 0;
	fed_settle(c);
	return SQLITE_OK;
}

static int fed_next(sqlite3_vtab_cursor *cur)
{
	struct fed_cursor *c = (struct fed_cursor *)cur;

	c->si->rows++;
	c->at += sizeof(c->row) + c->row.len[0] + c->row.len[1] + c->row.len[2];
	fed_settle(c);
	return SQLITE_OK;
}

static int fed_eof(sqlite3_vtab_cursor *cur)
{
	return ((struct fed_cursor *)cur)->eof;
}

/* The batch stays in the ring until the cursor moves past its last row,
 * so the values need no copy. */
static int fed_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col)
{
	struct fed_cursor *c = (struct fed_cursor *)cur;
	const char *text = c->si->ring[c->r].buf + c->at + sizeof(c->row);
	int i;

	for (i = 0; i < col; i++)
		text += c->row.len[i];
	sqlite3_result_text(ctx, text, (int)c->row.len[col], SQLITE_STATIC);
	return SQLITE_OK;
}

static int fed_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid)
{
	*rowid = ((struct fed_cursor *)cur)->row.rowid;
	return SQLITE_OK;
}

static const sqlite3_module fed_module = {
	.xConnect = fed_connect,
	.xBestIndex = fed_best_index,
	.xDisconnect = fed_disconnect,
	.xOpen = fed_open,
	.xClose = fed_close,
	.xFilter = fed_filter,
	.xNext = fed_next,
	.xEof = fed_eof,
	.xColumn = fed_column,
	.xRowid = fed_rowid,
};

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

/* The file being built attached as "built" (its schema read), and the
 * empty index, in a transaction that the rows will fill. */
static int prepare(struct staff_index *si, sqlite3 *db)
{
	int rc = schema_exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
	                     " PRAGMA cache_size = -1024;", si->err, sizeof(si->err));

	if (!rc && (fold_register(db) != SQLITE_OK
	            || sqlite3_create_module(db, "staff_fed", &fed_module, si) != SQLITE_OK)) {
		snprintf(si->err, sizeof(si->err), "%s", sqlite3_errmsg(db));
		rc = EX_SOFTWARE;
	}
	if (!rc)
		rc = attach(db, si->src, "built", si->err, sizeof(si->err));
	if (!rc)
		rc = schema_exec(db, "PRAGMA built.cache_size = -1024; SELECT 1 FROM built.staff LIMIT 0;"
		                 " BEGIN;", si->err, sizeof(si->err));
	if (!rc)
		rc = schema_exec(db, schema_staff_index_create_sql, si->err, sizeof(si->err));
	return rc;
}

static int step_done(struct staff_index *si, sqlite3 *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	snprintf(si->err, sizeof(si->err), "%s", sqlite3_errmsg(db));
	return sqlite3_errcode(db) == SQLITE_FULL ? EX_IOERR : EX_SOFTWARE;
}

/* Index the rows handed over, until the rows are committed (0) or the
 * import gives up (-1). */
static int take_batches(struct staff_index *si, sqlite3 *db)
{
	int rc = schema_exec(db, "INSERT INTO fts_staff(rowid, name, staff_rank, role)"
	                     " SELECT rowid, name, rank, role FROM staff_fed", si->err,
	                     sizeof(si->err));
	int done;

	pthread_mutex_lock(&si->mu);
	done = si->done;
	pthread_mutex_unlock(&si->mu);
	return rc ? rc : done > 0 ? 0 : -1;
}

/* The rows not handed over, read from the file being built, in the one
 * read transaction taken first. */
static int read_rest(struct staff_index *si, sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	int rc = schema_exec(db, "SELECT 1 FROM built.staff LIMIT 1;", si->err, sizeof(si->err));

	signal_flag(si, &si->reading);
	if (rc)
		return rc;
	if (sqlite3_prepare_v2(db, "INSERT INTO fts_staff(rowid, name, staff_rank, role)"
	                       " SELECT rowid, name, rank, role FROM built.staff WHERE rowid > ?",
	                       -1, &st, NULL) != SQLITE_OK) {
		snprintf(si->err, sizeof(si->err), "%s", sqlite3_errmsg(db));
		return EX_SOFTWARE;
	}
	sqlite3_bind_int64(st, 1, si->fed);
	rc = step_done(si, db, st);
	si->rows += sqlite3_changes(db);
	sqlite3_finalize(st);
	return rc;
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
		rc = prepare(si, db);
	}
	signal_flag(si, &si->ready);
	if (!rc)
		rc = take_batches(si, db);
	if (!rc)
		rc = read_rest(si, db);
	signal_flag(si, &si->reading);
	if (!rc)
		rc = schema_exec(db, schema_staff_named_sql, si->err, sizeof(si->err));
	if (!rc)
		rc = schema_exec(db, "COMMIT", si->err, sizeof(si->err));
	if (sqlite3_close(db) != SQLITE_OK && !rc) {
		snprintf(si->err, sizeof(si->err), "cannot close the staff index");
		rc = EX_SOFTWARE;
	}
	if (rc < 0)
		snprintf(si->err, sizeof(si->err), "given up");
	si->rc = rc < 0 ? EX_SOFTWARE : rc;
	return NULL;
}

static void wait_flag(struct staff_index *si, const int *flag)
{
	pthread_mutex_lock(&si->mu);
	while (!*flag)
		pthread_cond_wait(&si->cv, &si->mu);
	pthread_mutex_unlock(&si->mu);
}

static void staff_index_free(struct staff_index *si)
{
	close(si->fd);
	free(si->ring);
	free(si);
}

struct staff_index *staff_index_start(const char *path, const char *vfs, int dirfd)
{
	struct staff_index *si = calloc(1, sizeof(*si));

	if (!si)
		return NULL;
	si->fd = -1;
	if ((size_t)snprintf(si->src, sizeof(si->src), "file:%s?mode=ro&nolock=1&vfs=%s", path,
	                     vfs) >= sizeof(si->src)
	    || !(si->ring = calloc(NFEED, sizeof(*si->ring)))
	    || (si->fd = openat(dirfd, ".", O_TMPFILE | O_RDWR | O_CLOEXEC, 0600)) < 0) {
		staff_index_free(si);
		return NULL;
	}
	si->vfs = vfs;
	si->owned = 1;
	pthread_mutex_init(&si->mu, NULL);
	pthread_cond_init(&si->cv, NULL);
	if (pthread_create(&si->thread, NULL, build, si) != 0) {
		pthread_mutex_destroy(&si->mu);
		pthread_cond_destroy(&si->cv);
		staff_index_free(si);
		return NULL;
	}
	wait_flag(si, &si->ready);
	return si;
}

/* Hand the batch being filled over (when it holds rows) and see whether
 * the next one is free. */
static void hand_over(struct staff_index *si)
{
	pthread_mutex_lock(&si->mu);
	if (si->owned && si->ring[si->w].len) {
		si->full[si->w] = 1;
		pthread_cond_broadcast(&si->cv);
		si->w = (si->w + 1) % NFEED;
		si->owned = 0;
	}
	if (!si->owned && !si->full[si->w]) {
		si->owned = 1;
		si->ring[si->w].len = 0;
	}
	pthread_mutex_unlock(&si->mu);
}

void staff_index_feed(struct staff_index *si, sqlite3_int64 rowid, const char *name,
                      size_t name_len, const char *rank, size_t rank_len, const char *role,
                      size_t role_len)
{
	struct feed_row row = { rowid, { (uint32_t)name_len, (uint32_t)rank_len, (uint32_t)role_len } };
	size_t need = sizeof(row) + name_len + rank_len + role_len;
	struct feed *f;

	/* FTS5 writes out what it holds whenever a rowid comes lower than
	 * the last: the rows go in rowid order, those handed over first,
	 * then the rest from the file. */
	if (si->stopped)
		return;
	if (!si->owned || si->ring[si->w].len + need > FEED_BYTES)
		hand_over(si);
	f = &si->ring[si->w];
	if (!si->owned || f->len + need > FEED_BYTES || rowid != si->fed + 1) {
		si->stopped = 1;
		return;
	}
	si->fed = rowid;
	memcpy(f->buf + f->len, &row, sizeof(row));
	f->len += sizeof(row);
	memcpy(f->buf + f->len, name, name_len);
	memcpy(f->buf + f->len + name_len, rank, rank_len);
	memcpy(f->buf + f->len + name_len + rank_len, role, role_len);
	f->len += name_len + rank_len + role_len;
}

void staff_index_rows_done(struct staff_index *si)
{
	pthread_mutex_lock(&si->mu);
	if (si->owned && si->ring[si->w].len) {
		si->full[si->w] = 1;
		si->owned = 0;
	}
	si->done = 1;
	pthread_cond_broadcast(&si->cv);
	pthread_mutex_unlock(&si->mu);
	wait_flag(si, &si->reading);
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

/* Whether the thread indexed as many rows as db's staff table holds (as
 * meta counts them). */
static int rows_match(struct staff_index *si, sqlite3 *db)
{
	sqlite3_stmt *st;
	int ok = 0;

	if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'staff'", -1, &st,
	                       NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		ok = sqlite3_column_int64(st, 0) == si->rows;
	sqlite3_finalize(st);
	return ok;
}

/* The index and staff_named built by db itself, from its staff table. */
static int build_in_line(sqlite3 *db, char *err, size_t errlen)
{
	int rc = schema_exec(db, "BEGIN", err, errlen);

	if (!rc)
		rc = schema_exec(db, schema_staff_index_sql, err, errlen);
	if (!rc)
		rc = schema_exec(db, schema_staff_named_sql, err, errlen);
	if (!rc)
		rc = schema_exec(db, "COMMIT", err, errlen);
	return rc;
}

int staff_index_finish(struct staff_index *si, sqlite3 *db, char *err, size_t errlen)
{
	int rc;

	pthread_mutex_lock(&si->mu);
	if (!db && !si->done)
		si->done = -1;
	pthread_cond_broadcast(&si->cv);
	pthread_mutex_unlock(&si->mu);
	pthread_join(si->thread, NULL);
	rc = si->rc;
	if (rc)
		snprintf(err, errlen, "%s", si->err);
	else if (db && rows_match(si, db))
		rc = copy_in(si, db, err, errlen);
	else if (db)   /* a row was missed (cannot happen): built here then */
		rc = build_in_line(db, err, errlen);
	pthread_mutex_destroy(&si->mu);
	pthread_cond_destroy(&si->cv);
	staff_index_free(si);
	return rc;
}
