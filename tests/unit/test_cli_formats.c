/* SPDX-License-Identifier: MIT */
/*
 * test_cli_formats.c: the tables of output formats (cli/find.c,
 * cli/formats.c, cli/export.c) against themselves and against the
 * OPTIONS section of man/dcinet.1.
 *
 * The man page is read from $DCINET_SRC/man/dcinet.1, or man/dcinet.1
 * relative to the current directory (tests run from the source root).
 * Formats are ".Cm name" lines: in the item of --format, those after the
 * ".Fl \-find" line are --find's and those after the ".Fl \-diff" line
 * are --diff's and --stale's; in the item of --export, all are
 * --export's.
 */
#include "mancheck.h"
#include "../../cli/cli.h"

enum list { LIST_NONE, LIST_FIND, LIST_REPORT, LIST_EXPORT, LIST_COUNT };

/* The formats the man page names, per list. */
static void man_formats(struct names man[LIST_COUNT])
{
	FILE *f = open_man();
	char line[1024];
	int in_options = 0, item = 0;      /* 1: --format's, 2: --export's */
	enum list list = LIST_NONE;

	assert_non_null(f);
	while (fgets(line, sizeof(line), f)) {
		char name[64];

		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, ".Sh ", 4) == 0) {
			in_options = strcmp(line, ".Sh OPTIONS") == 0;
			continue;
		}
		if (!in_options)
			continue;
		if (strncmp(line, ".It ", 4) == 0) {
			item = strstr(line, "Fl \\-format") ? 1 : strstr(line, "Fl \\-export") ? 2 : 0;
			list = item == 2 ? LIST_EXPORT : LIST_NONE;
		} else if (item == 1 && strncmp(line, ".Fl \\-find", 10) == 0) {
			list = LIST_FIND;
		} else if (item == 1 && strncmp(line, ".Fl \\-diff", 10) == 0) {
			list = LIST_REPORT;
		} else if (item && list != LIST_NONE && sscanf(line, ".Cm %63s", name) == 1) {
			names_add(&man[list], name);
		}
	}
	fclose(f);
}

static void table_formats(struct names *ns, format_at_fn at)
{
	const char *name, *description;
	size_t i;

	for (i = 0; at(i, &name, &description); i++) {
		assert_non_null(name);
		assert_non_null(description);
		assert_true(description[0] != '\0');
		assert_false(names_has(ns, name));       /* no name twice */
		names_add(ns, name);
	}
	assert_true(ns->n > 0);
}

static void test_man_lists_every_format(void **state)
{
	static const struct {
		format_at_fn at;
		const char *option;
	} tables[LIST_COUNT] = {
		[LIST_FIND] = { find_format_at, "--format with --find" },
		[LIST_REPORT] = { report_format_at, "--format with --diff and --stale" },
		[LIST_EXPORT] = { export_format_at, "--export" },
	};
	struct names man[LIST_COUNT], table;
	int l, i, bad = 0;

	(void)state;
	memset(man, 0, sizeof(man));
	man_formats(man);
	for (l = LIST_FIND; l < LIST_COUNT; l++) {
		memset(&table, 0, sizeof(table));
		table_formats(&table, tables[l].at);
		for (i = 0; i < table.n; i++)
			if (!names_has(&man[l], table.name[i])) {
				fprintf(stderr, "man/dcinet.1 (%s) lacks the format \"%s\" (add .Cm %s)\n",
				        tables[l].option, table.name[i], table.name[i]);
				bad = 1;
			}
		for (i = 0; i < man[l].n; i++)
			if (!names_has(&table, man[l].name[i])) {
				fprintf(stderr, "man/dcinet.1 (%s) documents the format \"%s\", which "
				        "its table does not have\n", tables[l].option, man[l].name[i]);
				bad = 1;
			}
		names_free(&table);
		names_free(&man[l]);
	}
	assert_false(bad);
}

/* Parsing reads the same tables. */
static void test_names_parse(void **state)
{
	const char *name, *description;
	char buf[128];
	size_t i;

	(void)state;
	for (i = 0; find_format_at(i, &name, &description); i++)
		assert_non_null(find_format_named(name));
	for (i = 0; export_format_at(i, &name, &description); i++)
		assert_non_null(export_format_named(name));
	assert_int_equal(format_index(report_format_at, "json"), REPORT_JSON);
	assert_int_equal(format_index(report_format_at, "text"), REPORT_TEXT);
	assert_null(find_format_named("yaml"));
	assert_null(export_format_named("yaml"));
	assert_int_equal(format_index(report_format_at, "tsv"), -1);
	assert_string_equal(format_names(report_format_at, buf, sizeof(buf)), "text, json");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_man_lists_every_format),
		cmocka_unit_test(test_names_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
