/* SPDX-License-Identifier: MIT */
/*
 * testutil.h: scratch registries for the core's unit tests.  Each test
 * copies the mini fixture to a fresh temporary directory, changes one
 * file, and imports it with the errors collected into a buffer.
 */
#ifndef DCINET_TESTUTIL_H
#define DCINET_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include "../../core/dcinet.h"

#define FIXTURE "tests/fixtures/mini"

struct errbuf {
	char text[16384];
	size_t len;
	int count;
};

static inline void errbuf_add(void *ctx, const char *file, long line, const char *column,
                       const char *reason)
{
	struct errbuf *e = ctx;
	const char *base = strrchr(file, '/');

	e->count++;
	e->len += (size_t)snprintf(e->text + e->len, sizeof(e->text) - e->len,
	                           "%s:%ld: %s: %s\n", base ? base + 1 : file, line,
	                           column ? column : "-", reason);
	if (e->len >= sizeof(e->text))
		e->len = sizeof(e->text) - 1;
}

/* A fresh copy of the fixture; the caller frees the returned path. */
static inline char *scratch_dir(void)
{
	char *dir = strdup("/tmp/dcinet-test-XXXXXX"), cmd[256];

	assert_non_null(mkdtemp(dir));
	snprintf(cmd, sizeof(cmd), "cp " FIXTURE "/*.csv %s/", dir);
	assert_int_equal(system(cmd), 0);
	return dir;
}

static inline void scratch_remove(char *dir)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	free(dir);
}

static inline void write_bytes(const char *dir, const char *file, const char *bytes, size_t n)
{
	char path[512];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(bytes, 1, n, fp), n);
	fclose(fp);
}

static inline void write_file(const char *dir, const char *file, const char *text)
{
	write_bytes(dir, file, text, strlen(text));
}

/* Import dir into memory; returns the exit code, errors in *e. */
static inline int check_dir(const char *dir, struct errbuf *e)
{
	struct import_opts opts = { errbuf_add, e, 0 };

	memset(e, 0, sizeof(*e));
	return import_check_dir(dir, &opts, NULL);
}

static inline registry *load_fixture(void)
{
	struct errbuf e;
	struct import_opts opts = { errbuf_add, &e, 0 };
	registry *reg = NULL;

	memset(&e, 0, sizeof(e));
	assert_int_equal(registry_load_dir(&reg, FIXTURE, &opts, NULL), 0);
	assert_int_equal(e.count, 0);
	return reg;
}

#endif
