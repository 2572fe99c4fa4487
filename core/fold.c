/* SPDX-License-Identifier: MIT */
/*
 * fold.c: text folded for comparing and ordering the way people read it:
 * "Côte-d'Ivoire", "cote d ivoire" and "COTE D'IVOIRE" are one name and
 * sort under C, not after Z.
 */
#include <sqlite3.h>
#include <string.h>
#include "internal.h"

/* Fold for comparison: ASCII letters and digits in lower case, every run
 * of anything else one space, no space at either end. */
void text_fold(char *dst, size_t n, const char *src)
{
	char ascii[512];
	size_t i, out = 0;
	int space = 0;

	/* (printable ASCII, most names, is copied as it is: sanitize.c) */
	text_sanitize(ascii, sizeof(ascii), src, SANITIZE_ASCII);
	for (i = 0; ascii[i] && out + 2 < n; i++) {
		char c = ascii[i];

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
			if (space && out)
				dst[out++] = ' ';
			space = 0;
			dst[out++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		} else {
			space = 1;
		}
	}
	dst[out] = '\0';
}

/* dci_fold(text): text_fold() for SQL, so an import can order by it. */
static void sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	char out[512];

	(void)argc;
	text_fold(out, sizeof(out), (const char *)sqlite3_value_text(argv[0]));
	sqlite3_result_text(ctx, out, -1, SQLITE_TRANSIENT);
}

int fold_register(sqlite3 *db)
{
	return sqlite3_create_function(db, "dci_fold", 1,
	                               SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
	                               NULL, sql_fold, NULL, NULL);
}
