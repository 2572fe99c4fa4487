/* SPDX-License-Identifier: MIT */
/*
 * mancheck.h: what the tests holding a table to man/dcinet.1 share
 * (test_tui_keymap.c: the keys; test_cli_formats.c: the output formats):
 * a small set of names, and the man page opened.
 *
 * The man page is read from $DCINET_SRC/man/dcinet.1, or man/dcinet.1
 * relative to the current directory (tests run from the source root).
 */
#ifndef DCINET_MANCHECK_H
#define DCINET_MANCHECK_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#define MAX_NAMES 128

struct names {
	char *name[MAX_NAMES];
	int n;
};

static inline void names_add(struct names *ns, const char *name)
{
	int i;

	for (i = 0; i < ns->n; i++)
		if (strcmp(ns->name[i], name) == 0)
			return;
	assert_true(ns->n < MAX_NAMES);
	ns->name[ns->n++] = strdup(name);
}

static inline int names_has(const struct names *ns, const char *name)
{
	int i;

	for (i = 0; i < ns->n; i++)
		if (strcmp(ns->name[i], name) == 0)
			return 1;
	return 0;
}

static inline void names_free(struct names *ns)
{
	int i;

	for (i = 0; i < ns->n; i++)
		free(ns->name[i]);
	ns->n = 0;
}

static inline FILE *open_man(void)
{
	const char *src = getenv("DCINET_SRC");
	char path[4096];
	FILE *f = NULL;

	if (src != NULL && src[0]) {
		snprintf(path, sizeof(path), "%s/man/dcinet.1", src);
		f = fopen(path, "r");
	}
	if (f == NULL)
		f = fopen("man/dcinet.1", "r");
	if (f == NULL)
		f = fopen("../man/dcinet.1", "r");
	return f;
}

#endif
