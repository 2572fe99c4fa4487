/* SPDX-License-Identifier: MIT */
/*
 * stale.c: the maintainer's worklist (--stale): every dated fact about a
 * post that is older than a limit, with the source to check again.
 *
 * The rule, here and for the browser's old-fact mark: a date before the
 * cutoff is old, and a partial date counts as its last day, so "2021" is
 * old only once 2021-12-31 is (date_is_before, and the SQL below).
 */
#include <assert.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include "internal.h"

void stale_cutoff(char *buf, size_t n, int years, long long now)
{
	time_t t = (time_t)now;
	struct tm tm;
	int year;

	if (years < 0)
		years = 0;
	if (gmtime_r(&t, &tm) == NULL)
		memset(&tm, 0, sizeof(tm));
	year = tm.tm_year + 1900 - years;
	snprintf(buf, n, "%04d-%02d-%02d", year < 0 ? 0 : year, tm.tm_mon + 1, tm.tm_mday);
}

int date_is_before(const char *date, const char *cutoff)
{
	char last[11];
	size_t len = date ? strlen(date) : 0;

	if (len < 4 || !ascii_digits(date, 4))
		return 0;
	if (len == 4)
		snprintf(last, sizeof(last), "%.4s-12-31", date);
	else if (len == 7 && date[4] == '-' && ascii_digits(date + 5, 2))
		snprintf(last, sizeof(last), "%.7s-31", date);
	else if (len == 10 && date[4] == '-' && date[7] == '-' && ascii_digits(date + 5, 2)
	         && ascii_digits(date + 8, 2))
		snprintf(last, sizeof(last), "%.10s", date);
	else
		return 0;
	return strcmp(last, cutoff) < 0;
}

/* The facts: a post's last update (its primary source), each staff row's
 * as-of date (its source), each further source's own date. */
static const char stale_with[] =
	"WITH facts(date, post, fact, ord, subject, source) AS ("
	"  SELECT updated, id, 'updated', 0, '', source FROM posts WHERE updated <> ''"
	"  UNION ALL SELECT as_of, post, 'staff', 1,"
	"    role || CASE WHEN name <> '' THEN ', ' || name ELSE '' END, source"
	"    FROM staff WHERE as_of <> ''"
	"  UNION ALL SELECT s.modified, ps.post, 'source', 2, s.title, ps.source"
	"    FROM post_sources ps JOIN sources s ON s.id = ps.source WHERE s.modified <> '')";

static const struct column stale_cols[] = {
	{ "f.date", offsetof(struct dci_stale_fact, date), COLUMN_TEXT },
	{ "f.post", offsetof(struct dci_stale_fact, post), COLUMN_TEXT },
	{ "CASE WHEN p.city <> '' THEN p.city || ', ' || c.name_en ELSE c.name_en END",
	  offsetof(struct dci_stale_fact, post_label), COLUMN_TEXT },
	{ "f.fact", offsetof(struct dci_stale_fact, fact), COLUMN_TEXT },
	{ "f.subject", offsetof(struct dci_stale_fact, subject), COLUMN_TEXT },
	{ "f.source", offsetof(struct dci_stale_fact, source), COLUMN_TEXT },
	{ "s.url", offsetof(struct dci_stale_fact, url), COLUMN_TEXT },
	{ "s.document", offsetof(struct dci_stale_fact, document), COLUMN_TEXT },
};

static const char stale_from[] =
	"FROM facts f JOIN sources s ON s.id = f.source JOIN posts p ON p.id = f.post"
	"  JOIN countries c ON c.iso2 = p.country"
	"  WHERE (CASE length(f.date) WHEN 4 THEN f.date || '-12-31'"
	"    WHEN 7 THEN f.date || '-31' ELSE f.date END) < ?1"
	"  ORDER BY f.date, f.post, f.ord, f.subject, f.source";

int stale_facts_each(registry *reg, const char *cutoff, stale_fn fn, void *ctx)
{
	struct dci_stale_fact f;
	sqlite3_stmt *st;
	char list[1024], sql[2048];
	int rc;

	assert(reg && cutoff && fn);
	column_list(list, sizeof(list), stale_cols, ARRAY_SIZE(stale_cols));
	snprintf(sql, sizeof(sql), "%s SELECT %s %s", stale_with, list, stale_from);
	if (sqlite3_prepare_v2(reg->db, sql, -1, &st, NULL) != SQLITE_OK) {
		snprintf(reg->err, sizeof(reg->err), "%s", sqlite3_errmsg(reg->db));
		return stmt_failed(reg);
	}
	sqlite3_bind_text(st, 1, cutoff, -1, SQLITE_STATIC);
	while (row_next(st, stale_cols, ARRAY_SIZE(stale_cols), &f, &rc))
		if (fn(ctx, &f))
			break;
	rc = stmt_finish(reg, st, rc);
	sqlite3_finalize(st);
	return rc;
}
