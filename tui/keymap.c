/* SPDX-License-Identifier: MIT */
/*
 * keymap.c: the key table (see keymap.h) and the lookups on it.
 *
 * To add a key: add it here, then to the KEYS section of man/dcinet.1;
 * test_tui_keymap fails until both agree.
 */
#include <assert.h>
#include <curses.h>
#include <stdio.h>
#include <string.h>
#include "i18n.h"
#include "keymap.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define FN(k) KEYMAP_FN(k)
#define CTRL(c) KEYMAP_CTRL(c)
#define ENTER_KEYS { '\n', "Enter" }, { '\r', NULL }, { FN(KEY_ENTER), NULL }
#define BACKSPACE_KEYS { FN(KEY_BACKSPACE), "Backspace" }, { 0x7f, NULL }, { CTRL('H'), NULL }
#define POSTS SCOPE_OF(PANE_POSTS)
#define SEARCH SCOPE_OF(PANE_SEARCH)

static const struct keybinding keymap[] = {
	/* every pane */
	{ { { '\t', "Tab" } }, ACT_PANE_NEXT, SCOPE_ALL, N_("pane"), 9, N_("Go to the next pane") },
	{ { { FN(KEY_BTAB), "Shift-Tab" } }, ACT_PANE_PREV, SCOPE_ALL, NULL, 0,
	  N_("Go to the previous pane") },
	{ { { '1', "1" } }, ACT_FOCUS_OVERVIEW, SCOPE_ALL, NULL, 0, N_("Go to the Overview pane") },
	{ { { '2', "2" } }, ACT_FOCUS_POSTS, SCOPE_ALL, NULL, 0, N_("Go to the Posts pane") },
	{ { { '3', "3" } }, ACT_FOCUS_ROSTER, SCOPE_ALL, NULL, 0, N_("Go to the Roster pane") },
	{ { { '4', "4" } }, ACT_FOCUS_SEARCH, SCOPE_ALL, NULL, 0,
	  N_("Go to the search box, with the last search") },
	{ { { '/', "/" } }, ACT_SEARCH, SCOPE_ALL, N_("search"), 5,
	  N_("Start a new search of countries, posts, staff and themes") },
	{ { { FN(KEY_UP), "Up" }, { 'k', "k" }, { CTRL('P'), "Ctrl-P" } }, ACT_UP, SCOPE_ALL,
	  NULL, 0, N_("Move up one line (in the search box: previous hit)") },
	{ { { FN(KEY_DOWN), "Down" }, { 'j', "j" }, { CTRL('N'), "Ctrl-N" } }, ACT_DOWN,
	  SCOPE_ALL, NULL, 0, N_("Move down one line (in the search box: next hit)") },
	{ { { FN(KEY_PPAGE), "PgUp" }, { CTRL('B'), "Ctrl-B" } }, ACT_PAGE_UP, SCOPE_ALL, NULL, 0,
	  N_("Move up one page") },
	{ { { FN(KEY_NPAGE), "PgDn" }, { CTRL('F'), "Ctrl-F" } }, ACT_PAGE_DOWN, SCOPE_ALL, NULL, 0,
	  N_("Move down one page") },
	{ { { 'n', "n" } }, ACT_HIT_NEXT, SCOPE_ALL, N_("next hit"), 11,
	  N_("Open the post of the next search hit, through all the hits") },
	{ { { 'N', "N" } }, ACT_HIT_PREV, SCOPE_ALL, NULL, 0,
	  N_("Open the post of the previous search hit") },
	{ { { '?', "?" }, { FN(KEY_F(1)), "F1" } }, ACT_HELP, SCOPE_ALL, N_("help"), 3,
	  N_("Show this help") },
	{ { { 'q', "q" }, { CTRL('C'), "Ctrl-C" }, { FN(KEY_F(10)), "F10" } }, ACT_QUIT, SCOPE_ALL,
	  N_("quit"), 4, N_("Quit") },
	{ { { CTRL('L'), "Ctrl-L" } }, ACT_REDRAW, SCOPE_ALL, NULL, 0,
	  N_("Redraw the whole screen") },

	/* Overview, Posts and Roster */
	/* TRANSLATORS: the key bar label of L, the language to switch to. */
	{ { { 'L', "L" } }, ACT_LANGUAGE, SCOPE_BROWSE, N_("français"), 7,
	  N_("Switch the screen and the data between English and French") },
	{ { { 'S', "S" } }, ACT_SOURCES, SCOPE_BROWSE, N_("sources"), 8,
	  N_("Show or hide the source and date beside each fact") },
	{ { { FN(KEY_HOME), "Home" }, { 'g', "g" } }, ACT_TOP, SCOPE_BROWSE, NULL, 0,
	  N_("Go to the first line") },
	{ { { FN(KEY_END), "End" }, { 'G', "G" } }, ACT_BOTTOM, SCOPE_BROWSE, NULL, 0,
	  N_("Go to the last line") },
	{ { { CTRL('U'), "Ctrl-U" } }, ACT_PAGE_UP, SCOPE_BROWSE, NULL, 0,
	  N_("Move up one page, as in less") },
	{ { { CTRL('D'), "Ctrl-D" } }, ACT_PAGE_DOWN, SCOPE_BROWSE, NULL, 0,
	  N_("Move down one page, as in less") },

	/* Posts and Roster */
	{ { { KEYMAP_ESC, "Esc" }, BACKSPACE_KEYS }, ACT_BACK, SCOPE_POST, N_("back"), 10,
	  N_("Go back: from Roster to Posts, from Posts to Overview") },
	{ { { 'y', "y" } }, ACT_COPY, SCOPE_POST, N_("copy"), 6,
	  N_("Copy the selected post's card to the clipboard, and show it") },

	/* Posts */
	{ { ENTER_KEYS }, ACT_OPEN, POSTS, N_("roster"), 1,
	  N_("Open the roster of the selected post") },
	{ { { 's', "s" } }, ACT_SORT, POSTS, N_("sort"), 2,
	  N_("Sort by city, by host country or by last update, in turn") },

	/* the search box */
	{ { ENTER_KEYS }, ACT_OPEN, SEARCH, N_("open"), 1,
	  N_("Open the post of the answer (the selected hit) in Posts and Roster") },
	{ { { KEYMAP_ESC, "Esc" } }, ACT_BACK, SEARCH, N_("back"), 10,
	  N_("Go back to the pane the search was opened from, keeping the search for n and N") },
	{ { BACKSPACE_KEYS }, ACT_DELETE_BACK, SEARCH, NULL, 0,
	  N_("Delete the character before the cursor") },
	{ { { FN(KEY_DC), "Delete" } }, ACT_DELETE, SEARCH, NULL, 0,
	  N_("Delete the character under the cursor") },
	{ { { FN(KEY_LEFT), "Left" } }, ACT_CURSOR_LEFT, SEARCH, NULL, 0,
	  N_("Move the text cursor left") },
	{ { { FN(KEY_RIGHT), "Right" } }, ACT_CURSOR_RIGHT, SEARCH, NULL, 0,
	  N_("Move the text cursor right") },
	{ { { FN(KEY_HOME), "Home" }, { CTRL('A'), "Ctrl-A" } }, ACT_LINE_START, SEARCH, NULL, 0,
	  N_("Move the text cursor to the start of the text") },
	{ { { FN(KEY_END), "End" }, { CTRL('E'), "Ctrl-E" } }, ACT_LINE_END, SEARCH, NULL, 0,
	  N_("Move the text cursor to the end of the text") },
	{ { { KEYMAP_ALT('b'), "Alt-B" }, { KEYMAP_CTRL_LEFT, "Ctrl-Left" } }, ACT_WORD_LEFT,
	  SEARCH, NULL, 0, N_("Move the text cursor back one word") },
	{ { { KEYMAP_ALT('f'), "Alt-F" }, { KEYMAP_CTRL_RIGHT, "Ctrl-Right" } }, ACT_WORD_RIGHT,
	  SEARCH, NULL, 0, N_("Move the text cursor forward one word") },
	{ { { CTRL('W'), "Ctrl-W" } }, ACT_DELETE_WORD, SEARCH, NULL, 0,
	  N_("Delete the word before the cursor") },
	{ { { CTRL('K'), "Ctrl-K" } }, ACT_KILL_END, SEARCH, NULL, 0,
	  N_("Delete from the cursor to the end of the text") },
	{ { { CTRL('U'), "Ctrl-U" } }, ACT_CLEAR_LINE, SEARCH, NULL, 0,
	  N_("Clear the search text") },
};

static const struct keymap_section sections[] = {
	{ SCOPE_ALL, N_("Everywhere (in the search box, letters and digits are text)") },
	{ SCOPE_BROWSE, N_("Overview, Posts and Roster") },
	{ SCOPE_POST, N_("Posts and Roster") },
	{ POSTS, N_("Posts") },
	{ SEARCH, N_("Search box") },
};

const struct keybinding *keymap_table(size_t *count)
{
	*count = ARRAY_SIZE(keymap);
	return keymap;
}

const struct keymap_section *keymap_sections(size_t *count)
{
	*count = ARRAY_SIZE(sections);
	return sections;
}

int keymap_is_text(int key)
{
	return key >= 0x20 && key < 0x110000 && key != 0x7f && !(key >= 0x80 && key < 0xa0);
}

int keymap_key_applies(const struct keybinding *b, size_t k, enum pane_id pane)
{
	assert(k < KEYMAP_MAX_KEYS);
	if (b->keys[k].code == 0 || !(b->scope & SCOPE_OF(pane)))
		return 0;
	return !(pane == PANE_SEARCH && keymap_is_text(b->keys[k].code));
}

enum action keymap_lookup(int key, enum pane_id pane)
{
	size_t i, k;

	if (pane == PANE_SEARCH && keymap_is_text(key))
		return ACT_TEXT;
	for (i = 0; i < ARRAY_SIZE(keymap); i++)
		for (k = 0; k < KEYMAP_MAX_KEYS; k++)
			if (keymap[i].keys[k].code == key && keymap_key_applies(&keymap[i], k, pane))
				return keymap[i].act;
	return ACT_NONE;
}

static int applies_in(const struct keybinding *b, size_t k, unsigned scope)
{
	int p;

	for (p = 0; p < PANE_COUNT; p++)
		if ((scope & SCOPE_OF(p)) && keymap_key_applies(b, k, (enum pane_id)p))
			return 1;
	return 0;
}

int keymap_names(const struct keybinding *b, unsigned scope, const char *sep,
                 char *buf, size_t bufsz)
{
	size_t k, used = 0;
	int n = 0;

	assert(bufsz > 0);
	buf[0] = '\0';
	for (k = 0; k < KEYMAP_MAX_KEYS; k++) {
		int len;

		if (b->keys[k].name == NULL || !applies_in(b, k, scope))
			continue;
		len = snprintf(buf + used, bufsz - used, "%s%s", n ? sep : "", b->keys[k].name);
		if (len < 0 || (size_t)len >= bufsz - used)
			break;
		used += (size_t)len;
		n++;
	}
	return n;
}
