/* SPDX-License-Identifier: MIT */
/*
 * search_answer.c: the answer line's words (see search.h).
 *
 * The answer line, at the bottom of the results, is the desk's answer
 * while the officer types.  The core decides it (answer_find(): what the
 * text names, or that it is ambiguous); this file only words it: the
 * post, its head's rank, phone, local time, the date of the facts and the
 * evidence behind them.  After each search the selection is the answer's
 * hit.  When the text is ambiguous the line lists the candidates and
 * Enter waits for a choice with Up/Down; a hit chosen so is answered by
 * answer_for_hit().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "evidence.h"
#include "search.h"
#include "str.h"

/* ---- the answer line ---------------------------------------------------- */

static const char *dot(const struct search_box *s)
{
	return view_dot(s->view);
}

void answer_clear(struct search_box *s)
{
	free(s->answer_head);
	free(s->answer_facts);
	free(s->answer_evidence);
	s->answer_head = s->answer_facts = s->answer_evidence = NULL;
}

/* "New Delhi, India" in the view's language. */
static char *answer_place(const struct search_box *s, const struct dci_post *p)
{
	const char *country = view_local(s->view, p->country_en, p->country_fr);

	if (!p->city[0])
		return str_printf(_("%s (city not stated)"), country);
	return str_join(view_local(s->view, p->city, p->city_fr), ", ", country);
}

/* "as of 2018-07-30† · attested by an embassy page, 2018-07-30" */
static char *dated_evidence(const struct search_box *s, const struct dci_post *p)
{
	char *date, *asof, *e, *all;

	date = stale_date(&s->view->stale, s->view->ascii, p->updated);
	asof = p->updated[0] ? str_printf(_("as of %s"), date) : str_printf("%s", _("undated"));
	free(date);
	e = evidence_words(s->view, p->evidence_kind, p->evidence_date, p->evidence_official,
	                   p->sctip_era);
	all = str_join(asof, dot(s), e);
	free(asof);
	free(e);
	return all;
}

/* head's rank · phone · local time */
static char *post_facts(const struct search_box *s, const struct dci_answer_post *ap)
{
	const struct dci_post *p = ap->post;
	char *a, *b, *out, *head;
	const char *sp = strchr(ap->local_time, ' ');

	/* the head's rank and corps, as the roster shows them */
	head = !p->head_rank[0] ? str_printf("%s", _("head's rank not stated"))
	       : p->head_corps[0] ? str_printf("%s (%s)", p->head_rank, p->head_corps)
	       : str_printf("%s", p->head_rank);
	a = str_join(head, dot(s), p->phone[0] ? p->phone : _("no phone on record"));
	free(head);
	if (sp)
		b = str_printf(_("%.*s local (UTC%s)"), (int)(sp - ap->local_time), ap->local_time,
		               sp + 1);
	else
		b = str_printf("%s", _("local time unknown"));
	out = str_join(a, dot(s), b);
	free(a);
	free(b);
	return out;
}

static char *answer_head(const struct search_box *s, const struct dci_answer *a,
                         const struct dci_answer_post *ap)
{
	const char *label = view_local(s->view, a->label, a->label_fr);
	char *place, *head;

	if (ap == NULL)
		return a->kind == HIT_COUNTRY
		       ? str_printf(_("%s: the registry does not know which post covers it"), label)
		       : a->kind == HIT_THEME
		       ? str_printf(_("%s: a field of the whole network (see Overview)"), label)
		       : str_printf(_("%s: post not known"), label);
	place = answer_place(s, ap->post);
	switch (a->kind) {
	case HIT_COUNTRY:
		head = str_printf(strcmp(ap->relation, "host") == 0 ? _("%s: the post in %s")
		                  : strcmp(ap->relation, "non-resident") == 0
		                  ? _("%s: covered from %s (non-resident)")
		                  : _("%s: covered from %s"), label, place);
		break;
	case HIT_POST:
		head = str_printf(_("The post in %s"), place);
		break;
	case HIT_STAFF:
		head = str_printf(_("%s: at the post in %s"), label, place);
		break;
	default:
		head = str_printf(_("%s: a speciality of the post in %s"), label, place);
		break;
	}
	free(place);
	return head;
}

/* "Korea, Republic of · Korea, Democratic People's Republic of …" */
static char *candidate_list(const struct search_box *s, registry *reg,
                            const struct dci_answer *a)
{
	char *list = NULL, *tmp;
	int i;

	for (i = 0; i < a->n_candidates; i++) {
		const struct dci_candidate *c = &a->candidates[i];

		const char *where = c->post_label;
		char fr[512];

		if (s->view->french && c->post[0]
		    && post_place(reg, c->post, 1, fr, sizeof(fr)) == 0)
			where = fr;
		tmp = str_join(list, dot(s), a->kind == HIT_COUNTRY || !where[0]
		               ? view_local(s->view, c->label, c->label_fr) : where);
		free(list);
		list = tmp;
	}
	if (a->more_candidates) {
		tmp = str_printf("%s%s", list ? list : "", s->view->ascii ? " ..." : " \xE2\x80\xA6");
		free(list);
		list = tmp;
	}
	return list;
}

/* Word the answer, showing the post post_id serves it from (the first
 * when post_id is "" or not among them). */
static void answer_words(struct search_box *s, registry *reg, const struct dci_answer *a,
                         const char *post_id)
{
	int i, shown = 0;

	answer_clear(s);
	if (a->status == ANSWER_AMBIGUOUS) {
		char *list = candidate_list(s, reg, a);

		s->answer_head = str_printf(a->kind == HIT_COUNTRY
		                            ? _("Several countries match \"%s\": choose one with Up/Down")
		                            : a->kind == HIT_STAFF
		                            ? _("Several people match \"%s\": choose one with Up/Down")
		                            : a->kind == HIT_THEME
		                            ? _("Several themes match \"%s\": choose one with Up/Down")
		                            : _("Several posts match \"%s\": choose one with Up/Down"),
		                            s->utf8);
		s->answer_facts = list;
		return;
	}
	if (a->status != ANSWER_ONE)
		return;
	for (i = 0; post_id && i < a->n_posts; i++)
		if (strcmp(a->posts[i].post->id, post_id) == 0)
			shown = i;
	s->answer_head = answer_head(s, a, a->n_posts ? &a->posts[shown] : NULL);
	if (a->n_posts == 0)
		return;
	s->answer_facts = post_facts(s, &a->posts[shown]);
	s->answer_evidence = dated_evidence(s, a->posts[shown].post);
	if (a->n_posts > 1) {
		char *n = str_printf(_("post %d of %d covering it (Up/Down)"), shown + 1, a->n_posts);
		char *both = str_join(s->answer_evidence, dot(s), n);

		free(n);
		free(s->answer_evidence);
		s->answer_evidence = both;
	}
}

/* The held hit of the answer (its first post's, for a country). */
static int answer_hit(const struct search_box *s, const struct dci_answer *a)
{
	const struct rows *g = &s->group[a->kind].rows;
	const char *post = a->n_posts ? a->posts[0].post->id : "";
	int i, first = -1;

	for (i = 0; i < (int)g->n; i++)
		if (strcmp(rows_get(g, (size_t)i, HF_REF), a->ref) == 0) {
			if (first < 0)
				first = i;
			if (a->kind != HIT_COUNTRY || strcmp(rows_get(g, (size_t)i, HF_POST), post) == 0)
				return flat_index(s, a->kind, i);
		}
	return first >= 0 ? flat_index(s, a->kind, first) : 0;
}

/* What an answer's words need: the box, the registry (for a candidate's
 * place in French) and the post chosen, if one was. */
struct answer_ctx {
	struct search_box *s;
	registry *reg;
	const char *post;
};

static int on_answer(void *ctx, const struct dci_answer *a)
{
	struct answer_ctx *c = ctx;
	struct search_box *s = c->s;

	s->sel = 0;
	s->ambiguous = a->status == ANSWER_AMBIGUOUS;
	if (a->status == ANSWER_ONE)
		s->sel = answer_hit(s, a);
	answer_words(s, c->reg, a, NULL);
	return 0;
}

static int on_chosen(void *ctx, const struct dci_answer *a)
{
	struct answer_ctx *c = ctx;

	answer_words(c->s, c->reg, a, c->post);
	return 0;
}

int answer_run(struct search_box *s, struct tui *t)
{
	struct answer_ctx c = { s, t->reg, NULL };

	return answer_find(t->reg, s->utf8, on_answer, &c);
}

void answer_selected(struct search_box *s, struct tui *t)
{
	int kind = 0, idx = 0;
	struct dci_hit h;
	struct answer_ctx c = { s, t->reg, NULL };

	answer_clear(s);
	if (!hit_at(s, s->sel, &kind, &idx))
		return;
	h = hit_get(s, kind, idx, 1);
	c.post = h.post;
	answer_for_hit(t->reg, &h, on_chosen, &c);
}
