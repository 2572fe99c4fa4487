/* SPDX-License-Identifier: MIT */
/*
 * diff.c: the changes between two registries, by post (registry_diff()).
 *
 * Both registries are copied (sqlite3_serialize) into one private
 * in-memory connection, as the schemas "o" (old) and "n" (new), so the
 * whole comparison is a few queries joining one with the other; the
 * changes go to a temporary table and come out in one ordered query.
 * The registries themselves are only read.  Nothing beyond the two
 * registries is needed: no history is kept by --import or make install.
 */
#include <assert.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include "internal.h"

static const char *const change_names[] = {
	"post_added", "post_removed", "post_field",
	"coverage_gained", "coverage_lost", "coverage_relation",
	"staff_arrived", "staff_left", "staff_moved", "staff_field",
	"source_added", "source_removed",
};

const char *change_kind_name(enum change_kind kind)
{
	return (unsigned)kind < ARRAY_SIZE(change_names) ? change_names[kind] : "?";
}

/* The post's fields a change of which is reported, in the order reported. */
static const char *const post_fields[] = {
	"name_en", "city", "country", "head_rank", "head_corps", "phone", "email", "address",
	"established", "hosted_since", "updated", "source",
};
/* The same for a person who stays at a post in the same role. */
static const char *const staff_fields[] = {
	"rank", "corps", "locally_recruited", "as_of", "source",
};

/* Label of post p (a row of posts, schema s): "Pretoria, South Africa". */
#define LABEL(s, p) \
	"(SELECT CASE WHEN " p ".city <> '' THEN " p ".city || ', ' || c.name_en" \
	" ELSE c.name_en END FROM " s ".countries c WHERE c.iso2 = " p ".country)"
/* The label from the new registry when the post is in it, else the old. */
#define POST_LABEL(id) \
	"coalesce((SELECT " LABEL("n", "lp") " FROM n.posts lp WHERE lp.id = " id ")," \
	" (SELECT " LABEL("o", "lp") " FROM o.posts lp WHERE lp.id = " id "), '')"

/* Staff rows numbered within (post, role, name), so that two unnamed
 * drivers of one post are two rows on each side. */
#define STAFF_KEYED(s) \
	"(SELECT *, row_number() OVER (PARTITION BY post, role, name" \
	" ORDER BY rank, corps, as_of, source, rowid) AS k FROM " s ".staff)"
#define PERSON(t) "(" t ".role || CASE WHEN " t ".name <> '' THEN ', ' || " t ".name ELSE '' END)"

static const char diff_sql[] =
	"CREATE TEMP TABLE changes (post TEXT NOT NULL, kind INTEGER NOT NULL,"
	"  ord INTEGER NOT NULL DEFAULT 0, subject TEXT NOT NULL DEFAULT '',"
	"  field TEXT NOT NULL DEFAULT '', old TEXT NOT NULL DEFAULT '',"
	"  new TEXT NOT NULL DEFAULT '');"
	"CREATE TEMP TABLE both_posts AS SELECT id FROM o.posts INTERSECT SELECT id FROM n.posts;"
	/* posts */
	"INSERT INTO changes(post, kind) SELECT id, 0 FROM"
	"  (SELECT id FROM n.posts EXCEPT SELECT id FROM o.posts);"
	"INSERT INTO changes(post, kind) SELECT id, 1 FROM"
	"  (SELECT id FROM o.posts EXCEPT SELECT id FROM n.posts);"
	/* coverage of the posts in both */
	"INSERT INTO changes(post, kind, subject, new)"
	"  SELECT nc.post, 3, nc.country, nc.relation FROM n.coverage nc"
	"  WHERE nc.post IN both_posts AND NOT EXISTS (SELECT 1 FROM o.coverage oc"
	"    WHERE oc.post = nc.post AND oc.country = nc.country);"
	"INSERT INTO changes(post, kind, subject, old)"
	"  SELECT oc.post, 4, oc.country, oc.relation FROM o.coverage oc"
	"  WHERE oc.post IN both_posts AND NOT EXISTS (SELECT 1 FROM n.coverage nc"
	"    WHERE nc.post = oc.post AND nc.country = oc.country);"
	"INSERT INTO changes(post, kind, subject, field, old, new)"
	"  SELECT nc.post, 5, nc.country, 'relation', oc.relation, nc.relation"
	"  FROM n.coverage nc JOIN o.coverage oc ON oc.post = nc.post AND oc.country = nc.country"
	"  WHERE oc.relation <> nc.relation;"
	/* staff: who left and who arrived, across all posts; a named person
	 * who left one post and arrived at another (and is the only one of
	 * that name on either side) moved */
	"CREATE TEMP TABLE staff_left AS SELECT ol.* FROM " STAFF_KEYED("o") " ol"
	"  WHERE NOT EXISTS (SELECT 1 FROM " STAFF_KEYED("n") " nl WHERE nl.post = ol.post"
	"    AND nl.role = ol.role AND nl.name = ol.name AND nl.k = ol.k);"
	"CREATE TEMP TABLE staff_arrived AS SELECT nl.* FROM " STAFF_KEYED("n") " nl"
	"  WHERE NOT EXISTS (SELECT 1 FROM " STAFF_KEYED("o") " ol WHERE ol.post = nl.post"
	"    AND ol.role = nl.role AND ol.name = nl.name AND ol.k = nl.k);"
	"CREATE TEMP TABLE staff_moved AS SELECT l.rowid AS left_row, a.rowid AS arrived_row,"
	"  l.post AS old_post, a.post AS new_post, " PERSON("a") " AS person"
	"  FROM staff_left l JOIN staff_arrived a ON a.name = l.name AND a.post <> l.post"
	"  WHERE l.name <> ''"
	"    AND (SELECT count(*) FROM staff_left x WHERE x.name = l.name) = 1"
	"    AND (SELECT count(*) FROM staff_arrived x WHERE x.name = a.name) = 1;"
	"INSERT INTO changes(post, kind, subject, old, new)"
	"  SELECT new_post, 8, person, old_post, new_post FROM staff_moved;"
	"INSERT INTO changes(post, kind, subject, new)"
	"  SELECT a.post, 6, " PERSON("a") ", a.as_of FROM staff_arrived a"
	"  WHERE a.post IN both_posts AND a.rowid NOT IN (SELECT arrived_row FROM staff_moved);"
	"INSERT INTO changes(post, kind, subject, old)"
	"  SELECT l.post, 7, " PERSON("l") ", l.as_of FROM staff_left l"
	"  WHERE l.post IN both_posts AND l.rowid NOT IN (SELECT left_row FROM staff_moved);"
	/* the sources of the posts in both: the primary and post_sources; a
	 * change of the primary source is a field change, not repeated here */
	"CREATE TEMP TABLE o_src AS SELECT id AS post, source FROM o.posts"
	"  UNION SELECT post, source FROM o.post_sources;"
	"CREATE TEMP TABLE n_src AS SELECT id AS post, source FROM n.posts"
	"  UNION SELECT post, source FROM n.post_sources;"
	"INSERT INTO changes(post, kind, subject)"
	"  SELECT s.post, 10, s.source FROM (SELECT * FROM n_src EXCEPT SELECT * FROM o_src) s"
	"  WHERE s.post IN both_posts AND NOT EXISTS (SELECT 1 FROM n.posts np"
	"    JOIN o.posts op ON op.id = np.id WHERE np.id = s.post AND np.source = s.source"
	"    AND op.source <> np.source);"
	"INSERT INTO changes(post, kind, subject)"
	"  SELECT s.post, 11, s.source FROM (SELECT * FROM o_src EXCEPT SELECT * FROM n_src) s"
	"  WHERE s.post IN both_posts AND NOT EXISTS (SELECT 1 FROM o.posts op"
	"    JOIN n.posts np ON np.id = op.id WHERE op.id = s.post AND op.source = s.source"
	"    AND op.source <> np.source);";

/* A row of the ordered changes: the change, the kind it names by number
 * and, for a country (kinds 3 to 5), the country's name. */
struct change_row {
	struct dci_change ch;
	int kind;
	const char *country;
};

static const struct column change_cols[] = {
	{ "post", offsetof(struct change_row, ch.post), COLUMN_TEXT },
	{ "kind", offsetof(struct change_row, kind), COLUMN_INT },
	{ POST_LABEL("ch.post"), offsetof(struct change_row, ch.post_label), COLUMN_TEXT },
	{ "subject", offsetof(struct change_row, ch.subject), COLUMN_TEXT },
	{ "field", offsetof(struct change_row, ch.field), COLUMN_TEXT },
	{ "old", offsetof(struct change_row, ch.old_value), COLUMN_TEXT },
	{ "new", offsetof(struct change_row, ch.new_value), COLUMN_TEXT },
	{ "CASE WHEN kind IN (3, 4, 5) THEN coalesce((SELECT name_en FROM n.countries"
	  " WHERE iso2 = subject), (SELECT name_en FROM o.countries WHERE iso2 = subject), '')"
	  " ELSE '' END", offsetof(struct change_row, country), COLUMN_TEXT },
};

static const char changes_from[] =
	"FROM changes ch ORDER BY post, kind, ord, subject, field, old, new";

static int fail(sqlite3 *db, char *err, size_t errlen, const char *what)
{
	snprintf(err, errlen, "%s: %s", what, sqlite3_errmsg(db));
	return EX_SOFTWARE;
}

/* A copy of reg's database as schema name of db, read-only. */
static int attach_copy(sqlite3 *db, registry *reg, const char *name, char *err, size_t errlen)
{
	sqlite3_int64 size = 0;
	unsigned char *data;
	char sql[64];

	data = sqlite3_serialize(reg->db, "main", &size, 0);
	if (!data) {
		snprintf(err, errlen, "cannot copy the %s registry: %s",
		         name[0] == 'o' ? "old" : "new", sqlite3_errmsg(reg->db));
		return EX_SOFTWARE;
	}
	snprintf(sql, sizeof(sql), "ATTACH ':memory:' AS %s", name);
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_free(data);
		return fail(db, err, errlen, "attach");
	}
	if (sqlite3_deserialize(db, name, data, size, size,
	                        SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY) !=
	    SQLITE_OK)
		return fail(db, err, errlen, "deserialize");
	return 0;
}

/* One INSERT into changes per field of table: rows of both sides that
 * share a key and differ in the field. */
static int field_changes(sqlite3 *db, char *err, size_t errlen)
{
	char sql[1024];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(post_fields); i++) {
		snprintf(sql, sizeof(sql),
		         "INSERT INTO changes(post, kind, ord, field, old, new)"
		         " SELECT np.id, 2, %zu, '%s', op.%s, np.%s FROM n.posts np"
		         " JOIN o.posts op ON op.id = np.id WHERE op.%s IS NOT np.%s",
		         i, post_fields[i], post_fields[i], post_fields[i], post_fields[i],
		         post_fields[i]);
		if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
			return fail(db, err, errlen, "compare posts");
	}
	for (i = 0; i < ARRAY_SIZE(staff_fields); i++) {
		snprintf(sql, sizeof(sql),
		         "INSERT INTO changes(post, kind, ord, subject, field, old, new)"
		         " SELECT ns.post, 9, %zu, " PERSON("ns") ", '%s', os.%s, ns.%s"
		         " FROM " STAFF_KEYED("n") " ns JOIN " STAFF_KEYED("o") " os"
		         " ON os.post = ns.post AND os.role = ns.role AND os.name = ns.name"
		         " AND os.k = ns.k WHERE os.%s IS NOT ns.%s",
		         i, staff_fields[i], staff_fields[i], staff_fields[i], staff_fields[i],
		         staff_fields[i]);
		if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
			return fail(db, err, errlen, "compare staff");
	}
	return 0;
}

int registry_diff(registry *old_reg, registry *new_reg, change_fn fn, void *ctx,
                  char *err, size_t errlen)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	struct change_row r;
	char subject[512], list[1024], sql[1536];
	int rc, step = SQLITE_DONE;

	assert(old_reg && new_reg && fn && err && errlen > 0);
	err[0] = '\0';
	sqlite_setup();
	if (sqlite3_open_v2(":memory:", &db, OPEN_FLAGS | SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		sqlite3_close(db);
		snprintf(err, errlen, "cannot open a database in memory");
		return EX_SOFTWARE;
	}
	rc = attach_copy(db, old_reg, "o", err, errlen);
	if (!rc)
		rc = attach_copy(db, new_reg, "n", err, errlen);
	if (!rc && sqlite3_exec(db, diff_sql, NULL, NULL, NULL) != SQLITE_OK)
		rc = fail(db, err, errlen, "compare");
	if (!rc)
		rc = field_changes(db, err, errlen);
	if (!rc) {
		column_list(list, sizeof(list), change_cols, ARRAY_SIZE(change_cols));
		snprintf(sql, sizeof(sql), "SELECT %s %s", list, changes_from);
		if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
			rc = fail(db, err, errlen, "list changes");
	}
	while (!rc && row_next(st, change_cols, ARRAY_SIZE(change_cols), &r, &step)) {
		r.ch.kind = (enum change_kind)r.kind;
		if (r.country[0]) {       /* "NP (Nepal)" */
			snprintf(subject, sizeof(subject), "%s (%s)", r.ch.subject, r.country);
			r.ch.subject = subject;
		}
		if (fn(ctx, &r.ch))
			break;
	}
	if (!rc && step != SQLITE_DONE && step != SQLITE_ROW)
		rc = fail(db, err, errlen, "list changes");
	sqlite3_finalize(st);
	sqlite3_close(db);
	return rc;
}
