/* SPDX-License-Identifier: MIT */
/*
 * formats.c: what the three tables of output formats share.  Each table
 * is an array of {name, description, ...} in the file that writes the
 * formats (find.c for --find, export.c for --export, this file for
 * --diff and --stale), read through its *_format_at() function: parsing
 * (format_index), the usage messages (format_names), --help
 * (formats_usage) and the test against man/dcinet.1
 * (tests/unit/test_cli_formats.c) all read the tables, so a format is
 * added in one place.
 */
#include <string.h>
#include "cli.h"
#include "../tui/i18n.h"

/* --diff and --stale write text or one JSON document (diff.c, stale.c). */
static const struct {
	const char *name, *description;
} report_formats[] = {
	[REPORT_TEXT] = { "text", N_("one line a change or fact, for people") },
	[REPORT_JSON] = { "json", N_("one JSON document, for scripts") },
};

int report_format_at(size_t i, const char **name, const char **description)
{
	if (i >= ARRAY_SIZE(report_formats))
		return 0;
	*name = report_formats[i].name;
	*description = report_formats[i].description;
	return 1;
}

long format_index(format_at_fn at, const char *name)
{
	const char *n, *d;
	size_t i;

	for (i = 0; at(i, &n, &d); i++)
		if (strcmp(n, name) == 0)
			return (long)i;
	return -1;
}

const char *format_names(format_at_fn at, char *buf, size_t size)
{
	const char *n, *d;
	size_t i, w = 0;

	buf[0] = '\0';
	for (i = 0; at(i, &n, &d) && w < size; i++)
		w += (size_t)snprintf(buf + w, size - w, "%s%s", i ? ", " : "", n);
	return buf;
}

/* One table under its heading, a format a line. */
static void table_usage(FILE *out, const char *heading, format_at_fn at)
{
	const char *name, *description;
	size_t i;

	fputs(heading, out);
	for (i = 0; at(i, &name, &description); i++)
		fprintf(out, "  %-7s %s\n", name, _(description));
}

void formats_usage(FILE *out)
{
	table_usage(out, _("\nFormats of --find (--format):\n"), find_format_at);
	table_usage(out, _("Formats of --diff, --network and --stale (--format):\n"), report_format_at);
	table_usage(out, _("Formats of --export:\n"), export_format_at);
}
