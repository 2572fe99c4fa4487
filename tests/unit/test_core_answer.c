/* SPDX-License-Identifier: MIT */
/*
 * test_core_answer.c: the desk's answer (answer_find, answer_for_hit) and
 * the evidence behind a post, on the mini fixture.
 */
#include <sysexits.h>
#include "testutil.h"

struct got {
	int calls;
	enum answer_status status;
	enum hit_kind kind;
	char ref[64], label[128], label_fr[128];
	int n_posts, n_candidates;
	char post[4][64], relation[4][16], tz[4][64], evidence[4][32], evidence_date[4][16];
	int official[4], sctip[4], has_time[4];
	char candidate[8][128];
};

static int keep(void *ctx, const struct dci_answer *a)
{
	struct got *g = ctx;
	int i;

	g->calls++;
	g->status = a->status;
	g->kind = a->kind;
	snprintf(g->ref, sizeof(g->ref), "%s", a->ref ? a->ref : "");
	snprintf(g->label, sizeof(g->label), "%s", a->label ? a->label : "");
	snprintf(g->label_fr, sizeof(g->label_fr), "%s", a->label_fr ? a->label_fr : "");
	g->n_posts = a->n_posts;
	g->n_candidates = a->n_candidates;
	for (i = 0; i < a->n_posts && i < 4; i++) {
		const struct dci_post *p = a->posts[i].post;

		snprintf(g->post[i], sizeof(g->post[0]), "%s", p->id);
		snprintf(g->relation[i], sizeof(g->relation[0]), "%s", a->posts[i].relation);
		snprintf(g->tz[i], sizeof(g->tz[0]), "%s", p->tz);
		snprintf(g->evidence[i], sizeof(g->evidence[0]), "%s", p->evidence_kind);
		snprintf(g->evidence_date[i], sizeof(g->evidence_date[0]), "%s", p->evidence_date);
		g->official[i] = p->evidence_official;
		g->sctip[i] = p->sctip_era;
		g->has_time[i] = a->posts[i].local_time[0] != '\0';
	}
	for (i = 0; i < a->n_candidates && i < 8; i++)
		snprintf(g->candidate[i], sizeof(g->candidate[0]), "%s", a->candidates[i].label);
	return 0;
}

static struct got ask(registry *reg, const char *text)
{
	struct got g;

	memset(&g, 0, sizeof(g));
	assert_int_equal(answer_find(reg, text, keep, &g), 0);
	assert_int_equal(g.calls, 1);
	return g;
}

static int setup(void **state)
{
	*state = load_fixture();
	return 0;
}

static int teardown(void **state)
{
	registry_close(*state);
	return 0;
}

/* A country covered from another: Nepal from New Delhi, with its zone,
 * local time and evidence (the seed page of 2018). */
static void test_country_covered_from_elsewhere(void **state)
{
	struct got g = ask(*state, "nep");

	assert_int_equal(g.status, ANSWER_ONE);
	assert_int_equal(g.kind, HIT_COUNTRY);
	assert_string_equal(g.ref, "NP");
	assert_string_equal(g.label, "Nepal");
	assert_string_equal(g.label_fr, "Népal");
	assert_int_equal(g.n_posts, 1);
	assert_string_equal(g.post[0], "new-delhi");
	assert_string_equal(g.relation[0], "covers");
	assert_string_equal(g.tz[0], "Asia/Kolkata");
	assert_true(g.has_time[0]);
	assert_string_equal(g.evidence[0], "seed");
	assert_string_equal(g.evidence_date[0], "2018-07-30");
	assert_int_equal(g.official[0], 1);
	assert_int_equal(g.sctip[0], 0);
}

/* The same answer from a code, a French name, a tz city, a large city of
 * cities.csv, and with the case and accents changed. */
static void test_every_name_gives_one_answer(void **state)
{
	static const char *const texts[] = { "NP", "NPL", "népal", "NEPAL", "kathmandu",
	                                      "Katmandou" };
	size_t i;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		struct got g = ask(*state, texts[i]);

		assert_int_equal(g.status, ANSWER_ONE);
		assert_string_equal(g.ref, "NP");
	}
	{
		struct got g = ask(*state, "mumbai");

		assert_int_equal(g.status, ANSWER_ONE);
		assert_string_equal(g.ref, "IN");
		assert_string_equal(g.post[0], "new-delhi");
		assert_string_equal(g.relation[0], "host");
	}
}

static int keep_label(void *ctx, const struct dci_hit *h)
{
	snprintf(ctx, 64, "%s", h->label);
	return 1;
}

static int keep_first(void *ctx, const struct dci_hit *h)
{
	if (!((char *)ctx)[0])
		snprintf(ctx, 64, "%s", h->label);
	return 0;
}

/* A country's French name with its article, as French is written: the
 * article no name holds is left out when the text matches nothing as
 * typed, for the answer and the search box alike; text that matches as
 * typed is read as typed ("la Namibie" is in Pretoria's French name). */
static void test_french_article(void **state)
{
	static const char *const nepal[] = { "le Népal", "LE  nepal", " le nép" };
	char first[64] = "";
	size_t i;

	for (i = 0; i < sizeof(nepal) / sizeof(nepal[0]); i++) {
		struct got g = ask(*state, nepal[i]);

		assert_int_equal(g.status, ANSWER_ONE);
		assert_string_equal(g.ref, "NP");
	}
	{
		struct got g = ask(*state, "l'Inde"), h = ask(*state, "l\xE2\x80\x99inde");

		assert_int_equal(g.status, ANSWER_ONE);
		assert_string_equal(g.ref, "IN");
		assert_int_equal(h.status, ANSWER_ONE);
		assert_string_equal(h.ref, "IN");
	}
	{
		struct got g = ask(*state, "la Namibie");

		assert_int_equal(g.status, ANSWER_ONE);
		assert_int_equal(g.kind, HIT_POST);
		assert_string_equal(g.post[0], "pretoria");
	}
	assert_int_equal(search_run(*state, "le Népal", HIT_COUNTRY, 0, 1, keep_label, first), 0);
	assert_string_equal(first, "Nepal");
	/* the search box's screen reads the same text as the answer */
	{
		int more[HIT_KIND_COUNT];

		first[0] = '\0';
		assert_int_equal(search_screen(*state, "le Népal", 18, 8, keep_first, first, more), 0);
		assert_string_equal(first, "Nepal");
	}
	/* several articles are left out at once: the answer and the hits
	 * read one text */
	{
		struct got g = ask(*state, "la le Népal");

		assert_int_equal(g.status, ANSWER_ONE);
		assert_string_equal(g.ref, "NP");
		first[0] = '\0';
		assert_int_equal(search_run(*state, "la le Népal", HIT_COUNTRY, 0, 1, keep_label,
		                            first), 0);
		assert_string_equal(first, "Nepal");
	}
	/* an article before nothing searchable is searched as typed: "le"
	 * finds what any word beginning with "le" does (Lebanon, Lesotho...) */
	assert_int_equal(ask(*state, "le").status, ask(*state, "le  ").status);
	assert_int_not_equal(ask(*state, "le").status, ANSWER_NOTHING);
}

/* Two countries begin with "n" and the text names neither: ambiguous,
 * both listed, no post guessed. */
static void test_ambiguous_lists_candidates(void **state)
{
	struct got g = ask(*state, "n");

	assert_int_equal(g.status, ANSWER_AMBIGUOUS);
	assert_int_equal(g.kind, HIT_COUNTRY);
	assert_int_equal(g.n_posts, 0);
	assert_int_equal(g.n_candidates, 2);
	assert_string_equal(g.candidate[0], "Namibia");
	assert_string_equal(g.candidate[1], "Nepal");
}

/* A country named exactly wins over the others that only begin so, which
 * are listed beside it: "mal" names neither Maldives nor Mali, "mali"
 * names Mali. */
static void test_exact_name_wins(void **state)
{
	struct got g = ask(*state, "mal");

	assert_int_equal(g.status, ANSWER_AMBIGUOUS);
	g = ask(*state, "mali");
	assert_int_equal(g.status, ANSWER_ONE);
	assert_string_equal(g.ref, "ML");
	assert_string_equal(g.post[0], "bamako");
	assert_int_equal(g.n_candidates, 0);   /* "mali" does not begin "Maldives" */
}

/* A country no post covers: one answer, no post (the registry does not
 * know which post covers it). */
static void test_country_with_no_known_post(void **state)
{
	struct got g = ask(*state, "france");

	assert_int_equal(g.status, ANSWER_ONE);
	assert_string_equal(g.ref, "FR");
	assert_int_equal(g.n_posts, 0);
}

/* A person: the staff member's post. */
static void test_person(void **state)
{
	struct got g = ask(*state, "lemee");

	assert_int_equal(g.status, ANSWER_ONE);
	assert_int_equal(g.kind, HIT_STAFF);
	assert_string_equal(g.label, "Michel LEMEE");
	assert_int_equal(g.n_posts, 1);
	assert_string_equal(g.post[0], "pretoria");
	assert_string_equal(g.relation[0], "");
}

/* Nothing, and hostile text: one call with ANSWER_NOTHING, no error. */
static void test_nothing_and_hostile_text(void **state)
{
	static const char *const texts[] = { "zzzz", "", "\"", "AND OR NOT", "NEAR(a b)",
	                                     "a:b -c", "*", "'; DROP TABLE posts; --",
	                                     "\x1b[2J", "\xff\xfe" };
	size_t i;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		struct got g = ask(*state, texts[i]);

		assert_true(g.status == ANSWER_NOTHING || g.status == ANSWER_ONE ||
		            g.status == ANSWER_AMBIGUOUS);
	}
	assert_int_equal(ask(*state, "zzzz").status, ANSWER_NOTHING);
	assert_int_equal(ask(*state, "'; DROP TABLE posts; --").status, ANSWER_NOTHING);
	assert_int_equal(posts_count(*state), 3);
}

/* A hit the officer picks is answered as if named. */
static void test_answer_for_hit(void **state)
{
	struct dci_hit h = { HIT_COUNTRY, "NA", "Namibia", "Namibie", "non-resident", "pretoria",
	                     "Pretoria, South Africa", "", "" };
	struct got g;

	memset(&g, 0, sizeof(g));
	assert_int_equal(answer_for_hit(*state, &h, keep, &g), 0);
	assert_int_equal(g.status, ANSWER_ONE);
	assert_string_equal(g.ref, "NA");
	assert_string_equal(g.post[0], "pretoria");
	assert_string_equal(g.relation[0], "non-resident");
}

/* Evidence: an official page outranks a newer press report; a post known
 * only from press reports says so; one whose sources all predate the DCI
 * (2010-09) is of the SCTIP era. */
static void test_evidence_ranks_sources(void **state)
{
	char *dir = scratch_dir();
	FILE *fp;
	char path[512];
	struct errbuf e;
	struct import_opts opts = { errbuf_add, &e, 0 };
	registry *reg = NULL;
	struct got g;

	(void)state;
	snprintf(path, sizeof(path), "%s/sources.csv", dir);
	fp = fopen(path, "a");
	assert_non_null(fp);
	fputs("s-press,News,fr,2024-01-02,,https://news.example/1,,press\n"
	      "s-old,Old page,fr,2005-06,,https://old.example/1,,embassy\n"
	      "s-blog,Blog,fr,2009,,https://blog.example/1,,other\n", fp);
	fclose(fp);
	snprintf(path, sizeof(path), "%s/posts.csv", dir);
	fp = fopen(path, "a");
	assert_non_null(fp);
	fputs("colombo,Colombo,Colombo,LK,Press post,,,,,,,,,,s-press,\n"
	      "paris,Paris,Paris,FR,Old post,,,,,,,,,,s-old,\n", fp);
	fclose(fp);
	snprintf(path, sizeof(path), "%s/post_sources.csv", dir);
	fp = fopen(path, "a");
	assert_non_null(fp);
	fputs("bamako,s-press,newer but press\nparis,s-blog,\n", fp);
	fclose(fp);
	memset(&e, 0, sizeof(e));
	assert_int_equal(registry_load_dir(&reg, dir, &opts, NULL), 0);

	g = ask(reg, "mali");         /* embassy 2020 and press 2024: the embassy page */
	assert_string_equal(g.evidence[0], "embassy");
	assert_string_equal(g.evidence_date[0], "2020-07-01");
	assert_int_equal(g.official[0], 1);
	g = ask(reg, "press post");
	assert_int_equal(g.status, ANSWER_ONE);
	assert_string_equal(g.evidence[0], "press");
	assert_string_equal(g.evidence_date[0], "2024-01-02");
	assert_int_equal(g.official[0], 0);
	assert_int_equal(g.sctip[0], 0);
	g = ask(reg, "france");
	assert_int_equal(g.n_posts, 0);   /* coverage unknown: no coverage row */
	g = ask(reg, "old post");
	assert_int_equal(g.status, ANSWER_ONE);
	assert_string_equal(g.post[0], "paris");
	assert_string_equal(g.evidence[0], "embassy");
	assert_int_equal(g.sctip[0], 1);
	registry_close(reg);
	scratch_remove(dir);
}

static void test_source_kind_phrases(void **state)
{
	(void)state;
	assert_string_equal(source_kind_phrase("embassy"), "an embassy page");
	assert_string_equal(source_kind_phrase("press"), "press reports");
	assert_string_equal(source_kind_phrase("nonsense"), "");
	assert_string_equal(source_kind_phrase(NULL), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_country_covered_from_elsewhere),
		cmocka_unit_test(test_every_name_gives_one_answer),
		cmocka_unit_test(test_french_article),
		cmocka_unit_test(test_ambiguous_lists_candidates),
		cmocka_unit_test(test_exact_name_wins),
		cmocka_unit_test(test_country_with_no_known_post),
		cmocka_unit_test(test_person),
		cmocka_unit_test(test_nothing_and_hostile_text),
		cmocka_unit_test(test_answer_for_hit),
		cmocka_unit_test(test_evidence_ranks_sources),
		cmocka_unit_test(test_source_kind_phrases),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
