/* SPDX-License-Identifier: MIT */
/*
 * export.c: the registry read back as its CSV tables (registry_tables_each),
 * for --export: the table descriptions of tables.c name the files and
 * columns, so an exported directory imports to the same registry.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include "internal.h"
#include "tables.h"

#define MAX_COLS 32

static const char *type_name(enum col_type type)
{
	switch (type) {
	case COL_TEXT: return "text";
	case COL_DATE: return "date";
	case COL_COUNT: return "count";
	case COL_FLAG: return "flag";
	case COL_ENUM: return "enum";
	case COL_CODE: return "code";
	}
	return "text";
}

/* SELECT of every column of spec, in import order: rowid for the tables
 * that have one, the primary key for the others (WITHOUT ROWID). */
static sqlite3_stmt *table_select(registry *reg, const struct table_spec *spec)
{
	char sql[1024];
	size_t i, w = (size_t)snprintf(sql, sizeof(sql), "SELECT ");
	sqlite3_stmt *st = NULL;
	int n;

	for (i = 0; i < spec->ncols && w < sizeof(sql); i++)
		w += (size_t)snprintf(sql + w, sizeof(sql) - w, "%s\"%s\"", i ? ", " : "",
		                      spec->cols[i].name);
	if (w >= sizeof(sql))
		return NULL;
	n = snprintf(sql + w, sizeof(sql) - w, " FROM \"%s\" ORDER BY rowid", spec->table);
	if (n < 0 || (size_t)n >= sizeof(sql) - w)
		return NULL;
	if (sqlite3_prepare_v2(reg->db, sql, -1, &st, NULL) == SQLITE_OK)
		return st;
	sql[w + (size_t)n - strlen(" ORDER BY rowid")] = '\0';
	if (sqlite3_prepare_v2(reg->db, sql, -1, &st, NULL) == SQLITE_OK)
		return st;
	snprintf(reg->err, sizeof(reg->err), "%s", sqlite3_errmsg(reg->db));
	return NULL;
}

/* 0, or a sysexits code; *stop set when fn asked to stop. */
static int table_each(registry *reg, const struct table_spec *spec, table_row_fn fn, void *ctx,
                      int *stop)
{
	const char *columns[MAX_COLS], *types[MAX_COLS], *values[MAX_COLS];
	struct dci_table_row row = { spec->file, spec->table, spec->ncols, columns, types, NULL };
	sqlite3_stmt *st;
	size_t i;
	int rc;

	if (spec->ncols > MAX_COLS)
		return EX_SOFTWARE;
	for (i = 0; i < spec->ncols; i++) {
		columns[i] = spec->cols[i].name;
		types[i] = type_name(spec->cols[i].type);
	}
	if (fn(ctx, &row)) {
		*stop = 1;
		return 0;
	}
	st = table_select(reg, spec);
	if (!st)
		return stmt_failed(reg);
	row.values = values;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < spec->ncols; i++)
			values[i] = column_text(st, (int)i);
		if (fn(ctx, &row)) {
			*stop = 1;
			break;
		}
	}
	rc = stmt_finish(reg, st, rc);
	sqlite3_finalize(st);
	return rc;
}

int registry_tables_each(registry *reg, table_row_fn fn, void *ctx)
{
	size_t t;
	int rc = 0, stop = 0;

	assert(reg && fn);
	for (t = 0; t < registry_table_count && !rc && !stop; t++)
		rc = table_each(reg, &registry_tables[t], fn, ctx, &stop);
	return rc;
}
