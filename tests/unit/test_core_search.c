/* SPDX-License-Identifier: MIT */
/*
 * test_core_search.c: search (accents, French names, prefixes, hostile
 * text), "who covers", and the viewport queries of the post list.
 */
#include <ctype.h>
#include "testutil.h"

struct hits {
	int n;
	char refs[32][64];
	char posts[32][64];
	char relations[32][16];
};

static int collect(void *ctx, const struct dci_hit *h)
{
	struct hits *hs = ctx;

	if (hs->n < 32) {
		snprintf(hs->refs[hs->n], sizeof(hs->refs[0]), "%s", h->ref);
		snprintf(hs->posts[hs->n], sizeof(hs->posts[0]), "%s", h->post);
		snprintf(hs->relations[hs->n], sizeof(hs->relations[0]), "%s", h->relation);
	}
	hs->n++;
	return 0;
}

static struct hits run(registry *reg, const char *text, enum hit_kind kind)
{
	struct hits hs;

	memset(&hs, 0, sizeof(hs));
	assert_int_equal(search_run(reg, text, kind, 0, 32, collect, &hs), 0);
	return hs;
}

static void test_prefix_and_case(void **state)
{
	registry *reg = *state;
	struct hits h = run(reg, "neP", HIT_COUNTRY);

	assert_int_equal(h.n, 1);
	assert_string_equal(h.refs[0], "NP");
	assert_string_equal(h.posts[0], "new-delhi");
	assert_string_equal(h.relations[0], "covers");
	h = run(reg, "n", HIT_COUNTRY);
	assert_int_equal(h.n, 2);   /* Namibia, Nepal: covered countries first */
}

static void test_accents_fold_both_ways(void **state)
{
	registry *reg = *state;
	struct hits h;

	h = run(reg, "securite", HIT_POST);
	assert_int_equal(h.n, 2);
	h = run(reg, "SÉCURITÉ", HIT_POST);
	assert_int_equal(h.n, 2);
	h = run(reg, "népal", HIT_COUNTRY);
	assert_int_equal(h.n, 1);
	h = run(reg, "cote d ivoire", HIT_COUNTRY);
	assert_int_equal(h.n, 1);
	assert_string_equal(h.refs[0], "CI");
	h = run(reg, "Côte-d'Ivoire", HIT_COUNTRY);
	assert_int_equal(h.n, 1);
	h = run(reg, "escadron", HIT_STAFF);      /* "Chef d’escadron", typographic quote */
	assert_int_equal(h.n, 1);
}

static void test_french_names_and_codes(void **state)
{
	registry *reg = *state;
	struct hits h;

	h = run(reg, "namibie", HIT_COUNTRY);
	assert_int_equal(h.n, 1);
	assert_string_equal(h.refs[0], "NA");
	assert_string_equal(h.posts[0], "pretoria");
	assert_string_equal(h.relations[0], "non-resident");
	h = run(reg, "NPL", HIT_COUNTRY);
	assert_int_equal(h.n, 1);
	assert_string_equal(h.refs[0], "NP");
	h = run(reg, "ivory", HIT_COUNTRY);
	assert_int_equal(h.n, 1);
	h = run(reg, "terrorisme", HIT_THEME);
	assert_int_equal(h.n, 1);
	h = run(reg, "lemee", HIT_STAFF);
	assert_int_equal(h.n, 1);
	assert_string_equal(h.posts[0], "pretoria");
}

static void test_cities_find_their_country(void **state)
{
	registry *reg = *state;
	struct hits h;

	h = run(reg, "kathmandu", HIT_COUNTRY);
	assert_int_equal(h.n, 1);
	assert_string_equal(h.refs[0], "NP");
	assert_string_equal(h.posts[0], "new-delhi");
	h = run(reg, "Katmandou", HIT_COUNTRY);
	assert_int_equal(h.n, 1);
	assert_string_equal(h.refs[0], "NP");
}

static int keep_tz(void *ctx, const struct dci_post *p)
{
	snprintf(ctx, 64, "%s", p->tz);
	return 0;
}

static void test_post_time_zone(void **state)
{
	registry *reg = *state;
	char tz[64] = "", now[32];

	assert_int_equal(post_get(reg, "bamako", keep_tz, tz), 0);
	assert_string_equal(tz, "Africa/Bamako");        /* the city's zone */
	assert_int_equal(post_get(reg, "pretoria", keep_tz, tz), 0);
	assert_string_equal(tz, "Africa/Johannesburg");  /* the country's only zone */
	assert_int_equal(tz_local_time("Asia/Kathmandu", now, sizeof(now)), 0);
	assert_non_null(strstr(now, "+0545"));
	assert_int_equal(tz_local_time("Nowhere/Atlantis", now, sizeof(now)), -1);
	assert_int_equal(tz_local_time("../../etc/passwd", now, sizeof(now)), -1);
	assert_int_equal(tz_local_time("", now, sizeof(now)), -1);
}

static void test_words_are_anded(void **state)
{
	registry *reg = *state;

	assert_int_equal(run(reg, "michel lem", HIT_STAFF).n, 1);
	assert_int_equal(run(reg, "michel belain", HIT_STAFF).n, 0);
}

static void test_hostile_text_never_fails(void **state)
{
	static const char *const texts[] = {
		"\"", "\"\"", "'", "*", "-", "-x", ":", "a:b", "name:x", "NEAR", "NEAR(a b)",
		"(", ")", "a OR b", "NOT", "AND", "^", "{", "}", "+", "\\", "%", "_",
		"'; DROP TABLE posts; --", "\xC3", "\xFF\xFE", "«»", "\xCC\x81", "\t\n",
		"a\"b\"c", "\"unterminated", "x*y", "1=1", "", "   ",
	};
	registry *reg = *state;
	size_t i;
	int k;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		for (k = 0; k < HIT_KIND_COUNT; k++) {
			struct hits hs;

			memset(&hs, 0, sizeof(hs));
			if (search_run(reg, texts[i], (enum hit_kind)k, 0, 10, collect, &hs) != 0)
				fail_msg("search failed on %s", texts[i]);
		}
	assert_int_equal(posts_count(reg), 3);   /* and nothing was dropped */
}

static void test_query_builder(void **state)
{
	char *q;

	(void)state;
	q = search_build_query("neP");
	assert_string_equal(q, "\"neP\"*");
	free(q);
	q = search_build_query("  a\"b  NEAR ");
	assert_string_equal(q, "\"a\"\"b\"* \"NEAR\"*");
	free(q);
	assert_null(search_build_query("\" - * :"));
	assert_null(search_build_query(""));
	assert_null(search_build_query(NULL));
}

struct covers {
	int n;
	char post[4][32], rel[4][16];
};

static int collect_cover(void *ctx, const struct dci_coverage *c)
{
	struct covers *cv = ctx;

	if (cv->n < 4) {
		snprintf(cv->post[cv->n], sizeof(cv->post[0]), "%s", c->post);
		snprintf(cv->rel[cv->n], sizeof(cv->rel[0]), "%s", c->relation);
	}
	cv->n++;
	return 0;
}

static void test_who_covers(void **state)
{
	registry *reg = *state;
	struct covers cv;

	memset(&cv, 0, sizeof(cv));
	assert_int_equal(country_covered_by(reg, "np", collect_cover, &cv), 0);
	assert_int_equal(cv.n, 1);
	assert_string_equal(cv.post[0], "new-delhi");
	assert_string_equal(cv.rel[0], "covers");
	memset(&cv, 0, sizeof(cv));
	assert_int_equal(country_covered_by(reg, "NAM", collect_cover, &cv), 0);
	assert_string_equal(cv.post[0], "pretoria");
	assert_string_equal(cv.rel[0], "non-resident");
	memset(&cv, 0, sizeof(cv));
	assert_int_equal(country_covered_by(reg, "FR", collect_cover, &cv), 0);
	assert_int_equal(cv.n, 0);
	memset(&cv, 0, sizeof(cv));
	assert_int_equal(post_coverage_each(reg, "new-delhi", collect_cover, &cv), 0);
	assert_int_equal(cv.n, 4);
	assert_string_equal(cv.rel[0], "host");
}

struct page {
	int n;
	char ids[8][32];
};

static int collect_post(void *ctx, const struct dci_post *p)
{
	struct page *pg = ctx;

	snprintf(pg->ids[pg->n++], sizeof(pg->ids[0]), "%s", p->id);
	return 0;
}

static void test_viewport(void **state)
{
	registry *reg = *state;
	struct page pg;

	memset(&pg, 0, sizeof(pg));
	assert_int_equal(posts_page(reg, POSTS_BY_CITY, 1, 1, collect_post, &pg), 0);
	assert_int_equal(pg.n, 1);
	assert_string_equal(pg.ids[0], "new-delhi");
	memset(&pg, 0, sizeof(pg));
	assert_int_equal(posts_page(reg, POSTS_BY_UPDATED, 0, 8, collect_post, &pg), 0);
	assert_int_equal(pg.n, 3);
	assert_string_equal(pg.ids[0], "bamako");    /* newest first */
	assert_string_equal(pg.ids[2], "pretoria");
	assert_int_equal(post_index(reg, POSTS_BY_COUNTRY, "pretoria"), 2);
	assert_int_equal(post_index(reg, POSTS_BY_COUNTRY, "nowhere"), -1);
	memset(&pg, 0, sizeof(pg));
	assert_int_equal(posts_page(reg, POSTS_BY_CITY, 3, 5, collect_post, &pg), 0);
	assert_int_equal(pg.n, 0);
	assert_int_equal(post_get(reg, "nowhere", collect_post, &pg), 66);
}

/* The rows of a page, as text: what the post list shows of each, or
 * (all) every field. */
struct page_text {
	char rows[8][1024];
	int n, all;
};

static int collect_text(void *ctx, const struct dci_post *p)
{
	struct page_text *pt = ctx;

	if (pt->all)
		snprintf(pt->rows[pt->n++], sizeof(pt->rows[0]),
		         "%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%d|%s|%s|%s|%s|%s|%d|%d",
		         p->id, p->city, p->city_fr, p->country, p->country_en, p->country_fr,
		         p->head_rank, p->updated, p->source, p->source_date, p->covers,
		         p->n_covered, p->name_en, p->note, p->tz, p->evidence_kind,
		         p->evidence_date, p->evidence_official, p->sctip_era);
	else
		snprintf(pt->rows[pt->n++], sizeof(pt->rows[0]),
		         "%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%d",
		         p->id, p->city, p->city_fr, p->country, p->country_en, p->country_fr,
		         p->head_rank, p->updated, p->source, p->source_date, p->covers,
		         p->n_covered);
	return 0;
}

/* The list's rows are the whole rows less what the list does not show,
 * in every order, French or not. */
static void test_list_page_is_page_less_fields(void **state)
{
	registry *reg = *state;
	struct page_text full, list;
	int sort, french, i;

	for (french = 0; french < 2; french++) {
		registry_set_french(reg, french);
		for (sort = 0; sort < POSTS_SORT_COUNT; sort++) {
			memset(&full, 0, sizeof(full));
			memset(&list, 0, sizeof(list));
			full.all = 1;
			assert_int_equal(posts_page(reg, (enum post_sort)sort, 0, 8, collect_text,
			                            &full), 0);
			assert_int_equal(posts_list_page(reg, (enum post_sort)sort, 0, 8,
			                                 collect_text, &list), 0);
			assert_int_equal(list.n, full.n);
			assert_true(list.n > 0);
			for (i = 0; i < full.n; i++) {
				char *rest = full.rows[i];
				int bars;

				for (bars = 0; bars < 12; bars++)
					rest = strchr(rest, '|') + 1;
				rest[-1] = '\0';
				assert_string_equal(list.rows[i], full.rows[i]);
			}
			list.all = 1;
			list.n = 0;
			assert_int_equal(posts_list_page(reg, (enum post_sort)sort, 1, 1,
			                                 collect_text, &list), 0);
			assert_int_equal(list.n, 1);
			/* name_en, note, tz, the evidence: not read */
			assert_string_equal(list.rows[0] + strlen(list.rows[0]) - 9, "||||||0|0");
		}
	}
	registry_set_french(reg, 0);
}

static void test_sort_reads_accents_as_letters(void **state)
{
	char *dir = scratch_dir(), path[512];
	struct import_opts opts = { NULL, NULL, 0 };
	struct page pg;
	registry *reg;
	FILE *fp;

	(void)state;
	snprintf(path, sizeof(path), "%s/posts.csv", dir);
	fp = fopen(path, "a");
	assert_non_null(fp);
	fputs("havana,Havana,La Havane,CU,Service in Cuba,,,,,,,,,,s-delhi,\n", fp);
	fputs("abidjan,Abidjan,Abidjan,CI,Service in Côte d'Ivoire,,,,,,,,,,s-delhi,\n", fp);
	fclose(fp);
	snprintf(path, sizeof(path), "%s/countries.csv", dir);
	fp = fopen(path, "a");
	assert_non_null(fp);
	fputs("CU,CUB,Cuba,Cuba,\n", fp);
	fclose(fp);
	assert_int_equal(registry_load_dir(&reg, dir, &opts, NULL), 0);
	memset(&pg, 0, sizeof(pg));
	assert_int_equal(posts_page(reg, POSTS_BY_COUNTRY, 0, 8, collect_post, &pg), 0);
	assert_int_equal(pg.n, 5);
	assert_string_equal(pg.ids[0], "abidjan");     /* Côte sorts as Cote, before Cuba */
	assert_string_equal(pg.ids[1], "havana");
	assert_string_equal(pg.ids[2], "new-delhi");
	registry_set_french(reg, 1);     /* Afrique du Sud, Côte d'Ivoire, Cuba, Inde, Mali */
	memset(&pg, 0, sizeof(pg));
	assert_int_equal(posts_page(reg, POSTS_BY_COUNTRY, 0, 8, collect_post, &pg), 0);
	assert_string_equal(pg.ids[0], "pretoria");
	assert_string_equal(pg.ids[1], "abidjan");
	assert_int_equal(post_index(reg, POSTS_BY_COUNTRY, "bamako"), 4);
	memset(&pg, 0, sizeof(pg));
	assert_int_equal(posts_page(reg, POSTS_BY_CITY, 0, 8, collect_post, &pg), 0);
	assert_string_equal(pg.ids[2], "havana");     /* La Havane, after Bamako */
	registry_close(reg);
	scratch_remove(dir);
}

/* The client's catalogue, as the card sees it: every label through it. */
static const char *shouting(const char *msgid)
{
	static char buf[8][64];
	static unsigned n;
	char *out = buf[n++ % 8];
	size_t i;

	for (i = 0; msgid[i] && i + 1 < sizeof(buf[0]); i++)
		out[i] = (char)toupper((unsigned char)msgid[i]);
	out[i] = '\0';
	return out;
}

/* search_screen() against the rule it implements, worked out from
 * whole pages: every kind read to max + 1 hits, then 2 lines to each kind
 * with hits while there is room, then one hit per kind in turn. */
struct kind_hits {
	int n[HIT_KIND_COUNT];
	char refs[HIT_KIND_COUNT][32][64];
};

static int collect_kind(void *ctx, const struct dci_hit *h)
{
	struct kind_hits *kh = ctx;

	if (kh->n[h->kind] < 32)
		snprintf(kh->refs[h->kind][kh->n[h->kind]], 64, "%s", h->ref);
	kh->n[h->kind]++;
	return 0;
}

static void test_screen_shares_lines(void **state)
{
	registry *reg = *state;
	static const char *const texts[] = { "n", "a", "se", "co", "paris", "nep", "zzz", "\"" };
	static const int lines[] = { 2, 3, 5, 8, 17, 30 };
	size_t i, j;
	int k;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		for (j = 0; j < sizeof(lines) / sizeof(lines[0]); j++) {
			int avail = lines[j], max = lines[j] < 12 ? lines[j] : 12, more[HIT_KIND_COUNT];
			int shown[HIT_KIND_COUNT] = { 0 }, want_more[HIT_KIND_COUNT], progress = 1;
			struct kind_hits page, got;

			memset(&page, 0, sizeof(page));
			memset(&got, 0, sizeof(got));
			/* first, so that it reads the index itself, not pages kept */
			assert_int_equal(search_screen(reg, texts[i], lines[j], max, collect_kind, &got,
			                               more), 0);
			for (k = 0; k < HIT_KIND_COUNT; k++)
				assert_int_equal(search_run(reg, texts[i], (enum hit_kind)k, 0, max + 1,
				                            collect_kind, &page), 0);
			for (k = 0; k < HIT_KIND_COUNT; k++)
				if (page.n[k] > 0 && avail >= 2) {
					avail -= 2;
					shown[k] = 1;
				}
			while (avail > 0 && progress) {
				progress = 0;
				for (k = 0; k < HIT_KIND_COUNT && avail > 0; k++)
					if (shown[k] > 0 && shown[k] < max && shown[k] < page.n[k]) {
						shown[k]++;
						avail--;
						progress = 1;
					}
			}
			for (k = 0; k < HIT_KIND_COUNT; k++)
				want_more[k] = page.n[k] > shown[k];
			for (k = 0; k < HIT_KIND_COUNT; k++) {
				int h;

				assert_int_equal(got.n[k], shown[k]);
				assert_int_equal(more[k], want_more[k]);
				for (h = 0; h < shown[k] && h < 32; h++)
					assert_string_equal(got.refs[k][h], page.refs[k][h]);
			}
		}
}

static void test_post_card(void **state)
{
	registry *reg = *state;
	char *card = post_card(reg, "pretoria", 0, NULL);

	assert_non_null(card);
	assert_non_null(strstr(card, "Pretoria, South Africa\n"));
	assert_non_null(strstr(card, "Head: Commissaire divisionnaire, police\n"));
	assert_non_null(strstr(card, "Phone: +27 12 425 1740\n"));
	assert_non_null(strstr(card, "As of: 2013-04-23 (source: s-namibia)\n"));
	assert_non_null(strstr(card, "Covers: Namibia (non-resident)\n"));
	free(card);
	/* French names of places; the labels are the catalogue's. */
	card = post_card(reg, "new-delhi", 1, shouting);
	assert_non_null(card);
	assert_non_null(strstr(card, "New Delhi, Inde\n"));
	assert_non_null(strstr(card, "PHONE: NOT PUBLISHED\n"));
	assert_non_null(strstr(card, "COVERS: Inde, Maldives, Népal, Sri Lanka\n"));
	free(card);
	assert_null(post_card(reg, "nowhere", 0, NULL));
}

/* The answer among more staff hits than it weighs (64): it reads their
 * rowids, whom the text names (staff_named) and the first hits, not the
 * 64 rows, and must answer as the rule over all 64 does. */
struct staff_answer {
	int calls;
	enum answer_status status;
	enum hit_kind kind;
	char label[64], post[32];
	int n_candidates, more_candidates;
	char candidate[ANSWER_CANDIDATES][64];
};

static int keep_staff_answer(void *ctx, const struct dci_answer *a)
{
	struct staff_answer *g = ctx;
	int i;

	g->calls++;
	g->status = a->status;
	g->kind = a->kind;
	snprintf(g->label, sizeof(g->label), "%s", a->status == ANSWER_ONE ? a->label : "");
	snprintf(g->post, sizeof(g->post), "%s", a->n_posts ? a->posts[0].post->id : "");
	g->n_candidates = a->n_candidates;
	g->more_candidates = a->more_candidates;
	for (i = 0; i < a->n_candidates; i++)
		snprintf(g->candidate[i], sizeof(g->candidate[0]), "%s", a->candidates[i].label);
	return 0;
}

static struct staff_answer ask_staff(registry *reg, const char *text)
{
	struct staff_answer g;
	int more[HIT_KIND_COUNT];
	struct hits hs;

	memset(&g, 0, sizeof(g));
	memset(&hs, 0, sizeof(hs));
	/* as the search box asks: its screenful first, then the answer */
	assert_int_equal(search_screen(reg, text, 18, 18, collect, &hs, more), 0);
	assert_int_equal(answer_find(reg, text, keep_staff_answer, &g), 0);
	assert_int_equal(g.calls, 1);
	return g;
}

static void test_staff_answer_beyond_the_screen(void **state)
{
	char *dir = scratch_dir(), path[512];
	struct errbuf e;
	struct import_opts opts = { errbuf_add, &e, 0 };
	struct staff_answer g;
	registry *reg = NULL;
	FILE *fp;
	int i;

	(void)state;
	memset(&e, 0, sizeof(e));
	snprintf(path, sizeof(path), "%s/staff.csv", dir);
	fp = fopen(path, "a");
	assert_non_null(fp);
	/* 150 of each name; one named by the surname alone: Vernet at hit
	 * 40 (weighed), Garnier at hit 100 (not weighed); Moreau twice,
	 * at hits 40 and 51, at two posts */
	for (i = 0; i < 150; i++) {
		const char *post = i % 2 ? "pretoria" : "new-delhi";

		fprintf(fp, "%s,Deputy Attaché,%s%s,,police,0,2013-04-23,s-namibia,\n", post,
		        i == 40 ? "" : "Agent ", i == 40 ? "VERNET" : "Vernet");
		fprintf(fp, "%s,Deputy Attaché,%s,,police,0,2013-04-23,s-namibia,\n", post,
		        i == 100 ? "Garnier" : "Agent Garnier");
		fprintf(fp, "%s,Deputy Attaché,%s,,police,0,2013-04-23,s-namibia,\n", post,
		        i == 40 || i == 51 ? "Moreau" : "Agent Moreau");
	}
	fclose(fp);
	assert_int_equal(registry_load_dir(&reg, dir, &opts, NULL), 0);
	assert_int_equal(e.count, 0);
	g = ask_staff(reg, "vernét");
	assert_int_equal(g.status, ANSWER_ONE);
	assert_int_equal(g.kind, HIT_STAFF);
	assert_string_equal(g.label, "VERNET");
	assert_string_equal(g.post, "new-delhi");
	/* the others, once each (a label at a post), in the order of the hits */
	assert_int_equal(g.n_candidates, 2);
	assert_string_equal(g.candidate[0], "Agent Vernet");
	assert_string_equal(g.candidate[1], "Agent Vernet");
	assert_false(g.more_candidates == 0);
	g = ask_staff(reg, "Garnier");
	assert_int_equal(g.status, ANSWER_AMBIGUOUS);
	assert_int_equal(g.kind, HIT_STAFF);
	assert_int_equal(g.n_candidates, 2);
	assert_true(g.more_candidates);
	g = ask_staff(reg, "moreau");
	assert_int_equal(g.status, ANSWER_AMBIGUOUS);
	assert_int_equal(g.n_candidates, 4);
	assert_string_equal(g.candidate[2], "Moreau");
	assert_string_equal(g.candidate[3], "Moreau");
	/* named by the whole name: one hit of 150 */
	g = ask_staff(reg, "agent garnier");
	assert_int_equal(g.status, ANSWER_AMBIGUOUS);
	registry_close(reg);
	scratch_remove(dir);
}

/* A country answer counts a country's hits without reading them
 * (search_country_firsts): eight countries match "zed", the last of them
 * covered by two posts, so the eight candidates are listed and the
 * country's second hit still comes after the last one listed (more), as
 * the rule over the hits has it; with one post each, nothing is left. */
static void test_country_candidates_more(void **state)
{
	char *dir = scratch_dir(), path[512];
	struct errbuf e;
	struct import_opts opts = { errbuf_add, &e, 0 };
	struct staff_answer g;
	registry *reg = NULL;
	FILE *countries, *coverage;
	int twice, i;

	(void)state;
	for (twice = 1; twice >= 0; twice--) {
		snprintf(path, sizeof(path), "%s/countries.csv", dir);
		countries = fopen(path, "a");
		snprintf(path, sizeof(path), "%s/coverage.csv", dir);
		coverage = fopen(path, "a");
		assert_non_null(countries);
		assert_non_null(coverage);
		for (i = 0; i < 8; i++) {
			fprintf(countries, "Q%c,QQ%c,Zed %c,Zed %c,\n", 'A' + i + 8 * twice,
			        'A' + i + 8 * twice, 'A' + i, 'A' + i);
			fprintf(coverage, "bamako,Q%c,covers,s-delhi,\n", 'A' + i + 8 * twice);
		}
		if (twice)
			fprintf(coverage, "pretoria,Q%c,covers,s-delhi,\n", 'A' + 7 + 8);
		fclose(countries);
		fclose(coverage);
		memset(&e, 0, sizeof(e));
		assert_int_equal(registry_load_dir(&reg, dir, &opts, NULL), 0);
		assert_int_equal(e.count, 0);
		g = ask_staff(reg, "zed");
		assert_int_equal(g.status, ANSWER_AMBIGUOUS);
		assert_int_equal(g.kind, HIT_COUNTRY);
		assert_int_equal(g.n_candidates, ANSWER_CANDIDATES);
		assert_string_equal(g.candidate[7], "Zed H");
		assert_int_equal(g.more_candidates, twice);
		registry_close(reg);
		reg = NULL;
		scratch_remove(dir);
		dir = scratch_dir();
	}
	scratch_remove(dir);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prefix_and_case),
		cmocka_unit_test(test_accents_fold_both_ways),
		cmocka_unit_test(test_french_names_and_codes),
		cmocka_unit_test(test_cities_find_their_country),
		cmocka_unit_test(test_post_time_zone),
		cmocka_unit_test(test_words_are_anded),
		cmocka_unit_test(test_hostile_text_never_fails),
		cmocka_unit_test(test_query_builder),
		cmocka_unit_test(test_who_covers),
		cmocka_unit_test(test_viewport),
		cmocka_unit_test(test_list_page_is_page_less_fields),
		cmocka_unit_test(test_sort_reads_accents_as_letters),
		cmocka_unit_test(test_screen_shares_lines),
		cmocka_unit_test(test_post_card),
		cmocka_unit_test(test_staff_answer_beyond_the_screen),
		cmocka_unit_test(test_country_candidates_more),
	};

	return cmocka_run_group_tests_name("core search", tests, setup, teardown);
}
