/* SPDX-License-Identifier: MIT */
/*
 * textfile.h: a table file's separator and encoding (see textfile.c).
 */
#ifndef DCINET_TEXTFILE_H
#define DCINET_TEXTFILE_H

#include <stdio.h>
#include "tables.h"

struct textfile {
	char delim;                /* ',', ';' or '\t' */
	char *converted;           /* the UTF-8 bytes *fp now reads, or NULL */
	int note;                  /* a line said what the file seems to be */
};

/* Look at *fp before it is parsed: choose the separator, and replace *fp
 * by the file converted to UTF-8 when it is Windows-1252 (one warning).
 * Returns 1 when a line was reported about the file (counted as an
 * error), else 0.  textfile_done() frees what it kept; the caller closes
 * *fp as usual. */
int textfile_open(FILE **fp, const struct table_spec *spec, const struct import_opts *opts,
                  const char *path, struct textfile *tf);
void textfile_done(struct textfile *tf);

#endif
