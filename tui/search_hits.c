/* SPDX-License-Identifier: MIT */
/*
 * search_hits.c: the hits the search box holds (see search.h).
 *
 * Each change of the text asks search_screen() for the first screenful:
 * the rows of the results area shared fairly among the kinds that
 * matched, each kind read no further than it shows.  The hits stay after the box loses focus,
 * so n and N can step through them from any pane; they step through
 * every hit, fetching the ones beyond the screen with search_run()'s
 * offset, one at a time (hits_fetch).
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "search.h"
#include "str.h"

const char *const search_group_titles[HIT_KIND_COUNT] = {
	N_("Countries"), N_("Posts"), N_("Staff"), N_("Themes")
};

void hits_init(struct search_box *s)
{
	int k;

	for (k = 0; k < HIT_KIND_COUNT; k++)
		rows_init(&s->group[k].rows, HF_FIELDS, 0);
}

void hits_clear(struct search_box *s)
{
	int k;

	for (k = 0; k < HIT_KIND_COUNT; k++) {
		rows_clear(&s->group[k].rows);
		s->group[k].more = 0;
	}
	s->sel = 0;
	s->searched = 0;
	s->failed = 0;
	s->ambiguous = 0;
	s->chosen = 0;
	s->stepped = 0;
	free(s->step_text);
	s->step_text = NULL;
	answer_clear(s);
}

void hits_free(struct search_box *s)
{
	int k;

	hits_clear(s);
	for (k = 0; k < HIT_KIND_COUNT; k++)
		rows_free(&s->group[k].rows);
}

int hits_total(const struct search_box *s)
{
	int k, n = 0;

	for (k = 0; k < HIT_KIND_COUNT; k++)
		n += (int)s->group[k].rows.n;
	return n;
}

int hits_all_held(const struct search_box *s)
{
	int k;

	for (k = 0; k < HIT_KIND_COUNT; k++)
		if (s->group[k].more)
			return 0;
	return 1;
}

int hit_at(const struct search_box *s, int i, int *kind, int *idx)
{
	int k;

	assert(i >= 0);
	for (k = 0; k < HIT_KIND_COUNT; k++) {
		int n = (int)s->group[k].rows.n;

		if (i < n) {
			if (kind)
				*kind = k;
			if (idx)
				*idx = i;
			return 1;
		}
		i -= n;
	}
	return 0;
}

struct dci_hit hit_row(const struct rows *r, size_t i, int kind, int english)
{
	struct dci_hit h = {
		(enum hit_kind)kind, rows_get(r, i, HF_REF),
		rows_get(r, i, english ? HF_LABEL_EN : HF_LABEL),
		rows_get(r, i, english ? HF_DETAIL_EN : HF_DETAIL),
		rows_get(r, i, HF_RELATION), rows_get(r, i, HF_POST), rows_get(r, i, HF_POST_LABEL),
		rows_get(r, i, HF_PHONE), rows_get(r, i, HF_DATE),
	};

	return h;
}

struct dci_hit hit_get(const struct search_box *s, int kind, int idx, int english)
{
	assert(idx >= 0 && (size_t)idx < s->group[kind].rows.n);
	return hit_row(&s->group[kind].rows, (size_t)idx, kind, english);
}

int flat_index(const struct search_box *s, int kind, int idx)
{
	int j, i = idx;

	for (j = 0; j < kind; j++)
		i += (int)s->group[j].rows.n;
	return i;
}

/* Keep a hit from the core (ctx: a struct rows of HF_FIELDS). */
static int on_hit(void *ctx, const struct dci_hit *h)
{
	const char *f[HF_FIELDS] = {
		h->ref, h->label, h->detail, h->relation, h->post, h->post_label, h->phone, h->date,
		h->label, h->detail,
	};

	return rows_add(ctx, f);
}

/* In French, the hit's names as the data gives them in French (the
 * core's rule, hit_names_french()); the English ones stay in
 * HF_LABEL_EN and HF_DETAIL_EN. */
static void row_to_french(struct search_box *s, struct tui *t, int kind, struct rows *r,
                          size_t i)
{
	struct dci_hit h;
	struct dci_hit_names fr;

	if (!s->view->french)
		return;
	h = hit_row(r, i, kind, 0);
	if (hit_names_french(t->reg, &h, &fr) != 0)
		return;
	rows_set(r, i, HF_LABEL, fr.label);
	rows_set(r, i, HF_DETAIL, fr.detail);
	rows_set(r, i, HF_POST_LABEL, fr.post_label);
}

/* ---- searching ----------------------------------------------------------- */

/* Keep what the registry said; the draw shows it, sanitised like all text. */
static void search_failed(struct search_box *s, struct tui *t)
{
	s->failed = 1;
	snprintf(s->fail_text, sizeof(s->fail_text), "%s", registry_error(t->reg));
}

/* Keep a hit of the first screenful in its kind's group. */
static int on_screen_hit(void *ctx, const struct dci_hit *h)
{
	struct search_box *s = ctx;

	return on_hit(&s->group[h->kind].rows, h);
}

void hits_run(struct search_box *s, struct tui *t, int rows)
{
	int avail = rows - 1 - answer_rows(rows), k, more[HIT_KIND_COUNT];
	size_t i;

	hits_clear(s);
	s->run_rows = rows;
	s->stale = 0;
	if (s->len == 0)
		return;
	if (avail < 2)
		avail = 2;
	/* every kind that matched shows: the core shares the rows among them
	 * and reads no hit it would not show */
	if (search_screen(t->reg, s->utf8, avail, avail < KIND_MAX ? avail : KIND_MAX,
	                  on_screen_hit, s, more) != 0)
		search_failed(s, t);
	for (k = 0; k < HIT_KIND_COUNT; k++) {
		s->group[k].more = more[k];
		for (i = 0; i < s->group[k].rows.n; i++)
			row_to_french(s, t, k, &s->group[k].rows, i);
	}
	s->searched = 1;
	if (answer_run(s, t) != 0)
		search_failed(s, t);
}

int hits_fetch(struct search_box *s, struct tui *t, int kind, long idx, struct rows *one)
{
	const struct hit_group *g = &s->group[kind];

	assert(one->width == HF_FIELDS && one->n == 0);
	if (idx < 0)
		return 0;
	if ((size_t)idx < g->rows.n)
		return rows_add_row(one, &g->rows, (size_t)idx) == 0;
	if (!g->more)
		return 0;
	if (search_run(t->reg, s->utf8, (enum hit_kind)kind, idx, 1, on_hit, one) == 0 &&
	    one->n == 1) {
		row_to_french(s, t, kind, one, 0);
		return 1;
	}
	rows_clear(one);
	return 0;
}

long hits_count(struct search_box *s, struct tui *t, int kind)
{
	long total = 0;

	if (!s->group[kind].more)
		return (long)s->group[kind].rows.n;
	for (;;) {
		struct rows page;
		int rc;
		long got;

		rows_init(&page, HF_FIELDS, 0);
		rc = search_run(t->reg, s->utf8, (enum hit_kind)kind, total, COUNT_PAGE, on_hit,
		                &page);
		got = (long)page.n;
		rows_free(&page);
		total += got;
		if (rc != 0 || got < COUNT_PAGE)
			return total;
	}
}
