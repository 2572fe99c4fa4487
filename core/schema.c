/* SPDX-License-Identifier: MIT */
/*
 * schema.c: the registry's tables, and what is derived from them after an
 * import (the search index and the precomputed orders of the post list).
 *
 * The post list is read one viewport at a time.  OFFSET would walk every
 * row before the viewport, so each sort order is numbered once at import
 * (post_order) and a page is a range scan of that index whatever its
 * position in a list of any length.
 */
#include <stdio.h>
#include <sysexits.h>
#include "internal.h"

/* A CHECK of a column against a set of values is written "c = 'a' OR
 * c = 'b' OR ...", not "c IN ('a', 'b', ...)": SQLite builds a temporary
 * b-tree for an IN list of three or more values on every execution of an
 * INSERT, which cost a third of the import's time. */
static const char schema_sql[] =
	"CREATE TABLE sources ("
	"  id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),"
	"  title TEXT NOT NULL CHECK (title <> ''),"
	"  lang TEXT NOT NULL CHECK (length(lang) = 2),"
	"  modified TEXT NOT NULL DEFAULT '',"
	"  document TEXT NOT NULL DEFAULT '',"
	"  url TEXT NOT NULL DEFAULT '',"
	"  note TEXT NOT NULL DEFAULT '',"
	"  kind TEXT NOT NULL CHECK (kind = 'seed' OR kind = 'embassy' OR kind = 'ministry' OR"
	"    kind = 'gendarmerie' OR kind = 'parliament' OR kind = 'foreign-government' OR"
	"    kind = 'international' OR kind = 'press' OR kind = 'other'),"
	"  CHECK (document <> '' OR url <> ''));"
	"CREATE TABLE countries ("
	"  iso2 TEXT PRIMARY KEY NOT NULL CHECK (length(iso2) = 2),"
	"  iso3 TEXT NOT NULL UNIQUE CHECK (length(iso3) = 3),"
	"  name_en TEXT NOT NULL CHECK (name_en <> ''),"
	"  name_fr TEXT NOT NULL CHECK (name_fr <> ''),"
	"  alt_names TEXT NOT NULL DEFAULT '');"
	"CREATE TABLE places ("
	"  tz TEXT PRIMARY KEY NOT NULL CHECK (tz <> ''),"
	"  name_en TEXT NOT NULL CHECK (name_en <> ''), name_fr TEXT NOT NULL CHECK (name_fr <> ''),"
	"  country TEXT NOT NULL REFERENCES countries(iso2));"
	"CREATE TABLE cities ("
	"  name_en TEXT NOT NULL CHECK (name_en <> ''), name_fr TEXT NOT NULL CHECK (name_fr <> ''),"
	"  country TEXT NOT NULL REFERENCES countries(iso2),"
	"  tz TEXT REFERENCES places(tz),"
	"  capital INTEGER NOT NULL DEFAULT 0 CHECK (capital IN (0, 1)),"
	"  PRIMARY KEY (country, name_en)) WITHOUT ROWID;"
	/* a rowid table: its rows keep roles.csv's order, the roster's order
	 * of roles (the attaché first) */
	"CREATE TABLE roles ("
	"  role TEXT PRIMARY KEY NOT NULL CHECK (role <> ''),"
	"  role_fr TEXT NOT NULL CHECK (role_fr <> ''));"
	"CREATE TABLE directorate ("
	"  acronym TEXT PRIMARY KEY NOT NULL CHECK (acronym <> ''),"
	"  name_en TEXT NOT NULL, name_fr TEXT NOT NULL,"
	"  established TEXT NOT NULL DEFAULT '', headquarters TEXT NOT NULL DEFAULT '',"
	"  parent TEXT NOT NULL DEFAULT '',"
	"  source TEXT NOT NULL REFERENCES sources(id),"
	"  note TEXT NOT NULL DEFAULT '');"
	"CREATE TABLE network ("
	"  as_of TEXT NOT NULL DEFAULT '',"
	"  as_of_basis TEXT NOT NULL DEFAULT ''"
	"    CHECK (as_of_basis = '' OR as_of_basis = 'stated' OR"
	"    as_of_basis = 'page-modified' OR as_of_basis = 'page-published'),"
	"  staff INTEGER CHECK (staff >= 0),"
	"  staff_qualifier TEXT NOT NULL DEFAULT '' CHECK (staff_qualifier = '' OR"
	"    staff_qualifier = '~' OR staff_qualifier = '>' OR staff_qualifier = '<'),"
	"  embassies INTEGER CHECK (embassies >= 0),"
	"  embassies_qualifier TEXT NOT NULL DEFAULT '' CHECK (embassies_qualifier = '' OR"
	"    embassies_qualifier = '~' OR embassies_qualifier = '>' OR"
	"    embassies_qualifier = '<'),"
	"  countries INTEGER CHECK (countries >= 0),"
	"  countries_qualifier TEXT NOT NULL DEFAULT '' CHECK (countries_qualifier = '' OR"
	"    countries_qualifier = '~' OR countries_qualifier = '>' OR"
	"    countries_qualifier = '<'),"
	"  civil_security_experts INTEGER CHECK (civil_security_experts >= 0),"
	"  source TEXT NOT NULL REFERENCES sources(id),"
	"  note TEXT NOT NULL DEFAULT '');"
	"CREATE TABLE posts ("
	"  id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),"
	"  city TEXT NOT NULL DEFAULT '', city_fr TEXT NOT NULL DEFAULT '',"
	"  country TEXT NOT NULL REFERENCES countries(iso2),"
	"  name_en TEXT NOT NULL CHECK (name_en <> ''), name_fr TEXT NOT NULL DEFAULT '',"
	"  established TEXT NOT NULL DEFAULT '', hosted_since TEXT NOT NULL DEFAULT '',"
	"  head_rank TEXT NOT NULL DEFAULT '',"
	"  head_corps TEXT NOT NULL DEFAULT '' CHECK (head_corps = '' OR"
	"    head_corps = 'police' OR head_corps = 'gendarmerie' OR head_corps = 'civil'),"
	"  address TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',"
	"  email TEXT NOT NULL DEFAULT '', updated TEXT NOT NULL DEFAULT '',"
	"  source TEXT NOT NULL REFERENCES sources(id),"
	"  note TEXT NOT NULL DEFAULT '');"
	"CREATE TABLE post_sources ("
	"  post TEXT NOT NULL REFERENCES posts(id),"
	"  source TEXT NOT NULL REFERENCES sources(id),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (post, source)) WITHOUT ROWID;"
	"CREATE TABLE coverage ("
	"  post TEXT NOT NULL REFERENCES posts(id),"
	"  country TEXT NOT NULL REFERENCES countries(iso2),"
	"  relation TEXT NOT NULL CHECK (relation = 'host' OR relation = 'covers' OR"
	"    relation = 'non-resident'),"
	"  source TEXT NOT NULL REFERENCES sources(id),"
	"  note TEXT NOT NULL DEFAULT '',"
	"  PRIMARY KEY (post, country)) WITHOUT ROWID;"
	"CREATE TABLE staff ("
	"  post TEXT NOT NULL REFERENCES posts(id),"
	"  role TEXT NOT NULL REFERENCES roles(role),"
	"  name TEXT NOT NULL DEFAULT '', rank TEXT NOT NULL DEFAULT '',"
	"  corps TEXT NOT NULL DEFAULT '' CHECK (corps = '' OR corps = 'police' OR"
	"    corps = 'gendarmerie' OR corps = 'civil'),"
	"  locally_recruited INTEGER NOT NULL DEFAULT 0 CHECK (locally_recruited IN (0, 1)),"
	"  as_of TEXT NOT NULL DEFAULT '',"
	"  source TEXT NOT NULL REFERENCES sources(id),"
	"  note TEXT NOT NULL DEFAULT '');"
	"CREATE TABLE themes ("
	"  post TEXT REFERENCES posts(id),"
	"  kind TEXT NOT NULL CHECK (kind = 'crime' OR kind = 'speciality' OR kind = 'cooperation'),"
	"  theme_en TEXT NOT NULL CHECK (theme_en <> ''),"
	"  theme_fr TEXT NOT NULL CHECK (theme_fr <> ''),"
	"  source TEXT NOT NULL REFERENCES sources(id));";

/* The staff search index (built as fts_post is, below), apart from the
 * other derived tables: an import to a file builds it in a thread of its
 * own (staff_index.c), beside them.  It reads only "staff", which a
 * connection whose own database has no such table finds in the one it
 * attached. */
#define FTS_STAFF "fts_staff USING fts5(name, staff_rank, role," \
	"  content='', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4 5 6'," \
	"  columnsize=0)"

const char schema_staff_index_sql[] =
	"CREATE VIRTUAL TABLE " FTS_STAFF ";"
	"INSERT INTO fts_staff(fts_staff, rank) VALUES ('hashsize', 8388608);"
	"INSERT INTO fts_staff(fts_staff, rank) VALUES ('automerge', 16);"
	"INSERT INTO fts_staff(rowid, name, staff_rank, role)"
	"  SELECT rowid, name, rank, role FROM staff;";

/* The index built elsewhere, in the database attached as staff_index:
 * an empty index of the same definition, whose three tables then take
 * that one's rows as they are (SQLite copies them page by page). */
const char schema_staff_index_copy_sql[] =
	"BEGIN;"
	"CREATE VIRTUAL TABLE main." FTS_STAFF ";"
	"DELETE FROM main.fts_staff_data;"
	"DELETE FROM main.fts_staff_idx;"
	"DELETE FROM main.fts_staff_config;"
	"INSERT INTO main.fts_staff_data SELECT * FROM staff_index.fts_staff_data;"
	"INSERT INTO main.fts_staff_idx SELECT * FROM staff_index.fts_staff_idx;"
	"INSERT INTO main.fts_staff_config SELECT * FROM staff_index.fts_staff_config;"
	"COMMIT;";

/* Built after the rows are in: one pass each instead of per-row upkeep. */
static const char derived_sql[] =
	"CREATE INDEX coverage_country ON coverage(country, relation);"
	"CREATE INDEX places_country ON places(country);"
	"CREATE INDEX staff_post ON staff(post);"
	"CREATE INDEX themes_post ON themes(post);"
	"CREATE TABLE post_order ("
	"  sort INTEGER NOT NULL, pos INTEGER NOT NULL, post TEXT NOT NULL,"
	"  PRIMARY KEY (sort, pos)) WITHOUT ROWID;"
	/* each post's sort keys, folded once for the five orders */
	"CREATE TEMP TABLE post_keys AS SELECT p.id, p.city = '' AS no_city,"
	"  dci_fold(p.city) AS city, dci_fold(c.name_en) AS country, p.updated,"
	"  dci_fold(CASE WHEN p.city_fr <> '' THEN p.city_fr ELSE p.city END) AS city_fr_or_en,"
	"  dci_fold(c.name_fr) AS country_fr, dci_fold(p.city_fr) AS city_fr"
	"  FROM posts p JOIN countries c ON c.iso2 = p.country;"
	"INSERT INTO post_order SELECT 0, row_number() OVER w - 1, id FROM post_keys"
	"  WINDOW w AS (ORDER BY no_city, city, country, id);"
	"INSERT INTO post_order SELECT 1, row_number() OVER w - 1, id FROM post_keys"
	"  WINDOW w AS (ORDER BY country, city, id);"
	"INSERT INTO post_order SELECT 2, row_number() OVER w - 1, id FROM post_keys"
	"  WINDOW w AS (ORDER BY updated = '', updated DESC, city, id);"
	/* 3 and 4: city and country as a French reader names and sorts them */
	"INSERT INTO post_order SELECT 3, row_number() OVER w - 1, id FROM post_keys"
	"  WINDOW w AS (ORDER BY no_city, city_fr_or_en, country_fr, id);"
	"INSERT INTO post_order SELECT 4, row_number() OVER w - 1, id FROM post_keys"
	"  WINDOW w AS (ORDER BY country_fr, city_fr, id);"
	"DROP TABLE post_keys;"
	"CREATE INDEX post_order_post ON post_order(post, sort);"
	/* The evidence behind each post, from its sources (posts.source and
	 * post_sources): the best of them, an official page before a press
	 * report or an unofficial page, then the newest, then the kind that
	 * weighs more; and whether every source is dated before the DCI
	 * existed (1 September 2010: the SCTIP era). */
	"CREATE TABLE post_evidence ("
	"  post TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, date TEXT NOT NULL,"
	"  official INTEGER NOT NULL, sctip INTEGER NOT NULL) WITHOUT ROWID;"
	/* Each source's rank as one string, greatest first: official, then
	 * modified (padded with spaces, which sort before the digits and the
	 * '-' of a date: "2010" before "2010-01", "" first), then the kind's
	 * weight, then the id.  One max() per post finds the best source, in a
	 * single pass over posts with its post_sources, instead of a sort of
	 * every pair for each of three windows. */
	"CREATE TEMP TABLE source_rank (id TEXT PRIMARY KEY, rank TEXT NOT NULL,"
	"  modified TEXT NOT NULL) WITHOUT ROWID;"
	"INSERT INTO source_rank SELECT id, (kind <> 'press' AND kind <> 'other')"
	"  || printf('%-10s', modified) || CASE kind WHEN 'seed' THEN 8 WHEN 'embassy' THEN 7"
	"    WHEN 'gendarmerie' THEN 6 WHEN 'ministry' THEN 5 WHEN 'foreign-government' THEN 4"
	"    WHEN 'parliament' THEN 3 WHEN 'international' THEN 2 WHEN 'press' THEN 1 ELSE 0 END"
	"  || id, modified FROM sources;"
	/* NOT INDEXED: posts read in rowid order, then sorted by id, rather
	 * than row by row at random through the id index (twice the time) */
	"INSERT INTO post_evidence SELECT e.post, s.kind, s.modified,"
	"  s.kind <> 'press' AND s.kind <> 'other', e.sctip FROM"
	"  (SELECT p.id AS post, max(max(a.rank, coalesce(b.rank, ''))) AS best,"
	"     min(a.modified <> '' AND coalesce(b.modified <> '', 1))"
	"     AND max(max(a.modified, coalesce(b.modified, ''))) < '2010-09' AS sctip"
	"   FROM posts p NOT INDEXED JOIN source_rank a ON a.id = p.source"
	"   LEFT JOIN post_sources ps ON ps.post = p.id"
	"   LEFT JOIN source_rank b ON b.id = ps.source GROUP BY p.id) e"
	"  JOIN sources s ON s.id = substr(e.best, 13);"
	"DROP TABLE source_rank;"
	/* Each post's time zone: the zone of its city (a zone's city, or a
	 * capital or large city with its zone), else of its country if it
	 * has only one.  Found once here: three lookups for every post read,
	 * a third of reading one (an answer reads up to 16). */
	"CREATE TABLE post_tz (post TEXT PRIMARY KEY, tz TEXT NOT NULL) WITHOUT ROWID;"
	/* (NOT INDEXED, as for post_evidence) */
	"INSERT INTO post_tz SELECT p.id,"
	"  coalesce((SELECT tz FROM places WHERE country = p.country AND p.city <> ''"
	"    AND (name_en = p.city OR name_fr = p.city OR name_fr = p.city_fr) LIMIT 1),"
	"  (SELECT tz FROM cities WHERE country = p.country AND p.city <> '' AND tz IS NOT NULL"
	"    AND (name_en = p.city OR name_fr = p.city OR name_fr = p.city_fr) LIMIT 1),"
	"  (SELECT min(tz) FROM places WHERE country = p.country HAVING count(*) = 1), '')"
	"  FROM posts p NOT INDEXED ORDER BY 1;"
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;"
	"INSERT INTO meta SELECT 'posts', count(*) FROM posts;"
	"INSERT INTO meta SELECT 'staff', count(*) FROM staff;"
	"INSERT INTO meta SELECT 'countries_covered', count(DISTINCT country) FROM coverage;"
	"INSERT INTO meta SELECT 'sources', count(*) FROM sources;"
	"INSERT INTO meta SELECT 'snapshots', count(*) FROM network;"
	"INSERT INTO meta SELECT 'claimed_embassies_min', coalesce(min(embassies), -1) FROM network;"
	"INSERT INTO meta SELECT 'claimed_embassies_max', coalesce(max(embassies), -1) FROM network;"
	"INSERT INTO meta SELECT 'claimed_countries_min', coalesce(min(countries), -1) FROM network;"
	"INSERT INTO meta SELECT 'claimed_countries_max', coalesce(max(countries), -1) FROM network;"
	/* The country hits of a search come in the order of country_order
	 * (covered countries first, then by name), each followed by its
	 * coverage in the order of coverage_order (host posts first, then the
	 * most recently attested).  fts_country's rowid is the position in country_order, so a
	 * search reads both in index order and stops at its limit, however
	 * many posts cover a country: no sort of the hits at each keystroke.
	 * covering: its rows in coverage_order, which an answer weighs
	 * (search_country_firsts) without reading them. */
	"CREATE TABLE country_order (pos INTEGER PRIMARY KEY, iso2 TEXT NOT NULL,"
	"  covering INTEGER NOT NULL DEFAULT 0);"
	"INSERT INTO country_order(pos, iso2) SELECT row_number() OVER (ORDER BY"
	"  NOT EXISTS (SELECT 1 FROM coverage WHERE country = c.iso2), c.name_en, c.iso2),"
	"  c.iso2 FROM countries c;"
	/* pos orders a country's rows, host first, then by the post's rank
	 * by city and id (numbering each country from 0 would sort all the
	 * coverage rows with their posts' cities: twice the time) */
	"CREATE TABLE coverage_order ("
	"  country TEXT NOT NULL, pos INTEGER NOT NULL, post TEXT NOT NULL,"
	"  relation TEXT NOT NULL, PRIMARY KEY (country, pos)) WITHOUT ROWID;"
	"CREATE TEMP TABLE post_rank (id TEXT PRIMARY KEY, rank INTEGER NOT NULL) WITHOUT ROWID;"
	/* among the posts covering a country alike, the most recently
	 * attested first (undated last), then by city: a post the sources
	 * last saw in 2010 does not answer before one seen last year */
	"INSERT INTO post_rank SELECT id,"
	"  row_number() OVER (ORDER BY updated = '', updated DESC, city, id) FROM posts;"
	"INSERT INTO coverage_order SELECT cov.country,"
	"  (cov.relation <> 'host') * 1000000000 + pr.rank, cov.post, cov.relation"
	"  FROM coverage cov JOIN post_rank pr ON pr.id = cov.post ORDER BY 1, 2;"
	"DROP TABLE post_rank;"
	"UPDATE country_order SET covering ="
	"  (SELECT count(*) FROM coverage_order WHERE country = country_order.iso2);"
	/* What a search hit shows of its post and of its source, in narrow
	 * tables of their own (WITHOUT ROWID: one b-tree descent by key,
	 * instead of an index, then the row, then its country): 100,000 posts
	 * are 6 MB here, which the page cache holds, against 33 MB of whole
	 * rows in posts.  A screenful of staff hits costs a quarter less. */
	"CREATE TABLE hit_post (id TEXT PRIMARY KEY, city TEXT NOT NULL,"
	"  country_en TEXT NOT NULL, phone TEXT NOT NULL, updated TEXT NOT NULL) WITHOUT ROWID;"
	/* (NOT INDEXED, as for post_evidence) */
	"INSERT INTO hit_post SELECT p.id, p.city, c.name_en, p.phone, p.updated"
	"  FROM posts p NOT INDEXED JOIN countries c ON c.iso2 = p.country ORDER BY p.id;"
	"CREATE TABLE hit_source (id TEXT PRIMARY KEY, modified TEXT NOT NULL) WITHOUT ROWID;"
	/* and what a post hit shows, by the post's rowid (fts_post's): one
	 * b-tree descent in 13 MB instead of two in posts (35 MB) and
	 * countries, a third of a post hit's cost */
	"CREATE TABLE post_hit (id INTEGER PRIMARY KEY, post TEXT NOT NULL, city TEXT NOT NULL,"
	"  name_en TEXT NOT NULL, country_en TEXT NOT NULL, phone TEXT NOT NULL,"
	"  updated TEXT NOT NULL);"
	"INSERT INTO post_hit SELECT p.rowid, p.id, p.city, p.name_en, c.name_en, p.phone,"
	"  p.updated FROM posts p JOIN countries c ON c.iso2 = p.country ORDER BY p.rowid;"
	"INSERT INTO hit_source SELECT id, modified FROM sources ORDER BY id;"
	/* Whom a text names exactly among the staff (answer.c): each staff
	 * row's label, its name or else its role, folded as text_fold()
	 * folds it, by folded label then rowid.  The answer asks one range
	 * of this b-tree for the people of its 64 hits the text names,
	 * instead of reading the 64 rows (64 random pages of staff). */
	"CREATE TABLE staff_named (fold TEXT NOT NULL, id INTEGER NOT NULL,"
	"  PRIMARY KEY (fold, id)) WITHOUT ROWID;"
	"INSERT INTO staff_named SELECT * FROM (SELECT"
	"  dci_fold(CASE WHEN name <> '' THEN name ELSE role END) AS f, rowid FROM staff)"
	"  WHERE f <> '' ORDER BY 1, 2;"
	/* The same for posts: each post's city, French city, name and id,
	 * folded, by folded name then the post's rowid (fts_post's), which
	 * are what a text names exactly of a post (answer.c). */
	"CREATE TABLE post_named (fold TEXT NOT NULL, id INTEGER NOT NULL,"
	"  PRIMARY KEY (fold, id)) WITHOUT ROWID;"
	"INSERT INTO post_named SELECT DISTINCT * FROM (SELECT dci_fold(city) AS f, rowid FROM posts"
	"  UNION ALL SELECT dci_fold(city_fr), rowid FROM posts"
	"  UNION ALL SELECT dci_fold(name_en), rowid FROM posts"
	"  UNION ALL SELECT dci_fold(id), rowid FROM posts) WHERE f <> '' ORDER BY 1, 2;"
	/* Whom a text names among the countries: every ';'-separated name
	 * in a country's codes, names, short and former names and its
	 * places' and cities' names, folded (country_is_named asks one row
	 * of it, instead of folding a country's hundreds of city names at
	 * each keystroke). */
	"CREATE TABLE country_named (fold TEXT NOT NULL, iso2 TEXT NOT NULL,"
	"  PRIMARY KEY (fold, iso2)) WITHOUT ROWID;"
	"WITH RECURSIVE split(iso2, name, rest) AS ("
	"  SELECT iso2, '', iso2 || ';' || iso3 || ';' || name_en || ';' || name_fr || ';' || alt_names"
	"    || coalesce((SELECT ';' || group_concat(name_en || ';' || name_fr, ';')"
	"      FROM (SELECT name_en, name_fr FROM places WHERE places.country = countries.iso2"
	"        UNION ALL SELECT name_en, name_fr FROM cities"
	"        WHERE cities.country = countries.iso2)), '') || ';'"
	"  FROM countries"
	"  UNION ALL SELECT iso2, substr(rest, 1, instr(rest, ';') - 1),"
	"    substr(rest, instr(rest, ';') + 1) FROM split WHERE rest <> '')"
	"INSERT INTO country_named SELECT DISTINCT * FROM (SELECT dci_fold(name) AS f, iso2"
	"  FROM split) WHERE f <> '' ORDER BY 1, 2;"
	/* a country is found by its cities too: "kathmandu" finds Nepal
	 * (a time zone's city), "nairobi" Kenya (a capital or large city).
	 * Prefixes of 4 to 6 letters as well, as the big indexes below: a
	 * keystroke queries this index twice (hits, answer), and without
	 * them each query merges every word beginning with the prefix (half
	 * again the cost of a query from 4 letters on, for a few kB). */
	"CREATE VIRTUAL TABLE fts_country USING fts5(iso2, iso3, name_en, name_fr, alt_names,"
	"  places, content='', tokenize='unicode61 remove_diacritics 2',"
	"  prefix='1 2 3 4 5 6');"
	"INSERT INTO fts_country(rowid, iso2, iso3, name_en, name_fr, alt_names, places)"
	"  SELECT co.pos, c.iso2, c.iso3, c.name_en, c.name_fr, c.alt_names,"
	"    (SELECT group_concat(name_en || ' ' || name_fr, ' ') FROM"
	"      (SELECT name_en, name_fr FROM places WHERE places.country = c.iso2"
	"       UNION ALL SELECT name_en, name_fr FROM cities WHERE cities.country = c.iso2))"
	"  FROM country_order co JOIN countries c ON c.iso2 = co.iso2;"
	/* The big indexes (posts, staff, themes) hold every prefix of 1 to 6
	 * letters: FTS5 reads a prefix it has indexed lazily, in rowid order,
	 * so a search stops at its limit; a prefix it has not must first merge
	 * the lists of every word that begins with it (all the "Martin..." of a
	 * million names: milliseconds).  columnsize=0: nothing ranks the hits,
	 * so the per-row column sizes are not kept.  hashsize: the rows are
	 * indexed in memory 8 MB at a time instead of 1 MB (two indexes are
	 * built at once, staff_index.c), and automerge:
	 * segments are merged 16 at a time instead of 4, so fewer and larger
	 * segments are written and merged again (the build takes a third of
	 * the time; a search reads up to 8 segments instead of 6). */
	"CREATE VIRTUAL TABLE fts_post USING fts5(id, city, city_fr, name_en, name_fr,"
	"  content='', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4 5 6',"
	"  columnsize=0);"
	"INSERT INTO fts_post(fts_post, rank) VALUES ('hashsize', 8388608);"
	/* no merge on the way (automerge 0): optimize merges every segment
	 * at the end anyway, which makes the build a sixth shorter; then the
	 * setting of the other indexes */
	"INSERT INTO fts_post(fts_post, rank) VALUES ('automerge', 0);"
	"INSERT INTO fts_post(rowid, id, city, city_fr, name_en, name_fr)"
	"  SELECT rowid, id, city, city_fr, name_en, name_fr FROM posts;"
	/* one segment: a search opens each segment of the index, a third of
	 * its cost for a handful of hits with fts_post's five */
	"INSERT INTO fts_post(fts_post) VALUES ('optimize');"
	"INSERT INTO fts_post(fts_post, rank) VALUES ('automerge', 16);"
	"CREATE VIRTUAL TABLE fts_theme USING fts5(theme_en, theme_fr,"
	"  content='', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3 4 5 6',"
	"  columnsize=0);"
	"INSERT INTO fts_theme(rowid, theme_en, theme_fr)"
	"  SELECT rowid, theme_en, theme_fr FROM themes;"
	"INSERT INTO fts_theme(fts_theme) VALUES ('optimize');"
	/* Readable views for people who open the file with the sqlite3 shell
	 * or Datasette (dcinet-data(5), DATABASE VIEWS): names instead of
	 * codes, each fact beside its source and that source's date.  dcinet
	 * itself never reads them. */
	"CREATE VIEW view_posts AS SELECT p.id AS post, p.city, p.city_fr,"
	"  p.country, c.name_en AS country_en, c.name_fr AS country_fr,"
	"  p.name_en, p.name_fr, p.established, p.hosted_since, p.head_rank, p.head_corps,"
	"  p.address, p.phone, p.email, p.updated,"
	"  (SELECT count(*) FROM coverage cv WHERE cv.post = p.id) AS countries_covered,"
	"  (SELECT count(*) FROM staff st WHERE st.post = p.id) AS staff,"
	"  p.source, s.title AS source_title, s.kind AS source_kind, s.modified AS source_date,"
	"  s.url AS source_url, p.note"
	"  FROM posts p JOIN countries c ON c.iso2 = p.country"
	"  JOIN sources s ON s.id = p.source;"
	"CREATE VIEW view_coverage AS SELECT cv.post, p.city AS post_city,"
	"  pc.name_en AS post_country_en, cv.country, c.name_en AS country_en,"
	"  c.name_fr AS country_fr, cv.relation, cv.source, s.title AS source_title,"
	"  s.modified AS source_date, s.url AS source_url, cv.note"
	"  FROM coverage cv JOIN posts p ON p.id = cv.post"
	"  JOIN countries pc ON pc.iso2 = p.country JOIN countries c ON c.iso2 = cv.country"
	"  JOIN sources s ON s.id = cv.source;"
	"CREATE VIEW view_staff AS SELECT st.post, p.city AS post_city,"
	"  pc.name_en AS post_country_en, st.role, r.role_fr, st.name, st.rank, st.corps,"
	"  st.locally_recruited, st.as_of, st.source, s.title AS source_title,"
	"  s.modified AS source_date, s.url AS source_url, st.note"
	"  FROM staff st JOIN posts p ON p.id = st.post"
	"  JOIN countries pc ON pc.iso2 = p.country JOIN roles r ON r.role = st.role"
	"  JOIN sources s ON s.id = st.source;";

int schema_exec(sqlite3 *db, const char *sql, char *err, size_t errlen)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);

	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "%s", msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return rc == SQLITE_FULL ? EX_IOERR : EX_SOFTWARE;
	}
	return 0;
}

int schema_create(sqlite3 *db, char *err, size_t errlen)
{
	return schema_exec(db, schema_sql, err, errlen);
}

int schema_build_derived(sqlite3 *db, int staff_index, char *err, size_t errlen)
{
	char sql[64];
	int rc = schema_exec(db, derived_sql, err, errlen);

	if (!rc && staff_index)
		rc = schema_exec(db, schema_staff_index_sql, err, errlen);

	if (rc)
		return rc;
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %d;", DCINET_SCHEMA_VERSION);
	return schema_exec(db, sql, err, errlen);
}

int schema_check_version(sqlite3 *db, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int version = -1, tables = 0;

	if (sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM sqlite_schema),"
	                       " (SELECT user_version FROM pragma_user_version)", -1, &st,
	                       NULL) != SQLITE_OK) {
		snprintf(err, errlen, "not a dcinet database: %s", sqlite3_errmsg(db));
		return EX_DATAERR;
	}
	if (sqlite3_step(st) != SQLITE_ROW) {
		snprintf(err, errlen, "not a dcinet database: %s", sqlite3_errmsg(db));
		sqlite3_finalize(st);
		return EX_DATAERR;
	}
	tables = sqlite3_column_int(st, 0);
	version = sqlite3_column_int(st, 1);
	sqlite3_finalize(st);
	if (tables == 0 || version == 0) {
		snprintf(err, errlen, "not a dcinet database");
		return EX_DATAERR;
	}
	if (version != DCINET_SCHEMA_VERSION) {
		snprintf(err, errlen, "registry schema version %d, this dcinet reads %d "
		         "(rebuild it with --import)", version, DCINET_SCHEMA_VERSION);
		return EX_DATAERR;
	}
	return 0;
}
