/* SPDX-License-Identifier: MIT */
/*
 * internal.h: what the core's own files share and clients never see.
 */
#ifndef DCINET_INTERNAL_H
#define DCINET_INTERNAL_H

#include <sqlite3.h>
#include "dcinet.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Statements prepared once per registry and reused: the search box runs
 * one per keystroke.  A callback must not re-enter the query it is in. */
enum stmt_id {
	STMT_COUNTS, STMT_DIRECTORATE, STMT_SNAPSHOTS, STMT_THEMES, STMT_POSTS_PAGE,
	STMT_POST_INDEX, STMT_POST_GET, STMT_POST_COVERAGE, STMT_POST_STAFF,
	STMT_POST_SOURCES, STMT_COVERED_BY,
	STMT_SEARCH_COUNTRY, STMT_SEARCH_POST, STMT_SEARCH_STAFF, STMT_SEARCH_THEME,
	STMT_COUNTRY_NAMES, STMT_ANSWER_COVER, STMT_SEARCH_STAFF_IDS,
	STMT_STAFF_HIT, STMT_ANSWER_STAFF_NAMED, STMT_POST_BRIEF, STMT_POSTS_LIST,
	STMT_ANSWER_COUNTRIES, STMT_SEARCH_POST_IDS, STMT_POST_HIT, STMT_ANSWER_POST_NAMED,
	STMT_POST_PLACE, STMT_BEGIN, STMT_COMMIT,
	STMT_COUNT
};

struct search_cache;               /* search.c */
struct answer_cache;               /* answer.c */

struct registry {
	sqlite3 *db;
	sqlite3_stmt *stmt[STMT_COUNT];
	struct search_cache *search;   /* the last text's hits, per kind */
	struct answer_cache *answers;  /* posts an answer read, by id */
	int french;                /* order lists as a French reader does */
	char err[512];             /* the last failure, for registry_error() */
};

/* A registry's connection is used by one thread at a time (the importer's
 * reader thread never touches SQLite), so it takes no mutex of its own:
 * SQLite's serialized mode locks on every call, a third of the cost of
 * inserting a row. */
#define OPEN_FLAGS SQLITE_OPEN_NOMUTEX

/* registry.c: SQLite's process-wide settings, made once before SQLite
 * first initialises (a later call changes nothing); db_open() makes
 * them, then opens name with OPEN_FLAGS | flags. */
void sqlite_setup(void);
int db_open(const char *name, sqlite3 **db, int flags, const char *vfs);
/* "file:" and path, percent-encoded (a path may hold '?' or '#'), then
 * "?" and query, into buf of n bytes: 0, or -1 when it does not fit. */
int db_uri(char *buf, size_t n, const char *path, const char *query);

/* query.c: the cached statement id, prepared from sql on first use, reset
 * and with its bindings cleared; NULL on an SQLite error (kept for
 * registry_error()). */
sqlite3_stmt *registry_stmt(registry *reg, enum stmt_id id, const char *sql);

/* One column of a SELECT bound to the field of a row struct it fills: a
 * query lists its columns once, in a table of these, and both its SELECT
 * list and the filling of its rows are made from that table, so a field
 * is added by adding one line to it. */
enum column_type {
	COLUMN_TEXT,               /* const char *, "" for NULL */
	COLUMN_INT,                /* int, 0 for NULL */
	COLUMN_FIGURE,             /* long, -1 for NULL (a figure not stated) */
};
struct column {
	const char *sql;           /* its expression in the SELECT list */
	size_t offset;             /* offsetof() its field in the row struct */
	enum column_type type;
};

/* One read transaction around the statements of a search or an answer
 * (read_begin: 1 when it began one, which read_end ends), instead of
 * one a statement. */
int read_begin(registry *reg);
void read_end(registry *reg, int began);

/* "a, b, c": the SELECT list of the n columns cols, in buf (asserted to
 * fit). */
void column_list(char *buf, size_t size, const struct column *cols, size_t n);
/* The cached statement id, "SELECT <cols' list> <rest>", prepared on
 * first use as registry_stmt() does; asserts that it yields n columns. */
sqlite3_stmt *select_stmt(registry *reg, enum stmt_id id, const struct column *cols,
                          size_t n, const char *rest);
/* The one step loop of the core's queries: step st; on a row, fill the
 * struct at row from the n columns cols (st yields exactly those) and
 * return 1; at the end or on an error return 0.  *rc holds SQLite's code
 * for stmt_finish(), also when the caller stops after a row. */
int row_next(sqlite3_stmt *st, const struct column *cols, size_t n, void *row, int *rc);
/* The code of a statement that did not prepare: EX_DATAERR. */
int stmt_failed(const registry *reg);
/* Step st to the end, returning 0, or on an error EX_DATAERR (a damaged
 * database) or EX_SOFTWARE, the message kept for registry_error(). */
int stmt_finish(registry *reg, sqlite3_stmt *st, int rc);

/* schema.c: SQLite's message in err on failure */
int schema_create(sqlite3 *db, char *err, size_t errlen);
/* the search indexes and list orders; the staff search index too when
 * staff_index is set (else staff_index.c builds it) */
int schema_build_derived(sqlite3 *db, int staff_index, char *err, size_t errlen);
/* Run sql on db: 0, or EX_IOERR (the disk is full) or EX_SOFTWARE with
 * SQLite's message in err. */
int schema_exec(sqlite3 *db, const char *sql, char *err, size_t errlen);
/* The staff search index, built from the table "staff"; and its copy
 * into main from the database attached as staff_index. */
extern const char schema_staff_index_sql[];
extern const char schema_staff_index_copy_sql[];

/* staff_index.c: the staff search index, built by a thread of its own
 * while the import derives the rest.  staff_index_start() is called with
 * the rows committed to db's file, the scratch file made in the directory
 * dirfd; it returns once the thread has read what it needs of the schema,
 * so the caller may write again, or NULL when no thread could start
 * (build the index in line).  Until staff_index_finish(), db refuses to
 * prepare a statement that writes the staff table.  staff_index_finish()
 * waits for the thread and copies the index into db (none when db is
 * NULL). */
struct staff_index;
struct staff_index *staff_index_start(sqlite3 *db, int dirfd);
int staff_index_finish(struct staff_index *si, sqlite3 *db, char *err, size_t errlen);
int schema_check_version(sqlite3 *db, char *err, size_t errlen);

/* build.c: the schema in db, filled from dir, with the search indexes and
 * list orders when derived is set; a failure that is no CSV row's is
 * reported on what (a path) through opts.  dirfd: the directory of the
 * file db is built in, where the staff index's thread may make its
 * scratch file (staff_index.c); -1 for a database in memory. */
int registry_build(sqlite3 *db, const char *dir, const char *what,
                   const struct import_opts *opts, struct import_stats *stats, int derived,
                   int dirfd);
/* opts->on_error(file, line 0, no column, reason), when there is one. */
void import_report(const struct import_opts *opts, const char *file, const char *reason);

/* import.c: load every table of dir into db (already holding the schema). */
int import_into(sqlite3 *db, const char *dir, const struct import_opts *opts,
                struct import_stats *stats);

/* utf8.c */
/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0 when the
 * bytes there are not well-formed (overlong, surrogate, beyond U+10FFFF,
 * truncated).  *cp receives the code point. */
size_t utf8_decode(const unsigned char *s, size_t n, unsigned *cp);

/* 1 when the n bytes at s are all ASCII digits (tables.c). */
int ascii_digits(const char *s, size_t n);
/* Offset of the first invalid byte in s, or (size_t)-1 when s is valid. */
size_t utf8_invalid_at(const char *s, size_t n);

/* search.c: drop the hits kept for the last text (registry_close) */
void search_cache_free(registry *reg);
/* answer.c: drop the posts kept (registry_close) */
void answer_cache_free(registry *reg);

/* query.c: post_get() without what an answer does not say of a post, its
 * coverage: covers is "", n_covered -1 (not read).  Each costs page reads
 * of its own (coverage), and an answer reads up to 16 posts a keystroke. */
int post_get_brief(registry *reg, const char *post_id, post_fn fn, void *ctx);

/* fold.c: src folded to lower-case ASCII words separated by one space. */
void text_fold(char *dst, size_t n, const char *src);
/* Make dci_fold() available to SQL on db. */
int fold_register(sqlite3 *db);

/* The text every search of text reads: text itself, or, when text opens
 * with a French article ("le Népal", "l'Inde") and matches nothing of any
 * kind as typed, the words after it.  A country's French name is written
 * with its article, which no name in the registry holds; "la Paz" or "Le
 * Goff", which match as typed, are searched as typed.  A pointer into
 * text. */
const char *search_text(registry *reg, const char *text);

/* The rowids of the first want post or staff hits of text, in the order
 * search_run() returns the hits, into ids (room for want); their count
 * into *n (fewer when there are fewer).  Read from the FTS index alone,
 * on the statement the search box's hits of text came from (search.c):
 * no row is read and the FTS query does not run again. */
int search_rowids(registry *reg, const char *text, enum hit_kind kind, int want,
                  sqlite3_int64 *ids, int *n);

/* The country hits of text among its first limit (search_run's order),
 * one call of fn per country: its first hit, and rows, how many of the
 * limit are its (one per covering post, or one); *more set when text has
 * more than limit country hits.  Reads no covering post but the first. */
typedef int (*country_hit_fn)(void *ctx, const struct dci_hit *first, int rows);
int search_country_firsts(registry *reg, const char *text, int limit,
                          country_hit_fn fn, void *ctx, int *more);

/* Text column i of the current row, never NULL. */
const char *column_text(sqlite3_stmt *st, int i);

#endif
