/* SPDX-License-Identifier: MIT */
/*
 * test_core_diff.c: registry_diff() on the mini fixture and changed
 * copies of it: what is reported, in which order, and what is not.
 */
#include <sysexits.h>
#include "testutil.h"

struct changes {
	int n;
	char line[32][256];
};

/* "kind post [subject] field: old -> new" */
static int keep(void *ctx, const struct dci_change *c)
{
	struct changes *g = ctx;

	if (g->n < 32)
		snprintf(g->line[g->n], sizeof(g->line[0]), "%s %s [%s] %s: %s -> %s",
		         change_kind_name(c->kind), c->post, c->subject, c->field, c->old_value,
		         c->new_value);
	g->n++;
	return 0;
}

static registry *load(const char *dir)
{
	struct errbuf e;
	struct import_opts opts = { errbuf_add, &e, 0 };
	registry *reg = NULL;

	memset(&e, 0, sizeof(e));
	if (registry_load_dir(&reg, dir, &opts, NULL) != 0)
		fail_msg("%s", e.text);
	return reg;
}

static void diff(registry *a, registry *b, struct changes *g)
{
	char err[256];

	memset(g, 0, sizeof(*g));
	assert_int_equal(registry_diff(a, b, keep, g, err, sizeof(err)), 0);
}

static void test_identical(void **state)
{
	registry *a = load_fixture(), *b = load_fixture();
	struct changes g;

	(void)state;
	diff(a, b, &g);
	assert_int_equal(g.n, 0);
	diff(a, a, &g);
	assert_int_equal(g.n, 0);
	registry_close(a);
	registry_close(b);
}

static const char posts_changed[] =
	"id,city,city_fr,country,name_en,name_fr,established,hosted_since,head_rank,head_corps,"
	"address,phone,email,updated,source,note\n"
	"new-delhi,New Delhi,New Delhi,IN,\"Internal Security Section, Embassy of France in India\","
	"Service de sécurité intérieure de New Delhi,2001,,commissaire de police,police,,"
	"+91 11 1234,,2018-07-30,s-delhi,\n"
	"pretoria,Pretoria,Pretoria,ZA,Non-resident Safety and Security Service for Namibia,"
	"SSI non résident pour la Namibie,1993,2003,Commissaire divisionnaire,police,"
	"\"P.O. Box 14354 - Hatfield 0028\",+27 12 425 1740,sctip@telkomsa.net,2024-01,s-namibia,"
	"note changed: not reported\n";

static const char staff_changed[] =
	"post,role,name,rank,corps,locally_recruited,as_of,source,note\n"
	"new-delhi,Attaché for Home Security,Michel LEMEE,Commissaire divisionnaire,police,0,"
	"2013-04-23,s-namibia,\n"
	"pretoria,Deputy Attaché,Nicolas BELAIN,Commandant,gendarmerie,0,2013-04-23,s-namibia,\n"
	"pretoria,driver,,,,1,2013-04-23,s-namibia,\n"
	"pretoria,driver,,,,1,2024,s-namibia,\n";

static const char coverage_changed[] =
	"post,country,relation,source,note\n"
	"new-delhi,IN,host,s-delhi,\n"
	"new-delhi,NP,host,s-delhi,\n"
	"new-delhi,LK,covers,s-delhi,\n"
	"new-delhi,CI,covers,s-delhi,\n"
	"pretoria,NA,non-resident,s-namibia,\n";

/* Bamako removed (its coverage and themes with it), every other kind of
 * change once; a note is no change. */
static void test_every_kind(void **state)
{
	char *dir = scratch_dir(), cmd[512];
	registry *a, *b;
	struct changes g;

	(void)state;
	write_file(dir, "posts.csv", posts_changed);
	write_file(dir, "staff.csv", staff_changed);
	write_file(dir, "coverage.csv", coverage_changed);
	write_file(dir, "post_sources.csv", "post,source,note\npretoria,s-delhi,\n");
	snprintf(cmd, sizeof(cmd), "grep -v bamako " FIXTURE "/themes.csv > %s/themes.csv", dir);
	assert_int_equal(system(cmd), 0);
	a = load_fixture();
	b = load(dir);
	diff(a, b, &g);
	assert_int_equal(g.n, 11);
	assert_string_equal(g.line[0], "post_removed bamako [] :  -> ");
	assert_string_equal(g.line[1], "post_field new-delhi [] phone:  -> +91 11 1234");
	assert_string_equal(g.line[2], "coverage_gained new-delhi [CI (Côte d'Ivoire)] :  -> covers");
	assert_string_equal(g.line[3], "coverage_lost new-delhi [MV (Maldives)] : covers -> ");
	assert_string_equal(g.line[4],
	                    "coverage_relation new-delhi [NP (Nepal)] relation: covers -> host");
	assert_string_equal(g.line[5], "staff_moved new-delhi [Attaché for Home Security, "
	                    "Michel LEMEE] : pretoria -> new-delhi");
	assert_string_equal(g.line[6], "source_removed new-delhi [s-namibia] :  -> ");
	assert_string_equal(g.line[7], "post_field pretoria [] updated: 2013-04-23 -> 2024-01");
	/* two unnamed drivers: the one of 2013 stays, one arrives */
	assert_string_equal(g.line[8], "staff_arrived pretoria [driver] :  -> 2024");
	assert_string_equal(g.line[9], "staff_field pretoria [Deputy Attaché, Nicolas BELAIN] "
	                    "rank: Chef d’escadron -> Commandant");
	assert_string_equal(g.line[10], "source_added pretoria [s-delhi] :  -> ");
	registry_close(a);
	registry_close(b);
	scratch_remove(dir);
}

/* A callback's non-zero stops the listing. */
static int stop_at_first(void *ctx, const struct dci_change *c)
{
	(void)c;
	(*(int *)ctx)++;
	return 1;
}

static void test_stop_and_names(void **state)
{
	char *dir = scratch_dir(), err[256];
	registry *a, *b;
	int calls = 0;

	(void)state;
	write_file(dir, "staff.csv", staff_changed);
	a = load_fixture();
	b = load(dir);
	assert_int_equal(registry_diff(a, b, stop_at_first, &calls, err, sizeof(err)), 0);
	assert_int_equal(calls, 1);
	assert_string_equal(change_kind_name(CHANGE_POST_ADDED), "post_added");
	assert_string_equal(change_kind_name(CHANGE_SOURCE_REMOVED), "source_removed");
	assert_string_equal(change_kind_name(CHANGE_KIND_COUNT), "?");
	registry_close(a);
	registry_close(b);
	scratch_remove(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identical),
		cmocka_unit_test(test_every_kind),
		cmocka_unit_test(test_stop_and_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
