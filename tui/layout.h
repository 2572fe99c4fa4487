/* SPDX-License-Identifier: MIT */
/*
 * layout.h: where each pane goes for a terminal size.
 *
 * A pure function of the terminal size, the focused pane and whether the
 * search results are open; it knows nothing of curses, so it is tested on
 * every size from 1x1 up.
 *
 *   80x24 and up   grid: title bar, search line, Overview on top, Posts
 *                  and Roster side by side below, key bar at the bottom.
 *                  Open search results take the whole body.
 *   20x6 and up    one pane at a time under a tab line.
 *   smaller        nothing but a "terminal too small" line.
 */
#ifndef DCINET_TUI_LAYOUT_H
#define DCINET_TUI_LAYOUT_H

enum pane_id { PANE_OVERVIEW, PANE_POSTS, PANE_ROSTER, PANE_SEARCH, PANE_COUNT };

enum layout_kind { LAYOUT_TOO_SMALL, LAYOUT_SINGLE, LAYOUT_GRID };

#define LAYOUT_GRID_COLS 80
#define LAYOUT_GRID_ROWS 24
#define LAYOUT_MIN_COLS 20
#define LAYOUT_MIN_ROWS 6

struct rect {
	int y, x, h, w;            /* h == 0 or w == 0: not shown */
};

struct layout {
	enum layout_kind kind;
	int rows, cols;
	struct rect top;           /* title bar (grid) or tab line (single) */
	struct rect pane[PANE_COUNT];
	struct rect sep;           /* vertical rule between Posts and Roster */
	struct rect bar;           /* key bar */
};

void layout_compute(struct layout *out, int rows, int cols,
                    enum pane_id focus, int search_open);

int rect_visible(const struct rect *r);
int rect_equal(const struct rect *a, const struct rect *b);

#endif
