/* SPDX-License-Identifier: MIT */
/*
 * pane_posts.c: the embassy list, one line a post.
 *
 * The list may hold 100,000 posts, so the pane keeps only the rows on
 * screen: each time the viewport moves it asks posts_list_page() for rows
 * [top, top + rows).  The selection is an index in the current sort; its
 * post id is kept so a new sort can find the same post again.  A post
 * opened from elsewhere (a search) is placed mid-viewport, or, when the
 * pane is hidden at the time, as soon as it is shown again.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "str.h"

/* A row of the list as shown: the fields of struct rows page. */
enum { ROW_ID, ROW_CITY, ROW_COUNTRY, ROW_COVERED, ROW_COVERS, ROW_RANK, ROW_UPDATED,
       ROW_SOURCE, ROW_FIELDS };

struct posts {
	enum post_sort sort;
	long count;                /* posts in the registry */
	long top, sel;             /* first row shown, selected row */
	int rows, cols;            /* the window; 0 when hidden */
	struct rows page;          /* rows [page_top, page_top + page.n), see ROW_* */
	long page_top;             /* the top the page was fetched for */
	int want;                  /* rows the last fetch asked for */
	char *sel_id;
	int failed;                /* the last fetch failed */
	int center;                /* put sel mid-viewport once the pane is shown */
	const struct view *view;
};

enum { COL_CITY, COL_COUNTRY, COL_COVERED, COL_COVERS, COL_RANK, COL_UPDATED, COL_SOURCE,
       COL_COUNT };

static const char *const col_heads[COL_COUNT] = {
	N_("City"), N_("Host country"), N_("Cov"), N_("Also covers"), N_("Head's rank"),
	N_("Updated"), N_("Source")
};

static int page_add(void *ctx, const struct dci_post *row)
{
	struct posts *p = ctx;
	const char *f[ROW_FIELDS];
	char *updated, *source, covered[16];
	int rc;

	if (p->page.n >= (size_t)p->want)
		return 1;
	updated = row->updated[0] ? stale_date(&p->view->stale, p->view->ascii, row->updated)
	                          : NULL;
	source = row->source_date[0] ? str_printf("%s, %s", row->source, row->source_date) : NULL;
	snprintf(covered, sizeof(covered), "%d", row->n_covered);
	f[ROW_ID] = row->id;
	f[ROW_CITY] = view_local(p->view, row->city[0] ? row->city : _("(city not stated)"),
	                         row->city_fr);
	f[ROW_COUNTRY] = view_local(p->view, row->country_en, row->country_fr);
	f[ROW_COVERED] = covered;
	f[ROW_COVERS] = row->covers;
	f[ROW_RANK] = row->head_rank;
	f[ROW_UPDATED] = updated ? updated : "-";
	f[ROW_SOURCE] = source ? source : row->source;
	rc = rows_add(&p->page, f);
	free(updated);
	free(source);
	return rc;
}

/* Rows of the list itself: the window less the title and header lines. */
static int list_rows(const struct posts *p)
{
	return p->rows > 2 ? p->rows - 2 : 0;
}

static void set_sel_id(struct posts *p)
{
	long i = p->sel - p->top;

	free(p->sel_id);
	p->sel_id = str_dup(i >= 0 && i < (long)p->page.n ? rows_get(&p->page, (size_t)i, ROW_ID)
	                                                  : "");
}

/* Fetch the rows on screen; page is at least one row, even when hidden,
 * so the selected post id is always known. */
static void fetch(struct posts *p, struct tui *t)
{
	int want = list_rows(p) > 0 ? list_rows(p) : 1;

	rows_clear(&p->page);
	p->want = want;
	p->page_top = p->top;
	p->failed = posts_list_page(t->reg, p->sort, p->top, want, page_add, p) != 0;
	set_sel_id(p);
}

/* Put sel in [0, count) and top so that sel shows; refetch when the
 * viewport is not the page held (or always, with force): a page key
 * moves top itself before it settles. */
static void settle(struct posts *p, struct tui *t, int force)
{
	long h = list_rows(p) > 0 ? list_rows(p) : 1;

	if (p->sel >= p->count)
		p->sel = p->count - 1;
	if (p->sel < 0)
		p->sel = 0;
	if (p->top > p->count - h)
		p->top = p->count - h;
	if (p->top < 0)
		p->top = 0;
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + h)
		p->top = p->sel - h + 1;
	if (force || p->top != p->page_top)
		fetch(p, t);
	else
		set_sel_id(p);
}

/* Put the selection mid-viewport when it is off screen (or always, with
 * force: the viewport it was chosen for was not the one shown). */
static void center(struct posts *p, int force)
{
	long h = list_rows(p);

	if (force || p->sel < p->top || p->sel >= p->top + h)
		p->top = p->sel - h / 2;
	p->center = 0;
}

void posts_goto(struct posts *p, struct tui *t, const char *post_id)
{
	long idx;

	assert(post_id != NULL);
	idx = post_index(t->reg, p->sort, post_id);
	if (idx < 0)
		return;
	p->sel = idx;
	if (list_rows(p) > 0)
		center(p, 0);
	else
		p->center = 1;     /* hidden now (a search has the screen): when shown */
	settle(p, t, 1);
}

const char *posts_selected(const struct posts *p)
{
	return p->sel_id ? p->sel_id : "";
}

static unsigned posts_key(void *st, struct tui *t, enum action act, int key)
{
	struct posts *p = st;
	long old = p->sel, old_top = p->top;
	long page = list_rows(p) > 1 ? list_rows(p) - 1 : 1;
	char *id;

	(void)key;
	switch (act) {
	case ACT_UP:        p->sel--; break;
	case ACT_DOWN:      p->sel++; break;
	case ACT_PAGE_UP:   p->sel -= page; p->top -= page; break;
	case ACT_PAGE_DOWN: p->sel += page; p->top += page; break;
	case ACT_TOP:       p->sel = 0; break;
	case ACT_BOTTOM:    p->sel = p->count - 1; break;
	case ACT_OPEN:      return app_focus(t, PANE_ROSTER);
	case ACT_BACK:      return app_back(t);
	case ACT_SORT:
		id = str_dup(posts_selected(p));
		p->sort = (enum post_sort)((p->sort + 1) % POSTS_SORT_COUNT);
		if (id != NULL && id[0] != '\0')
			posts_goto(p, t, id);
		else
			settle(p, t, 1);
		free(id);
		return REDRAW_PANE(PANE_POSTS) | app_message(t, _("Posts sorted by %s"),
		                                             sort_label(p->sort));
	default:
		return REDRAW_NONE;
	}
	settle(p, t, 0);
	if (p->sel == old && p->top == old_top)
		return REDRAW_NONE;
	if (p->sel == old)
		return REDRAW_PANE(PANE_POSTS);
	return REDRAW_PANE(PANE_POSTS) | app_follow_posts(t);
}

/* A click on a row of the list selects its post. */
static unsigned posts_click(void *st, struct tui *t, int row, int col)
{
	struct posts *p = st;
	long idx = p->top + row - 2;

	(void)col;
	if (row < 2 || row - 2 >= (int)p->page.n || idx >= p->count || idx == p->sel)
		return REDRAW_NONE;
	p->sel = idx;
	settle(p, t, 0);
	roster_show(t->roster, t, posts_selected(p));
	return REDRAW_PANE(PANE_POSTS) | REDRAW_PANE(PANE_ROSTER);
}

/* Column widths for avail columns; 0 hides a column.  Narrow panes keep
 * city and country; wider ones add the count, date, rank, then codes. */
static void columns(int avail, int gap, int sources, int w[COL_COUNT])
{
	int flex, n_flex;

	memset(w, 0, COL_COUNT * sizeof(int));
	if (avail >= 36) {
		w[COL_COVERED] = 3;
		w[COL_UPDATED] = 11;
	}
	if (sources && avail >= 60) {
		w[COL_SOURCE] = avail >= 100 ? 30 : 20;
		avail -= w[COL_SOURCE] + gap;
	}
	if (avail >= 60)
		w[COL_RANK] = 1;
	if (avail >= 100)
		w[COL_COVERS] = 1;
	n_flex = 2 + (w[COL_RANK] > 0) + (w[COL_COVERS] > 0);
	flex = avail - w[COL_COVERED] - w[COL_UPDATED]
	       - gap * (n_flex + (w[COL_COVERED] > 0) + (w[COL_UPDATED] > 0) - 1);
	if (flex < n_flex)
		flex = n_flex;
	if (n_flex == 2) {
		w[COL_CITY] = flex / 2 + flex % 2;
		w[COL_COUNTRY] = flex / 2;
		return;
	}
	w[COL_CITY] = flex * (w[COL_COVERS] ? 20 : 25) / 100;
	w[COL_COUNTRY] = flex * (w[COL_COVERS] ? 24 : 30) / 100;
	if (w[COL_COVERS]) {
		w[COL_COVERS] = flex * 18 / 100;
		w[COL_RANK] = flex - w[COL_CITY] - w[COL_COUNTRY] - w[COL_COVERS];
	} else {
		w[COL_RANK] = flex - w[COL_CITY] - w[COL_COUNTRY];
	}
}

static void draw_row(struct canvas *cv, int y, const int w[COL_COUNT], int gap,
                     const char *const cell[COL_COUNT], enum color_role role)
{
	int c, x = DOC_MARGIN;

	for (c = 0; c < COL_COUNT; c++) {
		if (w[c] == 0)
			continue;
		if (c == COL_COVERED)
			draw_text_right(cv, y, x, w[c], role, role == ROLE_HEADER ? _(cell[c]) : cell[c]);
		else
			draw_text(cv, y, x, w[c], c == COL_SOURCE && role == ROLE_NORMAL ? ROLE_DIM : role,
			          role == ROLE_HEADER ? _(cell[c]) : cell[c]);
		x += w[c] + gap;
	}
}

static void posts_draw(void *st, struct tui *t, struct canvas *cv, int focused)
{
	struct posts *p = st;
	char detail[80];
	int w[COL_COUNT], gap = cv->cols >= 70 ? 2 : 1, i;

	(void)t;
	snprintf(detail, sizeof(detail), _("(%ld, by %s)"), p->count, sort_label(p->sort));
	draw_title(cv, PANE_POSTS + 1, _("Posts"), detail, focused);
	cv->cur_y = 0;
	cv->cur_x = 0;
	if (cv->rows < 3)
		return;
	columns(cv->cols - DOC_MARGIN - 1, gap, p->view->sources, w);
	draw_row(cv, 1, w, gap, col_heads, ROLE_HEADER);
	if (p->failed)
		draw_text(cv, 2, DOC_MARGIN, -1, ROLE_MESSAGE, _("The post list could not be read."));
	else if (p->count == 0)
		draw_text(cv, 2, DOC_MARGIN, -1, ROLE_DIM, _("No posts in this registry."));
	for (i = 0; i < (int)p->page.n && i < list_rows(p); i++) {
		/* the list's columns, COL_*, are the row's fields after its id */
		static const int field_of[COL_COUNT] = {
			ROW_CITY, ROW_COUNTRY, ROW_COVERED, ROW_COVERS, ROW_RANK, ROW_UPDATED,
			ROW_SOURCE
		};
		const char *cell[COL_COUNT];
		int c, y = 2 + i;

		for (c = 0; c < COL_COUNT; c++)
			cell[c] = rows_get(&p->page, (size_t)i, (size_t)field_of[c]);
		draw_row(cv, y, w, gap, cell, ROLE_NORMAL);
		if (p->top + i == p->sel) {
			draw_text(cv, y, 0, 1, focused ? ROLE_SELECTED : ROLE_SELECTED_DIM, ">");
			draw_paint(cv, y, 0, -1, focused ? ROLE_SELECTED : ROLE_SELECTED_DIM);
			cv->cur_y = y;
		}
	}
}

static void posts_resize(void *st, struct tui *t, int rows, int cols)
{
	struct posts *p = st;

	if (rows == p->rows && cols == p->cols && p->page.n > 0)
		return;
	p->rows = rows;
	p->cols = cols;
	p->count = posts_count(t->reg);
	if (p->count < 0)
		p->count = 0;
	if (p->center && list_rows(p) > 0)
		center(p, 1);
	settle(p, t, 1);
}

/* The language changed the names and their order: find the same post. */
static void posts_reload(void *st, struct tui *t)
{
	struct posts *p = st;
	char *id = str_dup(posts_selected(p));

	if (id != NULL && id[0] != '\0')
		posts_goto(p, t, id);
	else
		settle(p, t, 1);
	free(id);
}

static void posts_destroy(void *st)
{
	struct posts *p = st;

	rows_free(&p->page);
	free(p->sel_id);
	free(p);
}

static const struct pane_ops posts_ops = {
	.draw = posts_draw,
	.key = posts_key,
	.click = posts_click,
	.resize = posts_resize,
	.reload = posts_reload,
	.destroy = posts_destroy,
};

int posts_attach(struct tui *t)
{
	struct posts *p = calloc(1, sizeof(*p));

	if (p == NULL)
		return -1;
	p->sort = POSTS_BY_CITY;
	p->view = &t->view;
	rows_init(&p->page, ROW_FIELDS, 0);
	p->count = posts_count(t->reg);
	if (p->count < 0)
		p->count = 0;
	fetch(p, t);
	t->posts = p;
	t->pane[PANE_POSTS].name = N_("Posts");
	t->pane[PANE_POSTS].ops = &posts_ops;
	t->pane[PANE_POSTS].st = p;
	return 0;
}
