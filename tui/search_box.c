/*
 * search_box.c: the search line, its results and the answer line.
 *
 * Typing here is its own input mode: printable keys are text (keymap.c
 * never turns them into commands here).  Each change of the text runs
 * search_run() once per kind, asking for no more hits than the results
 * area can show, and splits the rows fairly among the kinds that matched.
 *
 * The answer line, at the bottom of the results, is the desk's answer
 * while the officer types.  The core decides it (answer_find(): what the
 * text names, or that it is ambiguous); this file only words it: the
 * post, its head's rank, phone, local time, the date of the facts and the
 * evidence behind them.  After each search the selection is the answer's
 * hit.  When the text is ambiguous the line lists the candidates and
 * Enter waits for a choice with Up/Down; a hit chosen so is answered by
 * answer_for_hit().
 *
 * The hits stay after the box loses focus, so n and N can step through
 * them from any pane; they step through every hit, fetching the ones
 * beyond the screen with search_run()'s offset, one at a time.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>
#include <wctype.h>
#include "app.h"
#include "evidence.h"
#include "str.h"

#define QUERY_MAX 120
#define KIND_MAX 200               /* hits held per kind, whatever the screen */
#define COUNT_PAGE 500             /* rows per query when counting a kind's hits */

struct hit_row {
	char *ref, *label, *detail, *relation, *post, *post_label, *phone, *date;
	char *label_en, *detail_en;    /* as the core gave them, before row_to_french */
};

struct hit_group {
	struct hit_row *rows;
	int n, cap;
	int more;                  /* the kind has more hits than held */
};

struct search_box {
	wchar_t text[QUERY_MAX + 1];
	int len, cur;              /* characters, cursor position */
	char utf8[QUERY_MAX * 4 + 1];
	struct hit_group group[HIT_KIND_COUNT];
	int sel;                   /* index over all held hits, in group order */
	int stale;                 /* text changed since the last search */
	int searched;              /* hits answer the current text */
	int failed;
	char fail_text[256];        /* what the registry said when it failed */
	int ambiguous;             /* several matches, none named exactly */
	int chosen;                /* the officer moved the selection since */
	char *answer_head, *answer_facts, *answer_evidence;
	int step_kind;             /* n/N: the hit last stepped to, */
	long step_idx;             /* as its kind and place among all its hits */
	int stepped;
	char *step_text;           /* "Hit 3/12: Nepal", for the one-line box */
	int rows, cols;
	int run_rows;              /* the rows the last search was run for */
	const struct view *view;
};

static const char *const group_titles[HIT_KIND_COUNT] = {
	N_("Countries"), N_("Posts"), N_("Staff"), N_("Themes")
};

static char *dup(const char *s)
{
	return strdup(s ? s : "");
}

static void row_free(struct hit_row *r)
{
	free(r->ref);
	free(r->label);
	free(r->detail);
	free(r->relation);
	free(r->post);
	free(r->post_label);
	free(r->phone);
	free(r->date);
	free(r->label_en);
	free(r->detail_en);
	memset(r, 0, sizeof(*r));
}

static void answer_clear(struct search_box *s)
{
	free(s->answer_head);
	free(s->answer_facts);
	free(s->answer_evidence);
	s->answer_head = s->answer_facts = s->answer_evidence = NULL;
}

static void hits_clear(struct search_box *s)
{
	int k, i;

	for (k = 0; k < HIT_KIND_COUNT; k++) {
		for (i = 0; i < s->group[k].n; i++)
			row_free(&s->group[k].rows[i]);
		s->group[k].n = 0;
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

static int hits_total(const struct search_box *s)
{
	int k, n = 0;

	for (k = 0; k < HIT_KIND_COUNT; k++)
		n += s->group[k].n;
	return n;
}

static int hits_all_held(const struct search_box *s)
{
	int k;

	for (k = 0; k < HIT_KIND_COUNT; k++)
		if (s->group[k].more)
			return 0;
	return 1;
}

/* The i-th held hit in group order, and its kind and place in the kind;
 * NULL past the end. */
static const struct hit_row *hit_at(const struct search_box *s, int i, int *kind, int *idx)
{
	int k;

	assert(i >= 0);
	for (k = 0; k < HIT_KIND_COUNT; k++) {
		if (i < s->group[k].n) {
			if (kind)
				*kind = k;
			if (idx)
				*idx = i;
			return &s->group[k].rows[i];
		}
		i -= s->group[k].n;
	}
	return NULL;
}

/* The flat index of hit idx of kind k. */
static int flat_index(const struct search_box *s, int k, int idx)
{
	int j, i = idx;

	for (j = 0; j < k; j++)
		i += s->group[j].n;
	return i;
}

static void row_copy(struct hit_row *r, const struct dci_hit *h)
{
	r->ref = dup(h->ref);
	r->label = dup(h->label);
	r->detail = dup(h->detail);
	r->relation = dup(h->relation);
	r->post = dup(h->post);
	r->post_label = dup(h->post_label);
	r->phone = dup(h->phone);
	r->date = dup(h->date);
	r->label_en = dup(h->label);
	r->detail_en = dup(h->detail);
}

static int on_hit(void *ctx, const struct dci_hit *h)
{
	struct hit_group *g = ctx;

	if (g->n == g->cap) {
		int ncap = g->cap ? g->cap * 2 : 8;
		struct hit_row *nr = realloc(g->rows, (size_t)ncap * sizeof(*nr));

		if (nr == NULL)
			return 1;
		g->rows = nr;
		g->cap = ncap;
	}
	row_copy(&g->rows[g->n++], h);
	return 0;
}

/* ---- a post's names, for the French labels ------------------------------ */

struct post_info {
	int found;
	char *city, *city_fr, *country, *country_fr, *name_en, *name_fr;
};

static int on_post(void *ctx, const struct dci_post *p)
{
	struct post_info *pi = ctx;

	pi->found = 1;
	pi->city = dup(p->city);
	pi->city_fr = dup(p->city_fr);
	pi->country = dup(p->country_en);
	pi->country_fr = dup(p->country_fr);
	pi->name_en = dup(p->name_en);
	pi->name_fr = dup(p->name_fr);
	return 1;
}

static void post_info_free(struct post_info *pi)
{
	free(pi->city);
	free(pi->city_fr);
	free(pi->country);
	free(pi->country_fr);
	free(pi->name_en);
	free(pi->name_fr);
	memset(pi, 0, sizeof(*pi));
}

static int post_info_get(registry *reg, const char *id, struct post_info *pi)
{
	memset(pi, 0, sizeof(*pi));
	if (id == NULL || id[0] == '\0')
		return 0;
	if (post_get(reg, id, on_post, pi) != 0 || !pi->found) {
		post_info_free(pi);
		return 0;
	}
	return 1;
}

/* "New Delhi, India" in the view's language. */
static char *post_place(const struct search_box *s, const struct post_info *pi)
{
	return str_join(view_local(s->view, pi->city, pi->city_fr), ", ",
	                view_local(s->view, pi->country, pi->country_fr));
}

static void swap(char **a, char **b)
{
	char *t = *a;

	*a = *b;
	*b = t;
}

/* In French, the hit's names as the data gives them in French: the core
 * labels a hit in English, with the French name as its detail. */
static void row_to_french(struct search_box *s, struct tui *t, int kind, struct hit_row *r)
{
	struct post_info pi;

	if (!s->view->french)
		return;
	if ((kind == HIT_COUNTRY || kind == HIT_THEME) && r->detail[0])
		swap(&r->label, &r->detail);
	if (!post_info_get(t->reg, r->post, &pi))
		return;
	free(r->post_label);
	r->post_label = post_place(s, &pi);
	if (kind == HIT_POST && pi.city_fr[0]) {
		free(r->label);
		free(r->detail);
		r->label = dup(pi.city_fr);
		r->detail = dup(pi.name_fr[0] ? pi.name_fr : pi.name_en);
	}
	post_info_free(&pi);
}

/* ---- the answer line ---------------------------------------------------- */

static const char *dot(const struct search_box *s)
{
	return view_dot(s->view);
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
	char *a, *b, *out;
	const char *sp = strchr(ap->local_time, ' ');

	a = str_join(p->head_rank[0] ? p->head_rank : _("head's rank not stated"), dot(s),
	             p->phone[0] ? p->phone : _("no phone on record"));
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
static char *candidate_list(const struct search_box *s, const struct dci_answer *a)
{
	char *list = NULL, *tmp;
	int i;

	for (i = 0; i < a->n_candidates; i++) {
		const struct dci_candidate *c = &a->candidates[i];

		tmp = str_join(list, dot(s), a->kind == HIT_COUNTRY || !c->post_label[0]
		               ? c->label : c->post_label);
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
static void answer_words(struct search_box *s, const struct dci_answer *a, const char *post_id)
{
	int i, shown = 0;

	answer_clear(s);
	if (a->status == ANSWER_AMBIGUOUS) {
		char *list = candidate_list(s, a);

		s->answer_head = str_printf(a->kind == HIT_COUNTRY
		                            ? _("Several countries match \"%s\": choose one with Up/Down")
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
	const struct hit_group *g = &s->group[a->kind];
	const char *post = a->n_posts ? a->posts[0].post->id : "";
	int i, first = -1;

	for (i = 0; i < g->n; i++)
		if (strcmp(g->rows[i].ref, a->ref) == 0) {
			if (first < 0)
				first = i;
			if (a->kind != HIT_COUNTRY || strcmp(g->rows[i].post, post) == 0)
				return flat_index(s, a->kind, i);
		}
	return first >= 0 ? flat_index(s, a->kind, first) : 0;
}

static int on_answer(void *ctx, const struct dci_answer *a)
{
	struct search_box *s = ctx;

	s->sel = 0;
	s->ambiguous = a->status == ANSWER_AMBIGUOUS;
	if (a->status == ANSWER_ONE)
		s->sel = answer_hit(s, a);
	answer_words(s, a, NULL);
	return 0;
}

struct chosen {
	struct search_box *s;
	const char *post;
};

static int on_chosen(void *ctx, const struct dci_answer *a)
{
	struct chosen *c = ctx;

	answer_words(c->s, a, c->post);
	return 0;
}

/* The answer line for the hit the officer selected. */
static void answer_selected(struct search_box *s, struct tui *t)
{
	int kind = 0;
	const struct hit_row *h = hit_at(s, s->sel, &kind, NULL);
	struct dci_hit dh;
	struct chosen c = { s, NULL };

	answer_clear(s);
	if (h == NULL)
		return;
	dh = (struct dci_hit){ (enum hit_kind)kind, h->ref, h->label_en, h->detail_en, h->relation,
	                       h->post, h->post_label, h->phone, h->date };
	c.post = h->post;
	answer_for_hit(t->reg, &dh, on_chosen, &c);
}

/* ---- searching ----------------------------------------------------------- */

/* Rows for hits once each shown group has its header: one hit per group
 * in turn until the rows run out, so every kind that matched shows. */
static void share_rows(struct search_box *s, int avail)
{
	int shown[HIT_KIND_COUNT] = { 0 }, k, i, progress = 1;

	for (k = 0; k < HIT_KIND_COUNT; k++)
		if (s->group[k].n > 0 && avail >= 2) {
			avail -= 2;        /* the header and a first hit */
			shown[k] = 1;
		}
	while (avail > 0 && progress) {
		progress = 0;
		for (k = 0; k < HIT_KIND_COUNT && avail > 0; k++)
			if (shown[k] > 0 && shown[k] < s->group[k].n) {
				shown[k]++;
				avail--;
				progress = 1;
			}
	}
	for (k = 0; k < HIT_KIND_COUNT; k++) {
		struct hit_group *g = &s->group[k];

		for (i = shown[k]; i < g->n; i++)
			row_free(&g->rows[i]);
		if (shown[k] < g->n)
			g->more = 1;
		g->n = shown[k];
	}
}

/* Rows of the answer area at the bottom of a results area of rows rows:
 * a blank line and three lines (the post, its facts, the evidence), or
 * two, or one line, or none. */
static int answer_rows(int rows)
{
	return rows >= 12 ? 4 : rows >= 8 ? 3 : rows >= 4 ? 1 : 0;
}

/* Keep what the registry said; the draw shows it, sanitised like all text. */
static void search_failed(struct search_box *s, struct tui *t)
{
	s->failed = 1;
	snprintf(s->fail_text, sizeof(s->fail_text), "%s", registry_error(t->reg));
}

/* Search for the text, holding the hits a results area of rows rows shows. */
static void run_for(struct search_box *s, struct tui *t, int rows)
{
	int avail = rows - 1 - answer_rows(rows), k, i;

	hits_clear(s);
	s->run_rows = rows;
	s->stale = 0;
	if (s->len == 0)
		return;
	if (avail < 2)
		avail = 2;
	for (k = 0; k < HIT_KIND_COUNT; k++) {
		int limit = avail < KIND_MAX ? avail : KIND_MAX;

		if (search_run(t->reg, s->utf8, (enum hit_kind)k, 0, limit + 1, on_hit,
		               &s->group[k]) != 0)
			search_failed(s, t);
		if (s->group[k].n > limit) {
			row_free(&s->group[k].rows[--s->group[k].n]);
			s->group[k].more = 1;
		}
	}
	share_rows(s, avail);
	for (k = 0; k < HIT_KIND_COUNT; k++)
		for (i = 0; i < s->group[k].n; i++)
			row_to_french(s, t, k, &s->group[k].rows[i]);
	s->searched = 1;
	if (answer_find(t->reg, s->utf8, on_answer, s) != 0)
		search_failed(s, t);
}

static void run(struct search_box *s, struct tui *t)
{
	run_for(s, t, s->rows);
}

static void text_changed(struct search_box *s, struct tui *t)
{
	s->text[s->len] = L'\0';
	if (wcstombs(s->utf8, s->text, sizeof(s->utf8) - 1) == (size_t)-1)
		s->utf8[0] = '\0';
	s->utf8[sizeof(s->utf8) - 1] = '\0';
	s->stale = 1;
	if (s->rows > 1 || s->len == 0)
		run(s, t);
}

int search_box_has_text(const struct search_box *s)
{
	return s->len > 0;
}

void search_box_clear(struct search_box *s, struct tui *t)
{
	s->len = s->cur = 0;
	text_changed(s, t);
}

/* Open the post of hit h of kind, or say why not; label names it in the
 * message ("Hit 3/12"). */
static unsigned open_row(struct tui *t, const struct hit_row *h, int kind, const char *label,
                         int jump)
{
	const char *arrow = t->view.ascii ? "->" : "\xE2\x86\x92";

	if (h->post[0] == '\0') {
		char *why = str_printf(kind == HIT_THEME
		                       ? _("%s: a theme of the whole network (see Overview)")
		                       : _("%s: the registry does not know which post covers it"),
		                       h->label);
		unsigned what = (jump && kind == HIT_THEME ? app_focus(t, PANE_OVERVIEW) : REDRAW_NONE)
		                | app_message(t, "%s: %s", label, why ? why : "");

		free(why);
		return what;
	}
	return app_open_post(t, h->post) | (jump ? app_focus(t, PANE_ROSTER) : REDRAW_NONE)
	       | app_message(t, "%s: %s %s %s", label, h->label, arrow, h->post_label);
}

/* The hit at (kind, idx) among all the hits of the text, into *out;
 * from the held rows when it is one, else from the registry. */
static int fetch_hit(struct search_box *s, struct tui *t, int kind, long idx,
                     struct hit_row *out)
{
	struct hit_group one = { NULL, 0, 0, 0 };
	int found = 0;

	memset(out, 0, sizeof(*out));
	if (idx < 0)
		return 0;
	if (idx < s->group[kind].n) {
		const struct hit_row *h = &s->group[kind].rows[idx];
		struct dci_hit dh = { (enum hit_kind)kind, h->ref, h->label, h->detail, h->relation,
		                      h->post, h->post_label, h->phone, h->date };

		row_copy(out, &dh);
		return 1;
	}
	if (!s->group[kind].more)
		return 0;
	if (search_run(t->reg, s->utf8, (enum hit_kind)kind, idx, 1, on_hit, &one) == 0 &&
	    one.n == 1) {
		*out = one.rows[0];
		found = 1;
		row_to_french(s, t, kind, out);
	} else {
		int i;

		for (i = 0; i < one.n; i++)
			row_free(&one.rows[i]);
	}
	free(one.rows);
	return found;
}

/* How many hits of kind the text has in all (counted only when N wraps
 * back into a kind with more hits than held). */
static long count_kind(struct search_box *s, struct tui *t, int kind)
{
	long total = 0;

	if (!s->group[kind].more)
		return s->group[kind].n;
	for (;;) {
		struct hit_group page = { NULL, 0, 0, 0 };
		int i, got;

		int rc = search_run(t->reg, s->utf8, (enum hit_kind)kind, total, COUNT_PAGE, on_hit,
		                    &page);

		got = page.n;
		for (i = 0; i < page.n; i++)
			row_free(&page.rows[i]);
		free(page.rows);
		total += got;
		if (rc != 0 || got < COUNT_PAGE)
			return total;
	}
}

unsigned search_box_step(struct search_box *s, struct tui *t, int dir)
{
	int kind, idx0, tries;
	long idx;
	struct hit_row h;
	char *label;
	unsigned what;

	if (hits_total(s) == 0 && s->len > 0)
		return app_message(t, _("No hits for \"%s\""), s->utf8);
	if (hits_total(s) == 0)
		return app_message(t, "%s", _("No search yet: press / to search"));
	if (!s->stepped) {
		if (hit_at(s, s->sel, &kind, &idx0) == NULL)
			kind = idx0 = 0;
		s->step_kind = kind;
		s->step_idx = idx0;
	}
	kind = s->step_kind;
	idx = s->step_idx + dir;
	for (tries = 0; tries <= 2 * HIT_KIND_COUNT; tries++) {
		if (idx < 0) {
			kind = (kind + HIT_KIND_COUNT - 1) % HIT_KIND_COUNT;
			idx = count_kind(s, t, kind) - 1;
			continue;
		}
		if (fetch_hit(s, t, kind, idx, &h))
			break;
		if (dir > 0) {
			kind = (kind + 1) % HIT_KIND_COUNT;
			idx = 0;
		} else {
			idx = -1;
		}
	}
	if (tries > 2 * HIT_KIND_COUNT)
		return REDRAW_NONE;
	s->stepped = 1;
	s->step_kind = kind;
	s->step_idx = idx;
	if (idx < s->group[kind].n) {
		s->sel = flat_index(s, kind, (int)idx);
		s->chosen = 1;
		answer_selected(s, t);
	}
	if (hits_all_held(s))
		label = str_printf(_("Hit %d/%d"), flat_index(s, kind, (int)idx) + 1, hits_total(s));
	else
		label = str_printf(_("%s hit %ld"), _(group_titles[kind]), idx + 1);
	free(s->step_text);
	s->step_text = str_printf("%s: %s", label, h.label);
	what = open_row(t, &h, kind, label, 0) | REDRAW_PANE(PANE_SEARCH);
	free(label);
	row_free(&h);
	return what;
}

/* Where the word before the cursor starts (readline's Ctrl-W and Alt-B):
 * back over spaces, then over the rest. */
static int word_start(const struct search_box *s)
{
	int i = s->cur;

	while (i > 0 && iswspace((wint_t)s->text[i - 1]))
		i--;
	while (i > 0 && !iswspace((wint_t)s->text[i - 1]))
		i--;
	return i;
}

/* Where the word after the cursor ends (Alt-F). */
static int word_end(const struct search_box *s)
{
	int i = s->cur;

	while (i < s->len && iswspace((wint_t)s->text[i]))
		i++;
	while (i < s->len && !iswspace((wint_t)s->text[i]))
		i++;
	return i;
}

static void delete_range(struct search_box *s, int from, int to)
{
	memmove(&s->text[from], &s->text[to], (size_t)(s->len - to) * sizeof(wchar_t));
	s->len -= to - from;
	s->cur = from;
}

static unsigned edit(struct search_box *s, struct tui *t, enum action act, int key)
{
	int was_open = s->len > 0;

	switch (act) {
	case ACT_TEXT:
		if (s->len >= QUERY_MAX || (s->view->ascii && key > 0x7e))
			return REDRAW_NONE;
		memmove(&s->text[s->cur + 1], &s->text[s->cur],
		        (size_t)(s->len - s->cur) * sizeof(wchar_t));
		s->text[s->cur++] = (wchar_t)key;
		s->len++;
		break;
	case ACT_DELETE_BACK:
		if (s->cur == 0)
			return REDRAW_NONE;
		s->cur--;
		/* fall through */
	case ACT_DELETE:
		if (s->cur >= s->len)
			return REDRAW_NONE;
		memmove(&s->text[s->cur], &s->text[s->cur + 1],
		        (size_t)(s->len - s->cur - 1) * sizeof(wchar_t));
		s->len--;
		break;
	case ACT_CLEAR_LINE:
		s->len = s->cur = 0;
		break;
	case ACT_DELETE_WORD:
		if (s->cur == 0)
			return REDRAW_NONE;
		delete_range(s, word_start(s), s->cur);
		break;
	case ACT_KILL_END:
		if (s->cur >= s->len)
			return REDRAW_NONE;
		s->len = s->cur;
		break;
	default:
		return REDRAW_NONE;
	}
	text_changed(s, t);
	return (was_open != (s->len > 0) ? REDRAW_LAYOUT : REDRAW_NONE) | REDRAW_PANE(PANE_SEARCH);
}

static unsigned search_key(void *st, struct tui *t, enum action act, int key)
{
	struct search_box *s = st;
	int n = hits_total(s), old = s->sel, page = s->rows > 3 ? s->rows - 3 : 1;
	int kind = 0, idx = 0;

	switch (act) {
	case ACT_CURSOR_LEFT:
		if (s->cur == 0)
			return REDRAW_NONE;
		s->cur--;
		return REDRAW_PANE(PANE_SEARCH);
	case ACT_CURSOR_RIGHT:
		if (s->cur >= s->len)
			return REDRAW_NONE;
		s->cur++;
		return REDRAW_PANE(PANE_SEARCH);
	case ACT_LINE_START:
	case ACT_LINE_END:
	case ACT_WORD_LEFT:
	case ACT_WORD_RIGHT: {
		int to = act == ACT_LINE_START ? 0 : act == ACT_LINE_END ? s->len
		         : act == ACT_WORD_LEFT ? word_start(s) : word_end(s);

		if (to == s->cur)
			return REDRAW_NONE;
		s->cur = to;
		return REDRAW_PANE(PANE_SEARCH);
	}
	case ACT_UP:        s->sel--; break;
	case ACT_DOWN:      s->sel++; break;
	case ACT_PAGE_UP:   s->sel -= page; break;
	case ACT_PAGE_DOWN: s->sel += page; break;
	case ACT_TOP:       s->sel = 0; break;
	case ACT_BOTTOM:    s->sel = n - 1; break;
	case ACT_OPEN:
		if (n == 0)
			return s->len ? app_message(t, "%s", _("No hits to open")) : REDRAW_NONE;
		if (s->ambiguous && !s->chosen)
			return app_message(t, "%s", _("Several match and none is named exactly: "
			                              "choose one with Up/Down, then Enter"));
		{
			const struct hit_row *h = hit_at(s, s->sel, &kind, &idx);
			char *label = str_printf(_("Hit %d/%d"), s->sel + 1, n);
			unsigned what = h ? open_row(t, h, kind, label, 1) : REDRAW_NONE;

			free(label);
			return what;
		}
	case ACT_BACK:              /* the search stays, for n and N */
		return app_back(t) | REDRAW_LAYOUT;
	default:
		return edit(s, t, act, key);
	}
	if (s->sel >= n)
		s->sel = n - 1;
	if (s->sel < 0)
		s->sel = 0;
	if (s->sel == old && s->chosen)
		return REDRAW_NONE;
	/* A move is a choice, even onto the hit already selected. */
	s->chosen = 1;
	s->stepped = 0;
	answer_selected(s, t);
	return REDRAW_PANE(PANE_SEARCH);
}

/* The held hit drawn on row of the results, or -1 (search_draw's layout:
 * the failure line, then each kind's header and hits, above the answer). */
static int hit_on_row(const struct search_box *s, int rows, int row)
{
	int y = 1 + (s->failed ? 1 : 0), bottom = rows - answer_rows(rows), k, i, idx = 0;

	if (s->len == 0)
		return -1;
	for (k = 0; k < HIT_KIND_COUNT; k++) {
		const struct hit_group *g = &s->group[k];

		if (g->n == 0)
			continue;
		y++;                   /* the kind's header */
		for (i = 0; i < g->n && y < bottom; i++, y++)
			if (y == row)
				return idx + i;
		idx += g->n;
	}
	return -1;
}

/* A click on a hit selects it, as Up and Down do. */
static unsigned search_click(void *st, struct tui *t, int row, int col)
{
	struct search_box *s = st;
	int hit = hit_on_row(s, s->rows, row);

	(void)col;
	if (hit < 0 || (hit == s->sel && s->chosen))
		return REDRAW_NONE;
	s->sel = hit;
	s->chosen = 1;
	s->stepped = 0;
	answer_selected(s, t);
	return REDRAW_PANE(PANE_SEARCH);
}

/* ---- drawing ------------------------------------------------------------ */

enum { C_LABEL, C_DETAIL, C_POST, C_PHONE, C_DATE, C_COUNT };

static void hit_columns(int avail, int w[C_COUNT])
{
	int flex;

	memset(w, 0, C_COUNT * sizeof(int));
	w[C_DATE] = avail >= 50 ? 11 : 0;
	w[C_PHONE] = avail >= 90 ? 17 : 0;
	flex = avail - w[C_DATE] - w[C_PHONE] - (w[C_DATE] ? 2 : 0) - (w[C_PHONE] ? 2 : 0);
	if (avail >= 70) {
		w[C_LABEL] = (flex - 4) * 32 / 100;
		w[C_DETAIL] = (flex - 4) * 28 / 100;
		w[C_POST] = flex - 4 - w[C_LABEL] - w[C_DETAIL];
	} else {
		w[C_LABEL] = (flex - 2) / 2;
		w[C_POST] = flex - 2 - w[C_LABEL];
	}
}

static void draw_hit(struct search_box *s, struct canvas *cv, int y, const struct hit_row *h,
                     const int w[C_COUNT])
{
	const char *cells[C_COUNT];
	char *post, *date;
	int c, x = DOC_MARGIN;

	post = h->post_label[0] ? str_printf("%s %s", s->view->ascii ? "->" : "\xE2\x86\x92",
	                                     h->post_label)
	                        : str_printf("%s", _("(no post)"));
	date = stale_date(&s->view->stale, s->view->ascii, h->date);
	cells[C_LABEL] = h->label;
	cells[C_DETAIL] = h->detail;
	cells[C_POST] = post;
	cells[C_PHONE] = h->phone;
	cells[C_DATE] = date;
	for (c = 0; c < C_COUNT; c++) {
		if (w[c] <= 0)
			continue;
		draw_text(cv, y, x, w[c], c == C_LABEL ? ROLE_HEADER : c == C_DATE ? ROLE_DIM
		          : ROLE_NORMAL, cells[c]);
		x += w[c] + 2;
	}
	free(post);
	free(date);
}

static void draw_line(struct search_box *s, struct canvas *cv, int focused)
{
	enum color_role title = focused ? ROLE_TITLE_FOCUS : ROLE_TITLE;
	int x, tw, before;
	wchar_t saved;
	char *name = str_printf("4 %s", _("Search:"));

	draw_fill(cv, 0, title);
	x = draw_text(cv, 0, 0, -1, title, name);
	free(name);
	x++;
	draw_paint(cv, 0, x - 1, -1, ROLE_NORMAL);
	/* Show the end of a text too long for the line. */
	saved = s->text[s->cur];
	s->text[s->cur] = L'\0';
	before = wcswidth(s->text, (size_t)s->cur);
	s->text[s->cur] = saved;
	if (before < 0)
		before = s->cur;
	tw = cv->cols - x - 1;
	if (s->len == 0) {
		if (!focused)
			draw_text(cv, 0, x, -1, ROLE_DIM, _("press / to find a country (English or "
			          "French), a city, a name, a theme"));
		else
			draw_text(cv, 0, x, -1, ROLE_DIM, _("type a country, a city, a name, a theme"));
	} else if (before <= tw) {
		draw_text(cv, 0, x, tw, ROLE_NORMAL, s->utf8);
	} else {
		const char *p = s->utf8;
		char *tail;

		/* drop leading characters until what is left before the cursor fits */
		while (*p && before > tw) {
			before--;
			p++;
			while ((*p & 0xC0) == 0x80)
				p++;
		}
		tail = str_printf("%s", p);
		draw_text(cv, 0, x, tw, ROLE_NORMAL, tail);
		free(tail);
	}
	if (s->len > 0 && !focused && hits_total(s) > 0 && cv->rows == 1) {
		const struct hit_row *h = hit_at(s, s->sel, NULL, NULL);
		char *now = s->step_text ? str_printf("%s", s->step_text)
		            : str_printf(_("hit %d/%d: %s"), s->sel + 1, hits_total(s),
		                         h ? h->label : "");
		char *hint = str_printf(_("%s  (n/N: next/previous)"), now);
		int hw = draw_width(hint) < cv->cols / 2 ? draw_width(hint) : cv->cols / 2;
		int qw = draw_width(s->utf8);

		if (x + qw + 2 < cv->cols - hw)
			draw_text(cv, 0, cv->cols - hw, hw, ROLE_DIM, hint);
		free(now);
		free(hint);
	}
	cv->cur_y = 0;
	cv->cur_x = x + (s->len ? before : 0);
}

/* The answer at the bottom: "Enter  Nepal: covered from New Delhi, India"
 * then the facts and the evidence, each on its line when there are
 * enough; what does not fit a line of its own joins the line above. */
static void draw_answer(struct search_box *s, struct canvas *cv)
{
	int n = answer_rows(cv->rows), y, x;
	const char *key = s->ambiguous && !s->chosen ? "?" : "Enter";   /* a key name */
	char *facts, *one;

	if (n == 0 || s->answer_head == NULL)
		return;
	y = cv->rows - (n > 1 ? n - 1 : 1);
	x = draw_text(cv, y, 0, -1, ROLE_KEY, key);
	x += 1;
	facts = n == 4 ? str_printf("%s", s->answer_facts ? s->answer_facts : "")
	        : str_join(s->answer_facts, dot(s), s->answer_evidence);
	if (n > 1) {
		draw_text(cv, y, x, -1, ROLE_HEADER, s->answer_head);
		draw_text(cv, y + 1, x, -1, ROLE_NORMAL, facts);
		if (n == 4 && s->answer_evidence)
			draw_text(cv, y + 2, x, -1, ROLE_DIM, s->answer_evidence);
		free(facts);
		return;
	}
	one = str_join(s->answer_head, dot(s), facts);
	draw_text(cv, y, x, -1, ROLE_HEADER, one);
	free(one);
	free(facts);
}

static void search_draw(void *st, struct tui *t, struct canvas *cv, int focused)
{
	struct search_box *s = st;
	int w[C_COUNT], k, i, y = 1, idx = 0, bottom;

	(void)t;
	draw_line(s, cv, focused);
	if (cv->rows < 2)
		return;
	if (s->len == 0) {
		draw_text(cv, 2, DOC_MARGIN, -1, ROLE_DIM,
		          _("Countries match their English or French names, accents optional:"));
		draw_text(cv, 3, DOC_MARGIN, -1, ROLE_DIM,
		          _("\"nepal\" finds Nepal (N\xC3\xA9pal) and the post that covers it."));
		draw_text(cv, 4, DOC_MARGIN, -1, ROLE_DIM,
		          _("So do \"kathmandu\", \"NP\", \"NPL\"; \"ivory coast\", \"Allemagne\" too."));
		return;
	}
	if (s->failed) {
		char *msg = str_printf(_("The search failed: %s"), s->fail_text);

		draw_text(cv, y++, DOC_MARGIN, -1, ROLE_MESSAGE, msg);
		free(msg);
	}
	if (hits_total(s) == 0) {
		char *msg = str_printf(_("No match for \"%s\"."), s->utf8);

		draw_text(cv, y, DOC_MARGIN, -1, ROLE_DIM, msg);
		free(msg);
		return;
	}
	bottom = cv->rows - answer_rows(cv->rows);
	hit_columns(cv->cols - DOC_MARGIN, w);
	for (k = 0; k < HIT_KIND_COUNT; k++) {
		const struct hit_group *g = &s->group[k];
		char *head;

		if (g->n == 0)
			continue;
		head = str_printf("%s (%d%s)", _(group_titles[k]), g->n, g->more ? "+" : "");
		draw_text(cv, y++, 0, -1, ROLE_HEADER, head);
		free(head);
		for (i = 0; i < g->n && y < bottom; i++, idx++, y++) {
			draw_hit(s, cv, y, &g->rows[i], w);
			if (idx == s->sel) {
				enum color_role r = focused ? ROLE_SELECTED : ROLE_SELECTED_DIM;

				draw_text(cv, y, 0, 1, r, ">");
				draw_paint(cv, y, 0, -1, r);
			}
		}
		idx += g->n - i;
	}
	draw_answer(s, cv);
}

static void search_resize(void *st, struct tui *t, int rows, int cols)
{
	struct search_box *s = st;
	int grew = rows > s->rows;

	s->rows = rows;
	s->cols = cols;
	if (rows > 1 && s->len > 0 && (s->stale || grew || !s->searched))
		run(s, t);
	if (s->sel >= hits_total(s))
		s->sel = 0;
}

/* The language changed the labels: search again (the hits are the same). */
static void search_reload(void *st, struct tui *t)
{
	struct search_box *s = st;

	if (s->len > 0)
		run_for(s, t, s->rows > 1 ? s->rows : s->run_rows);
}

static void search_destroy(void *st)
{
	struct search_box *s = st;
	int k;

	hits_clear(s);
	for (k = 0; k < HIT_KIND_COUNT; k++)
		free(s->group[k].rows);
	free(s);
}

static const struct pane_ops search_ops = {
	.draw = search_draw,
	.key = search_key,
	.click = search_click,
	.resize = search_resize,
	.reload = search_reload,
	.destroy = search_destroy,
};

int search_box_attach(struct tui *t)
{
	struct search_box *s = calloc(1, sizeof(*s));

	if (s == NULL)
		return -1;
	s->view = &t->view;
	t->search = s;
	t->pane[PANE_SEARCH].name = N_("Search");
	t->pane[PANE_SEARCH].ops = &search_ops;
	t->pane[PANE_SEARCH].st = s;
	return 0;
}
