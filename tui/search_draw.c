/* SPDX-License-Identifier: MIT */
/*
 * search_draw.c: the search box on screen (see search.h): the line with
 * the text, the hits by kind, the answer at the bottom.  Every function
 * here reads the box's state and none changes it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "search.h"
#include "str.h"

/* Rows of the answer area at the bottom of a results area of rows rows:
 * a blank line and three lines (the post, its facts, the evidence), or
 * two, or one line, or none. */
int answer_rows(int rows)
{
	return rows >= 12 ? 4 : rows >= 8 ? 3 : rows >= 4 ? 1 : 0;
}

/* The held hit drawn on row of the results, or -1 (search_draw's layout:
 * the failure line, then each kind's header and hits, above the answer). */
int hit_on_row(const struct search_box *s, int rows, int row)
{
	int y = 1 + (s->failed ? 1 : 0), bottom = rows - answer_rows(rows), k, i, idx = 0;

	if (s->len == 0)
		return -1;
	for (k = 0; k < HIT_KIND_COUNT; k++) {
		int n = (int)s->group[k].rows.n;

		if (n == 0)
			continue;
		y++;                   /* the kind's header */
		for (i = 0; i < n && y < bottom; i++, y++)
			if (y == row)
				return idx + i;
		idx += n;
	}
	return -1;
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

static void draw_hit(const struct search_box *s, struct canvas *cv, int y,
                     const struct dci_hit *h,
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

static void draw_line(const struct search_box *s, struct canvas *cv, int focused)
{
	enum color_role title = focused ? ROLE_TITLE_FOCUS : ROLE_TITLE;
	int x, tw, before;
	char *name = str_printf("4 %s", _("Search:"));

	draw_fill(cv, 0, title);
	x = draw_text(cv, 0, 0, -1, title, name);
	free(name);
	x++;
	draw_paint(cv, 0, x - 1, -1, ROLE_NORMAL);
	/* Show the end of a text too long for the line. */
	before = wcswidth(s->text, (size_t)s->cur);     /* s->cur characters at most */
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
		int kind = 0, idx = 0, held = hit_at(s, s->sel, &kind, &idx);
		char *now = s->step_text ? str_printf("%s", s->step_text)
		            : str_printf(_("Hit %d/%d: %s"), s->sel + 1, hits_total(s),
		                         held ? hit_get(s, kind, idx, 0).label : "");
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
static void draw_answer(const struct search_box *s, struct canvas *cv)
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
	        : str_join(s->answer_facts, view_dot(s->view), s->answer_evidence);
	if (n > 1) {
		draw_text(cv, y, x, -1, ROLE_HEADER, s->answer_head);
		draw_text(cv, y + 1, x, -1, ROLE_NORMAL, facts);
		if (n == 4 && s->answer_evidence)
			draw_text(cv, y + 2, x, -1, ROLE_DIM, s->answer_evidence);
		free(facts);
		return;
	}
	one = str_join(s->answer_head, view_dot(s->view), facts);
	draw_text(cv, y, x, -1, ROLE_HEADER, one);
	free(one);
	free(facts);
}

void search_draw(void *st, struct tui *t, struct canvas *cv, int focused)
{
	const struct search_box *s = st;
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
		int n = (int)g->rows.n;
		char *head;

		if (n == 0)
			continue;
		head = str_printf("%s (%d%s)", _(search_group_titles[k]), n, g->more ? "+" : "");
		draw_text(cv, y++, 0, -1, ROLE_HEADER, head);
		free(head);
		for (i = 0; i < n && y < bottom; i++, idx++, y++) {
			struct dci_hit h = hit_get(s, k, i, 0);

			draw_hit(s, cv, y, &h, w);
			if (idx == s->sel) {
				enum color_role r = focused ? ROLE_SELECTED : ROLE_SELECTED_DIM;

				draw_text(cv, y, 0, 1, r, ">");
				draw_paint(cv, y, 0, -1, r);
			}
		}
		idx += n - i;
	}
	draw_answer(s, cv);
}
