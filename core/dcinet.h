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
 *  - A registry is used by one thread at a time (its SQLite connection is
 *    opened without a mutex); the importer's own reader thread is internal.
 */
#ifndef DCINET_H
#define DCINET_H

#include <stddef.h>

/* DCINET_VERSION, the release, comes from the file VERSION through the
 * Makefile (-DDCINET_VERSION="..."). */
#define DCINET_SCHEMA_VERSION 4

typedef struct registry registry;

/* ---- opening ---------------------------------------------------------- */

/* Report of one rejected CSV row: "file:line: column: reason". */
typedef void (*import_error_fn)(void *ctx, const char *file, long line,
                                const char *column, const char *reason);

struct import_opts {
	import_error_fn on_error;  /* NULL: errors are only counted */
	void *ctx;
	int max_errors;            /* per file; 0 means the default (50) */
};

struct import_stats {
	long rows;                 /* rows accepted, all tables */
	long errors;               /* errors reported, all tables (a row may have several) */
	double seconds;            /* wall time of the whole import */
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

/* Build db_path from dir.  The database is written to a temporary file
 * beside db_path and renamed over it only when every file loaded cleanly;
 * on any failure an existing db_path is left byte-for-byte unchanged. */
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
	int n_staff;
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
/* Position of a post in the list sorted by sort, or -1. */
long post_index(registry *reg, enum post_sort sort, const char *post_id);
/* One post; returns EX_NOINPUT (66) when there is no such post. */
int post_get(registry *reg, const char *post_id, post_fn fn, void *ctx);
int post_coverage_each(registry *reg, const char *post_id, coverage_fn fn, void *ctx);
int post_staff_each(registry *reg, const char *post_id, staff_fn fn, void *ctx);
/* The post's sources, its primary source first (with an empty note). */
int post_sources_each(registry *reg, const char *post_id, post_source_fn fn, void *ctx);

/* The post's card, plain text of a few lines (name, place, head, phone,
 * email, address, as-of date and source, countries covered), in French
 * when french is non-zero.  The caller frees it; NULL when there is no
 * such post.  Unsanitised: pass each line through text_sanitize() before
 * a terminal shows it. */
char *post_card(registry *reg, const char *post_id, int french);

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

/* ---- the desk's answer ------------------------------------------------ */

enum answer_status {
	ANSWER_NOTHING,            /* nothing matches the text */
	ANSWER_ONE,                /* the text names one thing */
	ANSWER_AMBIGUOUS,          /* several match and none is named exactly */
};

#define ANSWER_CANDIDATES 8    /* candidates listed at most */

/* One post serving the answer, with what the desk needs of it. */
struct dci_answer_post {
	const struct dci_post *post;   /* every fact, the evidence included */
	const char *relation;      /* to the country answered: "host", "covers",
	                            * "non-resident"; "" for other kinds */
	const char *local_time;    /* "14:05 +0545" now, "" when the zone is unknown */
};

/* Something else the text matches: a country, a post, a person, a theme. */
struct dci_candidate {
	const char *ref, *label, *post_label;
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

#endif
