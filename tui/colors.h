/* SPDX-License-Identifier: MIT */
/*
 * colors.h: colour roles.  Code names what a thing is (a title, the
 * selection), never a colour; colors.c maps roles to colour pairs, or to
 * reverse/bold/underline when the terminal has no colour or NO_COLOR is
 * set, so nothing relies on colour alone.
 */
#ifndef DCINET_TUI_COLORS_H
#define DCINET_TUI_COLORS_H

#include <curses.h>

enum color_role {
	ROLE_NORMAL,
	ROLE_TITLE,                /* a pane's title line, pane not focused */
	ROLE_TITLE_FOCUS,          /* the focused pane's title line */
	ROLE_SELECTED,             /* the selected row in the focused pane */
	ROLE_SELECTED_DIM,         /* the selected row elsewhere */
	ROLE_HEADER,               /* column and section headers */
	ROLE_LABEL,                /* "Phone", "As of": field names */
	ROLE_DIM,                  /* secondary text: dates, sources */
	ROLE_KEY,                  /* a key name in the key bar */
	ROLE_BAR,                  /* the key bar and the title bar */
	ROLE_MESSAGE,              /* a message in the key bar */
	ROLE_CHART_STAFF,
	ROLE_CHART_EMBASSIES,
	ROLE_CHART_COUNTRIES,
	ROLE_COUNT
};

struct colors {
	int enabled;
	attr_t attr[ROLE_COUNT];   /* attributes including the colour pair */
};

/* Whether to use colour: the terminal has it and NO_COLOR (the value of
 * the environment variable, or NULL) is unset or empty (no-color.org). */
int colors_wanted(const char *no_color, int terminal_has_colors);

/* Fill c; with enabled, start curses colour (after initscr).  Without it,
 * no curses call is made, so the monochrome table can be tested alone. */
void colors_init(struct colors *c, int enabled);

attr_t colors_attr(const struct colors *c, enum color_role role);

#endif
