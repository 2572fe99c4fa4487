/* SPDX-License-Identifier: MIT */
/*
 * tables.h: the registry's CSV files described as data.  The importer is
 * one loop over this description; adding a column is one line here, one in
 * the schema, one in dcinet-data(5).
 */
#ifndef DCINET_TABLES_H
#define DCINET_TABLES_H

#include <stddef.h>

enum col_type {
	COL_TEXT,      /* any valid UTF-8 */
	COL_DATE,      /* YYYY, YYYY-MM or YYYY-MM-DD */
	COL_COUNT,     /* a non-negative integer; empty is NULL */
	COL_FLAG,      /* 0 or 1; empty is 0 */
	COL_ENUM,      /* one of allowed[] */
	COL_CODE,      /* exactly `width` ASCII capital letters */
};

enum { COL_REQUIRED = 1, COL_NULL_IF_EMPTY = 2 };

struct column_spec {
	const char *name;
	enum col_type type;
	unsigned flags;
	const char *const *allowed;   /* COL_ENUM: NULL-terminated */
	int width;                    /* COL_CODE */
	const char *ref_table;        /* must name an existing row there ... */
	const char *ref_column;       /* ... in this column */
	const char *ref_what;         /* "post", "source": for messages */
};

struct table_spec {
	const char *file;             /* "posts.csv" */
	const char *table;            /* "posts" */
	const struct column_spec *cols;
	size_t ncols;
	const char *key_what;         /* what a duplicate is: "id", "post and country" */
	/* Checks across columns: NULL or the reason, with *column set. */
	const char *(*row_check)(const char *const *values, const char **column);
};

extern const struct table_spec registry_tables[];
extern const size_t registry_table_count;

/* NULL when value fits the column, else a reason for the error message
 * (written to buf, which holds at least 160 bytes). */
const char *column_check(const struct column_spec *col, const char *value,
                         size_t len, char *buf, size_t buflen);

#endif
