/*
 * cli.h: the command-line modes, thin clients of core/dcinet.h.
 */
#ifndef DCINET_CLI_H
#define DCINET_CLI_H

#include <stdio.h>
#include "../core/dcinet.h"

enum find_format { FIND_TEXT, FIND_JSON };

/* Print every hit for text; returns 0 when something was found, 1 when
 * nothing was, or a sysexits code on failure. */
int find_print(registry *reg, const char *text, enum find_format format, FILE *out);

#endif
