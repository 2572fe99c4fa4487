/*
 * import.c: stream the CSV files of a registry through libcsv into SQLite.
 *
 * Each file is fed to libcsv one line at a time so that every record
 * knows the line it starts on; a record is checked field by field against
 * its table_spec and inserted with a prepared statement.  A bad row is
 * reported as "file:line: column: reason" and skipped, the rest of the
 * file goes on (up to max_errors), so one run lists every problem.
 */
#include <assert.h>
#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include "internal.h"
#include "tables.h"

#define MAX_FIELD_BYTES 65536
#define MAX_FIELDS 64          /* more than any table has; the rest are counted */
#define DEFAULT_MAX_ERRORS 50
#define CHUNK 65536
#define REF_CACHE_SLOTS 1024   /* per reference column; a power of two */
#define REF_CACHE_KEY 48       /* longer values are looked up every time */

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
	sqlite3_stmt *ref[MAX_FIELDS];      /* per spec column */
	struct ref_cache *ref_seen[MAX_FIELDS]; /* values found there, or NULL */
	char path[4096];

	int map[MAX_FIELDS];                /* csv field -> spec column */
	int nheader, header_done, stop;

	char *buf;                          /* the record's fields, NUL-separated */
	size_t len, cap;
	size_t off[MAX_FIELDS], flen[MAX_FIELDS];
	unsigned char oversize[MAX_FIELDS];
	long nfields;
	int oom;

	long line, rec_line;
	int at_record_start;
	long rows, errors;
	int max_errors;
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

static void report(struct loader *ld, long line, const char *column, const char *fmt, ...)
{
	char reason[512];
	va_list ap;

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
	}
}

static const char *field_column_name(struct loader *ld, long i, char *buf, size_t buflen)
{
	if (ld->header_done && i < ld->nheader && i < MAX_FIELDS && ld->map[i] >= 0)
		return ld->spec->cols[ld->map[i]].name;
	snprintf(buf, buflen, "field %ld", i + 1);
	return buf;
}

static void on_field(void *data, size_t len, void *ctx)
{
	struct loader *ld = ctx;
	long i = ld->nfields++;

	if (i >= MAX_FIELDS)
		return;
	ld->oversize[i] = len > MAX_FIELD_BYTES;
	if (ld->oversize[i])
		len = 0;
	if (ld->len + len + 1 > ld->cap) {
		size_t cap = (ld->len + len + 1) * 2;
		char *p = realloc(ld->buf, cap);

		if (!p) {
			ld->oom = 1;
			len = 0;
		} else {
			ld->buf = p;
			ld->cap = cap;
		}
	}
	ld->off[i] = ld->len;
	ld->flen[i] = len;
	if (len)
		memcpy(ld->buf + ld->len, data, len);
	ld->len += len;
	if (ld->cap)
		ld->buf[ld->len++] = '\0';
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

static void insert_row(struct loader *ld, const char *const *values, const size_t *lens)
{
	const struct table_spec *spec = ld->spec;
	char vbuf[96];
	size_t c;
	int rc;

	for (c = 0; c < spec->ncols; c++) {
		const struct column_spec *col = &spec->cols[c];
		int p = (int)c + 1;

		if (lens[c] == 0 && (col->flags & COL_NULL_IF_EMPTY))
			sqlite3_bind_null(ld->insert, p);
		else if (col->type == COL_COUNT || col->type == COL_FLAG)
			sqlite3_bind_int64(ld->insert, p, lens[c] ? atoll(values[c]) : 0);
		else
			sqlite3_bind_text(ld->insert, p, values[c], (int)lens[c], SQLITE_STATIC);
	}
	rc = sqlite3_step(ld->insert);
	sqlite3_reset(ld->insert);
	if (rc == SQLITE_DONE) {
		ld->rows++;
		return;
	}
	rc = sqlite3_extended_errcode(ld->db);
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
		} else if (memchr(v, '\0', n)) {
			report(ld, ld->rec_line, col->name, "NUL byte in field");
			bad = 1;
		} else if ((at = utf8_invalid_at(v, n)) != (size_t)-1) {
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

static void record_reset(struct loader *ld)
{
	ld->nfields = 0;
	ld->len = 0;
}

static void on_record(int term, void *ctx)
{
	struct loader *ld = ctx;
	char namebuf[32];

	(void)term;
	if (ld->stop) {
		record_reset(ld);
		return;
	}
	if (ld->oom) {
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
	record_reset(ld);
	ld->at_record_start = 1;
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
		fprintf(stderr, "dcinet: sqlite: %s\n", sqlite3_errmsg(ld->db));
		return EX_SOFTWARE;
	}
	return 0;
}

/* Feed one line (terminator included) to the parser; on a quoting error,
 * report it, drop the record and start afresh on the next line. */
static void feed(struct loader *ld, struct csv_parser *p, const char *s, size_t n)
{
	char namebuf[32];

	if (ld->stop)
		return;
	if (ld->at_record_start && !(n == 1 && (s[0] == '\n' || s[0] == '\r'))
	    && !(n == 2 && s[0] == '\r' && s[1] == '\n')) {
		ld->rec_line = ld->line;
		ld->at_record_start = 0;
	}
	if (csv_parse(p, s, n, on_field, on_record, ld) == n)
		return;
	report(ld, ld->line, field_column_name(ld, ld->nfields, namebuf, sizeof(namebuf)),
	       "bad quoting (a quote inside an unquoted field, or text after a closing quote)");
	csv_free(p);
	csv_init(p, CSV_STRICT | CSV_STRICT_FINI);
	record_reset(ld);
	ld->at_record_start = 1;
}

static void loader_free(struct loader *ld)
{
	size_t c;

	sqlite3_finalize(ld->insert);
	for (c = 0; c < MAX_FIELDS; c++) {
		sqlite3_finalize(ld->ref[c]);
		free(ld->ref_seen[c]);
	}
	free(ld->buf);
}

static int load_file(struct loader *ld, FILE *fp)
{
	static char chunk[CHUNK];
	struct csv_parser parser;
	size_t n, start, i;
	int first = 1, prev_cr = 0;
	long bytes = 0;
	char namebuf[32];

	csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI);
	ld->line = 1;
	ld->rec_line = 1;
	ld->at_record_start = 1;
	while (!ld->stop && (n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		start = 0;
		bytes += (long)n;
		if (first) {
			first = 0;
			/* A byte order mark FF FE or FE FF, or without one a NUL
			 * byte in the first two (the header's first letter). */
			if (n >= 2 && ((((unsigned char)chunk[0] == 0xFF || (unsigned char)chunk[0] == 0xFE)
			                && ((unsigned char)chunk[1] == 0xFE || (unsigned char)chunk[1] == 0xFF))
			               || chunk[0] == '\0' || chunk[1] == '\0')) {
				report(ld, 1, "file", "UTF-16 text: save the file as UTF-8");
				ld->stop = 1;
				break;
			}
			if (n >= 3 && memcmp(chunk, "\xEF\xBB\xBF", 3) == 0)
				start = 3;
		}
		if (prev_cr && chunk[start] == '\n')
			feed(ld, &parser, chunk + start++, 1);
		prev_cr = 0;
		for (i = start; i < n; i++) {
			if (chunk[i] == '\r' && i + 1 < n && chunk[i + 1] == '\n')
				i++;
			if (chunk[i] == '\n' || chunk[i] == '\r') {
				feed(ld, &parser, chunk + start, i + 1 - start);
				prev_cr = chunk[i] == '\r';
				start = i + 1;
				ld->line++;
			}
		}
		if (start < n)
			feed(ld, &parser, chunk + start, n - start);
	}
	if (ferror(fp))
		report(ld, ld->line, "file", "read error: %s", strerror(errno));
	if (!ld->stop && csv_fini(&parser, on_field, on_record, ld) != 0)
		report(ld, ld->rec_line, field_column_name(ld, ld->nfields, namebuf, sizeof(namebuf)),
		       "unterminated quoted field");
	if (bytes == 0)
		report(ld, 1, "file", "empty file: the header row is missing");
	csv_free(&parser);
	return 0;
}

int import_into(sqlite3 *db, const char *dir, const struct import_opts *opts,
                struct import_stats *stats)
{
	size_t t;
	int rc = 0;

	for (t = 0; t < registry_table_count; t++) {
		struct loader ld;
		FILE *fp;

		memset(&ld, 0, sizeof(ld));
		ld.spec = &registry_tables[t];
		ld.opts = opts;
		ld.db = db;
		ld.max_errors = opts && opts->max_errors > 0 ? opts->max_errors : DEFAULT_MAX_ERRORS;
		snprintf(ld.path, sizeof(ld.path), "%s/%s", dir, ld.spec->file);
		fp = fopen(ld.path, "rb");
		if (!fp) {
			if (opts && opts->on_error)
				opts->on_error(opts->ctx, ld.path, 0, NULL, strerror(errno));
			if (stats)
				stats->errors++;
			rc = EX_NOINPUT;
			continue;
		}
		if (prepare_insert(&ld) == 0)
			load_file(&ld, fp);
		else
			rc = EX_SOFTWARE;
		fclose(fp);
		loader_free(&ld);
		if (stats) {
			stats->rows += ld.rows;
			stats->errors += ld.errors;
		}
		if (ld.errors && !rc)
			rc = EX_DATAERR;
	}
	return rc;
}
