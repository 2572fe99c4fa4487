/* SPDX-License-Identifier: MIT */
/*
 * search_box.c: the search pane: the search line and its editing, the
 * keys and clicks on the results, n/N stepping through every hit, and
 * opening a hit's post.  What it holds, words and draws is in
 * search_hits.c, search_answer.c and search_draw.c (search.h says which).
 *
 * Typing here is its own input mode: printable keys are text (keymap.c
 * never turns them into commands here).  Each change of the text runs
 * the search again (hits_run).
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>
#include "search.h"
#include "str.h"

static void run(struct search_box *s, struct tui *t)
{
	hits_run(s, t, s->rows);
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

/* Open the post of hit h, or say why not; label names it in the
 * message ("Hit 3/12"). */
static unsigned open_row(struct tui *t, const struct dci_hit *h, const char *label, int jump)
{
	int kind = (int)h->kind;
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

unsigned search_box_step(struct search_box *s, struct tui *t, int dir)
{
	int kind, idx0, tries;
	long idx;
	struct rows one;
	struct dci_hit h;
	char *label;
	unsigned what;

	if (hits_total(s) == 0 && s->len > 0)
		return app_message(t, _("No hits for \"%s\""), s->utf8);
	if (hits_total(s) == 0)
		return app_message(t, "%s", _("No search yet: press / to search"));
	if (!s->stepped) {
		if (!hit_at(s, s->sel, &kind, &idx0))
			kind = idx0 = 0;
		s->step_kind = kind;
		s->step_idx = idx0;
	}
	rows_init(&one, HF_FIELDS, 0);
	kind = s->step_kind;
	idx = s->step_idx + dir;
	for (tries = 0; tries <= 2 * HIT_KIND_COUNT; tries++) {
		if (idx < 0) {
			kind = (kind + HIT_KIND_COUNT - 1) % HIT_KIND_COUNT;
			idx = hits_count(s, t, kind) - 1;
			continue;
		}
		if (hits_fetch(s, t, kind, idx, &one))
			break;
		if (dir > 0) {
			kind = (kind + 1) % HIT_KIND_COUNT;
			idx = 0;
		} else {
			idx = -1;
		}
	}
	if (tries > 2 * HIT_KIND_COUNT) {
		rows_free(&one);
		return REDRAW_NONE;
	}
	h = hit_row(&one, 0, kind, 0);
	s->stepped = 1;
	s->step_kind = kind;
	s->step_idx = idx;
	if (idx < (long)s->group[kind].rows.n) {
		s->sel = flat_index(s, kind, (int)idx);
		s->chosen = 1;
		answer_selected(s, t);
	}
	if (hits_all_held(s))
		label = str_printf(_("Hit %d/%d"), flat_index(s, kind, (int)idx) + 1, hits_total(s));
	else
		label = str_printf(_("%s hit %ld"), _(search_group_titles[kind]), idx + 1);
	free(s->step_text);
	s->step_text = str_printf("%s: %s", label, h.label);
	what = open_row(t, &h, label, 0) | REDRAW_PANE(PANE_SEARCH);
	free(label);
	rows_free(&one);
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
			int held = hit_at(s, s->sel, &kind, &idx);
			struct dci_hit h = held ? hit_get(s, kind, idx, 0) : (struct dci_hit){ 0 };
			char *label = str_printf(_("Hit %d/%d"), s->sel + 1, n);
			unsigned what = held ? open_row(t, &h, label, 1) : REDRAW_NONE;

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
		hits_run(s, t, s->rows > 1 ? s->rows : s->run_rows);
}

static void search_destroy(void *st)
{
	struct search_box *s = st;

	hits_free(s);
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
	hits_init(s);
	t->search = s;
	t->pane[PANE_SEARCH].name = N_("Search");
	t->pane[PANE_SEARCH].ops = &search_ops;
	t->pane[PANE_SEARCH].st = s;
	return 0;
}
