/*
 * cli.h: the command-line modes, thin clients of core/dcinet.h.
 */
#ifndef DCINET_CLI_H
#define DCINET_CLI_H

#include <stdio.h>
#include "../core/dcinet.h"

/* Exit statuses of --find, a contract with scripts (see dcinet(1)). */
enum { FIND_FOUND = 0, FIND_NOTHING = 1, FIND_AMBIGUOUS = 2 };

struct find_format;

/* The output format called name ("text", "tsv", "json", "plain"), or NULL. */
const struct find_format *find_format_named(const char *name);
/* "text, tsv, json, plain": for usage messages. */
const char *find_format_list(void);

/* Print every hit for text in the given format.  Returns FIND_FOUND,
 * FIND_NOTHING or FIND_AMBIGUOUS (several countries match and none is
 * named exactly), or a sysexits code on failure. */
int find_print(registry *reg, const char *text, const struct find_format *format, FILE *out);

#endif
