/*
 * query.c: what the screens and the command line ask of a registry.  Each
 * query hands its rows to a callback and holds nothing afterwards.
 */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include "internal.h"

sqlite3_stmt *registry_stmt(registry *reg, enum stmt_id id, const char *sql)
{
	sqlite3_stmt *st = reg->stmt[id];

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
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		snprintf(reg->err, sizeof(reg->err), "%s", sqlite3_errmsg(reg->db));
		sqlite3_reset(st);
		/* a database that is not what it says is bad data, not a bug */
		return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB ? EX_DATAERR : EX_SOFTWARE;
	}
	sqlite3_reset(st);
	return 0;
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

int registry_counts(registry *reg, struct dci_counts *out)
{
	sqlite3_stmt *st = registry_stmt(reg, STMT_COUNTS, "SELECT key, value FROM meta");
	int rc;

	memset(out, 0, sizeof(*out));
	out->claimed_embassies_min = out->claimed_embassies_max = -1;
	out->claimed_countries_min = out->claimed_countries_max = -1;
	if (!st)
		return stmt_failed(reg);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = column_text(st, 0);
		long v = (long)sqlite3_column_int64(st, 1);

		if (strcmp(key, "posts") == 0)
			out->posts = v;
		else if (strcmp(key, "staff") == 0)
			out->staff = v;
		else if (strcmp(key, "countries_covered") == 0)
			out->countries_covered = v;
		else if (strcmp(key, "sources") == 0)
			out->sources = v;
		else if (strcmp(key, "snapshots") == 0)
			out->snapshots = v;
		else if (strcmp(key, "claimed_embassies_min") == 0)
			out->claimed_embassies_min = v;
		else if (strcmp(key, "claimed_embassies_max") == 0)
			out->claimed_embassies_max = v;
		else if (strcmp(key, "claimed_countries_min") == 0)
			out->claimed_countries_min = v;
		else if (strcmp(key, "claimed_countries_max") == 0)
			out->claimed_countries_max = v;
	}
	return stmt_finish(reg, st, rc);
}

long posts_count(registry *reg)
{
	struct dci_counts c;

	return registry_counts(reg, &c) ? -1 : c.posts;
}

int directorate_each(registry *reg, directorate_fn fn, void *ctx)
{
	sqlite3_stmt *st = registry_stmt(reg, STMT_DIRECTORATE,
		"SELECT d.acronym, d.name_en, d.name_fr, d.established, d.headquarters,"
		" d.parent, d.source, s.modified, d.note"
		" FROM directorate d JOIN sources s ON s.id = d.source"
		" ORDER BY d.established = '', d.established, d.acronym");
	int rc;

	if (!st)
		return stmt_failed(reg);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct dci_directorate d = {
			column_text(st, 0), column_text(st, 1), column_text(st, 2),
			column_text(st, 3), column_text(st, 4), column_text(st, 5),
			column_text(st, 6), column_text(st, 7), column_text(st, 8),
		};
		if (fn(ctx, &d))
			break;
	}
	return stmt_finish(reg, st, rc);
}

static long figure(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : (long)sqlite3_column_int64(st, i);
}

int snapshots_each(registry *reg, snapshot_fn fn, void *ctx)
{
	sqlite3_stmt *st = registry_stmt(reg, STMT_SNAPSHOTS,
		"SELECT n.as_of, n.as_of_basis, n.staff, n.embassies, n.countries,"
		" n.civil_security_experts, n.staff_qualifier, n.embassies_qualifier,"
		" n.countries_qualifier, n.source, s.title, s.modified, n.note"
		" FROM network n JOIN sources s ON s.id = n.source"
		" ORDER BY n.as_of = '', n.as_of, n.rowid");
	int rc;

	if (!st)
		return stmt_failed(reg);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct dci_snapshot s = {
			column_text(st, 0), column_text(st, 1),
			figure(st, 2), figure(st, 3), figure(st, 4), figure(st, 5),
			column_text(st, 6), column_text(st, 7), column_text(st, 8),
			column_text(st, 9), column_text(st, 10), column_text(st, 11),
			column_text(st, 12),
		};
		if (fn(ctx, &s))
			break;
	}
	return stmt_finish(reg, st, rc);
}

int themes_each(registry *reg, const char *post, theme_fn fn, void *ctx)
{
	sqlite3_stmt *st = registry_stmt(reg, STMT_THEMES,
		"SELECT coalesce(post, ''), kind, theme_en, theme_fr, source FROM themes"
		" WHERE post IS ?1 ORDER BY kind, rowid");
	int rc;

	if (!st)
		return stmt_failed(reg);
	if (post)
		sqlite3_bind_text(st, 1, post, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct dci_theme t = {
			column_text(st, 0), column_text(st, 1), column_text(st, 2),
			column_text(st, 3), column_text(st, 4),
		};
		if (fn(ctx, &t))
			break;
	}
	return stmt_finish(reg, st, rc);
}

#define POST_COLUMNS POST_COLUMNS_HEAD POST_COLUMNS_COUNTS POST_COLUMNS_TAIL
/* what an answer's post carries (post_get_brief) */
#define POST_COLUMNS_BRIEF POST_COLUMNS_HEAD " '', -1," POST_COLUMNS_TAIL
#define POST_COLUMNS_HEAD \
	"p.id, p.city, p.city_fr, p.country, c.name_en, c.name_fr, p.name_en, p.name_fr," \
	" p.established, p.hosted_since, p.head_rank, p.head_corps, p.address, p.phone," \
	" p.email, p.updated, p.source, s.modified, p.note,"
#define POST_COLUMNS_COUNTS \
	" (SELECT group_concat(country, ' ') FROM coverage" \
	"   WHERE post = p.id AND relation <> 'host')," \
	" (SELECT count(*) FROM coverage WHERE post = p.id),"
#define POST_COLUMNS_TAIL \
	/* the zone of the post's city (a zone's city, or a capital or large \
	 * city with its zone), else of its country if it has only one */ \
	" coalesce((SELECT tz FROM places WHERE country = p.country AND p.city <> ''" \
	"   AND (name_en = p.city OR name_fr = p.city OR name_fr = p.city_fr) LIMIT 1)," \
	"  (SELECT tz FROM cities WHERE country = p.country AND p.city <> '' AND tz IS NOT NULL" \
	"   AND (name_en = p.city OR name_fr = p.city OR name_fr = p.city_fr) LIMIT 1)," \
	"  (SELECT min(tz) FROM places WHERE country = p.country HAVING count(*) = 1), '')," \
	" e.kind, e.date, e.official, e.sctip"

static int post_rows(registry *reg, sqlite3_stmt *st, post_fn fn, void *ctx, long *seen)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct dci_post p;
		const char **f[] = {
			&p.id, &p.city, &p.city_fr, &p.country, &p.country_en, &p.country_fr,
			&p.name_en, &p.name_fr, &p.established, &p.hosted_since, &p.head_rank,
			&p.head_corps, &p.address, &p.phone, &p.email, &p.updated, &p.source,
			&p.source_date, &p.note, &p.covers,
		};
		size_t i;

		for (i = 0; i < ARRAY_SIZE(f); i++)
			*f[i] = column_text(st, (int)i);
		p.n_covered = sqlite3_column_int(st, 20);
		p.tz = column_text(st, 21);
		p.evidence_kind = column_text(st, 22);
		p.evidence_date = column_text(st, 23);
		p.evidence_official = sqlite3_column_int(st, 24);
		p.sctip_era = sqlite3_column_int(st, 25);
		if (seen)
			(*seen)++;
		if (fn(ctx, &p))
			break;
	}
	return stmt_finish(reg, st, rc);
}

void registry_set_french(registry *reg, int french)
{
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

int posts_page(registry *reg, enum post_sort sort, long offset, long limit,
               post_fn fn, void *ctx)
{
	sqlite3_stmt *st = registry_stmt(reg, STMT_POSTS_PAGE,
		"SELECT " POST_COLUMNS
		" FROM post_order o CROSS JOIN posts p ON p.id = o.post"
		" JOIN countries c ON c.iso2 = p.country JOIN sources s ON s.id = p.source"
		" JOIN post_evidence e ON e.post = p.id"
		" WHERE o.sort = ?1 AND o.pos >= ?2 ORDER BY o.pos LIMIT ?3");

	if (!st)
		return stmt_failed(reg);
	sqlite3_bind_int(st, 1, order_id(reg, sort));
	sqlite3_bind_int64(st, 2, offset < 0 ? 0 : offset);
	sqlite3_bind_int64(st, 3, limit);
	return post_rows(reg, st, fn, ctx, NULL);
}

long post_index(registry *reg, enum post_sort sort, const char *post_id)
{
	sqlite3_stmt *st = registry_stmt(reg, STMT_POST_INDEX,
		"SELECT pos FROM post_order WHERE post = ?1 AND sort = ?2");
	long pos = -1;
	int rc;

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

int post_get(registry *reg, const char *post_id, post_fn fn, void *ctx)
{
	sqlite3_stmt *st = registry_stmt(reg, STMT_POST_GET,
		"SELECT " POST_COLUMNS
		" FROM posts p JOIN countries c ON c.iso2 = p.country"
		" JOIN sources s ON s.id = p.source JOIN post_evidence e ON e.post = p.id"
		" WHERE p.id = ?1");
	long seen = 0;
	int rc;

	if (!st)
		return stmt_failed(reg);
	sqlite3_bind_text(st, 1, post_id, -1, SQLITE_TRANSIENT);
	rc = post_rows(reg, st, fn, ctx, &seen);
	return rc ? rc : seen ? 0 : EX_NOINPUT;
}

int post_get_brief(registry *reg, const char *post_id, post_fn fn, void *ctx)
{
	sqlite3_stmt *st = registry_stmt(reg, STMT_POST_BRIEF,
		"SELECT " POST_COLUMNS_BRIEF
		" FROM posts p JOIN countries c ON c.iso2 = p.country"
		" JOIN sources s ON s.id = p.source JOIN post_evidence e ON e.post = p.id"
		" WHERE p.id = ?1");
	long seen = 0;
	int rc;

	if (!st)
		return stmt_failed(reg);
	sqlite3_bind_text(st, 1, post_id, -1, SQLITE_TRANSIENT);
	rc = post_rows(reg, st, fn, ctx, &seen);
	return rc ? rc : seen ? 0 : EX_NOINPUT;
}

static int coverage_rows(registry *reg, sqlite3_stmt *st, coverage_fn fn, void *ctx)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct dci_coverage c = {
			column_text(st, 0), column_text(st, 1), column_text(st, 2),
			column_text(st, 3), column_text(st, 4), column_text(st, 5),
			column_text(st, 6), column_text(st, 7), column_text(st, 8),
			column_text(st, 9),
		};
		if (fn(ctx, &c))
			break;
	}
	return stmt_finish(reg, st, rc);
}

#define COVERAGE_COLUMNS \
	"cov.post, p.city, p.name_en, p.phone, c.iso2, c.name_en, c.name_fr," \
	" cov.relation, cov.source, cov.note"

int post_coverage_each(registry *reg, const char *post_id, coverage_fn fn, void *ctx)
{
	sqlite3_stmt *st = registry_stmt(reg, STMT_POST_COVERAGE,
		"SELECT " COVERAGE_COLUMNS
		" FROM coverage cov JOIN posts p ON p.id = cov.post"
		" JOIN countries c ON c.iso2 = cov.country WHERE cov.post = ?1"
		" ORDER BY cov.relation <> 'host', cov.relation, c.name_en");

	if (!st)
		return stmt_failed(reg);
	sqlite3_bind_text(st, 1, post_id, -1, SQLITE_TRANSIENT);
	return coverage_rows(reg, st, fn, ctx);
}

int country_covered_by(registry *reg, const char *iso, coverage_fn fn, void *ctx)
{
	sqlite3_stmt *st = registry_stmt(reg, STMT_COVERED_BY,
		"SELECT " COVERAGE_COLUMNS
		" FROM countries c JOIN coverage cov ON cov.country = c.iso2"
		" JOIN posts p ON p.id = cov.post"
		" WHERE c.iso2 = upper(?1) OR c.iso3 = upper(?1)"
		" ORDER BY cov.relation <> 'host', p.city, p.id");

	if (!st)
		return stmt_failed(reg);
	sqlite3_bind_text(st, 1, iso, -1, SQLITE_TRANSIENT);
	return coverage_rows(reg, st, fn, ctx);
}

int post_staff_each(registry *reg, const char *post_id, staff_fn fn, void *ctx)
{
	sqlite3_stmt *st = registry_stmt(reg, STMT_POST_STAFF,
		"SELECT st.post, st.role, st.name, st.rank, st.corps, st.as_of, st.source,"
		" s.modified, st.note, st.locally_recruited, r.role_fr"
		" FROM staff st JOIN sources s ON s.id = st.source JOIN roles r ON r.role = st.role"
		" WHERE st.post = ?1 ORDER BY st.rowid");
	int rc;

	if (!st)
		return stmt_failed(reg);
	sqlite3_bind_text(st, 1, post_id, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct dci_staff s = {
			column_text(st, 0), column_text(st, 1), column_text(st, 2),
			column_text(st, 3), column_text(st, 4), column_text(st, 5),
			column_text(st, 6), column_text(st, 7), column_text(st, 8),
			sqlite3_column_int(st, 9), column_text(st, 10),
		};
		if (fn(ctx, &s))
			break;
	}
	return stmt_finish(reg, st, rc);
}

int post_sources_each(registry *reg, const char *post_id, post_source_fn fn, void *ctx)
{
	sqlite3_stmt *st = registry_stmt(reg, STMT_POST_SOURCES,
		"SELECT p.id, s.id, s.title, s.modified, s.url, s.document, '', s.kind, 0"
		" FROM posts p JOIN sources s ON s.id = p.source WHERE p.id = ?1"
		" UNION ALL"
		" SELECT ps.post, s.id, s.title, s.modified, s.url, s.document, ps.note, s.kind, 1"
		" FROM post_sources ps JOIN sources s ON s.id = ps.source WHERE ps.post = ?1"
		" ORDER BY 9, 4");
	int rc;

	if (!st)
		return stmt_failed(reg);
	sqlite3_bind_text(st, 1, post_id, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct dci_post_source s = {
			column_text(st, 0), column_text(st, 1), column_text(st, 2),
			column_text(st, 3), column_text(st, 4), column_text(st, 5),
			column_text(st, 6), column_text(st, 7),
		};
		if (fn(ctx, &s))
			break;
	}
	return stmt_finish(reg, st, rc);
}
