/* SPDX-License-Identifier: MIT */
/*
 * keymap.h: the one table of keys.
 *
 * Dispatch, the help screen, the key bar and the test against the man
 * page's KEYS section all read keymap_table(); nothing else lists keys.
 *
 * A key is an int: a character as its code point, a curses function key
 * (KEY_UP...) as KEYMAP_FN(code), beyond the last code point so the two
 * never collide.  In the search box, which is a typing mode, printable
 * characters are text: keymap_lookup() never turns them into commands
 * there, and the help screen and key bar leave them out.
 */
#ifndef DCINET_TUI_KEYMAP_H
#define DCINET_TUI_KEYMAP_H

#include <stddef.h>
#include "layout.h"

#define KEYMAP_FN(code) (0x110000 + (code))
#define KEYMAP_CTRL(c) ((c) & 0x1f)
#define KEYMAP_ESC 27
/* Alt with a character: Esc then the character, read together. */
#define KEYMAP_ALT(c) (0x200000 + (c))
/* Keys terminfo knows by name only (their curses codes are assigned at
 * run time): app.c turns them into these. */
#define KEYMAP_CTRL_LEFT KEYMAP_FN(KEY_MAX + 1)
#define KEYMAP_CTRL_RIGHT KEYMAP_FN(KEY_MAX + 2)

enum action {
	ACT_NONE,
	ACT_PANE_NEXT, ACT_PANE_PREV,
	ACT_FOCUS_OVERVIEW, ACT_FOCUS_POSTS, ACT_FOCUS_ROSTER, ACT_FOCUS_SEARCH,
	ACT_SEARCH,
	ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_TOP, ACT_BOTTOM,
	ACT_OPEN, ACT_BACK,
	ACT_HIT_NEXT, ACT_HIT_PREV,
	ACT_SORT,
	ACT_LANGUAGE, ACT_SOURCES, ACT_COPY,
	ACT_HELP, ACT_QUIT,
	ACT_REDRAW,
	ACT_CURSOR_LEFT, ACT_CURSOR_RIGHT, ACT_DELETE_BACK, ACT_DELETE, ACT_CLEAR_LINE,
	ACT_LINE_START, ACT_LINE_END, ACT_WORD_LEFT, ACT_WORD_RIGHT, ACT_DELETE_WORD,
	ACT_KILL_END,
	ACT_TEXT,                  /* not in the table: a printable key typed into the search box */
	ACT_COUNT
};

/* Scopes: the panes where a binding applies. */
#define SCOPE_OF(pane) (1u << (pane))
#define SCOPE_BROWSE (SCOPE_OF(PANE_OVERVIEW) | SCOPE_OF(PANE_POSTS) | SCOPE_OF(PANE_ROSTER))
#define SCOPE_ALL (SCOPE_BROWSE | SCOPE_OF(PANE_SEARCH))
#define SCOPE_POST (SCOPE_OF(PANE_POSTS) | SCOPE_OF(PANE_ROSTER))   /* a post is selected */

#define KEYMAP_MAX_KEYS 4

struct keyname {
	int code;
	const char *name;          /* as in the help screen and man page; NULL: an unlisted alias */
};

struct keybinding {
	struct keyname keys[KEYMAP_MAX_KEYS];
	enum action act;
	unsigned scope;
	const char *bar;           /* short label for the key bar, or NULL (N_(): translate when shown) */
	int bar_rank;              /* order in the key bar: 1 first (it is cut on the right) */
	const char *help;          /* N_(): translate when shown */
};

/* The sections of the help screen and of the man page's KEYS section:
 * each binding belongs to the section whose scope equals its own. */
struct keymap_section {
	unsigned scope;
	const char *title;         /* N_() */
};

const struct keybinding *keymap_table(size_t *count);
const struct keymap_section *keymap_sections(size_t *count);

/* Non-zero when key is text in a typing mode (a printable character). */
int keymap_is_text(int key);

/* The action key triggers in pane, ACT_TEXT for text in the search box,
 * ACT_NONE when unbound. */
enum action keymap_lookup(int key, enum pane_id pane);

/* Non-zero when key k of binding b is shown and usable in pane. */
int keymap_key_applies(const struct keybinding *b, size_t k, enum pane_id pane);

/* Write the shown names of b's keys usable in the given panes (a scope)
 * into buf, joined by sep; returns the number of names written. */
int keymap_names(const struct keybinding *b, unsigned scope, const char *sep,
                 char *buf, size_t bufsz);

#endif
