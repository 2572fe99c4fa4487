/* SPDX-License-Identifier: MIT */
/*
 * test_tui_layout.c: terminal size -> pane rectangles, on every size from
 * 1x1 to 260x80: nothing outside the screen, nothing overlapping, the
 * focused pane always shown, and the three layouts at their thresholds.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "../../tui/layout.h"

static int inside(const struct rect *r, int rows, int cols)
{
	return !rect_visible(r) || (r->y >= 0 && r->x >= 0 && r->y + r->h <= rows &&
	                            r->x + r->w <= cols);
}

static int overlap(const struct rect *a, const struct rect *b)
{
	if (!rect_visible(a) || !rect_visible(b))
		return 0;
	return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

/* All the rectangles of a layout, panes first. */
static int rects(const struct layout *l, const struct rect **out)
{
	int p, n = 0;

	for (p = 0; p < PANE_COUNT; p++)
		out[n++] = &l->pane[p];
	out[n++] = &l->top;
	out[n++] = &l->sep;
	out[n++] = &l->bar;
	return n;
}

static void check(const struct layout *l, int rows, int cols, enum pane_id focus, int open)
{
	const struct rect *r[PANE_COUNT + 3];
	int n = rects(l, r), i, j, p;

	for (i = 0; i < n; i++) {
		assert_true(inside(r[i], rows, cols));
		for (j = i + 1; j < n; j++)
			assert_false(overlap(r[i], r[j]));
	}
	if (l->kind == LAYOUT_TOO_SMALL) {
		for (i = 0; i < n; i++)
			assert_false(rect_visible(r[i]));
		return;
	}
	assert_true(rect_visible(&l->pane[focus]));
	assert_true(rect_visible(&l->bar));
	assert_int_equal(l->bar.y, rows - 1);
	if (l->kind == LAYOUT_GRID && !open)
		for (p = 0; p < PANE_COUNT; p++)
			assert_true(rect_visible(&l->pane[p]));
	if (l->kind == LAYOUT_SINGLE)
		for (p = 0; p < PANE_COUNT; p++)
			assert_int_equal(rect_visible(&l->pane[p]), p == (int)focus);
}

static void test_every_size(void **state)
{
	int rows, cols, f, open;
	struct layout l;

	(void)state;
	for (rows = 1; rows <= 80; rows++)
		for (cols = 1; cols <= 260; cols++)
			for (f = 0; f < PANE_COUNT; f++)
				for (open = 0; open <= 1; open++) {
					int o = open && f == PANE_SEARCH;

					layout_compute(&l, rows, cols, (enum pane_id)f, o);
					check(&l, rows, cols, (enum pane_id)f, o);
				}
}

static void test_thresholds(void **state)
{
	struct layout l;

	(void)state;
	layout_compute(&l, 24, 80, PANE_POSTS, 0);
	assert_int_equal(l.kind, LAYOUT_GRID);
	layout_compute(&l, 23, 80, PANE_POSTS, 0);
	assert_int_equal(l.kind, LAYOUT_SINGLE);
	layout_compute(&l, 24, 79, PANE_POSTS, 0);
	assert_int_equal(l.kind, LAYOUT_SINGLE);
	layout_compute(&l, 12, 40, PANE_POSTS, 0);
	assert_int_equal(l.kind, LAYOUT_SINGLE);
	layout_compute(&l, 6, 20, PANE_POSTS, 0);
	assert_int_equal(l.kind, LAYOUT_SINGLE);
	layout_compute(&l, 5, 20, PANE_POSTS, 0);
	assert_int_equal(l.kind, LAYOUT_TOO_SMALL);
	layout_compute(&l, 6, 19, PANE_POSTS, 0);
	assert_int_equal(l.kind, LAYOUT_TOO_SMALL);
}

static void test_grid_80x24(void **state)
{
	struct layout l;

	(void)state;
	layout_compute(&l, 24, 80, PANE_POSTS, 0);
	/* title bar, search line, Overview, Posts | Roster, key bar */
	assert_int_equal(l.top.y, 0);
	assert_int_equal(l.pane[PANE_SEARCH].y, 1);
	assert_int_equal(l.pane[PANE_SEARCH].h, 1);
	assert_int_equal(l.pane[PANE_SEARCH].w, 80);
	assert_int_equal(l.pane[PANE_OVERVIEW].y, 2);
	assert_true(l.pane[PANE_OVERVIEW].h >= 7);
	assert_int_equal(l.pane[PANE_POSTS].y, l.pane[PANE_ROSTER].y);
	assert_int_equal(l.pane[PANE_POSTS].h, l.pane[PANE_ROSTER].h);
	assert_int_equal(l.pane[PANE_POSTS].w + 1 + l.pane[PANE_ROSTER].w, 80);
	assert_int_equal(l.pane[PANE_POSTS].y + l.pane[PANE_POSTS].h, 23);
	assert_true(l.pane[PANE_POSTS].h >= 10);
}

static void test_big_terminal_uses_the_room(void **state)
{
	struct layout small, big;

	(void)state;
	layout_compute(&small, 24, 80, PANE_POSTS, 0);
	layout_compute(&big, 70, 250, PANE_POSTS, 0);
	assert_int_equal(big.kind, LAYOUT_GRID);
	assert_true(big.pane[PANE_OVERVIEW].h > small.pane[PANE_OVERVIEW].h);
	assert_true(big.pane[PANE_POSTS].h > small.pane[PANE_POSTS].h);
	assert_true(big.pane[PANE_POSTS].w <= 110);
	assert_true(big.pane[PANE_ROSTER].w > big.pane[PANE_POSTS].w);
	assert_int_equal(big.pane[PANE_ROSTER].x + big.pane[PANE_ROSTER].w, 250);
}

static void test_open_search_takes_the_body(void **state)
{
	struct layout l;

	(void)state;
	layout_compute(&l, 30, 100, PANE_SEARCH, 1);
	assert_int_equal(l.kind, LAYOUT_GRID);
	assert_int_equal(l.pane[PANE_SEARCH].y, 1);
	assert_int_equal(l.pane[PANE_SEARCH].h, 28);
	assert_false(rect_visible(&l.pane[PANE_POSTS]));
	layout_compute(&l, 30, 100, PANE_SEARCH, 0);
	assert_int_equal(l.pane[PANE_SEARCH].h, 1);
	assert_true(rect_visible(&l.pane[PANE_POSTS]));
}

static void test_single_pane(void **state)
{
	struct layout l;

	(void)state;
	layout_compute(&l, 12, 40, PANE_ROSTER, 0);
	assert_int_equal(l.top.y, 0);
	assert_int_equal(l.top.w, 40);
	assert_int_equal(l.pane[PANE_ROSTER].y, 1);
	assert_int_equal(l.pane[PANE_ROSTER].h, 10);
	assert_int_equal(l.pane[PANE_ROSTER].w, 40);
	assert_false(rect_visible(&l.sep));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_size),
		cmocka_unit_test(test_thresholds),
		cmocka_unit_test(test_grid_80x24),
		cmocka_unit_test(test_big_terminal_uses_the_room),
		cmocka_unit_test(test_open_search_takes_the_body),
		cmocka_unit_test(test_single_pane),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
