/* SPDX-License-Identifier: MIT */
/*
 * cli.h: the command-line modes, thin clients of core/dcinet.h.
 */
#ifndef DCINET_CLI_H
#define DCINET_CLI_H

#include <stdio.h>
#include "../core/dcinet.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Exit statuses of --find, a contract with scripts (see dcinet(1)). */
enum { FIND_FOUND = 0, FIND_NOTHING = 1, FIND_AMBIGUOUS = 2 };

/* ---- output formats (formats.c) --------------------------------------- */

/* A table of output formats, read through its function: the i-th
 * format's name and description (marked with N_(), translated when
 * shown); 0 past the last. */
typedef int (*format_at_fn)(size_t i, const char **name, const char **description);

int find_format_at(size_t i, const char **name, const char **description);   /* find.c */
int export_format_at(size_t i, const char **name, const char **description); /* export.c */
/* --diff and --stale: text, json, in the order of this enum */
enum report_format { REPORT_TEXT, REPORT_JSON };
int report_format_at(size_t i, const char **name, const char **description);

/* The index of the format called name in the table, or -1. */
long format_index(format_at_fn at, const char *name);
/* "text, plain, tsv, json" (the table's names) in buf: for usage messages. */
const char *format_names(format_at_fn at, char *buf, size_t size);
/* The formats of --find, --diff and --stale, and --export, one line each
 * with its description, for --help. */
void formats_usage(FILE *out);

/* ---- --find ----------------------------------------------------------- */

struct find_format;

/* The output format called name ("text", "plain", "tsv", "json"), or NULL. */
const struct find_format *find_format_named(const char *name);

/* Print every hit for text in the given format (plain: with the data's
 * French names when french is set, as the sentences are).  Returns FIND_FOUND,
 * FIND_NOTHING or FIND_AMBIGUOUS (several countries match and none is
 * named exactly), or a sysexits code on failure. */
int find_print(registry *reg, const char *text, const struct find_format *format, int french,
               FILE *out);

/* s as a JSON string, with what text_sanitize() would replace escaped
 * as \u, so a document is as safe to show as text (find.c). */
void json_string(FILE *out, const char *s);

/* The n members "keys[i]": "vals[i]" (JSON strings), comma-separated, a
 * comma before the first too when after is non-zero (find.c). */
void json_members(FILE *out, const char *const *keys, const char *const *vals, size_t n,
                  int after);

/* ---- --diff, --stale, --export ---------------------------------------- */

/* Exit statuses of --diff, a contract with scripts (see dcinet(1)). */
enum { DIFF_SAME = 0, DIFF_DIFFERENT = 1 };

/* Print the changes from old_reg to new_reg (named old_name, new_name),
 * as text or one JSON document.  Returns DIFF_SAME, DIFF_DIFFERENT, or a
 * sysexits code with the reason in err. */
int diff_print(registry *old_reg, registry *new_reg, const char *old_name,
               const char *new_name, int json, FILE *out, char *err, size_t errlen);

/* Print the registry's counts and every network size the sources claim
 * (dated ones oldest first, undated last), as text or JSON.  Returns 0 or
 * a sysexits code with the reason in err. */
int network_print(registry *reg, int json, FILE *out, char *err, size_t errlen);

/* Print the facts older than years (oldest first), as text or JSON.
 * Returns 0 or a sysexits code with the reason in err. */
int stale_print(registry *reg, int years, int json, FILE *out, char *err, size_t errlen);

struct export_format;

/* The export format called name ("csv", "json", "vcard"), or NULL. */
const struct export_format *export_format_named(const char *name);
/* 1 when the format writes a directory (csv) rather than one file. */
int export_format_is_dir(const struct export_format *format);

/* Export the whole registry to path (NULL: standard output, not for a
 * directory format), never leaving a half-written file: a temporary file
 * beside path renamed over it when complete.  An existing path is
 * replaced only when force is set (else EX_CANTCREAT).  Returns 0 or a
 * sysexits code with one line in err. */
int export_write(registry *reg, const struct export_format *format, const char *path,
                 int force, char *err, size_t errlen);

#endif
