/* SPDX-License-Identifier: MIT */
/*
 * view.h: how the panes show the registry (ASCII or UTF-8, English or
 * French, sources shown or not), and the few words every pane writes the
 * same way under it: the separator, the name in the view's language,
 * "name (other name)".
 */
#ifndef DCINET_TUI_VIEW_H
#define DCINET_TUI_VIEW_H

#include "stale.h"

/* Set at start, changed by L and S, read by every pane when it lays its
 * text out. */
struct view {
	int ascii;                 /* the locale is not UTF-8: 7-bit output */
	int french;                /* interface strings and data in French (L) */
	int sources;               /* source and date beside each fact (S) */
	int links;                 /* OSC 8 links on phone and e-mail (DCINET_LINKS=1) */
	struct stale stale;        /* which dates are marked as old */
};

/* The separator between facts on a line: " · ", or " - " in ASCII. */
const char *view_dot(const struct view *v);

/* The French text when the view is French and fr is not empty, else en.
 * Neither may be NULL. */
const char *view_local(const struct view *v, const char *en, const char *fr);

/* "name (other name)", the view's language first; the one name alone when
 * the other is empty or the same.  Allocated. */
char *view_both(const struct view *v, const char *en, const char *fr);

#endif
