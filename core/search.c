/*
 * search.c: the search box's query.  Each kind of hit has its own FTS5
 * index (accents removed, prefixes of 1-6 letters indexed), read in rowid
 * order with LIMIT/OFFSET, so a keystroke costs the rows it shows, never a
 * count or a sort of every match.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

static const char *const search_sql[HIT_KIND_COUNT] = {
	[HIT_COUNTRY] =
		"SELECT c.iso2, c.name_en, c.name_fr, coalesce(cov.relation, ''),"
		" coalesce(cov.post, ''), p.city, pc.name_en, p.phone, p.updated"
		/* Covered countries first, by name, each with its host posts
		 * first, then by city: the order of the index tables read here
		 * (schema.c), so the rows come sorted and the limit stops the
		 * reading, however many posts cover a country. */
		" FROM fts_country f JOIN country_order co ON co.pos = f.rowid"
		" JOIN countries c ON c.iso2 = co.iso2"
		" LEFT JOIN coverage_order cov ON cov.country = c.iso2"
		" LEFT JOIN posts p ON p.id = cov.post"
		" LEFT JOIN countries pc ON pc.iso2 = p.country"
		" WHERE fts_country MATCH ?1"
		" LIMIT ?2 OFFSET ?3",
	[HIT_POST] =
		"SELECT p.id, CASE WHEN p.city <> '' THEN p.city ELSE p.name_en END, p.name_en,"
		" '', p.id, p.city, c.name_en, p.phone, p.updated"
		" FROM fts_post f JOIN posts p ON p.rowid = f.rowid"
		" JOIN countries c ON c.iso2 = p.country"
		" WHERE fts_post MATCH ?1 LIMIT ?2 OFFSET ?3",
	[HIT_STAFF] =
		"SELECT st.rowid, CASE WHEN st.name <> '' THEN st.name ELSE st.role END,"
		" trim(st.rank || CASE WHEN st.rank <> '' AND st.name <> '' THEN ', ' ELSE '' END"
		"   || CASE WHEN st.name <> '' THEN st.role ELSE '' END),"
		" '', st.post, p.city, c.name_en, p.phone,"
		" CASE WHEN st.as_of <> '' THEN st.as_of ELSE s.modified END"
		" FROM fts_staff f JOIN staff st ON st.rowid = f.rowid"
		" JOIN posts p ON p.id = st.post JOIN countries c ON c.iso2 = p.country"
		" JOIN sources s ON s.id = st.source"
		" WHERE fts_staff MATCH ?1 LIMIT ?2 OFFSET ?3",
	[HIT_THEME] =
		"SELECT t.rowid, t.theme_en, t.theme_fr, '', coalesce(t.post, ''), p.city,"
		" c.name_en, p.phone, s.modified"
		" FROM fts_theme f JOIN themes t ON t.rowid = f.rowid"
		" LEFT JOIN posts p ON p.id = t.post LEFT JOIN countries c ON c.iso2 = p.country"
		" JOIN sources s ON s.id = t.source"
		" WHERE fts_theme MATCH ?1 LIMIT ?2 OFFSET ?3",
};

int search_run(registry *reg, const char *text, enum hit_kind kind,
               long offset, long limit, hit_fn fn, void *ctx)
{
	static const enum stmt_id ids[HIT_KIND_COUNT] = {
		STMT_SEARCH_COUNTRY, STMT_SEARCH_POST, STMT_SEARCH_STAFF, STMT_SEARCH_THEME,
	};
	sqlite3_stmt *st;
	char *q;
	int rc;

	if ((unsigned)kind >= HIT_KIND_COUNT || limit <= 0)
		return EX_USAGE;
	q = search_build_query(text);
	if (!q)
		return 0;
	st = registry_stmt(reg, ids[kind], search_sql[kind]);
	if (!st) {
		free(q);
		return stmt_failed(reg);
	}
	sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, limit);
	sqlite3_bind_int64(st, 3, offset < 0 ? 0 : offset);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *city = column_text(st, 5), *country = column_text(st, 6);
		char post_label[512];
		struct dci_hit h;

		if (city[0] && country[0])
			snprintf(post_label, sizeof(post_label), "%s, %s", city, country);
		else
			snprintf(post_label, sizeof(post_label), "%s", country);
		h.kind = kind;
		h.ref = column_text(st, 0);
		h.label = column_text(st, 1);
		h.detail = column_text(st, 2);
		h.relation = column_text(st, 3);
		h.post = column_text(st, 4);
		h.post_label = post_label;
		h.phone = column_text(st, 7);
		h.date = column_text(st, 8);
		if (fn(ctx, &h))
			break;
	}
	rc = stmt_finish(reg, st, rc);
	sqlite3_clear_bindings(st);
	free(q);
	return rc;
}

/* Is want one of the ';'-separated names in list? */
static int names_match(const char *list, const char *want)
{
	char name[512], folded[512];

	while (*list) {
		size_t len = strcspn(list, ";");

		snprintf(name, sizeof(name), "%.*s", (int)len, list);
		text_fold(folded, sizeof(folded), name);
		if (folded[0] && strcmp(folded, want) == 0)
			return 1;
		list += len + (list[len] == ';');
	}
	return 0;
}

int country_is_named(registry *reg, const char *iso2, const char *text)
{
	sqlite3_stmt *st = registry_stmt(reg, STMT_COUNTRY_NAMES,
		"SELECT iso2 || ';' || iso3 || ';' || name_en || ';' || name_fr || ';' || alt_names"
		" || coalesce((SELECT ';' || group_concat(name_en || ';' || name_fr, ';')"
		"   FROM (SELECT name_en, name_fr FROM places WHERE places.country = countries.iso2"
		"     UNION ALL SELECT name_en, name_fr FROM cities"
		"     WHERE cities.country = countries.iso2)), '')"
		" FROM countries WHERE iso2 = ?1");
	char want[512];
	int rc, named = 0;

	if (!st)
		return 0;
	text_fold(want, sizeof(want), text);
	sqlite3_bind_text(st, 1, iso2, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		named = want[0] && names_match(column_text(st, 0), want);
		rc = SQLITE_DONE;
	}
	stmt_finish(reg, st, rc);
	return named;
}

int post_city_is_named(registry *reg, const char *post_id, const char *want)
{
	sqlite3_stmt *st = registry_stmt(reg, STMT_POST_NAMES,
		"SELECT city, city_fr FROM posts WHERE id = ?1");
	int rc, named = 0;

	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, post_id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		char a[512], b[512];

		text_fold(a, sizeof(a), column_text(st, 0));
		text_fold(b, sizeof(b), column_text(st, 1));
		named = want[0] && (strcmp(a, want) == 0 || strcmp(b, want) == 0);
		rc = SQLITE_DONE;
	}
	stmt_finish(reg, st, rc);
	return named;
}
