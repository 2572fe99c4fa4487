/* SPDX-License-Identifier: MIT */
/*
 * import.c: stream the CSV files of a registry through libcsv into SQLite.
 *
 * Each file is fed to libcsv one line at a time so that every record
 * knows the line it starts on; a record is checked field by field against
 * its table_spec and inserted with a prepared statement.  A bad row is
 * reported as "file:line: column: reason" and skipped, the rest of the
 * file goes on (up to max_errors), so one run lists every problem.
 *
 * Two halves: the reader (read, split lines, parse, check the bytes of
 * each field) writes what it finds, records and parse errors alike, as a
 * stream of events into batches; the loader takes the events in file order
 * and does everything that reports or touches the database.  For a large
 * file the reader runs in a thread of its own, up to three batches ahead,
 * so that parsing and SQLite's insertions share the two halves of the
 * work; a small file is read and loaded batch by batch in the calling
 * thread.
 * Either way the loader sees the same events in the same order, so the
 * errors reported, and their order, do not depend on the threads.
 *
 * Checked rows are inserted INSERT_ROWS at a time, one multi-row INSERT
 * (SQLite's cost is mostly per statement, not per row); the rows waiting
 * are inserted before any error is reported, and a row the database
 * refuses is inserted again alone, so every error reads, and comes, as
 * if each row had been inserted on its own.
 */
#include <assert.h>
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>
#include "internal.h"
#include "tables.h"
#include "textfile.h"

#define MAX_FIELD_BYTES 65536
#define CSV_AFTER_QUOTE 3      /* libcsv's pstate after a quote in a quoted field */
#define MAX_FIELDS 64          /* more than any table has; the rest are counted */
#define DEFAULT_MAX_ERRORS 50
#define CHUNK 65536
#define BATCH 262144           /* bytes of events handed over at a time */
#define NBATCH 4               /* batches in flight between the two threads */
#ifndef THREAD_MIN_BYTES          /* the fuzz build sets 0 to reach the threaded path */
#define THREAD_MIN_BYTES 4194304 /* smaller files are read in the caller's thread */
#endif
#define INSERT_ROWS 32         /* rows per multi-row INSERT */
#define REF_CACHE_SLOTS 1024   /* per reference column; a power of two */
#define REF_CACHE_KEY 48       /* longer values are looked up every time */

/* A row checked and waiting for its multi-row INSERT: its values point
 * into the batch being loaded, so the rows waiting are inserted before the
 * batch is handed back, and before any error is reported (to keep the
 * errors in file order). */
struct pending {
	const char *values[MAX_FIELDS];
	size_t lens[MAX_FIELDS];
	long line, chunk;
};

/* Values known to exist in a referenced table, one per slot by hash: a
 * bounded memory (48 KiB a column) whatever the size of the files. */
struct ref_cache {
	char key[REF_CACHE_SLOTS][REF_CACHE_KEY];
};

struct loader {
	const struct table_spec *spec;
	const struct import_opts *opts;
	sqlite3 *db;
	sqlite3_stmt *insert;
	sqlite3_stmt *insert_many;          /* INSERT_ROWS rows at once, or NULL */
	sqlite3_stmt *ref[MAX_FIELDS];      /* per spec column */
	struct ref_cache *ref_seen[MAX_FIELDS]; /* values found there, or NULL */
	char path[4096];

	int map[MAX_FIELDS];                /* csv field -> spec column */
	int nheader, header_done, stop;
	long stop_chunk;                    /* the chunk whose events set stop, or 0 */
	long cur_chunk;                     /* the chunk of the row being handled */

	struct pending pend[INSERT_ROWS];   /* rows checked, not yet inserted */
	int npend, flushing;
	int row_dead;                       /* the row being handled came after a stop */

	/* the record being loaded, as the reader found it */
	char *buf;                          /* its fields, NUL-separated (borrowed) */
	size_t off[MAX_FIELDS], flen[MAX_FIELDS];
	unsigned char oversize[MAX_FIELDS];
	long nfields;
	int clean;                          /* no field oversize, with a NUL or bad UTF-8 */
	long rec_line;

	long rows, errors;
	int max_errors;
	char delim;                         /* the separator textfile.c chose */
	int disk_full;                      /* SQLite could not write: stop, no row is to blame */
};

/* Print a value inside a message: sanitised, and when it does not fit,
 * cut at a character boundary and ended with "...". */
static const char *shown(const char *value, char *buf, size_t buflen)
{
	char tmp[256];
	size_t n, cut;

	assert(buflen > 8 && buflen + 8 <= sizeof(tmp));
	/* The sanitiser stops only when a piece (at most 4 bytes) would not
	 * fit, so a result shorter than buflen in tmp is the whole value. */
	n = text_sanitize(tmp, buflen + 8, value, 0);
	if (n < buflen) {
		memcpy(buf, tmp, n + 1);
		return buf;
	}
	cut = buflen - 4;
	while (cut > 0 && ((unsigned char)tmp[cut] & 0xC0) == 0x80)
		cut--;
	memcpy(buf, tmp, cut);
	memcpy(buf + cut, "...", 4);
	return buf;
}

static void report(struct loader *ld, long line, const char *column, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void flush_rows(struct loader *ld);

static void report(struct loader *ld, long line, const char *column, const char *fmt, ...)
{
	char reason[512];
	va_list ap;

	if (ld->npend && !ld->flushing) {
		/* the rows before this one first: an error of theirs comes first,
		 * and if it stops the file, this row was never read */
		int was_stopped = ld->stop;

		flush_rows(ld);
		if (ld->stop && !was_stopped)
			ld->row_dead = 1;
	}
	if (ld->row_dead)
		return;
	ld->errors++;
	if (ld->errors > ld->max_errors)
		return;
	va_start(ap, fmt);
	vsnprintf(reason, sizeof(reason), fmt, ap);
	va_end(ap);
	if (ld->opts && ld->opts->on_error)
		ld->opts->on_error(ld->opts->ctx, ld->path, line, column, reason);
	if (ld->errors == ld->max_errors) {
		if (ld->opts && ld->opts->on_error)
			ld->opts->on_error(ld->opts->ctx, ld->path, line, NULL,
			                   "too many errors, the rest of this file is not checked");
		ld->stop = 1;
		ld->stop_chunk = ld->cur_chunk;
	}
}

static const char *field_column_name(struct loader *ld, long i, char *buf, size_t buflen)
{
	if (ld->header_done && i < ld->nheader && i < MAX_FIELDS && ld->map[i] >= 0)
		return ld->spec->cols[ld->map[i]].name;
	snprintf(buf, buflen, "field %ld", i + 1);
	return buf;
}

static int check_header(struct loader *ld)
{
	const struct table_spec *spec = ld->spec;
	char seen[MAX_FIELDS] = { 0 };
	char vbuf[96];
	long i;
	size_t c;
	int bad = 0;

	if (ld->nfields > MAX_FIELDS) {
		report(ld, ld->rec_line, "header", "%ld columns, this file has %zu",
		       ld->nfields, spec->ncols);
		return -1;
	}
	ld->nheader = (int)ld->nfields;
	for (i = 0; i < ld->nfields; i++) {
		const char *name = ld->buf + ld->off[i];

		ld->map[i] = -1;
		for (c = 0; c < spec->ncols; c++)
			if (strcmp(spec->cols[c].name, name) == 0)
				ld->map[i] = (int)c;
		if (ld->map[i] < 0) {
			report(ld, ld->rec_line, shown(name, vbuf, 40), "unknown column");
			bad = 1;
		} else if (seen[ld->map[i]]++) {
			report(ld, ld->rec_line, name, "duplicate column");
			bad = 1;
		}
	}
	for (c = 0; c < spec->ncols; c++)
		if (!seen[c]) {
			report(ld, ld->rec_line, spec->cols[c].name, "missing column");
			bad = 1;
		}
	return bad ? -1 : 0;
}

/* Does the referenced row exist?  A value once found stays valid (the
 * referenced tables are loaded before), and a file names the same few
 * countries, sources and posts again and again, so the values found are
 * remembered in a small cache and most lookups cost a hash and a memcmp
 * instead of an SQL query. */
static int ref_exists(struct loader *ld, size_t c, const char *value)
{
	const struct column_spec *col = &ld->spec->cols[c];
	size_t len = strlen(value), i;
	char *slot = NULL;
	int found;

	if (len < REF_CACHE_KEY) {
		unsigned h = 2166136261u;   /* FNV-1a */

		if (!ld->ref_seen[c])
			ld->ref_seen[c] = calloc(1, sizeof(struct ref_cache));
		for (i = 0; i < len; i++)
			h = (h ^ (unsigned char)value[i]) * 16777619u;
		if (ld->ref_seen[c]) {
			slot = ld->ref_seen[c]->key[h & (REF_CACHE_SLOTS - 1)];
			if (memcmp(slot, value, len + 1) == 0)
				return 1;
		}
	}
	if (!ld->ref[c]) {
		char sql[256];

		snprintf(sql, sizeof(sql), "SELECT 1 FROM %s WHERE %s = ?",
		         col->ref_table, col->ref_column);
		if (sqlite3_prepare_v2(ld->db, sql, -1, &ld->ref[c], NULL) != SQLITE_OK)
			return 0;
	}
	sqlite3_bind_text(ld->ref[c], 1, value, (int)len, SQLITE_STATIC);
	found = sqlite3_step(ld->ref[c]) == SQLITE_ROW;
	sqlite3_reset(ld->ref[c]);
	if (found && slot)
		memcpy(slot, value, len + 1);
	return found;
}

/* The one column a UNIQUE failure names ("UNIQUE constraint failed:
 * countries.iso3"), or 0 (the key, cols[0]) when it names the key, several
 * columns, or none the table has. */
static size_t unique_column(struct loader *ld)
{
	const char *msg = sqlite3_errmsg(ld->db), *at = strstr(msg, "failed: ");
	size_t c, tlen = strlen(ld->spec->table);

	if (!at)
		return 0;
	at += strlen("failed: ");
	if (strncmp(at, ld->spec->table, tlen) != 0 || at[tlen] != '.' || strchr(at, ','))
		return 0;
	for (c = 1; c < ld->spec->ncols; c++)
		if (strcmp(at + tlen + 1, ld->spec->cols[c].name) == 0)
			return c;
	return 0;
}

/* Bind one row's values to st from parameter base + 1 on. */
static void bind_row(struct loader *ld, sqlite3_stmt *st, int base,
                     const char *const *values, const size_t *lens)
{
	const struct table_spec *spec = ld->spec;
	size_t c;

	for (c = 0; c < spec->ncols; c++) {
		const struct column_spec *col = &spec->cols[c];
		int p = base + (int)c + 1;

		if (lens[c] == 0 && (col->flags & COL_NULL_IF_EMPTY))
			sqlite3_bind_null(st, p);
		else if (col->type == COL_COUNT || col->type == COL_FLAG)
			sqlite3_bind_int64(st, p, lens[c] ? atoll(values[c]) : 0);
		else
			sqlite3_bind_text(st, p, values[c], (int)lens[c], SQLITE_STATIC);
	}
}

/* Insert one row now, or report why the database refuses it. */
static void insert_one(struct loader *ld, const char *const *values, const size_t *lens)
{
	const struct table_spec *spec = ld->spec;
	char vbuf[96];
	size_t c;
	int rc;

	bind_row(ld, ld->insert, 0, values, lens);
	rc = sqlite3_step(ld->insert);
	sqlite3_reset(ld->insert);
	if (rc == SQLITE_DONE) {
		ld->rows++;
		return;
	}
	rc = sqlite3_extended_errcode(ld->db);
	if ((rc & 0xff) == SQLITE_FULL) {
		ld->disk_full = ld->stop = 1;
		return;
	}
	if ((rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_UNIQUE)
	    && (c = unique_column(ld)) > 0)
		report(ld, ld->rec_line, spec->cols[c].name, "duplicate value \"%s\"",
		       shown(values[c], vbuf, 40));
	else if (rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_UNIQUE)
		report(ld, ld->rec_line, spec->cols[0].name, "duplicate %s \"%s\"",
		       spec->key_what ? spec->key_what : "row", shown(values[0], vbuf, 40));
	else
		report(ld, ld->rec_line, spec->cols[0].name, "rejected by the database: %s",
		       sqlite3_errmsg(ld->db));
}

/* The statement inserting INSERT_ROWS rows: "OR FAIL" keeps the rows
 * before one the database refuses, so that one and those after it can be
 * inserted again one by one, and the refusal reported as for one row. */
static sqlite3_stmt *insert_many(struct loader *ld)
{
	char sql[16384];
	size_t c, n, r;

	if (ld->insert_many)
		return ld->insert_many;
	n = (size_t)snprintf(sql, sizeof(sql), "INSERT OR FAIL INTO %s (", ld->spec->table);
	for (c = 0; c < ld->spec->ncols && n < sizeof(sql); c++)
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, "%s%s", c ? ", " : "",
		                      ld->spec->cols[c].name);
	if (n < sizeof(sql))
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, ") VALUES ");
	for (r = 0; r < INSERT_ROWS && n < sizeof(sql); r++)
		for (c = 0; c < ld->spec->ncols && n < sizeof(sql); c++)
			n += (size_t)snprintf(sql + n, sizeof(sql) - n, "%s%s%s", c ? "" : r ? ", (" : "(",
			                      c ? ", ?" : "?", c + 1 == ld->spec->ncols ? ")" : "");
	if (n >= sizeof(sql)
	    || sqlite3_prepare_v2(ld->db, sql, -1, &ld->insert_many, NULL) != SQLITE_OK)
		ld->insert_many = NULL;   /* then row by row, as before */
	return ld->insert_many;
}

/* Insert the rows waiting, in order, INSERT_ROWS at a time when they are
 * that many; a row the database refuses, and the rows after it, go one by
 * one through insert_one(), which reports the refusal with the row's line. */
static void flush_rows(struct loader *ld)
{
	long line = ld->rec_line, chunk = ld->cur_chunk;
	int n = ld->npend, i = 0, r, rc;
	sqlite3_stmt *st;

	if (n == 0 || ld->flushing)
		return;
	ld->flushing = 1;
	ld->npend = 0;
	if (n == INSERT_ROWS && (st = insert_many(ld)) != NULL) {
		int before = sqlite3_total_changes(ld->db);

		for (r = 0; r < n; r++)
			bind_row(ld, st, r * (int)ld->spec->ncols, ld->pend[r].values, ld->pend[r].lens);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		i = rc == SQLITE_DONE ? n : sqlite3_total_changes(ld->db) - before;
		if (i < 0 || i > n)
			i = n;            /* cannot happen; never insert a row twice */
		ld->rows += i;
	}
	for (; i < n && !ld->stop; i++) {
		ld->rec_line = ld->pend[i].line;
		ld->cur_chunk = ld->pend[i].chunk;
		insert_one(ld, ld->pend[i].values, ld->pend[i].lens);
	}
	ld->rec_line = line;
	ld->cur_chunk = chunk;
	ld->flushing = 0;
}

/* Insert a checked row: it waits for INSERT_ROWS - 1 more. */
static void insert_row(struct loader *ld, const char *const *values, const size_t *lens)
{
	struct pending *p;

	if (ld->row_dead)
		return;
	p = &ld->pend[ld->npend++];
	memcpy(p->values, values, ld->spec->ncols * sizeof(*values));
	memcpy(p->lens, lens, ld->spec->ncols * sizeof(*lens));
	p->line = ld->rec_line;
	p->chunk = ld->cur_chunk;
	if (ld->npend == INSERT_ROWS)
		flush_rows(ld);
}

static void check_row(struct loader *ld)
{
	const struct table_spec *spec = ld->spec;
	const char *values[MAX_FIELDS];
	size_t lens[MAX_FIELDS];
	unsigned char field_ok[MAX_FIELDS];
	char namebuf[32], why[192], vbuf[96];
	long i;
	size_t c;
	int bad = 0;

	if (ld->nfields != ld->nheader) {
		long at = ld->nfields < ld->nheader ? ld->nfields : ld->nheader;

		report(ld, ld->rec_line, field_column_name(ld, at, namebuf, sizeof(namebuf)),
		       "expected %d fields, found %ld", ld->nheader, ld->nfields);
		return;
	}
	for (i = 0; i < ld->nfields; i++) {
		const struct column_spec *col = &spec->cols[ld->map[i]];
		const char *v = ld->buf + ld->off[i];
		size_t n = ld->flen[i], at;
		const char *reason;

		values[ld->map[i]] = v;
		lens[ld->map[i]] = n;
		field_ok[ld->map[i]] = 0;
		if (ld->oversize[i]) {
			report(ld, ld->rec_line, col->name, "field longer than %d bytes", MAX_FIELD_BYTES);
			bad = 1;
		} else if (!ld->clean && memchr(v, '\0', n)) {
			report(ld, ld->rec_line, col->name, "NUL byte in field");
			bad = 1;
		} else if (!ld->clean && (at = utf8_invalid_at(v, n)) != (size_t)-1) {
			report(ld, ld->rec_line, col->name, "invalid UTF-8 at byte %zu", at + 1);
			bad = 1;
		} else if ((reason = column_check(col, v, n, why, sizeof(why)))) {
			report(ld, ld->rec_line, col->name, "%s: \"%s\"", reason, shown(v, vbuf, 40));
			bad = 1;
		} else {
			field_ok[ld->map[i]] = 1;
		}
	}
	if (!bad && spec->row_check) {
		const char *column = NULL, *reason = spec->row_check(values, &column);

		if (reason) {
			report(ld, ld->rec_line, column, "%s", reason);
			bad = 1;
		}
	}
	/* References of the fields that are well formed are checked even in a
	 * row already rejected, so that one run lists every problem. */
	for (c = 0; c < spec->ncols; c++) {
		const struct column_spec *col = &spec->cols[c];

		if (col->ref_table && field_ok[c] && lens[c] && !ref_exists(ld, c, values[c])) {
			report(ld, ld->rec_line, col->name, "unknown %s \"%s\"", col->ref_what,
			       shown(values[c], vbuf, 40));
			bad = 1;
		}
	}
	if (!bad)
		insert_row(ld, values, lens);
}

static int prepare_insert(struct loader *ld)
{
	char sql[1024];
	size_t c, n;

	n = (size_t)snprintf(sql, sizeof(sql), "INSERT INTO %s (", ld->spec->table);
	for (c = 0; c < ld->spec->ncols; c++)
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, "%s%s", c ? ", " : "",
		                      ld->spec->cols[c].name);
	n += (size_t)snprintf(sql + n, sizeof(sql) - n, ") VALUES (");
	for (c = 0; c < ld->spec->ncols; c++)
		n += (size_t)snprintf(sql + n, sizeof(sql) - n, "%s?", c ? ", " : "");
	snprintf(sql + n, sizeof(sql) - n, ")");
	if (sqlite3_prepare_v2(ld->db, sql, -1, &ld->insert, NULL) != SQLITE_OK) {
		import_report(ld->opts, ld->path, sqlite3_errmsg(ld->db));
		return EX_SOFTWARE;
	}
	return 0;
}

/* ---- the reader: bytes to events --------------------------------------- */

enum event_kind {
	EV_RECORD,         /* a record: its fields follow */
	EV_BAD_QUOTING,    /* libcsv gave up on a line; the record is dropped */
	EV_NO_MEMORY,      /* libcsv could not grow its field buffer */
	EV_UTF16,          /* the file is UTF-16: nothing else follows */
	EV_READ_ERROR,
	EV_UNTERMINATED,   /* the file ends inside a quoted field */
	EV_EMPTY,          /* not a byte in the file */
};

/* One event in a batch.  An EV_RECORD is followed by its fields' text
 * (datalen bytes, each field ended by a NUL), then nstored field lengths
 * and nstored oversize flags; every event starts 8-byte aligned. */
struct event {
	int kind;
	int oom;           /* EV_RECORD: a field could not be stored */
	int clean;         /* EV_RECORD: no field oversize, with a NUL or bad UTF-8 */
	int err;           /* EV_READ_ERROR: errno */
	long line;         /* where the record starts, or the line of the error */
	long nfields;      /* fields of the record (so far, for the errors) */
	long chunk;        /* the read (1, 2, ...) whose bytes ended the event */
	size_t nstored;    /* EV_RECORD: fields stored, at most MAX_FIELDS */
	size_t datalen;    /* EV_RECORD: bytes of text */
};

#define ALIGN8(n) (((n) + 7) & ~(size_t)7)

struct batch {
	char *buf;
	size_t len, cap;
	int last;          /* the reader has nothing after this batch */
};

/* The batches between the reader and the loader: a ring of NBATCH, each
 * full or empty, handed over under one lock. */
struct pipe {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct batch slot[NBATCH];
	int full[NBATCH];
	int quit;          /* the loader has stopped: read no further */
	int threaded;
};

struct reader {
	FILE *fp;
	struct csv_parser parser;
	struct pipe *pipe;
	struct loader *ld; /* unthreaded: batches go straight to it */
	struct batch *out; /* the batch being filled */
	int slot;          /* and its place in the ring */
	char *chunk;

	size_t rec_start;  /* offset in out of the record being parsed */
	uint32_t flen[MAX_FIELDS];
	unsigned char oversize[MAX_FIELDS];
	long nfields;
	int oom, clean;
	int field_cut;     /* the field being parsed passed the limit: its bytes were dropped */
	int spaces_cut;    /* or spaces after its first spaces_cut_at bytes were */
	size_t spaces_cut_at;
	long line, rec_line, chunks;
	int at_record_start;
};

static void load_batch(struct loader *ld, const struct batch *b);

/* Room for n more bytes in the batch being filled; 0 when out of memory. */
static int batch_reserve(struct batch *b, size_t n)
{
	size_t cap;
	char *p;

	if (b->len + n <= b->cap)
		return 1;
	cap = b->cap ? b->cap : BATCH + 65536;
	while (cap < b->len + n)
		cap *= 2;
	p = realloc(b->buf, cap);
	if (!p)
		return 0;
	b->buf = p;
	b->cap = cap;
	return 1;
}

/* Begin an event in the batch being filled; NULL when out of memory.
 * The pointer is valid until the next batch_reserve(). */
static struct event *event_begin(struct reader *r, int kind, long line)
{
	struct batch *b = r->out;
	struct event *ev;

	b->len = ALIGN8(b->len);
	if (!batch_reserve(b, sizeof(*ev)))
		return NULL;
	ev = (struct event *)(void *)(b->buf + b->len);
	memset(ev, 0, sizeof(*ev));
	ev->kind = kind;
	ev->line = line;
	ev->nfields = r->nfields;
	ev->chunk = r->chunks;
	b->len += sizeof(*ev);
	return ev;
}

/* Hand the batch being filled over and take the next empty one. */
static void batch_send(struct reader *r, int last)
{
	struct pipe *pp = r->pipe;

	r->out->last = last;
	if (!pp->threaded) {
		load_batch(r->ld, r->out);
		r->out->len = 0;
		return;
	}
	pthread_mutex_lock(&pp->mu);
	pp->full[r->slot] = 1;
	pthread_cond_broadcast(&pp->cv);
	r->slot = (r->slot + 1) % NBATCH;
	while (pp->full[r->slot])        /* the loader drains to the last batch */
		pthread_cond_wait(&pp->cv, &pp->mu);
	pthread_mutex_unlock(&pp->mu);
	r->out = &pp->slot[r->slot];
	r->out->len = 0;
}

/* Has the loader stopped, so that reading further is of no use? */
static int reader_quit(struct reader *r)
{
	int quit;

	if (!r->pipe->threaded)
		return r->ld->stop;
	pthread_mutex_lock(&r->pipe->mu);
	quit = r->pipe->quit;
	pthread_mutex_unlock(&r->pipe->mu);
	return quit;
}

static void record_reset(struct reader *r)
{
	r->nfields = 0;
	r->oom = 0;
	r->clean = 1;
	r->field_cut = r->spaces_cut = 0;
	r->rec_start = (size_t)-1;
}

static void on_field(void *data, size_t len, void *ctx)
{
	struct reader *r = ctx;
	struct batch *b = r->out;
	long i = r->nfields++;
	int cut = r->field_cut || (r->spaces_cut && len > r->spaces_cut_at);

	r->field_cut = r->spaces_cut = 0;
	if (i >= MAX_FIELDS)
		return;
	if (r->rec_start == (size_t)-1) {
		/* the record's event header, filled in by on_record */
		struct event *ev = event_begin(r, EV_RECORD, r->rec_line);

		if (!ev) {
			r->oom = 1;
			r->oversize[i] = 0;
			r->flen[i] = 0;
			return;
		}
		r->rec_start = (size_t)((char *)ev - b->buf);
	}
	r->oversize[i] = cut || len > MAX_FIELD_BYTES;
	if (r->oversize[i]) {
		len = 0;
		r->clean = 0;
	}
	if (!batch_reserve(b, len + 1)) {
		r->oom = 1;
		len = 0;
	}
	r->flen[i] = (uint32_t)len;
	if (b->len + len + 1 <= b->cap) {
		if (len) {
			memcpy(b->buf + b->len, data, len);
			if (r->clean && (memchr(data, '\0', len)
			                 || utf8_invalid_at(data, len) != (size_t)-1))
				r->clean = 0;
		}
		b->len += len;
		b->buf[b->len++] = '\0';
	}
}

static void on_record(int term, void *ctx)
{
	struct reader *r = ctx;
	struct batch *b = r->out;
	size_t n = r->nfields < MAX_FIELDS ? (size_t)r->nfields : MAX_FIELDS;
	struct event *ev;

	(void)term;
	if (r->rec_start == (size_t)-1 && !event_begin(r, EV_RECORD, r->rec_line))
		r->oom = 1;    /* a record of no field: csv never makes one, but be safe */
	else if (r->rec_start == (size_t)-1)
		r->rec_start = b->len - sizeof(struct event);
	if (r->rec_start != (size_t)-1) {
		size_t data = r->rec_start + sizeof(struct event), datalen = b->len - data;

		if (!batch_reserve(b, n * (sizeof(uint32_t) + 1) + 8)) {
			r->oom = 1;
			n = 0;
		}
		b->len = ALIGN8(b->len);
		memcpy(b->buf + b->len, r->flen, n * sizeof(uint32_t));
		memcpy(b->buf + b->len + n * sizeof(uint32_t), r->oversize, n);
		b->len += n * (sizeof(uint32_t) + 1);
		ev = (struct event *)(void *)(b->buf + r->rec_start);
		ev->nfields = r->nfields;
		ev->nstored = n;
		ev->datalen = datalen;
		ev->oom = r->oom;
		ev->clean = r->clean;
		ev->chunk = r->chunks;
	}
	record_reset(r);
	r->at_record_start = 1;
	if (r->out->len >= BATCH)
		batch_send(r, 0);
}

/* libcsv keeps the field it is in whole, however long, in its public
 * struct: entry_pos bytes, of which it will take off the end the spaces
 * after the value (spaces) and, after a closing quote, the quote.  Past
 * the limit, drop the bytes: a value that long is refused anyway; of
 * trailing spaces keep one (libcsv tells none from some), and remember
 * that any value longer than the one kept held the spaces dropped. */
static void field_bound(struct reader *r)
{
	struct csv_parser *p = &r->parser;
	size_t quote = p->pstate == CSV_AFTER_QUOTE, value;

	if (p->entry_pos <= MAX_FIELD_BYTES)
		return;
	value = p->entry_pos - p->spaces - quote;
	if (value > MAX_FIELD_BYTES || (r->spaces_cut && value > r->spaces_cut_at)) {
		r->field_cut = 1;
		value = 0;
	} else {
		r->spaces_cut = 1;
		r->spaces_cut_at = value;
	}
	p->spaces = p->spaces ? 1 : 0;
	p->entry_pos = value + quote + p->spaces;
}

/* Feed one line (terminator included) to the parser; on a quoting error,
 * drop the record, tell the loader, and start afresh on the next line. */
static void feed(struct reader *r, const char *s, size_t n)
{
	int err;

	if (r->at_record_start && !(n == 1 && (s[0] == '\n' || s[0] == '\r'))
	    && !(n == 2 && s[0] == '\r' && s[1] == '\n')) {
		r->rec_line = r->line;
		r->at_record_start = 0;
	}
	if (csv_parse(&r->parser, s, n, on_field, on_record, r) == n) {
		field_bound(r);
		return;
	}
	err = csv_error(&r->parser);
	if (r->rec_start != (size_t)-1)
		r->out->len = r->rec_start;    /* the half-parsed record goes */
	event_begin(r, err == CSV_ENOMEM || err == CSV_ETOOBIG ? EV_NO_MEMORY : EV_BAD_QUOTING,
	            r->line);
	csv_free(&r->parser);
	csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI);
	csv_set_delim(&r->parser, (unsigned char)r->ld->delim);
	record_reset(r);
	r->at_record_start = 1;
}

/* Read the whole file into events, the last batch marked last. */
static void read_file(struct reader *r)
{
	size_t n = 0, start, i;
	int first = 1, prev_cr = 0;
	long bytes = 0;
	struct event *ev;

	csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI);
	csv_set_delim(&r->parser, (unsigned char)r->ld->delim);
	record_reset(r);
	r->line = 1;
	r->rec_line = 1;
	r->at_record_start = 1;
	while (!reader_quit(r) && (n = fread(r->chunk, 1, CHUNK, r->fp)) > 0) {
		char *chunk = r->chunk;

		r->chunks++;
		start = 0;
		bytes += (long)n;
		if (first) {
			first = 0;
			/* A byte order mark FF FE or FE FF, or without one a NUL
			 * byte in the first two (the header's first letter). */
			if (n >= 2 && ((((unsigned char)chunk[0] == 0xFF || (unsigned char)chunk[0] == 0xFE)
			                && ((unsigned char)chunk[1] == 0xFE || (unsigned char)chunk[1] == 0xFF))
			               || chunk[0] == '\0' || chunk[1] == '\0')) {
				event_begin(r, EV_UTF16, 1);
				break;
			}
			if (n >= 3 && memcmp(chunk, "\xEF\xBB\xBF", 3) == 0)
				start = 3;
		}
		if (prev_cr && chunk[start] == '\n')
			feed(r, chunk + start++, 1);
		prev_cr = 0;
		for (i = start; i < n; i++) {
			if (chunk[i] == '\r' && i + 1 < n && chunk[i + 1] == '\n')
				i++;
			if (chunk[i] == '\n' || chunk[i] == '\r') {
				feed(r, chunk + start, i + 1 - start);
				prev_cr = chunk[i] == '\r';
				start = i + 1;
				r->line++;
			}
		}
		if (start < n)
			feed(r, chunk + start, n - start);
		if (ferror(r->fp))
			break;            /* a short read: the error is this read's */
	}
	if (ferror(r->fp) && (ev = event_begin(r, EV_READ_ERROR, r->line))) {
		ev->err = errno;
		if (!r->chunks || n == 0)
			ev->chunk = r->chunks + 1;   /* the read that failed gave nothing */
	}
	/* At the end csv_fini may complete a last record.  After a stop the
	 * loader takes none of this, as the single reader never got here. */
	if (csv_fini(&r->parser, on_field, on_record, r) != 0) {
		if (r->rec_start != (size_t)-1)
			r->out->len = r->rec_start;
		event_begin(r, EV_UNTERMINATED, r->rec_line);
	}
	if (bytes == 0)
		event_begin(r, EV_EMPTY, 1);
	csv_free(&r->parser);
	batch_send(r, 1);
}

static void *reader_main(void *arg)
{
	read_file(arg);
	return NULL;
}

/* ---- the loader: events to rows --------------------------------------- */

static void load_record(struct loader *ld, const struct event *ev)
{
	const char *data = (const char *)(ev + 1);
	const uint32_t *flen = (const uint32_t *)(const void *)(data + ALIGN8(ev->datalen
	                        + sizeof(*ev)) - sizeof(*ev));
	const unsigned char *oversize = (const unsigned char *)(flen + ev->nstored);
	char namebuf[32];
	size_t i, off = 0;

	ld->buf = (char *)data;
	ld->nfields = ev->nfields;
	ld->rec_line = ev->line;
	ld->clean = ev->clean;
	for (i = 0; i < ev->nstored; i++) {
		ld->off[i] = off;
		ld->flen[i] = flen[i];
		ld->oversize[i] = oversize[i];
		off += flen[i] + 1;
	}
	if (ev->oom) {
		report(ld, ld->rec_line, field_column_name(ld, 0, namebuf, sizeof(namebuf)),
		       "out of memory");
		ld->stop = 1;
	} else if (!ld->header_done) {
		ld->header_done = 1;
		if (check_header(ld) < 0)
			ld->stop = 1;
	} else {
		check_row(ld);
	}
}

/* Size of an event in its batch, up to where the next one starts. */
static size_t event_size(const struct event *ev)
{
	if (ev->kind != EV_RECORD)
		return sizeof(*ev);
	return ALIGN8(ALIGN8(sizeof(*ev) + ev->datalen) + ev->nstored * (sizeof(uint32_t) + 1));
}

/* Load the events of one batch, as the single-threaded importer would
 * have met them: nothing after a stop but what the end of a file says. */
static void load_batch(struct loader *ld, const struct batch *b)
{
	size_t at = 0;
	char namebuf[32];

	while (at < b->len) {
		const struct event *ev = (const struct event *)(const void *)(b->buf + at);
		int was_stopped;

		ld->row_dead = 0;
		ld->cur_chunk = ev->chunk;
		if (ev->kind != EV_RECORD)
			flush_rows(ld);   /* the rows before it may stop the file */
		was_stopped = ld->stop;
		switch (ev->kind) {
		case EV_RECORD:
			if (!ld->stop)
				load_record(ld, ev);
			break;
		case EV_BAD_QUOTING:
			if (!ld->stop)
				report(ld, ev->line,
				       field_column_name(ld, ev->nfields, namebuf, sizeof(namebuf)),
				       "bad quoting (a quote inside an unquoted field, or text after"
				       " a closing quote)");
			break;
		case EV_NO_MEMORY:
			if (!ld->stop)
				report(ld, ev->line,
				       field_column_name(ld, ev->nfields, namebuf, sizeof(namebuf)),
				       "out of memory");
			ld->stop = 1;
			break;
		case EV_UTF16:
			report(ld, 1, "file", "UTF-16 text: save the file as UTF-8");
			ld->stop = 1;
			break;
		case EV_READ_ERROR:
			/* the single reader read no further than the chunk that
			 * stopped it */
			if (!ld->stop || ld->stop_chunk >= ev->chunk)
				report(ld, ev->line, "file", "read error: %s", strerror(ev->err));
			break;
		case EV_UNTERMINATED:
			if (!ld->stop)
				report(ld, ev->line,
				       field_column_name(ld, ev->nfields, namebuf, sizeof(namebuf)),
				       "unterminated quoted field");
			break;
		case EV_EMPTY:
			report(ld, 1, "file", "empty file: the header row is missing");
			break;
		}
		if (ld->stop && !was_stopped && !ld->stop_chunk)
			ld->stop_chunk = ev->chunk;
		at += event_size(ev);
	}
	flush_rows(ld);               /* the rows point into this batch */
}

static void loader_free(struct loader *ld)
{
	size_t c;

	sqlite3_finalize(ld->insert);
	sqlite3_finalize(ld->insert_many);
	for (c = 0; c < MAX_FIELDS; c++) {
		sqlite3_finalize(ld->ref[c]);
		free(ld->ref_seen[c]);
	}
}

/* Load fp: a large file with the reader in a thread, a small one (or when
 * no thread can be had) in this one. */
static int load_file(struct loader *ld, FILE *fp)
{
	struct pipe pp;
	struct reader r;
	struct stat st;
	pthread_t tid;
	int i, done = 0;

	memset(&pp, 0, sizeof(pp));
	memset(&r, 0, sizeof(r));
	r.fp = fp;
	r.pipe = &pp;
	r.ld = ld;
	r.out = &pp.slot[0];
	r.chunk = malloc(CHUNK);
	if (!r.chunk) {
		report(ld, 1, "file", "out of memory");
		return 0;
	}
	pp.threaded = fstat(fileno(fp), &st) == 0 && st.st_size >= THREAD_MIN_BYTES;
	if (pp.threaded) {
		pthread_mutex_init(&pp.mu, NULL);
		pthread_cond_init(&pp.cv, NULL);
		if (pthread_create(&tid, NULL, reader_main, &r) != 0) {
			pthread_mutex_destroy(&pp.mu);
			pthread_cond_destroy(&pp.cv);
			pp.threaded = 0;
		}
	}
	if (!pp.threaded) {
		read_file(&r);
	} else {
		for (i = 0; !done; i = (i + 1) % NBATCH) {
			pthread_mutex_lock(&pp.mu);
			while (!pp.full[i])
				pthread_cond_wait(&pp.cv, &pp.mu);
			pthread_mutex_unlock(&pp.mu);
			load_batch(ld, &pp.slot[i]);
			done = pp.slot[i].last;
			pthread_mutex_lock(&pp.mu);
			pp.full[i] = 0;
			if (ld->stop)
				pp.quit = 1;
			pthread_cond_broadcast(&pp.cv);
			pthread_mutex_unlock(&pp.mu);
		}
		pthread_join(tid, NULL);
		pthread_mutex_destroy(&pp.mu);
		pthread_cond_destroy(&pp.cv);
	}
	for (i = 0; i < NBATCH; i++)
		free(pp.slot[i].buf);
	free(r.chunk);
	return 0;
}

/* A table file, refused (NULL, errno EINVAL) unless it is a regular file:
 * opened without blocking first, so a FIFO in its place cannot hang the
 * import waiting for a writer. */
static FILE *open_table(const char *path)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC), flags;
	FILE *fp;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EINVAL;
		return NULL;
	}
	flags = fcntl(fd, F_GETFL);
	if (flags < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) != 0 ||
	    (fp = fdopen(fd, "rb")) == NULL) {
		close(fd);
		return NULL;
	}
	return fp;
}

int import_into(sqlite3 *db, const char *dir, const struct import_opts *opts,
                struct import_stats *stats)
{
	size_t t;
	int rc = 0;

	for (t = 0; t < registry_table_count; t++) {
		struct loader ld;
		struct textfile tf;
		FILE *fp;

		memset(&ld, 0, sizeof(ld));
		ld.spec = &registry_tables[t];
		ld.opts = opts;
		ld.db = db;
		ld.max_errors = opts && opts->max_errors > 0 ? opts->max_errors : DEFAULT_MAX_ERRORS;
		snprintf(ld.path, sizeof(ld.path), "%s/%s", dir, ld.spec->file);
		fp = open_table(ld.path);
		if (!fp) {
			if (opts && opts->on_error)
				opts->on_error(opts->ctx, ld.path, 0, NULL,
				               errno == EINVAL ? "not a regular file" : strerror(errno));
			if (stats)
				stats->errors++;
			rc = EX_NOINPUT;
			continue;
		}
		ld.errors += textfile_open(&fp, ld.spec, opts, ld.path, &tf);
		ld.delim = tf.delim;
		if (prepare_insert(&ld) == 0)
			load_file(&ld, fp);
		else
			rc = EX_SOFTWARE;
		fclose(fp);
		textfile_done(&tf);
		loader_free(&ld);
		if (stats) {
			stats->rows += ld.rows;
			stats->errors += ld.errors;
		}
		if (ld.disk_full)
			return EX_IOERR;  /* registry_build says why */
		if (ld.errors && !rc)
			rc = EX_DATAERR;
	}
	return rc;
}
