/* SPDX-License-Identifier: MIT */
/*
 * rows.h: rows a pane keeps from the core, as a table of owned strings.
 *
 * The core hands a row to a callback and takes its strings back when the
 * callback returns (dcinet.h); a pane that keeps the row copies it here.
 * A table has a fixed number of string fields a row (name them with an
 * enum) and, optionally, a block of data_size bytes a row for numbers
 * (zeroed when the row is added).  Every field reads as a string, never
 * NULL: a NULL given is kept as "".
 */
#ifndef DCINET_TUI_ROWS_H
#define DCINET_TUI_ROWS_H

#include <stddef.h>

struct rows {
	char **cell;               /* n rows of width strings, row after row */
	unsigned char *data;       /* n rows of data_size bytes; NULL when none */
	size_t n, cap, width, data_size;
};

/* An empty table of width fields (and data_size bytes) a row. */
void rows_init(struct rows *t, size_t width, size_t data_size);

/* Append a row, copying its t->width strings.  Returns 0, or 1 when out
 * of memory (the table is unchanged): a core callback can return it. */
int rows_add(struct rows *t, const char *const *fields);

/* Append a copy of row `row` of from (same width and data size). */
int rows_add_row(struct rows *t, const struct rows *from, size_t row);

const char *rows_get(const struct rows *t, size_t row, size_t field);

/* The row's data block (data_size bytes), or NULL when data_size is 0. */
void *rows_data(const struct rows *t, size_t row);

/* Replace a field with a copy of value; 0, or 1 when out of memory. */
int rows_set(struct rows *t, size_t row, size_t field, const char *value);

/* Exchange two fields of a row. */
void rows_swap(struct rows *t, size_t row, size_t a, size_t b);

/* Keep the first n rows (free the others). */
void rows_truncate(struct rows *t, size_t n);

/* Drop every row; keep the memory for the next ones. */
void rows_clear(struct rows *t);

/* Drop every row and the memory. */
void rows_free(struct rows *t);

#endif
