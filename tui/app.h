/* SPDX-License-Identifier: MIT */
/*
 * app.h: the browser's state and the contract between the main loop and
 * the panes.
 *
 * A pane is a struct of operations on its own state.  Its key handler
 * changes state (its own, or other panes' through the app_* calls below)
 * and returns what must be redrawn, a REDRAW_* mask; it never draws.  The
 * main loop draws what the mask names, each pane into its own window, and
 * sends the changes to the terminal with one doupdate().
 */
#ifndef DCINET_TUI_APP_H
#define DCINET_TUI_APP_H

#include "../core/dcinet.h"
#include "colors.h"
#include "doc.h"
#include "draw.h"
#include "i18n.h"
#include "keymap.h"
#include "layout.h"
#include "rows.h"
#include "stale.h"
#include "view.h"

#define REDRAW_NONE 0u
#define REDRAW_PANE(p) (1u << (p))
#define REDRAW_PANES ((1u << PANE_COUNT) - 1)
#define REDRAW_CHROME (1u << PANE_COUNT)         /* title or tab line, key bar */
#define REDRAW_LAYOUT (1u << (PANE_COUNT + 1))   /* recompute the layout, then all */
#define REDRAW_QUIT (1u << (PANE_COUNT + 2))
#define REDRAW_POPUP (1u << (PANE_COUNT + 3))     /* the open popup (help, card) alone */
#define REDRAW_CLEAR (1u << (PANE_COUNT + 4))     /* repaint every cell of the terminal */
#define REDRAW_ALL (REDRAW_PANES | REDRAW_CHROME)

struct tui;

/* A pane's operations.  The main loop calls them; a pane's state (st)
 * is its own, created by its *_attach() and freed by destroy.  Strings a
 * pane is given are borrowed for the call; what it keeps, it copies.
 * An operation a pane does not need is NULL, and the caller skips it. */
struct pane_ops {
	/* Draw into cv (already erased); set cv->cur_y/cur_x for the cursor.
	 * Reads the pane's state, never changes it. */
	void (*draw)(void *st, struct tui *t, struct canvas *cv, int focused);
	/* Handle act (key is the raw key, for ACT_TEXT); return a REDRAW_* mask. */
	unsigned (*key)(void *st, struct tui *t, enum action act, int key);
	/* A click at row, col of the pane's window (row 0 is its title, which
	 * the caller handles: a click there only focuses the pane).  NULL:
	 * a click only focuses.  Returns a REDRAW_* mask. */
	unsigned (*click)(void *st, struct tui *t, int row, int col);
	/* The pane gains (on) or loses focus.  NULL: nothing to do. */
	void (*focus)(void *st, struct tui *t, int on);
	/* The pane's window is now rows x cols (0 x 0: hidden). */
	void (*resize)(void *st, struct tui *t, int rows, int cols);
	/* The view changed (language, sources shown): fetch and lay out again. */
	void (*reload)(void *st, struct tui *t);
	void (*destroy)(void *st);
};

#define PANE_MAX_LINKS 8

enum popup_kind { POPUP_NONE, POPUP_HELP, POPUP_CARD };

struct pane {
	const char *name;
	const struct pane_ops *ops;
	void *st;
	WINDOW *win;
	struct rect rect;
	int cur_y, cur_x;          /* the cursor as the last draw left it */
	struct link_spot links[PANE_MAX_LINKS];   /* as the last draw left them */
	int nlinks;
};

struct overview;
struct posts;
struct roster;
struct search_box;

struct tui {
	registry *reg;
	const char *label;         /* the registry label for the title bar */
	struct view view;
	struct colors colors;
	struct layout layout;
	struct dci_counts counts;
	enum pane_id focus;
	enum pane_id search_from;  /* where Esc in the search box returns to */
	struct pane pane[PANE_COUNT];
	struct overview *overview;
	struct posts *posts;
	struct roster *roster;
	struct search_box *search;
	WINDOW *top_win, *bar_win, *sep_win, *popup_win;
	enum popup_kind popup;     /* a window over the panes, or none */
	char *popup_title;
	struct doc popup_doc;
	struct doc_view popup_view;
	char *card;                /* the card shown in the card popup, sanitised */
	char *osc_pending;         /* written to the terminal after the next drawing */
	char message[256];         /* shown in the key bar until the next key */
	int roster_due;            /* Posts' cursor moved; Roster follows at rest */
};

/* Calls a pane may make from its key handler; each returns a REDRAW_* mask. */
unsigned app_focus(struct tui *t, enum pane_id pane);
unsigned app_back(struct tui *t);
/* Posts' cursor moved: Roster shows the post under it once the cursor
 * rests (no key for APP_REST_MS), or before any key that is not a move
 * in Posts; a held key repaints the list alone.  Returns REDRAW_NONE. */
unsigned app_follow_posts(struct tui *t);
/* Select post_id in Posts and show it in Roster. */
unsigned app_open_post(struct tui *t, const char *post_id);
unsigned app_message(struct tui *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* L: interface and data in French (on) or English; every pane reloads. */
unsigned app_set_french(struct tui *t, int on);
/* S: show or hide sources; every pane reloads. */
unsigned app_set_sources(struct tui *t, int on);
/* y: offer post_id's card to the terminal's clipboard (OSC 52) and show
 * it in a popup, to be selected by hand where the terminal refused it. */
unsigned app_copy_card(struct tui *t, const char *post_id);

/* Pane constructors: fill t->pane[...] and the typed pointer; 0 or -1. */
int overview_attach(struct tui *t);
int posts_attach(struct tui *t);
int roster_attach(struct tui *t);
int search_box_attach(struct tui *t);

/* Posts */
void posts_goto(struct posts *p, struct tui *t, const char *post_id);
const char *posts_selected(const struct posts *p);   /* "" when empty */

/* Roster */
void roster_show(struct roster *r, struct tui *t, const char *post_id);
const char *roster_post(const struct roster *r);     /* "" when none */

/* Search box */
int search_box_has_text(const struct search_box *s);
/* Empty the box for a new search (the `/` key). */
void search_box_clear(struct search_box *s, struct tui *t);
/* n/N: move to the next (dir > 0) or previous hit and open its post. */
unsigned search_box_step(struct search_box *s, struct tui *t, int dir);

/* chrome.c: what surrounds the panes. */
void chrome_draw_title(const struct tui *t, struct canvas *cv);
void chrome_draw_tabs(const struct tui *t, struct canvas *cv);
void chrome_draw_bar(const struct tui *t, struct canvas *cv);
/* The help screen's text, generated from the key table, for width
 * columns; view gives the stale mark and threshold it explains. */
void help_build(struct doc *d, int width, const struct view *view);

/* A translated name for a post sort ("city"...). */
const char *sort_label(enum post_sort sort);

#endif
