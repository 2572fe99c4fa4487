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
	{ { { '\t', "Tab" } }, ACT_PANE_NEXT, SCOPE_ALL, "pane", 6, "Go to the next pane" },
	{ { { FN(KEY_BTAB), "Shift-Tab" } }, ACT_PANE_PREV, SCOPE_ALL, NULL, 0,
	  "Go to the previous pane" },
	{ { { '1', "1" } }, ACT_FOCUS_OVERVIEW, SCOPE_ALL, NULL, 0, "Go to the Overview pane" },
	{ { { '2', "2" } }, ACT_FOCUS_POSTS, SCOPE_ALL, NULL, 0, "Go to the Posts pane" },
	{ { { '3', "3" } }, ACT_FOCUS_ROSTER, SCOPE_ALL, NULL, 0, "Go to the Roster pane" },
	{ { { '4', "4" } }, ACT_FOCUS_SEARCH, SCOPE_ALL, NULL, 0,
	  "Go to the search box, with the last search" },
	{ { { '/', "/" } }, ACT_SEARCH, SCOPE_ALL, "search", 5,
	  "Start a new search of countries, posts, staff and themes" },
	{ { { FN(KEY_UP), "Up" }, { 'k', "k" } }, ACT_UP, SCOPE_ALL, NULL, 0,
	  "Move up one line (in the search box: previous hit)" },
	{ { { FN(KEY_DOWN), "Down" }, { 'j', "j" } }, ACT_DOWN, SCOPE_ALL, NULL, 0,
	  "Move down one line (in the search box: next hit)" },
	{ { { FN(KEY_PPAGE), "PgUp" }, { CTRL('B'), "Ctrl-B" } }, ACT_PAGE_UP, SCOPE_ALL, NULL, 0,
	  "Move up one page" },
	{ { { FN(KEY_NPAGE), "PgDn" }, { CTRL('F'), "Ctrl-F" } }, ACT_PAGE_DOWN, SCOPE_ALL, NULL, 0,
	  "Move down one page" },
	{ { { FN(KEY_HOME), "Home" }, { 'g', "g" } }, ACT_TOP, SCOPE_ALL, NULL, 0,
	  "Go to the first line" },
	{ { { FN(KEY_END), "End" }, { 'G', "G" } }, ACT_BOTTOM, SCOPE_ALL, NULL, 0,
	  "Go to the last line" },
	{ { { KEYMAP_ESC, "Esc" } }, ACT_BACK, SCOPE_ALL, "back", 7,
	  "Go back to the previous pane (in the search box: clear the search first)" },
	{ { { 'n', "n" } }, ACT_HIT_NEXT, SCOPE_ALL, "next hit", 8,
	  "Jump to the post of the next search hit" },
	{ { { 'N', "N" } }, ACT_HIT_PREV, SCOPE_ALL, NULL, 0,
	  "Jump to the post of the previous search hit" },
	{ { { '?', "?" }, { FN(KEY_F(1)), "F1" } }, ACT_HELP, SCOPE_ALL, "help", 3,
	  "Show this help" },
	{ { { 'q', "q" }, { CTRL('C'), "Ctrl-C" } }, ACT_QUIT, SCOPE_ALL, "quit", 4, "Quit" },

	/* Overview, Posts and Roster */
	{ { BACKSPACE_KEYS }, ACT_BACK, SCOPE_BROWSE, NULL, 0, "Go back to the previous pane" },

	/* Posts */
	{ { ENTER_KEYS }, ACT_OPEN, POSTS, "roster", 1, "Open the roster of the selected post" },
	{ { { 's', "s" } }, ACT_SORT, POSTS, "sort", 2,
	  "Sort by city, by host country or by last update, in turn" },

	/* the search box */
	{ { ENTER_KEYS }, ACT_OPEN, SEARCH, "open", 1,
	  "Open the post of the selected hit in Posts and Roster" },
	{ { BACKSPACE_KEYS }, ACT_DELETE_BACK, SEARCH, NULL, 0,
	  "Delete the character before the cursor" },
	{ { { FN(KEY_DC), "Delete" } }, ACT_DELETE, SEARCH, NULL, 0,
	  "Delete the character under the cursor" },
	{ { { FN(KEY_LEFT), "Left" } }, ACT_CURSOR_LEFT, SEARCH, NULL, 0, "Move the text cursor left" },
	{ { { FN(KEY_RIGHT), "Right" } }, ACT_CURSOR_RIGHT, SEARCH, NULL, 0,
	  "Move the text cursor right" },
	{ { { CTRL('U'), "Ctrl-U" } }, ACT_CLEAR_LINE, SEARCH, NULL, 0, "Clear the search text" },
};

static const struct keymap_section sections[] = {
	{ SCOPE_ALL, "Everywhere (in the search box, letters and digits are text)" },
	{ SCOPE_BROWSE, "Overview, Posts and Roster" },
	{ POSTS, "Posts" },
	{ SEARCH, "Search box" },
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
