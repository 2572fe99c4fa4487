/* SPDX-License-Identifier: MIT */
/*
 * chrome.c: what surrounds the panes: the title bar, the tab line of the
 * one-pane layout, the key bar, and the help screen's text.  The key bar
 * and the help screen are generated from the key table (keymap.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "str.h"

void chrome_draw_title(const struct tui *t, struct canvas *cv)
{
	const char *dot = view_dot(&t->view);
	char *left = str_printf("dcinet%s%s", dot, _("DCI network of internal security services"));
	char *counts = str_printf(_("%ld posts%s%ld staff"), t->counts.posts, dot, t->counts.staff);
	char *right = str_printf("%s%s%s", counts, t->label[0] ? dot : "", t->label);
	int lw;

	draw_fill(cv, 0, ROLE_BAR);
	lw = draw_text(cv, 0, 0, -1, ROLE_HEADER, left);
	if (lw + 2 + draw_width(right) > cv->cols) {
		free(right);
		right = counts;
		counts = NULL;
	}
	if (lw + 2 + draw_width(right) <= cv->cols)
		draw_text_right(cv, 0, lw + 2, -1, ROLE_BAR, right);
	free(left);
	free(right);
	free(counts);
}

/* "1 Overview  2 Posts  [3 Roster]  4 Search", or only the focused pane's
 * name when the line is too narrow for all four. */
void chrome_draw_tabs(const struct tui *t, struct canvas *cv)
{
	int p, x = 0, full = 0;

	for (p = 0; p < PANE_COUNT; p++)
		full += draw_width(_(t->pane[p].name)) + 4 + (p == (int)t->focus ? 2 : 0);
	draw_fill(cv, 0, ROLE_TITLE);
	for (p = 0; p < PANE_COUNT; p++) {
		int focused = p == (int)t->focus;
		char *tab = focused ? str_printf("[%d %s]", p + 1, _(t->pane[p].name))
		          : full <= cv->cols ? str_printf(" %d %s ", p + 1, _(t->pane[p].name))
		          : str_printf(" %d ", p + 1);

		x += draw_text(cv, 0, x, -1, focused ? ROLE_TITLE_FOCUS : ROLE_TITLE, tab);
		x += draw_text(cv, 0, x, -1, ROLE_TITLE, " ");
		free(tab);
	}
}

/* Add one "key label" item at *x if it fits; returns 0 when full. */
static int bar_item(struct canvas *cv, int *x, const char *keys, const char *label)
{
	int need = draw_width(keys) + 1 + draw_width(label);

	if (*x + need > cv->cols)
		return 0;
	*x += draw_text(cv, 0, *x, -1, ROLE_KEY, keys);
	*x += draw_text(cv, 0, *x, -1, ROLE_BAR, " ");
	*x += draw_text(cv, 0, *x, -1, ROLE_BAR, label);
	*x += 2;
	return 1;
}

/* Binding b as "key label" at *x, by its first key in scope: -1 when it
 * has none there, else bar_item()'s answer. */
static int bar_binding(struct canvas *cv, int *x, const struct keybinding *b, unsigned scope,
                       const char *label)
{
	char names[64];
	char *first;

	if (keymap_names(b, scope, " ", names, sizeof(names)) == 0)
		return -1;
	first = strtok(names, " ");
	return bar_item(cv, x, first ? first : "", label);
}

/* Over a popup (help, card), which takes the keys of Posts (app.c): how
 * to close it and scroll it, named from the key table. */
static void popup_bar(struct canvas *cv)
{
	static const struct { enum action act; const char *label; } items[] = {
		{ ACT_BACK, N_("close") }, { ACT_DOWN, N_("scroll") }, { ACT_PAGE_DOWN, N_("page") },
	};
	const struct keybinding *table;
	size_t n, i, k;
	int x = 0;

	table = keymap_table(&n);
	for (k = 0; k < sizeof(items) / sizeof(items[0]); k++)
		for (i = 0; i < n; i++) {
			int drawn;

			if (table[i].act != items[k].act)
				continue;
			drawn = bar_binding(cv, &x, &table[i], SCOPE_OF(PANE_POSTS), _(items[k].label));
			if (drawn == 0)
				return;
			if (drawn > 0)
				break;
		}
}

/* The bindings with a bar label that work in the focused pane, by rank,
 * as many as fit.  A message replaces them until the next key. */
void chrome_draw_bar(const struct tui *t, struct canvas *cv)
{
	const struct keybinding *table;
	size_t n, i;
	unsigned here = SCOPE_OF(t->focus);
	int rank, x = 0, more = 1;

	draw_fill(cv, 0, ROLE_BAR);
	if (t->message[0]) {
		draw_text(cv, 0, 0, -1, ROLE_MESSAGE, t->message);
		return;
	}
	if (t->popup != POPUP_NONE) {
		popup_bar(cv);
		return;
	}
	table = keymap_table(&n);
	for (rank = 1; more; rank++) {
		more = 0;
		for (i = 0; i < n; i++) {
			if (table[i].bar_rank > rank)
				more = 1;
			if (table[i].bar == NULL || table[i].bar_rank != rank)
				continue;
			if (bar_binding(cv, &x, &table[i], here, _(table[i].bar)) == 0)
				return;
		}
	}
}

static int help_key_width(int width)
{
	return width >= 60 ? 22 : 14;
}

static void help_binding(struct doc *d, int width, const struct keybinding *b, unsigned scope)
{
	char names[128];
	int kw = help_key_width(width);

	if (keymap_names(b, scope, ", ", names, sizeof(names)) == 0)
		return;
	doc_newline(d);
	doc_put(d, 2, kw - 1, ROLE_KEY, names);
	doc_wrap(d, 2 + kw, width - 2 - kw, ROLE_NORMAL, _(b->help));
}

/* "mark   what it means" */
static void help_mark(struct doc *d, int width, const char *mark, const char *text)
{
	int kw = help_key_width(width);

	doc_newline(d);
	doc_put(d, 2, kw - 1, ROLE_KEY, mark);
	doc_wrap(d, 2 + kw, width - 2 - kw, ROLE_NORMAL, text);
}

void help_build(struct doc *d, int width, const struct view *view)
{
	const struct keybinding *table;
	const struct keymap_section *sections;
	size_t n, ns, s, i;
	char *text;

	table = keymap_table(&n);
	sections = keymap_sections(&ns);
	doc_clear(d);
	doc_newline(d);
	doc_put(d, 0, -1, ROLE_HEADER, _("dcinet keys"));
	doc_newline(d);
	doc_wrap(d, 0, width, ROLE_DIM, _("Close this help with q, Esc or ?; scroll it with the "
	         "movement keys.  See dcinet(1) for more."));
	for (s = 0; s < ns; s++) {
		doc_newline(d);
		doc_newline(d);
		doc_wrap(d, 0, width, ROLE_HEADER, _(sections[s].title));
		for (i = 0; i < n; i++)
			if (table[i].scope == sections[s].scope)
				help_binding(d, width, &table[i], sections[s].scope);
		if (sections[s].scope == SCOPE_OF(PANE_SEARCH)) {
			int kw = help_key_width(width);

			doc_newline(d);
			doc_put(d, 2, kw - 1, ROLE_KEY, _("letters, digits"));
			doc_wrap(d, 2 + kw, width - 2 - kw, ROLE_NORMAL,
			         _("Typed into the box: the hits and the answer line update at each key"));
		}
	}
	doc_newline(d);
	doc_newline(d);
	doc_wrap(d, 0, width, ROLE_HEADER, _("Marks"));
	help_mark(d, width, ">", _("The selected row; the terminal's cursor is on it too"));
	if (view->stale.years > 0)
		text = str_printf(i18n_trn("Beside a date: the fact is older than %d year, dated "
		                           "before %s (DCINET_STALE_YEARS sets the years)",
		                           "Beside a date: the fact is older than %d years, dated "
		                           "before %s (DCINET_STALE_YEARS sets the years)",
		                           (unsigned long)view->stale.years),
		                  view->stale.years, view->stale.cutoff);
	else
		text = str_printf("%s", _("Not used: DCINET_STALE_YEARS is 0"));
	help_mark(d, width, stale_mark(view->ascii), text);
	free(text);
	help_mark(d, width, _("undated"), _("A claim its source gives no date for"));
}

const char *sort_label(enum post_sort sort)
{
	static const char *const labels[POSTS_SORT_COUNT] = {
		[POSTS_BY_CITY] = N_("city"),
		[POSTS_BY_COUNTRY] = N_("country"),
		[POSTS_BY_UPDATED] = N_("updated"),
	};

	return (unsigned)sort < POSTS_SORT_COUNT ? _(labels[sort]) : "";
}
