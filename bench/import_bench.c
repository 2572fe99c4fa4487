/* SPDX-License-Identifier: MIT */
/*
 * import_bench.c: how fast the importer loads a registry, phase by phase.
 *
 *     import_bench DIR DB
 *
 * Runs import_build_db(DIR, DB), the function behind `dcinet --import`,
 * unchanged, and times its phases from outside: an SQLite auto-extension
 * puts a statement trace on every connection the process opens, and the
 * trace notes when the first and the last row of staff.csv are inserted,
 * and when the derived tables (indexes, list orders, search index) start.
 * Prints one line:
 *
 *     import rows=1521431 staff_rows=1000000 load_s=2.9 staff_s=1.9
 *            staff_rows_per_s=526000 derived_s=5.1 total_s=8.0
 *
 * load_s: from the call to the first derived statement (every file read,
 * checked and inserted); staff_s: from the first staff row inserted to
 * the first statement of the next file; derived_s: the rest, up to a
 * searchable database renamed into place.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "../core/dcinet.h"

struct marks {
	double staff_first, staff_last, staff_end, derived;
	long staff_rows;
};

/* The one piece of state the trace callback writes: this program traces
 * one import, from its one thread.  The import's staff index thread
 * (core/staff_index.c) is traced too, but none of its statements is one
 * of these marks. */
static struct marks marks;

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* SQLITE_TRACE_STMT: x is the statement's SQL text, as prepared. */
static int on_trace(unsigned type, void *ctx, void *stmt, void *x)
{
	const char *sql = x, *into;
	double t;

	(void)type;
	(void)ctx;
	(void)stmt;
	if (!sql)
		return 0;
	into = strstr(sql, " INTO staff ");
	if (starts(sql, "INSERT") && into && into < sql + 20) {   /* OR FAIL too */
		t = now_s();
		if (marks.staff_first == 0)
			marks.staff_first = t;
		marks.staff_last = t;
	} else if (marks.staff_first != 0 && marks.staff_end == 0
	           && !starts(sql, "SELECT 1 FROM")) {
		marks.staff_end = now_s();
	}
	if (marks.derived == 0
	    && (starts(sql, "CREATE INDEX") || starts(sql, "CREATE TABLE post_order")))
		marks.derived = now_s();
	return 0;
}

static int install_trace(sqlite3 *db, char **err, const struct sqlite3_api_routines *api)
{
	(void)err;
	(void)api;
	sqlite3_trace_v2(db, SQLITE_TRACE_STMT, on_trace, NULL);
	return SQLITE_OK;
}

/* Staff rows in the database built, as its meta table counts them. */
static long staff_count(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	long n = -1;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
	    && sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'staff'", -1, &st,
	                          NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = (long)sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return n;
}

static void print_error(void *ctx, const char *file, long line, const char *column,
                        const char *reason)
{
	(void)ctx;
	fprintf(stderr, "%s:%ld: %s: %s\n", file, line, column ? column : "-", reason);
}

int main(int argc, char **argv)
{
	struct import_opts opts = { print_error, NULL, 0 };
	struct import_stats stats;
	double t0, t1, staff_s;
	int rc;

	if (argc != 3) {
		fprintf(stderr, "usage: import_bench DIR DB\n");
		return 64;
	}
	sqlite3_auto_extension((void (*)(void))install_trace);
	t0 = now_s();
	rc = import_build_db(argv[1], argv[2], &opts, &stats);
	t1 = now_s();
	if (rc != 0) {
		fprintf(stderr, "import_bench: import failed (%d)\n", rc);
		return rc;
	}
	if (marks.staff_end == 0)
		marks.staff_end = marks.derived ? marks.derived : t1;
	marks.staff_rows = staff_count(argv[2]);
	staff_s = marks.staff_end - marks.staff_first;
	printf("import rows=%ld staff_rows=%ld load_s=%.3f staff_s=%.3f staff_rows_per_s=%.0f"
	       " derived_s=%.3f total_s=%.3f\n", stats.rows, marks.staff_rows,
	       (marks.derived ? marks.derived : t1) - t0, staff_s,
	       staff_s > 0 ? (double)marks.staff_rows / staff_s : 0.0,
	       marks.derived ? t1 - marks.derived : 0.0, t1 - t0);
	return 0;
}
