/* SPDX-License-Identifier: MIT */
/*
 * test_core_stale.c: old facts (stale_cutoff, stale_facts_each) and the
 * registry read back as its CSV tables (registry_tables_each), on the
 * mini fixture.
 */
#include <sysexits.h>
#include "testutil.h"

struct facts {
	int n;
	char line[16][160];
};

static int keep(void *ctx, const struct dci_stale_fact *f)
{
	struct facts *g = ctx;

	if (g->n < 16)
		snprintf(g->line[g->n], sizeof(g->line[0]), "%s %s %s [%s] %s %s", f->date, f->post,
		         f->fact, f->subject, f->source, f->url[0] ? "url" : f->document);
	g->n++;
	return 0;
}

static void test_cutoff(void **state)
{
	char buf[16];

	(void)state;
	stale_cutoff(buf, sizeof(buf), 5, 1700000000LL);    /* 2023-11-14 22:13 UTC */
	assert_string_equal(buf, "2018-11-14");
	stale_cutoff(buf, sizeof(buf), 0, 1700000000LL);
	assert_string_equal(buf, "2023-11-14");
}

/* A partial date counts as its last day; what is not a date is never old. */
static void test_date_is_before(void **state)
{
	(void)state;
	assert_true(date_is_before("2013-04-23", "2018-11-14"));
	assert_false(date_is_before("2018-11-14", "2018-11-14"));
	assert_true(date_is_before("2021", "2022-01-01"));
	assert_false(date_is_before("2021", "2021-12-31"));
	assert_true(date_is_before("2021-11", "2021-12-01"));
	assert_false(date_is_before("2021-11", "2021-11-30"));
	assert_false(date_is_before("", "2021-11-30"));
	assert_false(date_is_before(NULL, "2021-11-30"));
	assert_false(date_is_before("20x1", "2030-01-01"));
	assert_false(date_is_before("2021-1-05", "2030-01-01"));
	assert_false(date_is_before("sometime", "2030-01-01"));
}

/* Before 2018-07-31 in the fixture: Pretoria's row and staff (2013),
 * and New Delhi's second source (s-namibia, 2013); New Delhi's update of
 * 2018-07-30 too, but not once the cutoff is that day. */
static void test_facts(void **state)
{
	registry *reg = load_fixture();
	struct facts g;

	(void)state;
	memset(&g, 0, sizeof(g));
	assert_int_equal(stale_facts_each(reg, "2018-07-31", keep, &g), 0);
	assert_int_equal(g.n, 6);
	assert_string_equal(g.line[0], "2013-04-23 new-delhi source [Missions of the safety and security service] "
	                    "s-namibia url");
	assert_string_equal(g.line[1], "2013-04-23 pretoria updated [] s-namibia url");
	assert_string_equal(g.line[2],
	                    "2013-04-23 pretoria staff [Attaché for Home Security, Michel LEMEE] "
	                    "s-namibia url");
	assert_string_equal(g.line[5], "2018-07-30 new-delhi updated [] s-delhi 001.txt");
	memset(&g, 0, sizeof(g));
	assert_int_equal(stale_facts_each(reg, "2018-07-30", keep, &g), 0);
	assert_int_equal(g.n, 5);
	memset(&g, 0, sizeof(g));
	assert_int_equal(stale_facts_each(reg, "1900-01-01", keep, &g), 0);
	assert_int_equal(g.n, 0);
	registry_close(reg);
}

/* A partial date is its last day: "2020" is old only after 2020-12-31. */
static void test_partial_dates(void **state)
{
	char *dir = scratch_dir(), cmd[512];
	registry *reg;
	struct errbuf e;
	struct import_opts opts = { errbuf_add, &e, 0 };
	struct facts g;

	(void)state;
	snprintf(cmd, sizeof(cmd), "sed -i 's/,2020-07-01,s-bamako/,2020,s-bamako/' %s/posts.csv",
	         dir);
	assert_int_equal(system(cmd), 0);
	memset(&e, 0, sizeof(e));
	assert_int_equal(registry_load_dir(&reg, dir, &opts, NULL), 0);
	memset(&g, 0, sizeof(g));
	assert_int_equal(stale_facts_each(reg, "2020-12-31", keep, &g), 0);
	assert_int_equal(g.n, 6);           /* not Bamako's "2020" */
	memset(&g, 0, sizeof(g));
	assert_int_equal(stale_facts_each(reg, "2021-01-01", keep, &g), 0);
	assert_int_equal(g.n, 7);
	assert_string_equal(g.line[6], "2020 bamako updated [] s-bamako 003.txt");
	registry_close(reg);
	scratch_remove(dir);
}

struct tables {
	int headers, rows;
	char first[4][64];
	int posts_rows;
	char posts_header[256];
};

static int count_rows(void *ctx, const struct dci_table_row *row)
{
	struct tables *t = ctx;
	size_t i, w = 0;

	if (!row->values) {
		if (t->headers < 4)
			snprintf(t->first[t->headers], sizeof(t->first[0]), "%s", row->file);
		t->headers++;
		if (strcmp(row->table, "posts") == 0)
			for (i = 0; i < row->ncols; i++)
				w += (size_t)snprintf(t->posts_header + w, sizeof(t->posts_header) - w,
				                      "%s%s", i ? "," : "", row->columns[i]);
		return 0;
	}
	t->rows++;
	if (strcmp(row->table, "posts") == 0)
		t->posts_rows++;
	if (strcmp(row->table, "network") == 0)   /* an unstated figure is "" */
		assert_string_equal(row->types[2], "count");
	return 0;
}

static void test_tables(void **state)
{
	registry *reg = load_fixture();
	struct tables t;

	(void)state;
	memset(&t, 0, sizeof(t));
	assert_int_equal(registry_tables_each(reg, count_rows, &t), 0);
	assert_int_equal(t.headers, 12);
	assert_string_equal(t.first[0], "sources.csv");
	assert_string_equal(t.first[1], "countries.csv");
	assert_int_equal(t.posts_rows, 3);
	assert_string_equal(t.posts_header,
	                    "id,city,city_fr,country,name_en,name_fr,established,hosted_since,"
	                    "head_rank,head_corps,address,phone,email,updated,source,note");
	registry_close(reg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cutoff),
		cmocka_unit_test(test_date_is_before),
		cmocka_unit_test(test_facts),
		cmocka_unit_test(test_partial_dates),
		cmocka_unit_test(test_tables),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
