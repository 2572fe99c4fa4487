/* SPDX-License-Identifier: MIT */
/*
 * colors.c: colour roles to curses attributes (see colors.h).
 */
#include <assert.h>
#include "colors.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

struct role_style {
	short fg, bg;              /* -1: the terminal's default */
	attr_t color_attr;         /* added to the pair when in colour */
	attr_t mono;               /* used alone in monochrome */
};

static const struct role_style styles[ROLE_COUNT] = {
	[ROLE_NORMAL]          = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_TITLE]           = { COLOR_CYAN, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[ROLE_TITLE_FOCUS]     = { COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_SELECTED]        = { COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE },
	[ROLE_SELECTED_DIM]    = { -1, -1, A_BOLD, A_BOLD },
	[ROLE_HEADER]          = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[ROLE_LABEL]           = { COLOR_CYAN, -1, A_NORMAL, A_NORMAL },
	[ROLE_DIM]             = { -1, -1, A_DIM, A_NORMAL },
	[ROLE_KEY]             = { COLOR_BLACK, COLOR_WHITE, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_BAR]             = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_MESSAGE]         = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[ROLE_CHART_STAFF]     = { COLOR_GREEN, -1, A_NORMAL, A_NORMAL },
	[ROLE_CHART_EMBASSIES] = { COLOR_MAGENTA, -1, A_NORMAL, A_NORMAL },
	[ROLE_CHART_COUNTRIES] = { COLOR_CYAN, -1, A_NORMAL, A_NORMAL },
};

int colors_wanted(const char *no_color, int terminal_has_colors)
{
	if (no_color != NULL && no_color[0] != '\0')
		return 0;
	return terminal_has_colors != 0;
}

void colors_init(struct colors *c, int enabled)
{
	size_t i;
	int default_bg = 0;

	assert(c != NULL);
	c->enabled = enabled;
	if (enabled) {
		start_color();
		default_bg = use_default_colors() == OK;
	}
	for (i = 0; i < ARRAY_SIZE(styles); i++) {
		const struct role_style *s = &styles[i];
		short fg = s->fg, bg = s->bg;

		if (!enabled || (fg < 0 && bg < 0)) {
			c->attr[i] = enabled ? s->color_attr : s->mono;
			continue;
		}
		if (!default_bg) {
			if (fg < 0)
				fg = COLOR_WHITE;
			if (bg < 0)
				bg = COLOR_BLACK;
		}
		if (init_pair((short)i, fg, bg) == OK)
			c->attr[i] = COLOR_PAIR((int)i) | s->color_attr;
		else
			c->attr[i] = s->mono;
	}
}

attr_t colors_attr(const struct colors *c, enum color_role role)
{
	assert(role < ROLE_COUNT);
	return c->attr[role];
}
