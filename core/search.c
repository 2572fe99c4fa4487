/* SPDX-License-Identifier: MIT */
/*
 * search.c: the search box's query.  Each kind of hit has its own FTS5
 * index (accents removed, prefixes of 1-6 letters indexed), read in rowid
 * order with LIMIT/OFFSET, so a keystroke costs the rows it shows, never a
 * count or a sort of every match.
 */
#include <assert.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include "internal.h"

const char *hit_kind_name(enum hit_kind kind)
{
	static const char *const names[] = { "country", "post", "staff", "theme" };

	return (unsigned)kind < HIT_KIND_COUNT ? names[kind] : "?";
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* A word is worth searching when it holds a letter or digit; bytes of
 * non-ASCII characters count, the tokenizer judges them. */
static int has_word_char(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			return 1;
	}
	return 0;
}

/* Every word becomes a quoted FTS5 string with a prefix star: "word"*.
 * Inside quotes FTS5 syntax (AND, NEAR, :, -, parentheses) is plain text,
 * and a quote is escaped by doubling it. */
char *search_build_query(const char *text)
{
	size_t n, i = 0, out = 0, words = 0;
	char *q;

	if (!text)
		return NULL;
	n = strlen(text);
	q = malloc(n * 2 + 4 * (n / 2 + 1) + 1);
	if (!q)
		return NULL;
	while (i < n) {
		size_t start, j;

		while (i < n && is_space(text[i]))
			i++;
		start = i;
		while (i < n && !is_space(text[i]))
			i++;
		if (i == start || !has_word_char(text + start, i - start))
			continue;
		if (words++)
			q[out++] = ' ';
		q[out++] = '"';
		for (j = start; j < i; j++) {
			if (text[j] == '"')
				q[out++] = '"';
			q[out++] = text[j];
		}
		q[out++] = '"';
		q[out++] = '*';
	}
	q[out] = '\0';
	if (words == 0) {
		free(q);
		return NULL;
	}
	return q;
}

/* A row of a search statement: the hit but its kind and post label,
 * which is made of the post's city and country. */
struct hit_row {
	struct dci_hit hit;
	const char *city, *country;
	int covering;                  /* country hits: the country's covering posts */
};

/* The columns of the four statements, by field: each kind's expression
 * for it, over the tables that kind's FROM clause (search_from) names. */
static const struct {
	size_t offset;                 /* in struct hit_row */
	const char *sql[HIT_KIND_COUNT];
} hit_fields[] = {
	{ offsetof(struct hit_row, hit.ref), {
		[HIT_COUNTRY] = "c.iso2", [HIT_POST] = "ph.post",
		[HIT_STAFF] = "st.rowid", [HIT_THEME] = "t.rowid" } },
	{ offsetof(struct hit_row, hit.label), {
		[HIT_COUNTRY] = "c.name_en",
		[HIT_POST] = "CASE WHEN ph.city <> '' THEN ph.city ELSE ph.name_en END",
		[HIT_STAFF] = "CASE WHEN st.name <> '' THEN st.name ELSE st.role END",
		[HIT_THEME] = "t.theme_en" } },
	{ offsetof(struct hit_row, hit.detail), {
		[HIT_COUNTRY] = "c.name_fr",
		/* the name, unless it is the label already (a post with no city) */
		[HIT_POST] = "CASE WHEN ph.city <> '' THEN ph.name_en ELSE '' END",
		[HIT_STAFF] = "trim(st.rank || CASE WHEN st.rank <> '' AND st.name <> ''"
		              " THEN ', ' ELSE '' END"
		              " || CASE WHEN st.name <> '' THEN st.role ELSE '' END)",
		[HIT_THEME] = "t.theme_fr" } },
	{ offsetof(struct hit_row, hit.relation), {
		[HIT_COUNTRY] = "coalesce(cov.relation, '')", [HIT_POST] = "''",
		[HIT_STAFF] = "''", [HIT_THEME] = "''" } },
	{ offsetof(struct hit_row, hit.post), {
		[HIT_COUNTRY] = "coalesce(cov.post, '')", [HIT_POST] = "ph.post",
		[HIT_STAFF] = "st.post", [HIT_THEME] = "coalesce(t.post, '')" } },
	{ offsetof(struct hit_row, city), {
		[HIT_COUNTRY] = "p.city", [HIT_POST] = "ph.city",
		[HIT_STAFF] = "p.city", [HIT_THEME] = "p.city" } },
	{ offsetof(struct hit_row, country), {
		[HIT_COUNTRY] = "p.country_en", [HIT_POST] = "ph.country_en",
		[HIT_STAFF] = "p.country_en", [HIT_THEME] = "p.country_en" } },
	{ offsetof(struct hit_row, hit.phone), {
		[HIT_COUNTRY] = "p.phone", [HIT_POST] = "ph.phone",
		[HIT_STAFF] = "p.phone", [HIT_THEME] = "p.phone" } },
	{ offsetof(struct hit_row, hit.date), {
		[HIT_COUNTRY] = "p.updated", [HIT_POST] = "ph.updated",
		[HIT_STAFF] = "CASE WHEN st.as_of <> '' THEN st.as_of ELSE s.modified END",
		[HIT_THEME] = "s.modified" } },
};

#define HIT_COLUMNS ARRAY_SIZE(hit_fields)

static const char *const search_from[HIT_KIND_COUNT] = {
	[HIT_COUNTRY] =
		/* Covered countries first, by name, each with its host posts
		 * first, then by city: the order of the index tables read here
		 * (schema.c), so the rows come sorted and the limit stops the
		 * reading, however many posts cover a country. */
		"FROM fts_country f JOIN country_order co ON co.pos = f.rowid"
		" JOIN countries c ON c.iso2 = co.iso2"
		" LEFT JOIN coverage_order cov ON cov.country = c.iso2"
		" LEFT JOIN hit_post p ON p.id = cov.post"
		" WHERE fts_country MATCH ?1"
		" LIMIT ?2 OFFSET ?3",
	[HIT_POST] =
		/* post_hit: what a post hit shows (schema.c) */
		"FROM fts_post f JOIN post_hit ph ON ph.id = f.rowid"
		" WHERE fts_post MATCH ?1 LIMIT ?2 OFFSET ?3",
	[HIT_STAFF] =
		/* hit_post, hit_source: what a hit shows of them (schema.c) */
		"FROM fts_staff f JOIN staff st ON st.rowid = f.rowid"
		" JOIN hit_post p ON p.id = st.post JOIN hit_source s ON s.id = st.source"
		" WHERE fts_staff MATCH ?1 LIMIT ?2 OFFSET ?3",
	[HIT_THEME] =
		"FROM fts_theme f JOIN themes t ON t.rowid = f.rowid"
		" LEFT JOIN hit_post p ON p.id = t.post JOIN hit_source s ON s.id = t.source"
		" WHERE fts_theme MATCH ?1 LIMIT ?2 OFFSET ?3",
};

/* ---- the hits of the last text, shared --------------------------------
 *
 * A keystroke asks for the same text twice: the search box reads the
 * first screenful of every kind, then answer_find() reads up to 65 hits
 * of the first kind that matched.  The rows read for the last text of
 * each kind are kept (owned copies, at most CACHE_ROWS), and the
 * statement that read them is left where it stopped, so a second reader
 * gets the rows already read for free and the next ones from where the
 * first stopped: no FTS query runs twice, no row is read twice.  The
 * database is read-only while a registry is open, so a kept row cannot
 * go stale.  A page beyond CACHE_ROWS (n and N stepping far, counting a
 * kind) runs its own query, as before.
 *
 * Post and staff hits are read in two steps: the rowids from the FTS
 * index (a statement left where it stopped, as above), then each row
 * shown by its rowid.  The answer weighs 64 hits but reads few of them
 * (answer.c): it takes their rowids from the same statement, so the FTS
 * query runs once per text and only the rows shown are read. */

#define CACHE_ROWS 256

struct cached_hit {
	struct dci_hit hit;            /* its strings point into block */
	char *block;
	int covering;                  /* struct hit_row's */
};

struct kind_cache {
	char *q;                       /* the FTS query the rows answer, or NULL */
	struct cached_hit *rows;
	int n, cap;
	int complete;                  /* every hit of q is in rows */
	int live;                      /* the statement stands after row n of q */
	sqlite3_int64 *ids;            /* by rowid: the rowids of q's first hits */
	int nids, capids;
	int ids_complete;              /* by rowid: every rowid of q is in ids */
	int ids_live;                  /* by rowid: the statement stands after ids[nids - 1] */
};

struct search_cache {
	struct kind_cache kind[HIT_KIND_COUNT];
	/* the last text that opens with an article (search_text), and where
	 * the text searched for it begins: probed once, not at every call */
	char *probed;
	size_t probed_rest;
};

static const enum stmt_id search_ids[HIT_KIND_COUNT] = {
	STMT_SEARCH_COUNTRY, STMT_SEARCH_POST, STMT_SEARCH_STAFF, STMT_SEARCH_THEME,
};

/* The kinds read in two steps: the statement of their rowids, and the
 * tables of one row by its rowid (?1), which name the tables of the
 * kind's hit_fields as search_from does. */
static const struct {
	enum stmt_id ids_stmt, row_stmt;
	const char *ids_sql, *row_from;
} by_rowid[HIT_KIND_COUNT] = {
	[HIT_POST] = { STMT_SEARCH_POST_IDS, STMT_POST_HIT,
		"SELECT rowid FROM fts_post WHERE fts_post MATCH ?1",
		"FROM post_hit ph WHERE ph.id = ?1" },
	[HIT_STAFF] = { STMT_SEARCH_STAFF_IDS, STMT_STAFF_HIT,
		"SELECT rowid FROM fts_staff WHERE fts_staff MATCH ?1",
		"FROM staff st JOIN hit_post p ON p.id = st.post"
		" JOIN hit_source s ON s.id = st.source WHERE st.rowid = ?1" },
};

static void kind_reset(registry *reg, int kind)
{
	struct kind_cache *c = &reg->search->kind[kind];
	int i;

	if (c->live && reg->stmt[search_ids[kind]])
		sqlite3_reset(reg->stmt[search_ids[kind]]);
	if (c->ids_live && reg->stmt[by_rowid[kind].ids_stmt])
		sqlite3_reset(reg->stmt[by_rowid[kind].ids_stmt]);
	for (i = 0; i < c->n; i++)
		free(c->rows[i].block);
	free(c->q);
	c->q = NULL;
	c->n = c->complete = c->live = 0;
	c->nids = c->ids_complete = c->ids_live = 0;
}

void search_cache_free(registry *reg)
{
	int k;

	if (!reg->search)
		return;
	for (k = 0; k < HIT_KIND_COUNT; k++) {
		kind_reset(reg, k);
		free(reg->search->kind[k].rows);
		free(reg->search->kind[k].ids);
	}
	free(reg->search->probed);
	free(reg->search);
	reg->search = NULL;
}

/* s after the w bytes of buf (n bytes), cut to fit as snprintf cuts;
 * the new length. */
static size_t append(char *buf, size_t n, size_t w, const char *s)
{
	size_t len = strlen(s);

	if (len > n - 1 - w)
		len = n - 1 - w;
	memcpy(buf + w, s, len);
	buf[w + len] = '\0';
	return w + len;
}

/* "City, Country", or the country alone (every hit kept makes one:
 * copied, not formatted). */
static void post_label_of(char *buf, size_t n, const char *city, const char *country)
{
	size_t w = 0;

	if (city[0] && country[0])
		w = append(buf, n, append(buf, n, 0, city), ", ");
	append(buf, n, w, country);
}

/* The columns of kind's statement, in cols; how many.  A country's rows
 * also tell how many rows it has (co.covering: its covering posts, or
 * one row when none), which the answer weighs. */
static size_t hit_columns(enum hit_kind kind, struct column cols[HIT_COLUMNS + 1])
{
	size_t i;

	for (i = 0; i < HIT_COLUMNS; i++) {
		cols[i].sql = hit_fields[i].sql[kind];
		cols[i].offset = hit_fields[i].offset;
		cols[i].type = COLUMN_TEXT;
	}
	if (kind != HIT_COUNTRY)
		return HIT_COLUMNS;
	cols[i].sql = "co.covering";
	cols[i].offset = offsetof(struct hit_row, covering);
	cols[i].type = COLUMN_INT;
	return HIT_COLUMNS + 1;
}

/* Keep a copy of row; 0 when out of memory. */
static int cache_row(struct kind_cache *c, const struct hit_row *row)
{
	struct dci_hit h = row->hit;
	const char **field[] = {
		&h.ref, &h.label, &h.detail, &h.relation, &h.post, &h.post_label, &h.phone, &h.date,
	};
	size_t len[ARRAY_SIZE(field)], total = 0, i;
	char post_label[512], *block;

	if (c->n == c->cap) {
		int cap = c->cap ? c->cap * 2 : 32;
		struct cached_hit *rows = realloc(c->rows, (size_t)cap * sizeof(*rows));

		if (!rows)
			return 0;
		c->rows = rows;
		c->cap = cap;
	}
	post_label_of(post_label, sizeof(post_label), row->city, row->country);
	h.post_label = post_label;
	for (i = 0; i < ARRAY_SIZE(field); i++)
		total += (len[i] = strlen(*field[i])) + 1;
	block = malloc(total);
	if (!block)
		return 0;
	c->rows[c->n].block = block;
	for (i = 0; i < ARRAY_SIZE(field); i++) {
		memcpy(block, *field[i], len[i] + 1);
		*field[i] = block;
		block += len[i] + 1;
	}
	c->rows[c->n].hit = h;
	c->rows[c->n].covering = row->covering;
	c->n++;
	return 1;
}

/* Read the rowids of kind's hits of c->q until ids holds want of them
 * or all there are. */
static int ids_fill(registry *reg, int kind, struct kind_cache *c, int want)
{
	sqlite3_stmt *st;
	int rc = SQLITE_ROW;

	if (c->ids_complete || c->nids >= want)
		return 0;
	if (!c->ids_live) {
		st = registry_stmt(reg, by_rowid[kind].ids_stmt, by_rowid[kind].ids_sql);
		if (!st)
			return stmt_failed(reg);
		sqlite3_bind_text(st, 1, c->q, -1, SQLITE_STATIC);
		c->nids = 0;
		c->ids_live = 1;
	} else {
		st = reg->stmt[by_rowid[kind].ids_stmt];
	}
	while (c->nids < want && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (c->nids == c->capids) {
			int cap = c->capids ? c->capids * 2 : 128;
			sqlite3_int64 *ids = realloc(c->ids, (size_t)cap * sizeof(*ids));

			if (!ids) {
				rc = SQLITE_NOMEM;
				break;
			}
			c->ids = ids;
			c->capids = cap;
		}
		c->ids[c->nids++] = sqlite3_column_int64(st, 0);
	}
	if (rc == SQLITE_ROW)
		return 0;
	c->ids_live = 0;
	if (rc == SQLITE_DONE) {
		c->ids_complete = 1;
		sqlite3_reset(st);
		return 0;
	}
	rc = stmt_finish(reg, st, rc);
	return rc ? rc : EX_OSERR;
}

/* The rows of kind's hits of q: each kept row read by its rowid, until
 * the cache holds want of them or all there are.  A rowid whose row the
 * search statement would not give (its country, post or source missing)
 * is dropped, so ids and rows stay one for one. */
static int rowid_fill(registry *reg, int kind, struct kind_cache *c, int want)
{
	struct column cols[HIT_COLUMNS + 1];
	struct hit_row row;
	sqlite3_stmt *st = NULL;
	int rc;

	memset(&row, 0, sizeof(row));
	hit_columns((enum hit_kind)kind, cols);
	while (c->n < want) {
		if ((rc = ids_fill(reg, kind, c, want)) != 0)
			return rc;
		if (c->n >= c->nids)
			break;
		/* the columns of the search statement, from one row by rowid */
		if (!st && !(st = select_stmt(reg, by_rowid[kind].row_stmt, cols, HIT_COLUMNS,
		                              by_rowid[kind].row_from)))
			return stmt_failed(reg);
		sqlite3_bind_int64(st, 1, c->ids[c->n]);
		if (row_next(st, cols, HIT_COLUMNS, &row, &rc)) {
			if (!cache_row(c, &row)) {
				sqlite3_reset(st);
				return EX_OSERR;
			}
			rc = SQLITE_DONE;
		} else if (rc == SQLITE_DONE) {
			memmove(&c->ids[c->n], &c->ids[c->n + 1],
			        (size_t)(c->nids - c->n - 1) * sizeof(*c->ids));
			c->nids--;
		}
		if ((rc = stmt_finish(reg, st, rc)) != 0)
			return rc;
	}
	if (c->ids_complete && c->n >= c->nids)
		c->complete = 1;
	return 0;
}

/* Make kind's kept hits those of q: kept when they are, dropped when
 * they are another query's. */
static int kind_select(registry *reg, int kind, const char *q)
{
	struct kind_cache *c = &reg->search->kind[kind];

	if (c->q && strcmp(c->q, q) != 0)
		kind_reset(reg, kind);
	if (!c->q && !(c->q = strdup(q)))
		return EX_OSERR;
	return 0;
}

/* The rowids of kind's first want hits of q into the kept ids (or all
 * there are). */
static int kind_ids(registry *reg, int kind, const char *q, int want)
{
	int rc = kind_select(reg, kind, q);

	if (!rc && (rc = ids_fill(reg, kind, &reg->search->kind[kind], want)) != 0)
		kind_reset(reg, kind);
	return rc;
}

/* Read rows of q until the cache holds want of them or all there are. */
static int cache_fill(registry *reg, int kind, const char *q, int want)
{
	struct kind_cache *c = &reg->search->kind[kind];
	struct column cols[HIT_COLUMNS + 1];
	struct hit_row row;
	sqlite3_stmt *st;
	size_t ncols;
	int rc = SQLITE_ROW;

	memset(&row, 0, sizeof(row));
	ncols = hit_columns((enum hit_kind)kind, cols);
	if ((rc = kind_select(reg, kind, q)) != 0)
		return rc;
	rc = SQLITE_ROW;
	if (c->complete || c->n >= want)
		return 0;
	if (by_rowid[kind].ids_sql) {
		rc = rowid_fill(reg, kind, c, want);
		if (rc)
			kind_reset(reg, kind);
		return rc;
	}
	if (!c->live) {
		/* the first read of q, or the statement served another page
		 * since: read again from the start, past the rows kept */
		int i;

		for (i = 0; i < c->n; i++)
			free(c->rows[i].block);
		c->n = 0;
		st = select_stmt(reg, search_ids[kind], cols, ncols, search_from[kind]);
		if (!st)
			return stmt_failed(reg);
		sqlite3_bind_text(st, 1, c->q, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, CACHE_ROWS);
		sqlite3_bind_int64(st, 3, 0);
		c->live = 1;
	} else {
		st = reg->stmt[search_ids[kind]];
	}
	while (c->n < want && row_next(st, cols, ncols, &row, &rc))
		if (!cache_row(c, &row)) {
			rc = SQLITE_NOMEM;
			break;
		}
	if (rc == SQLITE_ROW)
		return 0;           /* stands after row n, for the next reader */
	c->live = 0;
	if (rc == SQLITE_DONE) {
		c->complete = 1;
		sqlite3_reset(st);
		return 0;
	}
	rc = stmt_finish(reg, st, rc == SQLITE_NOMEM ? SQLITE_NOMEM : rc);
	kind_reset(reg, kind);
	return rc ? rc : EX_OSERR;
}

/* A page beyond the rows kept: its own query, as it comes. */
static int search_direct(registry *reg, const char *q, enum hit_kind kind,
                         long offset, long limit, hit_fn fn, void *ctx)
{
	struct kind_cache *c = &reg->search->kind[kind];
	struct column cols[HIT_COLUMNS + 1];
	struct hit_row row;
	sqlite3_stmt *st;
	size_t ncols = hit_columns(kind, cols);
	int rc;

	if (c->live) {
		sqlite3_reset(reg->stmt[search_ids[kind]]);
		c->live = 0;
	}
	st = select_stmt(reg, search_ids[kind], cols, ncols, search_from[kind]);
	if (!st)
		return stmt_failed(reg);
	sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, limit);
	sqlite3_bind_int64(st, 3, offset < 0 ? 0 : offset);
	while (row_next(st, cols, ncols, &row, &rc)) {
		char post_label[512];

		post_label_of(post_label, sizeof(post_label), row.city, row.country);
		row.hit.kind = kind;
		row.hit.post_label = post_label;
		if (fn(ctx, &row.hit))
			break;
	}
	rc = stmt_finish(reg, st, rc);
	sqlite3_clear_bindings(st);
	return rc;
}

/* Where the words after a French article that opens text begin ("le
 * Népal", "la Namibie", "les Comores", "l'Inde", "l’Inde"), or NULL when
 * text does not open with one or nothing follows it. */
static const char *after_article(const char *text)
{
	static const char *const articles[] = { "le ", "la ", "les ", "l'", "l\xE2\x80\x99" };
	const char *p = text, *rest;
	size_t i, n;

	while (is_space(*p))
		p++;
	for (i = 0; i < sizeof(articles) / sizeof(articles[0]); i++) {
		n = strlen(articles[i]);
		if (strncasecmp(p, articles[i], n) != 0)
			continue;
		for (rest = p + n; is_space(*rest); rest++)
			;
		return has_word_char(rest, strlen(rest)) ? rest : NULL;
	}
	return NULL;
}

static int has_hit(registry *reg, const char *q, int kind, int i, int *rc);

/* The registry's kept hits, made on first use: 0 when out of memory. */
static int search_cache_ready(registry *reg)
{
	return reg->search || (reg->search = calloc(1, sizeof(*reg->search))) != NULL;
}

/* The FTS query of search_text(text), the registry's kept hits made ready
 * for it: NULL with *rc 0 when the text has no word to search, EX_OSERR
 * when out of memory. */
static char *query_for(registry *reg, const char *text, int *rc)
{
	*rc = 0;
	if (!search_cache_ready(reg)) {
		*rc = EX_OSERR;
		return NULL;
	}
	return search_build_query(search_text(reg, text));
}

/* Every article that opens text left out ("la le Népal": "Népal"), so
 * that search_text() of its own result is that result. */
static const char *after_articles(const char *text)
{
	const char *rest = after_article(text), *next;

	while (rest && (next = after_article(rest)) != NULL)
		rest = next;
	return rest;
}

const char *search_text(registry *reg, const char *text)
{
	const char *rest = after_articles(text);
	struct search_cache *c;
	char *q;
	int k, rc = 0, any = 0;

	if (!rest || !search_cache_ready(reg))
		return text;
	c = reg->search;
	if (c->probed && strcmp(c->probed, text) == 0)
		return text + c->probed_rest;
	if (!(q = search_build_query(text)))
		return text;
	for (k = 0; k < HIT_KIND_COUNT && !any && !rc; k++)
		any = has_hit(reg, q, k, 0, &rc);
	free(q);
	if (rc)
		return text;
	free(c->probed);
	c->probed = strdup(text);
	c->probed_rest = any ? 0 : (size_t)(rest - text);
	return any ? text : rest;
}

/* search_run() of the FTS query q (query_for). */
static int run_query(registry *reg, const char *q, enum hit_kind kind,
                     long offset, long limit, hit_fn fn, void *ctx)
{
	struct kind_cache *c;
	long i, end;
	int rc;

	if (offset < 0)
		offset = 0;
	if (offset > CACHE_ROWS || limit > CACHE_ROWS - offset)
		return search_direct(reg, q, kind, offset, limit, fn, ctx);
	end = offset + limit;
	if ((rc = cache_fill(reg, kind, q, (int)end)) != 0)
		return rc;
	c = &reg->search->kind[kind];
	for (i = offset; i < end && i < c->n; i++) {
		struct dci_hit h = c->rows[i].hit;

		h.kind = kind;
		if (fn(ctx, &h))
			break;
	}
	return 0;
}

int search_run(registry *reg, const char *text, enum hit_kind kind,
               long offset, long limit, hit_fn fn, void *ctx)
{
	char *q;
	int rc;

	assert(reg && fn);
	if ((unsigned)kind >= HIT_KIND_COUNT || limit <= 0)
		return EX_USAGE;
	if (!(q = query_for(reg, text, &rc)))
		return rc;
	rc = run_query(reg, q, kind, offset, limit, fn, ctx);
	free(q);
	return rc;
}

int search_rowids(registry *reg, const char *text, enum hit_kind kind, int want,
                  sqlite3_int64 *ids, int *n)
{
	struct kind_cache *c;
	char *q;
	int rc;

	*n = 0;
	assert((unsigned)kind < HIT_KIND_COUNT && by_rowid[kind].ids_sql);
	if (want <= 0)
		return 0;
	if (!(q = query_for(reg, text, &rc)))
		return rc;
	c = &reg->search->kind[kind];
	rc = kind_ids(reg, kind, q, want);
	free(q);
	if (rc)
		return rc;
	*n = c->nids < want ? c->nids : want;
	if (*n > 0)
		memcpy(ids, c->ids, (size_t)*n * sizeof(*ids));
	return 0;
}

/* The rows a country has in the search statement: its covering posts,
 * or one. */
static int country_rows(int covering)
{
	return covering > 0 ? covering : 1;
}

/* Hand fn country h with its rows, as many as limit leaves after the
 * *seen already handed (*more when it cuts them): 1 when that is the
 * last, fn having stopped or the limit being reached. */
static int weigh_country(struct dci_hit *h, int rows, int limit, int *seen, int *more,
                         country_hit_fn fn, void *ctx)
{
	if (*seen + rows > limit) {
		*more = 1;
		rows = limit - *seen;
	}
	*seen += rows;
	h->kind = HIT_COUNTRY;
	return (rows > 0 && fn(ctx, h, rows)) || *more;
}

/* search_country_firsts() from the rows kept for q, when they hold every
 * hit of q or reach past limit: a country's rows are consecutive, so the
 * next country's first row is its covering posts on (a country covered
 * by more posts than the answer weighs, as most are in a large registry,
 * answers from the one row the search box read).  1 when it answered so. */
static int kept_country_firsts(const registry *reg, const char *q, int limit,
                               country_hit_fn fn, void *ctx, int *more)
{
	const struct kind_cache *c = reg->search ? &reg->search->kind[HIT_COUNTRY] : NULL;
	int i, seen = 0;

	if (!c || !c->q || strcmp(c->q, q) != 0)
		return 0;
	for (i = 0; i < c->n && seen <= limit; i += country_rows(c->rows[i].covering))
		seen += country_rows(c->rows[i].covering);
	if (seen <= limit && !c->complete)
		return 0;            /* the kept rows end first */
	for (i = 0, seen = 0; i < c->n; i += country_rows(c->rows[i].covering)) {
		struct dci_hit h = c->rows[i].hit;

		if (weigh_country(&h, country_rows(c->rows[i].covering), limit, &seen, more, fn, ctx))
			break;
	}
	return 1;
}

/* The country hits of an answer: the first row of each country, and how
 * many rows it has within the limit (its covering posts, or one), which
 * country_order counts: the answer weighs 64 hits, which are mostly one
 * country's covering posts, and needs no post of them but the first's.
 * The columns are the search statement's, over the same tables. */
int search_country_firsts(registry *reg, const char *text, int limit,
                          country_hit_fn fn, void *ctx, int *more)
{
	struct hit_row r;
	struct column cols[HIT_COLUMNS + 1];
	sqlite3_stmt *st;
	char *q, post_label[512];
	int rc, seen = 0;

	*more = 0;
	if (!(q = query_for(reg, text, &rc)))
		return rc;
	if (kept_country_firsts(reg, q, limit, fn, ctx, more)) {
		free(q);
		return 0;
	}
	hit_columns(HIT_COUNTRY, cols);
	st = select_stmt(reg, STMT_ANSWER_COUNTRIES, cols, HIT_COLUMNS + 1,
		"FROM fts_country f JOIN country_order co ON co.pos = f.rowid"
		" JOIN countries c ON c.iso2 = co.iso2"
		" LEFT JOIN coverage_order cov ON cov.country = c.iso2"
		"   AND cov.pos = (SELECT min(pos) FROM coverage_order WHERE country = c.iso2)"
		" LEFT JOIN hit_post p ON p.id = cov.post"
		" WHERE fts_country MATCH ?1");
	if (!st) {
		free(q);
		return stmt_failed(reg);
	}
	sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
	while (row_next(st, cols, HIT_COLUMNS + 1, &r, &rc)) {
		post_label_of(post_label, sizeof(post_label), r.city, r.country);
		r.hit.post_label = post_label;
		if (weigh_country(&r.hit, country_rows(r.covering), limit, &seen, more, fn, ctx))
			break;
	}
	rc = stmt_finish(reg, st, rc);
	sqlite3_clear_bindings(st);
	free(q);
	return rc;
}

static int count_hit(void *ctx, const struct dci_hit *h)
{
	(void)h;
	++*(int *)ctx;
	return 0;
}

/* Whether kind has a hit of q at index i (read once, then kept:
 * search_run's cache).  A kind that failed once (*rc set) has no more
 * hits. */
static int has_hit(registry *reg, const char *q, int kind, int i, int *rc)
{
	int n = 0;

	if (*rc)
		return 0;
	*rc = run_query(reg, q, (enum hit_kind)kind, i, 1, count_hit, &n);
	return !*rc && n > 0;
}

/* has_hit() for a hit that is not shown, only told of ("more"): for the
 * kinds read by rowid, its rowid alone, not its row, a page read saved.
 * An import keeps no row whose post or source is unknown (import.c), so
 * a rowid of the index has its row. */
static int has_more(registry *reg, const char *q, int kind, int i, int *rc)
{
	if (*rc || !by_rowid[kind].ids_sql)
		return has_hit(reg, q, kind, i, rc);
	*rc = kind_ids(reg, kind, q, i + 1);
	return !*rc && reg->search->kind[kind].nids > i;
}

/* search_screen() within its read transaction */
static int screen(registry *reg, const char *text, int lines, int max_per_kind,
                  hit_fn fn, void *ctx, int more[HIT_KIND_COUNT])
{
	int shown[HIT_KIND_COUNT] = { 0 }, rc[HIT_KIND_COUNT] = { 0 }, k, progress = 1;
	char *q;

	assert(reg && fn);
	for (k = 0; k < HIT_KIND_COUNT; k++)
		more[k] = 0;
	/* the query once for every line shared out */
	if (!(q = query_for(reg, text, &rc[0])))
		return rc[0];
	if (max_per_kind > CACHE_ROWS - 1)
		max_per_kind = CACHE_ROWS - 1;
	for (k = 0; k < HIT_KIND_COUNT; k++)
		if (lines >= 2 && max_per_kind > 0 && has_hit(reg, q, k, 0, &rc[k])) {
			lines -= 2;        /* the header and a first hit */
			shown[k] = 1;
		}
	while (lines > 0 && progress) {
		progress = 0;
		for (k = 0; k < HIT_KIND_COUNT && lines > 0; k++)
			if (shown[k] > 0 && shown[k] < max_per_kind &&
			    has_hit(reg, q, k, shown[k], &rc[k])) {
				shown[k]++;
				lines--;
				progress = 1;
			}
	}
	for (k = 0; k < HIT_KIND_COUNT; k++)
		more[k] = has_more(reg, q, k, shown[k], &rc[k]);
	/* the kinds that work show their hits even when another failed */
	for (k = 0; k < HIT_KIND_COUNT; k++)
		if (shown[k] > 0 && !rc[k])
			rc[k] = run_query(reg, q, (enum hit_kind)k, 0, shown[k], fn, ctx);
	free(q);
	for (k = 0; k < HIT_KIND_COUNT; k++)
		if (rc[k])
			return rc[k];
	return 0;
}

int search_screen(registry *reg, const char *text, int lines, int max_per_kind,
                  hit_fn fn, void *ctx, int more[HIT_KIND_COUNT])
{
	int began = read_begin(reg), rc;

	rc = screen(reg, text, lines, max_per_kind, fn, ctx, more);
	read_end(reg, began);
	return rc;
}

/* Column i of st, or its French twin i + 1 (french) where that is not
 * empty. */
static const char *local_column(sqlite3_stmt *st, int french, int i)
{
	return column_text(st, french && *column_text(st, i + 1) ? i + 1 : i);
}

/* A post's place ("New Delhi, Inde") and, when city and name are not
 * NULL, its city and name, in French where the data has them (french)
 * or in English.  0, EX_NOINPUT when there is no such post. */
static int post_names(registry *reg, const char *post_id, int french, char *place, size_t n,
                      char city[256], char name[512])
{
	sqlite3_stmt *st = registry_stmt(reg, STMT_POST_PLACE,
		"SELECT p.city, p.city_fr, c.name_en, c.name_fr, p.name_en, p.name_fr FROM posts p"
		" JOIN countries c ON c.iso2 = p.country WHERE p.id = ?1");
	int rc;

	if (!st)
		return stmt_failed(reg);
	sqlite3_bind_text(st, 1, post_id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		stmt_finish(reg, st, rc);
		return EX_NOINPUT;
	}
	if (rc == SQLITE_ROW) {
		post_label_of(place, n, local_column(st, french, 0), local_column(st, french, 2));
		if (city)
			snprintf(city, 256, "%s", local_column(st, french, 0));
		if (name)
			snprintf(name, 512, "%s", local_column(st, french, 4));
		rc = SQLITE_DONE;
	}
	return stmt_finish(reg, st, rc);
}

int post_place(registry *reg, const char *post_id, int french, char *buf, size_t n)
{
	assert(post_id && buf && n > 0);
	buf[0] = '\0';
	return post_names(reg, post_id, french, buf, n, NULL, NULL);
}

int hit_names_french(registry *reg, const struct dci_hit *h, struct dci_hit_names *out)
{
	int swap = (h->kind == HIT_COUNTRY || h->kind == HIT_THEME) && h->detail[0];
	char city[256], name[512];
	int rc;

	assert(reg && h && out);
	snprintf(out->label, sizeof(out->label), "%s", swap ? h->detail : h->label);
	snprintf(out->detail, sizeof(out->detail), "%s", swap ? h->label : h->detail);
	snprintf(out->post_label, sizeof(out->post_label), "%s", h->post_label);
	if (!h->post[0])
		return 0;
	rc = post_names(reg, h->post, 1, out->post_label, sizeof(out->post_label), city, name);
	if (rc)
		return rc == EX_NOINPUT ? 0 : rc;
	if (h->kind == HIT_POST) {
		snprintf(out->label, sizeof(out->label), "%s", city[0] ? city : name);
		snprintf(out->detail, sizeof(out->detail), "%s", city[0] ? name : "");
	}
	return 0;
}

/* One row of country_named (schema.c): the names are folded there once. */
int country_is_named(registry *reg, const char *iso2, const char *text)
{
	sqlite3_stmt *st = registry_stmt(reg, STMT_COUNTRY_NAMES,
		"SELECT 1 FROM country_named WHERE fold = ?1 AND iso2 = ?2");
	char want[512];
	int rc, named = 0;

	assert(iso2 && text);
	if (!st)
		return 0;
	text_fold(want, sizeof(want), text);
	if (!want[0])
		return 0;
	sqlite3_bind_text(st, 1, want, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, iso2, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		named = 1;
		rc = SQLITE_DONE;
	}
	stmt_finish(reg, st, rc);
	return named;
}
