/* SPDX-License-Identifier: MIT */
/*
 * dcinet.h: the registry core, the only header a client needs.
 *
 * The core loads the post registry (CSV files, see dcinet-data(5)) into
 * SQLite, and answers the questions the screen and the command line ask.
 * It never includes curses and never writes to the terminal.
 *
 * Conventions, for every function below:
 *  - Return codes are sysexits(3) values: 0 (EX_OK) on success, EX_DATAERR
 *    for bad CSV, EX_NOINPUT for a missing file, EX_CANTCREAT when a
 *    database cannot be written, EX_SOFTWARE for an SQLite failure.
 *  - Rows are handed to a callback one at a time.  The strings in a row
 *    belong to the core and live only until the callback returns; copy
 *    what you keep.  A field the source does not state is "" (never NULL).
 *    A callback returns 0 to go on, non-zero to stop early.
 *  - No function keeps a pointer to caller memory after it returns.
 *  - A registry, a callback, an out argument and the key a query is asked
 *    for (a post id, a country code, a cutoff) are never NULL: the core
 *    asserts it.  registry_close() and registry_error() take NULL, and
 *    themes_each() a NULL post (the whole network's themes).
 *  - A registry is used by one thread at a time (its SQLite connection is
 *    opened without a mutex); the importer's own reader thread is internal.
 */
#ifndef DCINET_H
#define DCINET_H

#include <stddef.h>

/* DCINET_VERSION, the release, comes from the file VERSION through the
 * Makefile (-DDCINET_VERSION="..."). */
#define DCINET_SCHEMA_VERSION 8

typedef struct registry registry;

/* ---- opening ---------------------------------------------------------- */

/* Report of one rejected CSV row: "file:line: column: reason".  Line 0:
 * the whole file failed ("file: reason").  Line IMPORT_WARNING: a warning
 * about the whole file, which loaded (a Windows-1252 file converted). */
typedef void (*import_error_fn)(void *ctx, const char *file, long line,
                                const char *column, const char *reason);
#define IMPORT_WARNING (-1L)

struct import_opts {
	import_error_fn on_error;  /* NULL: errors are only counted */
	void *ctx;
	int max_errors;            /* per file; 0 means the default (50) */
};

struct import_stats {
	long rows;                 /* rows accepted, all tables */
	long errors;               /* errors reported, all tables (a row may have several) */
	double seconds;            /* wall time of the whole import */
	int target_lost;           /* import_build_db failed after db_path changed */
};

/* Open a database file built by import_build_db(), read-only.  On failure
 * *out is NULL and a message is written to err. */
int registry_open_db(registry **out, const char *path, char *err, size_t errlen);

/* Load a CSV directory into a private in-memory database. */
int registry_load_dir(registry **out, const char *dir,
                      const struct import_opts *opts, struct import_stats *stats);

void registry_close(registry *reg);

/* What the registry's last failed query said ("" when none failed): an
 * SQLite message, which a corrupt or crafted database can fill with any
 * bytes: pass it through text_sanitize() before a terminal shows it.
 * The core never writes to a file descriptor itself; import failures
 * that are no row's reach import_opts.on_error with line 0. */
const char *registry_error(const registry *reg);

/* Validate a CSV directory without keeping anything. */
int import_check_dir(const char *dir, const struct import_opts *opts,
                     struct import_stats *stats);

/* Build db_path from dir.  The database is written to an unnamed file in
 * db_path's directory (O_TMPFILE, or a random name where the file system
 * has none), reached through /proc/self/fd, and renamed over db_path only
 * when every file loaded cleanly, keeping db_path's mode and owner; on any
 * failure an existing db_path is left byte-for-byte unchanged.  A db_path
 * that is not a regular file is refused (EX_CANTCREAT); a full disk is
 * EX_IOERR. */
int import_build_db(const char *dir, const char *db_path,
                    const struct import_opts *opts, struct import_stats *stats);

/* ---- rows ------------------------------------------------------------- */

struct dci_source {
	const char *id, *title, *lang, *modified, *document, *url, *note, *kind;
};

struct dci_directorate {
	const char *acronym, *name_en, *name_fr, *established, *headquarters,
	           *parent, *source, *source_date, *note;
};

/* One network-size claim.  A figure the source does not give is -1; its
 * qualifier ("~", ">", "<" or "") is printed before it. */
struct dci_snapshot {
	const char *as_of, *as_of_basis;
	long staff, embassies, countries, civil_security_experts;
	const char *staff_q, *embassies_q, *countries_q;
	const char *source, *source_title, *source_date, *note;
};

struct dci_post {
	const char *id, *city, *city_fr, *country, *country_en, *country_fr,
	           *name_en, *name_fr, *established, *hosted_since, *head_rank,
	           *head_corps, *address, *phone, *email, *updated, *source,
	           *source_date, *note;
	const char *tz;            /* the post's time zone, "" when unknown */
	const char *covers;        /* ISO codes of covered countries, "NP LK" */
	int n_covered;             /* countries covered, the host included */
	/* The evidence behind the post: the kind of its best source (an
	 * official page before a press report, then the newest) and that
	 * source's date ("" when undated); see source_kind_phrase(). */
	const char *evidence_kind, *evidence_date;
	int evidence_official;     /* 0: only press reports or unofficial pages */
	int sctip_era;             /* every source dates from before the DCI (2010-09) */
};

struct dci_coverage {
	const char *post, *post_city, *post_name_en, *post_phone;
	const char *country, *country_en, *country_fr;
	const char *relation;      /* "host", "covers" or "non-resident" */
	const char *source, *note;
};

struct dci_staff {
	const char *post, *role, *name, *rank, *corps, *as_of, *source,
	           *source_date, *note;
	int locally_recruited;
	const char *role_fr;       /* the role in French (roles.csv) */
};

struct dci_theme {
	const char *post, *kind, *theme_en, *theme_fr, *source;
};

struct dci_post_source {
	const char *post, *source, *title, *modified, *url, *document, *note, *kind;
};

struct dci_counts {
	long posts, staff, countries_covered, sources, snapshots;
	/* the smallest and largest size the sources claim for the network
	 * (network.csv): embassies with a post, countries covered; -1: none */
	long claimed_embassies_min, claimed_embassies_max;
	long claimed_countries_min, claimed_countries_max;
};

typedef int (*source_fn)(void *ctx, const struct dci_source *row);
typedef int (*directorate_fn)(void *ctx, const struct dci_directorate *row);
typedef int (*snapshot_fn)(void *ctx, const struct dci_snapshot *row);
typedef int (*post_fn)(void *ctx, const struct dci_post *row);
typedef int (*coverage_fn)(void *ctx, const struct dci_coverage *row);
typedef int (*staff_fn)(void *ctx, const struct dci_staff *row);
typedef int (*theme_fn)(void *ctx, const struct dci_theme *row);
typedef int (*post_source_fn)(void *ctx, const struct dci_post_source *row);

/* ---- queries ---------------------------------------------------------- */

enum post_sort { POSTS_BY_CITY, POSTS_BY_COUNTRY, POSTS_BY_UPDATED, POSTS_SORT_COUNT };

const char *post_sort_name(enum post_sort sort);   /* "city", "country", "updated" */

/* Order the post list by French names (city_fr, the country's name_fr)
 * when french is non-zero, by English names otherwise.  Search always
 * covers both languages. */
void registry_set_french(registry *reg, int french);

int registry_counts(registry *reg, struct dci_counts *out);
int directorate_each(registry *reg, directorate_fn fn, void *ctx);
/* Snapshots oldest first; undated claims last. */
int snapshots_each(registry *reg, snapshot_fn fn, void *ctx);
/* Network-wide themes (post == NULL) or one post's. */
int themes_each(registry *reg, const char *post, theme_fn fn, void *ctx);

/* The post list, one viewport at a time: rows [offset, offset+limit). */
long posts_count(registry *reg);
int posts_page(registry *reg, enum post_sort sort, long offset, long limit,
               post_fn fn, void *ctx);
/* The same rows with only what the post list shows: id, city, city_fr,
 * country, country_en, country_fr, head_rank, updated, source,
 * source_date, covers and n_covered; every other field is "" (0 for the
 * evidence flags). */
int posts_list_page(registry *reg, enum post_sort sort, long offset, long limit,
                    post_fn fn, void *ctx);
/* Position of a post in the list sorted by sort, or -1. */
long post_index(registry *reg, enum post_sort sort, const char *post_id);
/* One post; returns EX_NOINPUT (66) when there is no such post. */
int post_get(registry *reg, const char *post_id, post_fn fn, void *ctx);
int post_coverage_each(registry *reg, const char *post_id, coverage_fn fn, void *ctx);
int post_staff_each(registry *reg, const char *post_id, staff_fn fn, void *ctx);
/* The post's sources, its primary source first (with an empty note). */
int post_sources_each(registry *reg, const char *post_id, post_source_fn fn, void *ctx);

/* The post's card, plain text of a few lines (name, place, head, phone,
 * email, address, as-of date and source, countries covered), with the
 * French names of places when french is non-zero.  Its labels ("Phone:")
 * go through translate, the client's message catalogue (NULL: English).
 * The caller frees it; NULL when there is no such post.  Unsanitised:
 * pass each line through text_sanitize() before a terminal shows it. */
char *post_card(registry *reg, const char *post_id, int french,
                const char *(*translate)(const char *msgid));

/* Who covers a country (ISO 3166 alpha-2 or alpha-3): host posts first. */
int country_covered_by(registry *reg, const char *iso, coverage_fn fn, void *ctx);

/* ---- search ----------------------------------------------------------- */

enum hit_kind { HIT_COUNTRY, HIT_POST, HIT_STAFF, HIT_THEME, HIT_KIND_COUNT };

const char *hit_kind_name(enum hit_kind kind);     /* "country", "post", ... */

struct dci_hit {
	enum hit_kind kind;
	const char *ref;           /* iso2, post id, or the row's number */
	const char *label;         /* what matched: a name, a city */
	const char *detail;        /* a second line: rank, relation, French name */
	const char *relation;      /* country hits: "host", "covers", "non-resident", "" */
	const char *post;          /* the post to open ("" when none covers it) */
	const char *post_label;    /* "New Delhi (India)" */
	const char *phone;
	const char *date;          /* the as-of or source date of the fact */
};
typedef int (*hit_fn)(void *ctx, const struct dci_hit *hit);

/* Prefix search per word, accents and case folded ("neP" finds Nepal,
 * "securite" finds "sécurité").  Any text is safe: it is bound as a
 * parameter and FTS5 syntax in it is quoted away.  Hits of one kind come
 * in a stable order; at most limit hits per kind, skipping offset.
 * A country hit yields one hit per covering post.  Never counts or ranks
 * all matches, so the cost is the cost of the rows returned. */
int search_run(registry *reg, const char *text, enum hit_kind kind,
               long offset, long limit, hit_fn fn, void *ctx);

/* The first screenful of every kind, as the search box shows it: lines
 * lines for hits and their kinds' headers, shared fairly: each kind with
 * hits takes 2 lines (its header and first hit) while there is room, then
 * one more hit per kind in turn, at most max_per_kind hits a kind.  Calls
 * fn for every hit shown, kind after kind, and sets more[k] when kind k
 * has hits beyond them.  A kind reads only the hits it shows and one
 * more, never a full page it would not show.  0, or the first kind's
 * error as search_run's: the kinds that work still show their hits. */
int search_screen(registry *reg, const char *text, int lines, int max_per_kind,
                  hit_fn fn, void *ctx, int more[HIT_KIND_COUNT]);

/* 1 when text names the country iso2 exactly (a code, a name, a short or
 * former name, one of its cities), case, accents and punctuation aside:
 * "cote d ivoire" names CI, "UK" names GB but not UA.  0 otherwise.  This
 * tells a desk's answer from a list of candidates. */
int country_is_named(registry *reg, const char *iso2, const char *text);

/* The FTS5 MATCH expression for text, in a buffer the caller frees; NULL
 * when the text holds no searchable word.  Exposed for tests and fuzzing. */
char *search_build_query(const char *text);

/* The local time now in time zone tz ("Asia/Kathmandu") as "14:05 +0545",
 * in buf; returns 0, or -1 when tz is empty or unknown.  Sets and restores
 * the TZ environment variable: not for threads. */
int tz_local_time(const char *tz, char *buf, size_t buflen);

/* Now, in seconds since the epoch: the environment's DCINET_NOW when it
 * is a whole number (a testing aid, see dcinet(1) ENVIRONMENT), else the
 * system clock.  tz_local_time() reads it; so should a client that shows
 * a date relative to today. */
long long clock_now(void);

/* ---- the desk's answer ------------------------------------------------ */

enum answer_status {
	ANSWER_NOTHING,            /* nothing matches the text */
	ANSWER_ONE,                /* the text names one thing */
	ANSWER_AMBIGUOUS,          /* several match and none is named exactly */
};

#define ANSWER_CANDIDATES 8    /* candidates listed at most */

/* One post serving the answer, with what the desk needs of it. */
struct dci_answer_post {
	const struct dci_post *post;   /* every fact, the evidence included, but
	                                * not its counts: covers is "" and
	                                * n_covered -1 (not read; the post's own
	                                * page, post_get(), has them) */
	const char *relation;      /* to the country answered: "host", "covers",
	                            * "non-resident"; "" for other kinds */
	const char *local_time;    /* "14:05 +0545" now, "" when the zone is unknown */
};

/* Something else the text matches: a country, a post, a person, a theme. */
struct dci_candidate {
	const char *ref, *label, *post_label;
	const char *post;          /* the post's id, "" for a country or theme without one */
	const char *label_fr;      /* a country's or theme's French name, else "" */
};

struct dci_answer {
	enum answer_status status;
	enum hit_kind kind;        /* what the text names (or the candidates are) */
	const char *text;
	/* ANSWER_ONE: the thing named, as a dci_hit gives it (ref, label, detail)
	 * and its name in French ("" when the data has none) */
	const char *ref, *label, *label_fr, *detail;
	/* ANSWER_ONE: for a country, every post covering it, host first (none:
	 * the registry does not know which post covers it); for a post, it;
	 * for a person or a theme, their post (none: the whole network) */
	const struct dci_answer_post *posts;
	int n_posts, more_posts;
	/* ANSWER_AMBIGUOUS: the candidates; ANSWER_ONE: the others the text
	 * also matches ("guinea" names Guinea, and matches Guinea-Bissau) */
	const struct dci_candidate *candidates;
	int n_candidates, more_candidates;
};
typedef int (*answer_fn)(void *ctx, const struct dci_answer *answer);

/* "New Delhi, India", or in French ("New Delhi, Inde") the data's French
 * names where it has them: where post_id is, as hits' post_label give it,
 * into buf.  0, EX_NOINPUT when there is no such post. */
int post_place(registry *reg, const char *post_id, int french, char *buf, size_t n);

/* A hit's names as a French reader is shown them, the browser under L and
 * --plain in French alike: a country's or a theme's French name first
 * (the core labels hits in English, with the French name as detail), a
 * post by its French city and name, and the post a hit points to by its
 * French place ("New Delhi, Inde").  0, or the registry's error. */
struct dci_hit_names {
	char label[512], detail[512], post_label[512];
};
int hit_names_french(registry *reg, const struct dci_hit *h, struct dci_hit_names *out);

/* The desk's answer to text, handed to fn once (even for ANSWER_NOTHING).
 * The search box and --find both show this answer; the rule that decides
 * it is in answer.c.  Returns 0, or EX_SOFTWARE when the registry fails. */
int answer_find(registry *reg, const char *text, answer_fn fn, void *ctx);

/* The answer for one hit the officer chose among several: the thing it
 * names, with all its posts, as if the text had named it exactly. */
int answer_for_hit(registry *reg, const struct dci_hit *hit, answer_fn fn, void *ctx);

/* The kind of a source as a phrase for "attested by ...": "an embassy
 * page", "press reports"; "" for an unknown kind.  English: a client
 * translates it (the phrases are in its catalogue). */
const char *source_kind_phrase(const char *kind);

/* The kind itself as a word for a tag ("embassy", "press"), marked for
 * the clients' catalogues; "" for an unknown kind. */
const char *source_kind_word(const char *kind);

/* ---- display ---------------------------------------------------------- */

/* Length of the well-formed UTF-8 character at s (at most n bytes), its
 * code point in *cp when cp is not NULL; 0 for a byte that does not start
 * one (overlong, surrogate, truncated).  The decoder the importer and the
 * sanitiser use, for clients that escape text themselves. */
size_t text_utf8_char(const char *s, size_t n, unsigned *cp);

enum { SANITIZE_ASCII = 1 };   /* transliterate to 7-bit for LANG=C */

/* Copy src to dst (always NUL-terminated, cut at a character boundary)
 * with every control character, escape sequence introducer, C1 control,
 * bidirectional override and invalid UTF-8 byte replaced by a visible
 * substitute: C0 controls as "^X", the rest as U+FFFD (or "?").  This is
 * the one gate between data and a terminal.  Returns the length written. */
size_t text_sanitize(char *dst, size_t dstsz, const char *src, int flags);

/* The flags text for people takes under the current locale (LC_CTYPE):
 * SANITIZE_ASCII when its character set is not UTF-8 (LANG=C), else 0.
 * The browser and the command line's text for people both ask it;
 * formats for scripts (TSV, JSON) keep UTF-8 whatever the locale. */
int text_locale_flags(void);

/* ---- comparing two registries (--diff) -------------------------------- */

enum change_kind {
	CHANGE_POST_ADDED, CHANGE_POST_REMOVED,
	CHANGE_POST_FIELD,         /* a field of posts.csv: name_en, city, country,
	                            * head_rank, head_corps, phone, email, address,
	                            * established, hosted_since, updated, source */
	CHANGE_COVERAGE_GAINED, CHANGE_COVERAGE_LOST,
	CHANGE_COVERAGE_RELATION,  /* "covers" became "host", ... */
	CHANGE_STAFF_ARRIVED, CHANGE_STAFF_LEFT,
	CHANGE_STAFF_MOVED,        /* a named person left one post for another */
	CHANGE_STAFF_FIELD,        /* rank, corps, locally_recruited, as_of, source */
	CHANGE_SOURCE_ADDED, CHANGE_SOURCE_REMOVED,  /* the post's further sources */
	CHANGE_KIND_COUNT
};

/* "post_added", "staff_moved", ...: the names JSON output uses. */
const char *change_kind_name(enum change_kind kind);

/* One change.  Every string is "" when it does not apply. */
struct dci_change {
	enum change_kind kind;
	const char *post;          /* the post; for a move, the one arrived at */
	const char *post_label;    /* "Pretoria, South Africa" (the new registry's
	                            * when it has the post, else the old's) */
	const char *subject;       /* within the post: a country "NP (Nepal)", a
	                            * person "role, name", a source id */
	const char *field;         /* *_FIELD: the column; COVERAGE_RELATION: "relation" */
	const char *old_value, *new_value;  /* *_FIELD and COVERAGE_RELATION: before,
	                            * after; STAFF_MOVED: the old post, the new;
	                            * COVERAGE_GAINED / LOST: the relation (new / old);
	                            * STAFF_ARRIVED / LEFT: the as-of date (new / old) */
};
typedef int (*change_fn)(void *ctx, const struct dci_change *change);

/* The changes from old_reg to new_reg, by post: posts added or removed;
 * for the posts in both, fields, coverage, staff and further sources
 * changed.  Staff rows are matched by post, role and name.  Changes come
 * ordered by post id, then kind (the order of enum change_kind), and none
 * when the registries hold the same posts.  Neither registry is changed;
 * both are copied into memory for the comparison.  Returns 0, or
 * EX_SOFTWARE with SQLite's message in err. */
int registry_diff(registry *old_reg, registry *new_reg, change_fn fn, void *ctx,
                  char *err, size_t errlen);

/* ---- old facts (--stale) ---------------------------------------------- */

#define STALE_YEARS_DEFAULT 5      /* the browser's default too (DCINET_STALE_YEARS) */

/* One dated fact about a post older than the cutoff. */
struct dci_stale_fact {
	const char *date;          /* as recorded: "2013", "2013-04", "2013-04-23" */
	const char *post, *post_label;   /* "pretoria", "Pretoria, South Africa" */
	const char *fact;          /* "updated" (the post's row), "staff" (a staff
	                            * row's as_of), "source" (a further source's date) */
	const char *subject;       /* staff: "role, name"; source: its title; else "" */
	const char *source;        /* the source to check again: id, url, document */
	const char *url, *document;
};
typedef int (*stale_fn)(void *ctx, const struct dci_stale_fact *fact);

/* "YYYY-MM-DD" in buf (11 bytes at least): the day years before now
 * (seconds since the epoch, taken in UTC). */
void stale_cutoff(char *buf, size_t n, int years, long long now);

/* 1 when date ("YYYY", "YYYY-MM" or "YYYY-MM-DD") is before cutoff
 * ("YYYY-MM-DD"), a partial date counting as its last day: "2021" is
 * before 2022-01-01, not before 2021-12-31.  0 for "" and anything that
 * is not a date.  The rule of stale_facts_each() and of the browser's
 * old-fact mark. */
int date_is_before(const char *date, const char *cutoff);

/* Every fact dated before cutoff ("YYYY-MM-DD"), oldest first (then by
 * post).  A partial date counts as its last day: "2021" is before
 * 2022-01-01, not before 2021-12-31.  Undated facts are not listed. */
int stale_facts_each(registry *reg, const char *cutoff, stale_fn fn, void *ctx);

/* ---- the registry as its CSV tables (--export) ------------------------ */

/* One row of one of the registry's CSV files, as dcinet-data(5) writes
 * it: values[i] is the field of columns[i] (an unstated count, a network
 * without a post: "").  types[i] is the column's kind: "text", "date",
 * "count" (a whole number or ""), "flag" ("0" or "1"), "enum" or "code".
 * Each table opens with a call whose values is NULL (its header), so an
 * empty table is seen too. */
struct dci_table_row {
	const char *file;          /* "posts.csv" */
	const char *table;         /* "posts" */
	size_t ncols;
	const char *const *columns, *const *types, *const *values;
};
typedef int (*table_row_fn)(void *ctx, const struct dci_table_row *row);

/* Every table of the registry in load order (sources.csv first), each
 * row in the order it was imported: a directory of these files imports
 * to the same registry. */
int registry_tables_each(registry *reg, table_row_fn fn, void *ctx);

#endif
