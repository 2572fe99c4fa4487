/* SPDX-License-Identifier: MIT */
/*
 * layout.c: terminal size -> pane rectangles (see layout.h).
 */
#include <assert.h>
#include <string.h>
#include "layout.h"

static struct rect rect_make(int y, int x, int h, int w)
{
	struct rect r = { y, x, h, w };

	if (h <= 0 || w <= 0)
		r.h = r.w = 0;
	return r;
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The grid: the body (rows 2 .. rows-2) holds Overview across the top and
 * Posts | Roster below.  Big terminals give Overview more rows for its
 * chart and cap the Posts width so the Roster gets the rest. */
static void layout_grid(struct layout *l, int search_open)
{
	int rows = l->rows, cols = l->cols;
	int body_y = 2, body_h = rows - 3;
	int ov_h, list_y, list_h, posts_w;

	l->top = rect_make(0, 0, 1, cols);
	l->bar = rect_make(rows - 1, 0, 1, cols);
	if (search_open) {
		l->pane[PANE_SEARCH] = rect_make(1, 0, rows - 2, cols);
		return;
	}
	l->pane[PANE_SEARCH] = rect_make(1, 0, 1, cols);
	ov_h = clamp(body_h / 3, 7, 22);
	list_y = body_y + ov_h;
	list_h = body_h - ov_h;
	posts_w = cols < 120 ? cols / 2 : clamp(cols * 11 / 20, 60, 110);
	l->pane[PANE_OVERVIEW] = rect_make(body_y, 0, ov_h, cols);
	l->pane[PANE_POSTS] = rect_make(list_y, 0, list_h, posts_w);
	l->sep = rect_make(list_y, posts_w, list_h, 1);
	l->pane[PANE_ROSTER] = rect_make(list_y, posts_w + 1, list_h, cols - posts_w - 1);
}

void layout_compute(struct layout *out, int rows, int cols,
                    enum pane_id focus, int search_open)
{
	assert(out != NULL);
	assert(focus < PANE_COUNT);
	memset(out, 0, sizeof(*out));
	out->rows = rows;
	out->cols = cols;
	if (rows >= LAYOUT_GRID_ROWS && cols >= LAYOUT_GRID_COLS) {
		out->kind = LAYOUT_GRID;
		layout_grid(out, search_open);
	} else if (rows >= LAYOUT_MIN_ROWS && cols >= LAYOUT_MIN_COLS) {
		out->kind = LAYOUT_SINGLE;
		out->top = rect_make(0, 0, 1, cols);
		out->pane[focus] = rect_make(1, 0, rows - 2, cols);
		out->bar = rect_make(rows - 1, 0, 1, cols);
	} else {
		out->kind = LAYOUT_TOO_SMALL;
	}
}

int rect_visible(const struct rect *r)
{
	return r->h > 0 && r->w > 0;
}

int rect_equal(const struct rect *a, const struct rect *b)
{
	return a->y == b->y && a->x == b->x && a->h == b->h && a->w == b->w;
}
