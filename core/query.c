/* SPDX-License-Identifier: MIT */
/*
 * query.c: what the screens and the command line ask of a registry.  Each
 * query hands its rows to a callback and holds nothing afterwards.
 *
 * A query's columns are a table of struct column (internal.h): each line
 * names the SQL expression and the field of the row struct it fills.
 * select_stmt() makes the SELECT list from the table and row_next(), the
 * one step loop, fills each row from it, so adding a field to a row is
 * adding a line to its table (and its FROM clause, if a new table).
 */
#include <assert.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include "internal.h"

sqlite3_stmt *registry_stmt(registry *reg, enum stmt_id id, const char *sql)
{
	sqlite3_stmt *st;

	assert(reg && (unsigned)id < STMT_COUNT && sql);
	st = reg->stmt[id];

	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		return st;
	}
	if (sqlite3_prepare_v3(reg->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		snprintf(reg->err, sizeof(reg->err), "%s", sqlite3_errmsg(reg->db));
		return NULL;
	}
	reg->stmt[id] = st;
	return st;
}

int stmt_failed(const registry *reg)
{
	(void)reg;
	/* A statement of the schema this registry claims to have does not
	 * prepare: a table is missing or the file is damaged. */
	return EX_DATAERR;
}

int stmt_finish(registry *reg, sqlite3_stmt *st, int rc)
{
	assert(reg && st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		snprintf(reg->err, sizeof(reg->err), "%s", sqlite3_errmsg(reg->db));
		sqlite3_reset(st);
		/* a database that is not what it says is bad data, not a bug */
		return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB ? EX_DATAERR : EX_SOFTWARE;
	}
	sqlite3_reset(st);
	return 0;
}

/* A keystroke runs a dozen statements; each alone begins and ends a
 * read transaction, and FTS5 checks again at each whether its index
 * changed. */
int read_begin(registry *reg)
{
	sqlite3_stmt *st;
	int rc;

	if (!sqlite3_get_autocommit(reg->db))
		return 0;            /* in one already: the caller's */
	st = registry_stmt(reg, STMT_BEGIN, "BEGIN");
	if (!st)
		return 0;
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE;
}

void read_end(registry *reg, int began)
{
	sqlite3_stmt *st;

	if (!began)
		return;
	st = registry_stmt(reg, STMT_COMMIT, "COMMIT");
	if (!st || sqlite3_step(st) != SQLITE_DONE)
		sqlite3_exec(reg->db, "ROLLBACK", NULL, NULL, NULL);
	if (st)
		sqlite3_reset(st);
}

const char *registry_error(const registry *reg)
{
	return reg ? reg->err : "";
}

const char *post_sort_name(enum post_sort sort)
{
	static const char *const names[] = { "city", "country", "updated" };

	return (unsigned)sort < POSTS_SORT_COUNT ? names[sort] : "?";
}

void column_list(char *buf, size_t size, const struct column *cols, size_t n)
{
	size_t i, w = 0;

	assert(buf && size > 0 && cols && n > 0);
	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		int len = snprintf(buf + w, size - w, "%s%s", i ? ", " : "", cols[i].sql);

		assert(len >= 0 && (size_t)len < size - w);
		w += (size_t)len;
	}
}

sqlite3_stmt *select_stmt(registry *reg, enum stmt_id id, const struct column *cols,
                          size_t n, const char *rest)
{
	char sql[4096], list[3072];
	sqlite3_stmt *st;

	assert(reg && (unsigned)id < STMT_COUNT && cols && rest);
	if (reg->stmt[id]) {
		st = registry_stmt(reg, id, "");
	} else {
		int len;

		column_list(list, sizeof(list), cols, n);
		len = snprintf(sql, sizeof(sql), "SELECT %s %s", list, rest);
		assert(len > 0 && (size_t)len < sizeof(sql));
		(void)len;
		st = registry_stmt(reg, id, sql);
	}
	assert(!st || sqlite3_column_count(st) == (int)n);
	return st;
}

int row_next(sqlite3_stmt *st, const struct column *cols, size_t n, void *row, int *rc)
{
	size_t i;

	assert(st && cols && row && rc);
	*rc = sqlite3_step(st);
	if (*rc != SQLITE_ROW)
		return 0;
	assert(sqlite3_column_count(st) == (int)n);
	for (i = 0; i < n; i++) {
		void *field = (char *)row + cols[i].offset;
		int c = (int)i;

		switch (cols[i].type) {
		case COLUMN_TEXT:
			*(const char **)field = column_text(st, c);
			break;
		case COLUMN_INT:
			*(int *)field = sqlite3_column_int(st, c);
			break;
		case COLUMN_FIGURE:
			*(long *)field = sqlite3_column_type(st, c) == SQLITE_NULL
			                 ? -1 : (long)sqlite3_column_int64(st, c);
			break;
		}
	}
	return 1;
}

/* meta's keys (schema.c) and the counts they fill */
static const struct {
	const char *key;
	size_t offset;
} count_keys[] = {
	{ "posts", offsetof(struct dci_counts, posts) },
	{ "staff", offsetof(struct dci_counts, staff) },
	{ "countries_covered", offsetof(struct dci_counts, countries_covered) },
	{ "sources", offsetof(struct dci_counts, sources) },
	{ "snapshots", offsetof(struct dci_counts, snapshots) },
	{ "claimed_embassies_min", offsetof(struct dci_counts, claimed_embassies_min) },
	{ "claimed_embassies_max", offsetof(struct dci_counts, claimed_embassies_max) },
	{ "claimed_countries_min", offsetof(struct dci_counts, claimed_countries_min) },
	{ "claimed_countries_max", offsetof(struct dci_counts, claimed_countries_max) },
};

struct meta_row {
	const char *key;
	long value;
};

static const struct column meta_cols[] = {
	{ "key", offsetof(struct meta_row, key), COLUMN_TEXT },
	{ "value", offsetof(struct meta_row, value), COLUMN_FIGURE },
};

int registry_counts(registry *reg, struct dci_counts *out)
{
	sqlite3_stmt *st;
	struct meta_row m;
	size_t i;
	int rc;

	assert(reg && out);
	st = select_stmt(reg, STMT_COUNTS, meta_cols, ARRAY_SIZE(meta_cols), "FROM meta");
	memset(out, 0, sizeof(*out));
	out->claimed_embassies_min = out->claimed_embassies_max = -1;
	out->claimed_countries_min = out->claimed_countries_max = -1;
	if (!st)
		return stmt_failed(reg);
	while (row_next(st, meta_cols, ARRAY_SIZE(meta_cols), &m, &rc))
		for (i = 0; i < ARRAY_SIZE(count_keys); i++)
			if (strcmp(m.key, count_keys[i].key) == 0)
				*(long *)((char *)out + count_keys[i].offset) = m.value;
	return stmt_finish(reg, st, rc);
}

long posts_count(registry *reg)
{
	struct dci_counts c;

	return registry_counts(reg, &c) ? -1 : c.posts;
}

static const struct column directorate_cols[] = {
	{ "d.acronym", offsetof(struct dci_directorate, acronym), COLUMN_TEXT },
	{ "d.name_en", offsetof(struct dci_directorate, name_en), COLUMN_TEXT },
	{ "d.name_fr", offsetof(struct dci_directorate, name_fr), COLUMN_TEXT },
	{ "d.established", offsetof(struct dci_directorate, established), COLUMN_TEXT },
	{ "d.headquarters", offsetof(struct dci_directorate, headquarters), COLUMN_TEXT },
	{ "d.parent", offsetof(struct dci_directorate, parent), COLUMN_TEXT },
	{ "d.source", offsetof(struct dci_directorate, source), COLUMN_TEXT },
	{ "s.modified", offsetof(struct dci_directorate, source_date), COLUMN_TEXT },
	{ "d.note", offsetof(struct dci_directorate, note), COLUMN_TEXT },
};

int directorate_each(registry *reg, directorate_fn fn, void *ctx)
{
	sqlite3_stmt *st;
	struct dci_directorate d;
	int rc;

	assert(reg && fn);
	st = select_stmt(reg, STMT_DIRECTORATE, directorate_cols, ARRAY_SIZE(directorate_cols),
		"FROM directorate d JOIN sources s ON s.id = d.source"
		" ORDER BY d.established = '', d.established, d.acronym");
	if (!st)
		return stmt_failed(reg);
	while (row_next(st, directorate_cols, ARRAY_SIZE(directorate_cols), &d, &rc))
		if (fn(ctx, &d))
			break;
	return stmt_finish(reg, st, rc);
}

static const struct column snapshot_cols[] = {
	{ "n.as_of", offsetof(struct dci_snapshot, as_of), COLUMN_TEXT },
	{ "n.as_of_basis", offsetof(struct dci_snapshot, as_of_basis), COLUMN_TEXT },
	{ "n.staff", offsetof(struct dci_snapshot, staff), COLUMN_FIGURE },
	{ "n.embassies", offsetof(struct dci_snapshot, embassies), COLUMN_FIGURE },
	{ "n.countries", offsetof(struct dci_snapshot, countries), COLUMN_FIGURE },
	{ "n.civil_security_experts", offsetof(struct dci_snapshot, civil_security_experts),
	  COLUMN_FIGURE },
	{ "n.staff_qualifier", offsetof(struct dci_snapshot, staff_q), COLUMN_TEXT },
	{ "n.embassies_qualifier", offsetof(struct dci_snapshot, embassies_q), COLUMN_TEXT },
	{ "n.countries_qualifier", offsetof(struct dci_snapshot, countries_q), COLUMN_TEXT },
	{ "n.source", offsetof(struct dci_snapshot, source), COLUMN_TEXT },
	{ "s.title", offsetof(struct dci_snapshot, source_title), COLUMN_TEXT },
	{ "s.modified", offsetof(struct dci_snapshot, source_date), COLUMN_TEXT },
	{ "n.note", offsetof(struct dci_snapshot, note), COLUMN_TEXT },
};

int snapshots_each(registry *reg, snapshot_fn fn, void *ctx)
{
	sqlite3_stmt *st;
	struct dci_snapshot s;
	int rc;

	assert(reg && fn);
	st = select_stmt(reg, STMT_SNAPSHOTS, snapshot_cols, ARRAY_SIZE(snapshot_cols),
		"FROM network n JOIN sources s ON s.id = n.source"
		" ORDER BY n.as_of = '', n.as_of, n.rowid");
	if (!st)
		return stmt_failed(reg);
	while (row_next(st, snapshot_cols, ARRAY_SIZE(snapshot_cols), &s, &rc))
		if (fn(ctx, &s))
			break;
	return stmt_finish(reg, st, rc);
}

static const struct column theme_cols[] = {
	{ "coalesce(post, '')", offsetof(struct dci_theme, post), COLUMN_TEXT },
	{ "kind", offsetof(struct dci_theme, kind), COLUMN_TEXT },
	{ "theme_en", offsetof(struct dci_theme, theme_en), COLUMN_TEXT },
	{ "theme_fr", offsetof(struct dci_theme, theme_fr), COLUMN_TEXT },
	{ "source", offsetof(struct dci_theme, source), COLUMN_TEXT },
};

int themes_each(registry *reg, const char *post, theme_fn fn, void *ctx)
{
	sqlite3_stmt *st;
	struct dci_theme t;
	int rc;

	assert(reg && fn);
	st = select_stmt(reg, STMT_THEMES, theme_cols, ARRAY_SIZE(theme_cols),
		"FROM themes WHERE post IS ?1 ORDER BY kind, rowid");
	if (!st)
		return stmt_failed(reg);
	if (post)
		sqlite3_bind_text(st, 1, post, -1, SQLITE_TRANSIENT);
	while (row_next(st, theme_cols, ARRAY_SIZE(theme_cols), &t, &rc))
		if (fn(ctx, &t))
			break;
	return stmt_finish(reg, st, rc);
}

#define POST_COVERS_SQL "(SELECT group_concat(country, ' ') FROM coverage" \
	" WHERE post = p.id AND relation <> 'host')"
#define POST_N_COVERED_SQL "(SELECT count(*) FROM coverage WHERE post = p.id)"

/* A post's columns, for posts_page(), posts_list_page(), post_get() and
 * post_get_brief(), whose FROM clauses name its tables p (posts), c (its
 * country), s (its source), e (post_evidence) and z (post_tz).  Three
 * slices of one table: the counted columns come first, then what a row
 * of the post list shows (POST_LIST_COLUMNS from the start: no zone, no
 * evidence, two joins less), then the rest; a brief row is the table
 * less the counted columns (from POST_BRIEF_FIRST). */
static const struct column post_cols[] = {
	{ POST_COVERS_SQL, offsetof(struct dci_post, covers), COLUMN_TEXT },
	{ POST_N_COVERED_SQL, offsetof(struct dci_post, n_covered), COLUMN_INT },
	{ "p.id", offsetof(struct dci_post, id), COLUMN_TEXT },
	{ "p.city", offsetof(struct dci_post, city), COLUMN_TEXT },
	{ "p.city_fr", offsetof(struct dci_post, city_fr), COLUMN_TEXT },
	{ "p.country", offsetof(struct dci_post, country), COLUMN_TEXT },
	{ "c.name_en", offsetof(struct dci_post, country_en), COLUMN_TEXT },
	{ "c.name_fr", offsetof(struct dci_post, country_fr), COLUMN_TEXT },
	{ "p.head_rank", offsetof(struct dci_post, head_rank), COLUMN_TEXT },
	{ "p.updated", offsetof(struct dci_post, updated), COLUMN_TEXT },
	{ "p.source", offsetof(struct dci_post, source), COLUMN_TEXT },
	{ "s.modified", offsetof(struct dci_post, source_date), COLUMN_TEXT },
	/* the end of the list's columns */
	{ "p.name_en", offsetof(struct dci_post, name_en), COLUMN_TEXT },
	{ "p.name_fr", offsetof(struct dci_post, name_fr), COLUMN_TEXT },
	{ "p.established", offsetof(struct dci_post, established), COLUMN_TEXT },
	{ "p.hosted_since", offsetof(struct dci_post, hosted_since), COLUMN_TEXT },
	{ "p.head_corps", offsetof(struct dci_post, head_corps), COLUMN_TEXT },
	{ "p.address", offsetof(struct dci_post, address), COLUMN_TEXT },
	{ "p.phone", offsetof(struct dci_post, phone), COLUMN_TEXT },
	{ "p.email", offsetof(struct dci_post, email), COLUMN_TEXT },
	{ "p.note", offsetof(struct dci_post, note), COLUMN_TEXT },
	{ "z.tz", offsetof(struct dci_post, tz), COLUMN_TEXT },
	{ "e.kind", offsetof(struct dci_post, evidence_kind), COLUMN_TEXT },
	{ "e.date", offsetof(struct dci_post, evidence_date), COLUMN_TEXT },
	{ "e.official", offsetof(struct dci_post, evidence_official), COLUMN_INT },
	{ "e.sctip", offsetof(struct dci_post, sctip_era), COLUMN_INT },
};

#define POST_BRIEF_FIRST 2
#define POST_LIST_COLUMNS 12

/* The tables post_cols name, after p (posts): those of the list's
 * columns, then those of the rest. */
#define POST_LIST_JOINS " JOIN countries c ON c.iso2 = p.country JOIN sources s ON s.id = p.source"
#define POST_JOINS POST_LIST_JOINS \
	" JOIN post_evidence e ON e.post = p.id JOIN post_tz z ON z.post = p.id"

/* Hand each post row of st, of the n columns cols, to fn; *seen counts
 * them.  A field not among cols is "" (a count -1, a flag 0). */
static int post_rows(registry *reg, sqlite3_stmt *st, const struct column *cols, size_t n,
                     post_fn fn, void *ctx, long *seen)
{
	struct dci_post p;
	size_t i;
	int rc;

	memset(&p, 0, sizeof(p));
	for (i = 0; i < ARRAY_SIZE(post_cols); i++)
		if (post_cols[i].type == COLUMN_TEXT)
			*(const char **)((char *)&p + post_cols[i].offset) = "";
	p.n_covered = -1;
	while (row_next(st, cols, n, &p, &rc)) {
		(*seen)++;
		if (fn(ctx, &p))
			break;
	}
	return stmt_finish(reg, st, rc);
}

void registry_set_french(registry *reg, int french)
{
	assert(reg);
	reg->french = french != 0;
}

/* The numbered order behind a sort: French readers get 3 and 4 for city
 * and country (see schema.c). */
static int order_id(const registry *reg, enum post_sort sort)
{
	if (reg->french && sort == POSTS_BY_CITY)
		return 3;
	if (reg->french && sort == POSTS_BY_COUNTRY)
		return 4;
	return (int)sort;
}

/* One viewport of a list order, each row read through the columns cols
 * from the tables joined (after post_order and posts) in joins. */
static int order_page(registry *reg, enum stmt_id id, const struct column *cols, size_t n,
                      const char *joins, enum post_sort sort, long offset, long limit,
                      post_fn fn, void *ctx)
{
	char rest[512];
	sqlite3_stmt *st;
	long seen = 0;
	int len;

	assert(reg && fn);
	len = snprintf(rest, sizeof(rest), "FROM post_order o CROSS JOIN posts p ON p.id = o.post%s"
	               " WHERE o.sort = ?1 AND o.pos >= ?2 ORDER BY o.pos LIMIT ?3", joins);
	assert(len > 0 && (size_t)len < sizeof(rest));
	st = select_stmt(reg, id, cols, n, rest);
	if (!st)
		return stmt_failed(reg);
	sqlite3_bind_int(st, 1, order_id(reg, sort));
	sqlite3_bind_int64(st, 2, offset < 0 ? 0 : offset);
	sqlite3_bind_int64(st, 3, limit);
	return post_rows(reg, st, cols, n, fn, ctx, &seen);
}

int posts_page(registry *reg, enum post_sort sort, long offset, long limit,
               post_fn fn, void *ctx)
{
	return order_page(reg, STMT_POSTS_PAGE, post_cols, ARRAY_SIZE(post_cols), POST_JOINS,
	                  sort, offset, limit, fn, ctx);
}

int posts_list_page(registry *reg, enum post_sort sort, long offset, long limit,
                    post_fn fn, void *ctx)
{
	return order_page(reg, STMT_POSTS_LIST, post_cols, POST_LIST_COLUMNS, POST_LIST_JOINS,
	                  sort, offset, limit, fn, ctx);
}

long post_index(registry *reg, enum post_sort sort, const char *post_id)
{
	sqlite3_stmt *st;
	long pos = -1;
	int rc;

	assert(reg && post_id);
	st = registry_stmt(reg, STMT_POST_INDEX,
		"SELECT pos FROM post_order WHERE post = ?1 AND sort = ?2");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, post_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, order_id(reg, sort));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		pos = (long)sqlite3_column_int64(st, 0);
		rc = SQLITE_DONE;
	}
	stmt_finish(reg, st, rc);
	return pos;
}

/* One post by id, its whole row or (brief) the row less its counts. */
static int post_by_id(registry *reg, const char *post_id, int brief, post_fn fn, void *ctx)
{
	const struct column *cols = brief ? post_cols + POST_BRIEF_FIRST : post_cols;
	size_t n = ARRAY_SIZE(post_cols) - (size_t)(cols - post_cols);
	sqlite3_stmt *st;
	long seen = 0;
	int rc;

	assert(reg && post_id && fn);
	st = select_stmt(reg, brief ? STMT_POST_BRIEF : STMT_POST_GET, cols, n,
		"FROM posts p" POST_JOINS " WHERE p.id = ?1");
	if (!st)
		return stmt_failed(reg);
	sqlite3_bind_text(st, 1, post_id, -1, SQLITE_TRANSIENT);
	rc = post_rows(reg, st, cols, n, fn, ctx, &seen);
	return rc ? rc : seen ? 0 : EX_NOINPUT;
}

int post_get(registry *reg, const char *post_id, post_fn fn, void *ctx)
{
	return post_by_id(reg, post_id, 0, fn, ctx);
}

int post_get_brief(registry *reg, const char *post_id, post_fn fn, void *ctx)
{
	return post_by_id(reg, post_id, 1, fn, ctx);
}

/* A coverage row's columns, for the two queries below, whose FROM
 * clauses name cov (coverage), p (its post) and c (its country). */
static const struct column coverage_cols[] = {
	{ "cov.post", offsetof(struct dci_coverage, post), COLUMN_TEXT },
	{ "p.city", offsetof(struct dci_coverage, post_city), COLUMN_TEXT },
	{ "p.name_en", offsetof(struct dci_coverage, post_name_en), COLUMN_TEXT },
	{ "p.phone", offsetof(struct dci_coverage, post_phone), COLUMN_TEXT },
	{ "c.iso2", offsetof(struct dci_coverage, country), COLUMN_TEXT },
	{ "c.name_en", offsetof(struct dci_coverage, country_en), COLUMN_TEXT },
	{ "c.name_fr", offsetof(struct dci_coverage, country_fr), COLUMN_TEXT },
	{ "cov.relation", offsetof(struct dci_coverage, relation), COLUMN_TEXT },
	{ "cov.source", offsetof(struct dci_coverage, source), COLUMN_TEXT },
	{ "cov.note", offsetof(struct dci_coverage, note), COLUMN_TEXT },
};

/* Hand each coverage row of st, bound to key, to fn. */
static int coverage_rows(registry *reg, sqlite3_stmt *st, const char *key,
                         coverage_fn fn, void *ctx)
{
	struct dci_coverage c;
	int rc;

	if (!st)
		return stmt_failed(reg);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	while (row_next(st, coverage_cols, ARRAY_SIZE(coverage_cols), &c, &rc))
		if (fn(ctx, &c))
			break;
	return stmt_finish(reg, st, rc);
}

int post_coverage_each(registry *reg, const char *post_id, coverage_fn fn, void *ctx)
{
	assert(reg && post_id && fn);
	return coverage_rows(reg, select_stmt(reg, STMT_POST_COVERAGE, coverage_cols,
		ARRAY_SIZE(coverage_cols),
		"FROM coverage cov JOIN posts p ON p.id = cov.post"
		" JOIN countries c ON c.iso2 = cov.country WHERE cov.post = ?1"
		" ORDER BY cov.relation <> 'host', cov.relation, c.name_en"), post_id, fn, ctx);
}

int country_covered_by(registry *reg, const char *iso, coverage_fn fn, void *ctx)
{
	assert(reg && iso && fn);
	return coverage_rows(reg, select_stmt(reg, STMT_COVERED_BY, coverage_cols,
		ARRAY_SIZE(coverage_cols),
		"FROM countries c JOIN coverage cov ON cov.country = c.iso2"
		" JOIN posts p ON p.id = cov.post"
		" WHERE c.iso2 = upper(?1) OR c.iso3 = upper(?1)"
		" ORDER BY cov.relation <> 'host', p.city, p.id"), iso, fn, ctx);
}

static const struct column staff_cols[] = {
	{ "st.post", offsetof(struct dci_staff, post), COLUMN_TEXT },
	{ "st.role", offsetof(struct dci_staff, role), COLUMN_TEXT },
	{ "st.name", offsetof(struct dci_staff, name), COLUMN_TEXT },
	{ "st.rank", offsetof(struct dci_staff, rank), COLUMN_TEXT },
	{ "st.corps", offsetof(struct dci_staff, corps), COLUMN_TEXT },
	{ "st.as_of", offsetof(struct dci_staff, as_of), COLUMN_TEXT },
	{ "st.source", offsetof(struct dci_staff, source), COLUMN_TEXT },
	{ "s.modified", offsetof(struct dci_staff, source_date), COLUMN_TEXT },
	{ "st.note", offsetof(struct dci_staff, note), COLUMN_TEXT },
	{ "st.locally_recruited", offsetof(struct dci_staff, locally_recruited), COLUMN_INT },
	{ "r.role_fr", offsetof(struct dci_staff, role_fr), COLUMN_TEXT },
};

int post_staff_each(registry *reg, const char *post_id, staff_fn fn, void *ctx)
{
	sqlite3_stmt *st;
	struct dci_staff s;
	int rc;

	assert(reg && post_id && fn);
	st = select_stmt(reg, STMT_POST_STAFF, staff_cols, ARRAY_SIZE(staff_cols),
		"FROM staff st JOIN sources s ON s.id = st.source JOIN roles r ON r.role = st.role"
		" WHERE st.post = ?1 ORDER BY r.rowid, st.as_of = '', st.as_of DESC, st.rowid");
	if (!st)
		return stmt_failed(reg);
	sqlite3_bind_text(st, 1, post_id, -1, SQLITE_TRANSIENT);
	while (row_next(st, staff_cols, ARRAY_SIZE(staff_cols), &s, &rc))
		if (fn(ctx, &s))
			break;
	return stmt_finish(reg, st, rc);
}

/* The columns of the union in post_sources_each() (named by its first
 * arm), less its order "further". */
static const struct column post_source_cols[] = {
	{ "post", offsetof(struct dci_post_source, post), COLUMN_TEXT },
	{ "source", offsetof(struct dci_post_source, source), COLUMN_TEXT },
	{ "title", offsetof(struct dci_post_source, title), COLUMN_TEXT },
	{ "modified", offsetof(struct dci_post_source, modified), COLUMN_TEXT },
	{ "url", offsetof(struct dci_post_source, url), COLUMN_TEXT },
	{ "document", offsetof(struct dci_post_source, document), COLUMN_TEXT },
	{ "note", offsetof(struct dci_post_source, note), COLUMN_TEXT },
	{ "kind", offsetof(struct dci_post_source, kind), COLUMN_TEXT },
};

int post_sources_each(registry *reg, const char *post_id, post_source_fn fn, void *ctx)
{
	sqlite3_stmt *st;
	struct dci_post_source s;
	int rc;

	assert(reg && post_id && fn);
	st = select_stmt(reg, STMT_POST_SOURCES, post_source_cols, ARRAY_SIZE(post_source_cols),
		"FROM (SELECT p.id AS post, s.id AS source, s.title AS title, s.modified AS modified,"
		"   s.url AS url, s.document AS document, '' AS note, s.kind AS kind, 0 AS further"
		"   FROM posts p JOIN sources s ON s.id = p.source WHERE p.id = ?1"
		" UNION ALL"
		" SELECT ps.post, s.id, s.title, s.modified, s.url, s.document, ps.note, s.kind, 1"
		"   FROM post_sources ps JOIN sources s ON s.id = ps.source WHERE ps.post = ?1)"
		" ORDER BY further, modified");
	if (!st)
		return stmt_failed(reg);
	sqlite3_bind_text(st, 1, post_id, -1, SQLITE_TRANSIENT);
	while (row_next(st, post_source_cols, ARRAY_SIZE(post_source_cols), &s, &rc))
		if (fn(ctx, &s))
			break;
	return stmt_finish(reg, st, rc);
}
