/* SPDX-License-Identifier: MIT */
/*
 * test_tui_keymap.c: the key table against itself, the help screen and
 * the KEYS section of man/dcinet.1.
 *
 * The man page is read from $DCINET_SRC/man/dcinet.1, or man/dcinet.1
 * relative to the current directory (tests run from the source root).
 * Its KEYS section lists keys as ".It Cm Up , Cm k" items: every word
 * after a Cm macro is a key name.
 */
#include <curses.h>
#include "mancheck.h"
#include "../../tui/keymap.h"
#include "../../tui/doc.h"
#include "../../tui/app.h"

/* Drop mdoc's zero-width escape "\&" from a word. */
static void unescape(char *w)
{
	char *r = w, *o = w;

	while (*r) {
		if (r[0] == '\\' && r[1] == '&') {
			r += 2;
			continue;
		}
		*o++ = *r++;
	}
	*o = '\0';
}

/* Key names of the KEYS section. */
static void man_keys(struct names *ns)
{
	FILE *f = open_man();
	char line[1024];
	int in_keys = 0;

	assert_non_null(f);
	while (fgets(line, sizeof(line), f)) {
		char *word, *save = NULL;
		int after_cm = 0;

		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, ".Sh ", 4) == 0) {
			in_keys = strcmp(line, ".Sh KEYS") == 0;
			continue;
		}
		if (!in_keys || strncmp(line, ".It ", 4) != 0)
			continue;
		for (word = strtok_r(line + 4, " ", &save); word; word = strtok_r(NULL, " ", &save)) {
			if (after_cm) {
				unescape(word);
				names_add(ns, word);
			}
			after_cm = strcmp(word, "Cm") == 0;
		}
	}
	fclose(f);
	assert_true(ns->n > 0);
}

static void table_keys(struct names *ns)
{
	size_t n, i, k;
	const struct keybinding *t = keymap_table(&n);

	for (i = 0; i < n; i++)
		for (k = 0; k < KEYMAP_MAX_KEYS; k++)
			if (t[i].keys[k].name != NULL)
				names_add(ns, t[i].keys[k].name);
}

static void test_man_lists_every_key(void **state)
{
	struct names man = { { 0 }, 0 }, table = { { 0 }, 0 };
	int i, missing = 0;

	(void)state;
	man_keys(&man);
	table_keys(&table);
	for (i = 0; i < table.n; i++)
		if (!names_has(&man, table.name[i])) {
			fprintf(stderr, "man/dcinet.1 KEYS lacks the key \"%s\" (add .It Cm %s)\n",
			        table.name[i], table.name[i]);
			missing++;
		}
	for (i = 0; i < man.n; i++)
		if (!names_has(&table, man.name[i])) {
			fprintf(stderr, "man/dcinet.1 KEYS documents \"%s\", which tui/keymap.c "
			        "does not bind\n", man.name[i]);
			missing++;
		}
	names_free(&man);
	names_free(&table);
	assert_int_equal(missing, 0);
}

static void test_help_lists_every_key(void **state)
{
	struct doc d;
	size_t n, i, k, l, s;
	const struct keybinding *t = keymap_table(&n);
	char all[16384] = "";
	struct view view;

	(void)state;
	memset(&view, 0, sizeof(view));
	stale_init(&view.stale, NULL, 0);
	doc_init(&d, 0);
	help_build(&d, 200, &view);   /* wide enough that no help text wraps */
	for (l = 0; l < d.nlines; l++)
		for (s = 0; s < d.lines[l].n; s++) {
			strncat(all, d.lines[l].segs[s].text, sizeof(all) - strlen(all) - 2);
			strcat(all, "|");
		}
	for (i = 0; i < n; i++) {
		assert_non_null(strstr(all, t[i].help));
		for (k = 0; k < KEYMAP_MAX_KEYS; k++)
			if (t[i].keys[k].name != NULL && strstr(all, t[i].keys[k].name) == NULL)
				fail_msg("the help screen lacks %s", t[i].keys[k].name);
	}
	doc_free(&d);
}

static void test_lookup(void **state)
{
	(void)state;
	assert_int_equal(keymap_lookup('k', PANE_POSTS), ACT_UP);
	assert_int_equal(keymap_lookup('j', PANE_ROSTER), ACT_DOWN);
	assert_int_equal(keymap_lookup(KEYMAP_FN(KEY_UP), PANE_SEARCH), ACT_UP);
	assert_int_equal(keymap_lookup('s', PANE_POSTS), ACT_SORT);
	assert_int_equal(keymap_lookup('s', PANE_OVERVIEW), ACT_NONE);
	assert_int_equal(keymap_lookup('\n', PANE_POSTS), ACT_OPEN);
	assert_int_equal(keymap_lookup('\r', PANE_POSTS), ACT_OPEN);
	assert_int_equal(keymap_lookup(KEYMAP_FN(KEY_ENTER), PANE_SEARCH), ACT_OPEN);
	assert_int_equal(keymap_lookup(KEYMAP_FN(KEY_BTAB), PANE_SEARCH), ACT_PANE_PREV);
	assert_int_equal(keymap_lookup(0x7f, PANE_ROSTER), ACT_BACK);
	assert_int_equal(keymap_lookup(0x7f, PANE_SEARCH), ACT_DELETE_BACK);
	assert_int_equal(keymap_lookup(KEYMAP_FN(KEY_BACKSPACE), PANE_SEARCH), ACT_DELETE_BACK);
	assert_int_equal(keymap_lookup(KEYMAP_ESC, PANE_SEARCH), ACT_BACK);
	assert_int_equal(keymap_lookup(KEYMAP_CTRL('C'), PANE_SEARCH), ACT_QUIT);
	assert_int_equal(keymap_lookup(KEYMAP_FN(KEY_F(1)), PANE_SEARCH), ACT_HELP);
	assert_int_equal(keymap_lookup('?', PANE_OVERVIEW), ACT_HELP);
	assert_int_equal(keymap_lookup('4', PANE_ROSTER), ACT_FOCUS_SEARCH);
	assert_int_equal(keymap_lookup('L', PANE_OVERVIEW), ACT_LANGUAGE);
	assert_int_equal(keymap_lookup('L', PANE_ROSTER), ACT_LANGUAGE);
	assert_int_equal(keymap_lookup('S', PANE_POSTS), ACT_SOURCES);
	assert_int_equal(keymap_lookup('y', PANE_POSTS), ACT_COPY);
	assert_int_equal(keymap_lookup('y', PANE_ROSTER), ACT_COPY);
	assert_int_equal(keymap_lookup('y', PANE_OVERVIEW), ACT_NONE);
	assert_int_equal(keymap_lookup(KEYMAP_ESC, PANE_POSTS), ACT_BACK);
	/* issue 12: the keys of htop, less and readline */
	assert_int_equal(keymap_lookup(KEYMAP_FN(KEY_F(10)), PANE_POSTS), ACT_QUIT);
	assert_int_equal(keymap_lookup(KEYMAP_FN(KEY_F(10)), PANE_SEARCH), ACT_QUIT);
	assert_int_equal(keymap_lookup(KEYMAP_CTRL('L'), PANE_ROSTER), ACT_REDRAW);
	assert_int_equal(keymap_lookup(KEYMAP_CTRL('N'), PANE_SEARCH), ACT_DOWN);
	assert_int_equal(keymap_lookup(KEYMAP_CTRL('P'), PANE_POSTS), ACT_UP);
	assert_int_equal(keymap_lookup(KEYMAP_CTRL('D'), PANE_POSTS), ACT_PAGE_DOWN);
	assert_int_equal(keymap_lookup(KEYMAP_CTRL('U'), PANE_POSTS), ACT_PAGE_UP);
	assert_int_equal(keymap_lookup(KEYMAP_CTRL('U'), PANE_SEARCH), ACT_CLEAR_LINE);
	assert_int_equal(keymap_lookup(KEYMAP_CTRL('A'), PANE_SEARCH), ACT_LINE_START);
	assert_int_equal(keymap_lookup(KEYMAP_FN(KEY_HOME), PANE_SEARCH), ACT_LINE_START);
	assert_int_equal(keymap_lookup(KEYMAP_FN(KEY_HOME), PANE_POSTS), ACT_TOP);
	assert_int_equal(keymap_lookup(KEYMAP_CTRL('E'), PANE_SEARCH), ACT_LINE_END);
	assert_int_equal(keymap_lookup(KEYMAP_CTRL('W'), PANE_SEARCH), ACT_DELETE_WORD);
	assert_int_equal(keymap_lookup(KEYMAP_CTRL('K'), PANE_SEARCH), ACT_KILL_END);
	assert_int_equal(keymap_lookup(KEYMAP_ALT('b'), PANE_SEARCH), ACT_WORD_LEFT);
	assert_int_equal(keymap_lookup(KEYMAP_ALT('f'), PANE_SEARCH), ACT_WORD_RIGHT);
	assert_int_equal(keymap_lookup(KEYMAP_CTRL_LEFT, PANE_SEARCH), ACT_WORD_LEFT);
	assert_int_equal(keymap_lookup(KEYMAP_CTRL_RIGHT, PANE_SEARCH), ACT_WORD_RIGHT);
}

/* Esc and Backspace do nothing in Overview (there is nothing to go back
 * to), so they are not bound there, and the key bar does not offer them. */
static void test_no_back_in_overview(void **state)
{
	size_t n, i;
	const struct keybinding *t = keymap_table(&n);
	char buf[64];

	(void)state;
	assert_int_equal(keymap_lookup(KEYMAP_ESC, PANE_OVERVIEW), ACT_NONE);
	assert_int_equal(keymap_lookup(0x7f, PANE_OVERVIEW), ACT_NONE);
	assert_int_equal(keymap_lookup(KEYMAP_FN(KEY_BACKSPACE), PANE_OVERVIEW), ACT_NONE);
	for (i = 0; i < n; i++)
		if (t[i].act == ACT_BACK)
			assert_int_equal(keymap_names(&t[i], SCOPE_OF(PANE_OVERVIEW), " ", buf,
			                              sizeof(buf)), 0);
}

/* Typing in the search box never triggers a command. */
static void test_search_box_letters_are_text(void **state)
{
	int c;

	(void)state;
	for (c = 0x20; c < 0x7f; c++)
		assert_int_equal(keymap_lookup(c, PANE_SEARCH), ACT_TEXT);
	assert_int_equal(keymap_lookup(0xe9, PANE_SEARCH), ACT_TEXT);    /* é */
	assert_int_equal(keymap_lookup('L', PANE_SEARCH), ACT_TEXT);
	assert_int_equal(keymap_lookup('y', PANE_SEARCH), ACT_TEXT);
	assert_int_equal(keymap_lookup(0x4e2d, PANE_SEARCH), ACT_TEXT);  /* 中 */
	assert_int_equal(keymap_lookup('\t', PANE_SEARCH), ACT_PANE_NEXT);
}

static void test_table_is_sound(void **state)
{
	size_t n, ns, i, j, k, m, s;
	const struct keybinding *t = keymap_table(&n);
	const struct keymap_section *sec = keymap_sections(&ns);
	int p;

	(void)state;
	for (i = 0; i < n; i++) {
		int named = 0, has_fn = 0, has_letter = 0, in_section = 0;

		assert_non_null(t[i].help);
		assert_true(t[i].act != ACT_NONE && t[i].act != ACT_TEXT);
		assert_true((t[i].bar == NULL) == (t[i].bar_rank == 0));
		for (k = 0; k < KEYMAP_MAX_KEYS; k++) {
			int code = t[i].keys[k].code;

			named += t[i].keys[k].name != NULL;
			if (code >= KEYMAP_FN(KEY_F(0)) && code <= KEYMAP_FN(KEY_F(63)))
				has_fn = 1;
			if (code > 0 && code < 0x7f && keymap_is_text(code))
				has_letter = 1;
		}
		assert_true(named > 0);
		/* Every F-key has a plain-letter twin. */
		if (has_fn)
			assert_true(has_letter);
		for (s = 0; s < ns; s++)
			in_section |= sec[s].scope == t[i].scope;
		assert_true(in_section);
	}
	/* No key means two things in one pane. */
	for (p = 0; p < PANE_COUNT; p++)
		for (i = 0; i < n; i++)
			for (k = 0; k < KEYMAP_MAX_KEYS; k++) {
				if (!keymap_key_applies(&t[i], k, (enum pane_id)p))
					continue;
				for (j = i + 1; j < n; j++)
					for (m = 0; m < KEYMAP_MAX_KEYS; m++)
						if (keymap_key_applies(&t[j], m, (enum pane_id)p) &&
						    t[j].keys[m].code == t[i].keys[k].code)
							fail_msg("%s bound twice in pane %d",
							         t[i].keys[k].name ? t[i].keys[k].name : "?", p);
			}
}

static void test_names_follow_the_pane(void **state)
{
	size_t n, i;
	const struct keybinding *t = keymap_table(&n);
	char buf[64];

	(void)state;
	for (i = 0; i < n; i++)
		if (t[i].act == ACT_UP)
			break;
	assert_true(i < n);
	assert_int_equal(keymap_names(&t[i], SCOPE_ALL, ", ", buf, sizeof(buf)), 3);
	assert_string_equal(buf, "Up, k, Ctrl-P");
	/* k is text in the search box: not a key there */
	assert_int_equal(keymap_names(&t[i], SCOPE_OF(PANE_SEARCH), ", ", buf, sizeof(buf)), 2);
	assert_string_equal(buf, "Up, Ctrl-P");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_man_lists_every_key),
		cmocka_unit_test(test_help_lists_every_key),
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_no_back_in_overview),
		cmocka_unit_test(test_search_box_letters_are_text),
		cmocka_unit_test(test_table_is_sound),
		cmocka_unit_test(test_names_follow_the_pane),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
