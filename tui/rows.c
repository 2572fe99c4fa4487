/* SPDX-License-Identifier: MIT */
/*
 * rows.c: tables of owned strings, for the rows a pane keeps (rows.h).
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include "rows.h"
#include "str.h"

void rows_init(struct rows *t, size_t width, size_t data_size)
{
	assert(width > 0);
	memset(t, 0, sizeof(*t));
	t->width = width;
	t->data_size = data_size;
}

static int grow(struct rows *t)
{
	size_t ncap = t->cap ? t->cap * 2 : 8;
	char **nc = realloc(t->cell, ncap * t->width * sizeof(char *));

	if (nc == NULL)
		return 1;
	t->cell = nc;
	if (t->data_size > 0) {
		unsigned char *nd = realloc(t->data, ncap * t->data_size);

		if (nd == NULL)
			return 1;
		t->data = nd;
	}
	t->cap = ncap;
	return 0;
}

int rows_add(struct rows *t, const char *const *fields)
{
	char **row;
	size_t i;

	assert(t->width > 0);
	if (t->n == t->cap && grow(t))
		return 1;
	row = &t->cell[t->n * t->width];
	for (i = 0; i < t->width; i++) {
		row[i] = str_dup(fields[i]);
		if (row[i] == NULL) {
			while (i > 0)
				free(row[--i]);
			return 1;
		}
	}
	if (t->data_size > 0)
		memset(t->data + t->n * t->data_size, 0, t->data_size);
	t->n++;
	return 0;
}

int rows_add_row(struct rows *t, const struct rows *from, size_t row)
{
	assert(t->width == from->width && t->data_size == from->data_size && row < from->n);
	if (rows_add(t, (const char *const *)&from->cell[row * from->width]))
		return 1;
	if (t->data_size > 0)
		memcpy(rows_data(t, t->n - 1), rows_data(from, row), t->data_size);
	return 0;
}

const char *rows_get(const struct rows *t, size_t row, size_t field)
{
	assert(row < t->n && field < t->width);
	return t->cell[row * t->width + field];
}

void *rows_data(const struct rows *t, size_t row)
{
	assert(row < t->n);
	return t->data_size > 0 ? t->data + row * t->data_size : NULL;
}

int rows_set(struct rows *t, size_t row, size_t field, const char *value)
{
	char *copy = str_dup(value);

	assert(row < t->n && field < t->width);
	if (copy == NULL)
		return 1;
	free(t->cell[row * t->width + field]);
	t->cell[row * t->width + field] = copy;
	return 0;
}

void rows_swap(struct rows *t, size_t row, size_t a, size_t b)
{
	char *tmp;

	assert(row < t->n && a < t->width && b < t->width);
	tmp = t->cell[row * t->width + a];
	t->cell[row * t->width + a] = t->cell[row * t->width + b];
	t->cell[row * t->width + b] = tmp;
}

void rows_truncate(struct rows *t, size_t n)
{
	size_t i;

	if (n >= t->n)
		return;
	for (i = n * t->width; i < t->n * t->width; i++)
		free(t->cell[i]);
	t->n = n;
}

void rows_clear(struct rows *t)
{
	rows_truncate(t, 0);
}

void rows_free(struct rows *t)
{
	rows_clear(t);
	free(t->cell);
	free(t->data);
	t->cell = NULL;
	t->data = NULL;
	t->cap = 0;
}
