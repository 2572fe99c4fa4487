/*
 * search_box.c: the search line and its results.
 *
 * Typing here is its own input mode: printable keys are text (keymap.c
 * never turns them into commands here).  Each change of the text runs
 * search_run() once per kind, asking for no more hits than the results
 * area can show, and splits the rows fairly among the kinds that matched.
 * The hits stay after the box loses focus, so n and N can step through
 * them from any pane.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "app.h"
#include "str.h"

#define QUERY_MAX 120
#define KIND_MAX 200               /* hits held per kind, whatever the screen */

struct hit_row {
	char *label, *detail, *post, *post_label, *phone, *date;
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
	int rows, cols, ascii;
};

static const char *const group_titles[HIT_KIND_COUNT] = {
	"Countries", "Posts", "Staff", "Themes"
};

static void row_free(struct hit_row *r)
{
	free(r->label);
	free(r->detail);
	free(r->post);
	free(r->post_label);
	free(r->phone);
	free(r->date);
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
}

static int hits_total(const struct search_box *s)
{
	int k, n = 0;

	for (k = 0; k < HIT_KIND_COUNT; k++)
		n += s->group[k].n;
	return n;
}

/* The i-th held hit in group order, and its kind; NULL past the end. */
static const struct hit_row *hit_at(const struct search_box *s, int i, int *kind)
{
	int k;

	assert(i >= 0);
	for (k = 0; k < HIT_KIND_COUNT; k++) {
		if (i < s->group[k].n) {
			if (kind)
				*kind = k;
			return &s->group[k].rows[i];
		}
		i -= s->group[k].n;
	}
	return NULL;
}

static char *dup(const char *s)
{
	return strdup(s ? s : "");
}

static int on_hit(void *ctx, const struct dci_hit *h)
{
	struct hit_group *g = ctx;
	struct hit_row *r;

	if (g->n == g->cap) {
		int ncap = g->cap ? g->cap * 2 : 8;
		struct hit_row *nr = realloc(g->rows, (size_t)ncap * sizeof(*nr));

		if (nr == NULL)
			return 1;
		g->rows = nr;
		g->cap = ncap;
	}
	r = &g->rows[g->n++];
	r->label = dup(h->label);
	r->detail = dup(h->detail);
	r->post = dup(h->post);
	r->post_label = dup(h->post_label);
	r->phone = dup(h->phone);
	r->date = dup(h->date);
	return 0;
}

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

static void run(struct search_box *s, struct tui *t)
{
	int avail = s->rows - 1, k;

	hits_clear(s);
	s->stale = 0;
	if (s->len == 0)
		return;
	if (avail < 2)
		avail = 2;
	for (k = 0; k < HIT_KIND_COUNT; k++) {
		int limit = avail < KIND_MAX ? avail : KIND_MAX;

		if (search_run(t->reg, s->utf8, (enum hit_kind)k, 0, limit + 1, on_hit,
		               &s->group[k]) != 0)
			s->failed = 1;
		if (s->group[k].n > limit) {
			row_free(&s->group[k].rows[--s->group[k].n]);
			s->group[k].more = 1;
		}
	}
	share_rows(s, avail);
	s->searched = 1;
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

/* Open the post of hit i, or say why not. */
static unsigned open_hit(struct search_box *s, struct tui *t, int i, int jump)
{
	int kind = 0, n = hits_total(s);
	const struct hit_row *h = hit_at(s, i, &kind);
	const char *arrow = s->ascii ? "->" : "\xE2\x86\x92";

	if (h == NULL)
		return REDRAW_NONE;
	if (h->post[0] == '\0') {
		if (kind == HIT_THEME)
			return (jump ? app_focus(t, PANE_OVERVIEW) : REDRAW_NONE)
			       | app_message(t, "%s: a theme of the whole network (see Overview)",
			                     h->label);
		return app_message(t, "%s: no post in the registry covers it", h->label);
	}
	return app_open_post(t, h->post) | (jump ? app_focus(t, PANE_ROSTER) : REDRAW_NONE)
	       | app_message(t, "Hit %d/%d: %s %s %s", i + 1, n, h->label, arrow, h->post_label);
}

unsigned search_box_step(struct search_box *s, struct tui *t, int dir)
{
	int n = hits_total(s);

	if (n == 0 && s->len > 0)
		return app_message(t, "No hits for \"%s\"", s->utf8);
	if (n == 0)
		return app_message(t, "No search yet: press / to search");
	s->sel = ((s->sel + dir) % n + n) % n;
	return open_hit(s, t, s->sel, 0) | REDRAW_PANE(PANE_SEARCH);
}

static unsigned edit(struct search_box *s, struct tui *t, enum action act, int key)
{
	int was_open = s->len > 0;

	switch (act) {
	case ACT_TEXT:
		if (s->len >= QUERY_MAX || (s->ascii && key > 0x7e))
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
	case ACT_UP:        s->sel--; break;
	case ACT_DOWN:      s->sel++; break;
	case ACT_PAGE_UP:   s->sel -= page; break;
	case ACT_PAGE_DOWN: s->sel += page; break;
	case ACT_TOP:       s->sel = 0; break;
	case ACT_BOTTOM:    s->sel = n - 1; break;
	case ACT_OPEN:
		if (n == 0)
			return s->len ? app_message(t, "No hits to open") : REDRAW_NONE;
		return open_hit(s, t, s->sel, 1);
	case ACT_BACK:
		search_box_clear(s, t);
		return app_back(t) | REDRAW_LAYOUT;
	default:
		return edit(s, t, act, key);
	}
	if (s->sel >= n)
		s->sel = n - 1;
	if (s->sel < 0)
		s->sel = 0;
	return s->sel != old ? REDRAW_PANE(PANE_SEARCH) : REDRAW_NONE;
}

/* ---- drawing ------------------------------------------------------------ */

enum { C_LABEL, C_DETAIL, C_POST, C_PHONE, C_DATE, C_COUNT };

static void hit_columns(int avail, int w[C_COUNT])
{
	int flex;

	memset(w, 0, C_COUNT * sizeof(int));
	w[C_DATE] = avail >= 50 ? 10 : 0;
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
	char *post;
	int c, x = DOC_MARGIN;

	post = h->post_label[0] ? str_printf("%s %s", s->ascii ? "->" : "\xE2\x86\x92",
	                                     h->post_label)
	                        : str_printf("(no post)");
	cells[C_LABEL] = h->label;
	cells[C_DETAIL] = h->detail;
	cells[C_POST] = post;
	cells[C_PHONE] = h->phone;
	cells[C_DATE] = h->date;
	for (c = 0; c < C_COUNT; c++) {
		if (w[c] <= 0)
			continue;
		draw_text(cv, y, x, w[c], c == C_LABEL ? ROLE_HEADER : c == C_DATE ? ROLE_DIM
		          : ROLE_NORMAL, cells[c]);
		x += w[c] + 2;
	}
	free(post);
}

static void draw_line(struct search_box *s, struct canvas *cv, int focused)
{
	enum color_role title = focused ? ROLE_TITLE_FOCUS : ROLE_TITLE;
	int x, tw, before;
	wchar_t saved;

	wattrset(cv->win, colors_attr(cv->colors, title));
	mvwhline(cv->win, 0, 0, ' ', cv->cols);
	wattrset(cv->win, A_NORMAL);
	x = draw_text(cv, 0, 0, -1, title, "4 Search:");
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
			draw_text(cv, 0, x, -1, ROLE_DIM,
			          "press / to find a country (English or French), a city, a name, a theme");
		else
			draw_text(cv, 0, x, -1, ROLE_DIM, "type a country, a city, a name, a theme");
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
		int kind = 0;
		const struct hit_row *h = hit_at(s, s->sel, &kind);
		char *hint = str_printf("hit %d/%d: %s  (n/N: next/previous)", s->sel + 1,
		                        hits_total(s), h ? h->label : "");
		int hw = draw_width(hint) < cv->cols / 2 ? draw_width(hint) : cv->cols / 2;
		int qw = draw_width(s->utf8);

		if (x + qw + 2 < cv->cols - hw)
			draw_text(cv, 0, cv->cols - hw, hw, ROLE_DIM, hint);
		free(hint);
	}
	cv->cur_y = 0;
	cv->cur_x = x + (s->len ? before : 0);
}

static void search_draw(void *st, struct tui *t, struct canvas *cv, int focused)
{
	struct search_box *s = st;
	int w[C_COUNT], k, i, y = 1, idx = 0;

	(void)t;
	draw_line(s, cv, focused);
	if (cv->rows < 2)
		return;
	if (s->len == 0) {
		draw_text(cv, 2, DOC_MARGIN, -1, ROLE_DIM,
		          "Countries match their English or French names, accents optional:");
		draw_text(cv, 3, DOC_MARGIN, -1, ROLE_DIM,
		          "\"nepal\" finds Nepal (Népal) and the post that covers it.");
		return;
	}
	if (s->failed)
		draw_text(cv, y++, DOC_MARGIN, -1, ROLE_MESSAGE, "The search failed.");
	if (hits_total(s) == 0) {
		char *msg = str_printf("No match for \"%s\".", s->utf8);

		draw_text(cv, y, DOC_MARGIN, -1, ROLE_DIM, msg);
		free(msg);
		return;
	}
	hit_columns(cv->cols - DOC_MARGIN, w);
	for (k = 0; k < HIT_KIND_COUNT; k++) {
		const struct hit_group *g = &s->group[k];
		char *head;

		if (g->n == 0)
			continue;
		head = str_printf("%s (%d%s)", group_titles[k], g->n, g->more ? "+" : "");
		draw_text(cv, y++, 0, -1, ROLE_HEADER, head);
		free(head);
		for (i = 0; i < g->n && y < cv->rows; i++, idx++, y++) {
			draw_hit(s, cv, y, &g->rows[i], w);
			if (idx == s->sel) {
				enum color_role r = focused ? ROLE_SELECTED : ROLE_SELECTED_DIM;

				draw_text(cv, y, 0, 1, r, ">");
				draw_paint(cv, y, 0, -1, r);
			}
		}
		idx += g->n - i;
	}
}

static void search_focus(void *st, struct tui *t, int on)
{
	(void)st;
	(void)t;
	(void)on;
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
	search_draw, search_key, search_focus, search_resize, search_destroy
};

int search_box_attach(struct tui *t)
{
	struct search_box *s = calloc(1, sizeof(*s));

	if (s == NULL)
		return -1;
	s->ascii = t->ascii;
	t->search = s;
	t->pane[PANE_SEARCH].name = "Search";
	t->pane[PANE_SEARCH].ops = &search_ops;
	t->pane[PANE_SEARCH].st = s;
	return 0;
}
