/* SPDX-License-Identifier: MIT */
/*
 * test_tui_draw.c: display widths, cutting with an ellipsis, the
 * sanitising gate, word wrap, colour choice, and draw_text() into a real
 * curses window (a screen opened on /dev/null, read back with
 * mvwinnwstr), so what reaches curses is checked, not only the helpers.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <curses.h>
#include <cmocka.h>
#include "../../tui/draw.h"
#include "../../tui/doc.h"
#include "../../tui/str.h"

static int setup(void **state)
{
	(void)state;
	if (setlocale(LC_ALL, "C.UTF-8") == NULL && setlocale(LC_ALL, "C.utf8") == NULL)
		return -1;
	return 0;
}

/* draw_fit into UTF-8, for comparing. */
static int fit(char *out, size_t outsz, const char *text, int width, int ascii)
{
	wchar_t w[256];
	int cols = draw_fit(w, 256, text, width, ascii);

	assert_true(wcstombs(out, w, outsz) != (size_t)-1);
	return cols;
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(draw_width(""), 0);
	assert_int_equal(draw_width("Yaound\xC3\xA9"), 7);                 /* Yaoundé */
	assert_int_equal(draw_width("Ath\xC3\xA8nes"), 7);                 /* Athènes */
	assert_int_equal(draw_width("\xE6\x9D\xB1\xE4\xBA\xAC"), 4);       /* 東京 */
	assert_int_equal(draw_width("e\xCC\x81"), 1);                      /* e + combining acute */
	/* An ASCII control has no width of its own: it counts as the one
	 * column of its substitute, like a byte that is not UTF-8. */
	assert_int_equal(draw_width("a\tb\x7F"), 4);
	assert_int_equal(draw_width("a\xFF" "b"), 3);
}

static void test_fit(void **state)
{
	char out[256];

	(void)state;
	assert_int_equal(fit(out, sizeof(out), "Ath\xC3\xA8nes", 7, 0), 7);
	assert_string_equal(out, "Ath\xC3\xA8nes");
	assert_int_equal(fit(out, sizeof(out), "Ath\xC3\xA8nes", 5, 0), 5);
	assert_string_equal(out, "Ath\xC3\xA8\xE2\x80\xA6");               /* Athè… */
	assert_int_equal(fit(out, sizeof(out), "Athenes", 5, 1), 5);
	assert_string_equal(out, "Athe~");
	assert_int_equal(fit(out, sizeof(out), "Athenes", 1, 0), 1);
	assert_string_equal(out, "\xE2\x80\xA6");
	assert_int_equal(fit(out, sizeof(out), "Athenes", 0, 0), 0);
	assert_string_equal(out, "");
	assert_int_equal(fit(out, sizeof(out), "", 10, 0), 0);
	/* A wide character never straddles the edge: 東京都 in 5 columns is
	 * 東京… and in 4 columns 東… (3 columns, not a half character). */
	assert_int_equal(fit(out, sizeof(out), "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD", 5, 0), 5);
	assert_string_equal(out, "\xE6\x9D\xB1\xE4\xBA\xAC\xE2\x80\xA6");
	assert_int_equal(fit(out, sizeof(out), "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD", 4, 0), 3);
	assert_string_equal(out, "\xE6\x9D\xB1\xE2\x80\xA6");
	/* ASCII controls and bytes that are not UTF-8 become a substitute */
	assert_int_equal(fit(out, sizeof(out), "a\x01" "b\xFF", 10, 0), 4);
	assert_string_equal(out, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
	assert_int_equal(fit(out, sizeof(out), "a\x01" "b\xFF", 10, 1), 4);
	assert_string_equal(out, "a?b?");
}

static void test_sanitize(void **state)
{
	char *s;

	(void)state;
	s = draw_sanitize("LEMEE\x1b[2J", 0);
	assert_string_equal(s, "LEMEE^[[2J");
	free(s);
	s = draw_sanitize("x\x1b]52;c;aGk=\x07y", 0);      /* OSC 52 clipboard write */
	assert_string_equal(s, "x^[]52;c;aGk=^Gy");
	free(s);
	s = draw_sanitize("Yaound\xC3\xA9 \xC2\xAB s\xC3\xA9" "curit\xC3\xA9 \xC2\xBB", 1);
	assert_string_equal(s, "Yaounde \" securite \"");
	free(s);
	s = draw_sanitize(NULL, 0);
	assert_string_equal(s, "");
	free(s);
	/* The cut counts the substitute's columns: "^[" is two. */
	{
		char out[64];

		s = draw_sanitize("\x1b\x1b\x1b", 0);
		assert_int_equal(fit(out, sizeof(out), s, 4, 0), 4);
		assert_string_equal(out, "^[^\xE2\x80\xA6");
		free(s);
	}
}

static void test_colors_wanted(void **state)
{
	(void)state;
	assert_int_equal(colors_wanted(NULL, 1), 1);
	assert_int_equal(colors_wanted("", 1), 1);      /* empty NO_COLOR does not count */
	assert_int_equal(colors_wanted("1", 1), 0);
	assert_int_equal(colors_wanted(NULL, 0), 0);
}

static void test_monochrome_roles_are_distinct(void **state)
{
	struct colors c;

	(void)state;
	colors_init(&c, 0);
	assert_true(colors_attr(&c, ROLE_SELECTED) & A_REVERSE);
	assert_true(colors_attr(&c, ROLE_TITLE_FOCUS) != colors_attr(&c, ROLE_TITLE));
	assert_true(colors_attr(&c, ROLE_SELECTED) != colors_attr(&c, ROLE_NORMAL));
}

static void test_wrap(void **state)
{
	struct doc d;

	(void)state;
	doc_init(&d, 0);
	doc_newline(&d);
	assert_int_equal(doc_wrap(&d, 0, 10, ROLE_NORMAL, "the quick brown fox"), 2);
	assert_int_equal(d.nlines, 2);
	assert_string_equal(d.lines[0].segs[0].text, "the quick");
	assert_string_equal(d.lines[1].segs[0].text, "brown fox");
	doc_clear(&d);
	/* Widths are columns: "sécurité" is 8 columns in 10 bytes. */
	doc_newline(&d);
	assert_int_equal(doc_wrap(&d, 2, 17, ROLE_NORMAL,
	                          "s\xC3\xA9" "curit\xC3\xA9 s\xC3\xA9" "curit\xC3\xA9 x"), 2);
	assert_string_equal(d.lines[0].segs[0].text,
	                    "s\xC3\xA9" "curit\xC3\xA9 s\xC3\xA9" "curit\xC3\xA9");
	assert_int_equal(d.lines[1].segs[0].col, 2);
	doc_free(&d);
}

static void test_str(void **state)
{
	char *s;

	(void)state;
	s = str_join("a", ", ", "b");
	assert_string_equal(s, "a, b");
	free(s);
	s = str_join("", ", ", "b");
	assert_string_equal(s, "b");
	free(s);
	s = str_join(NULL, ", ", NULL);
	assert_string_equal(s, "");
	free(s);
	/* a string longer than str_printf's own buffer, and one just in it */
	{
		char want[1001];

		memset(want, 'x', 1000);
		want[1000] = '\0';
		s = str_printf("%.*s", 1000, want);
		assert_string_equal(s, want);
		free(s);
		want[255] = '\0';
		s = str_printf("%s", want);
		assert_string_equal(s, want);
		free(s);
		want[255] = 'x';
		want[256] = '\0';
		s = str_printf("%s", want);
		assert_string_equal(s, want);
		free(s);
	}
}

/* What draw_text() leaves in a window, as UTF-8. */
static void row_text(WINDOW *w, int y, char *out, size_t outsz)
{
	wchar_t buf[128];
	int n = mvwinnwstr(w, y, 0, buf, 127);

	assert_true(n >= 0);
	buf[n] = L'\0';
	while (n > 0 && buf[n - 1] == L' ')
		buf[--n] = L'\0';
	assert_true(wcstombs(out, buf, outsz) != (size_t)-1);
}

static void test_draw_into_curses(void **state)
{
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *scr;
	struct colors colors;
	struct canvas cv;
	char text[512];

	(void)state;
	assert_non_null(out);
	assert_non_null(in);
	scr = newterm("xterm", out, in);
	assert_non_null(scr);
	colors_init(&colors, 0);
	memset(&cv, 0, sizeof(cv));
	cv.win = newwin(4, 12, 0, 0);
	assert_non_null(cv.win);
	cv.rows = 4;
	cv.cols = 12;
	cv.colors = &colors;

	assert_int_equal(draw_text(&cv, 0, 0, -1, ROLE_NORMAL, "Yaound\xC3\xA9"), 7);
	row_text(cv.win, 0, text, sizeof(text));
	assert_string_equal(text, "Yaound\xC3\xA9");

	/* The escape sequence arrives as visible text and is cut to the room. */
	assert_int_equal(draw_text(&cv, 1, 0, -1, ROLE_NORMAL, "LEMEE\x1b[2J\x1b]0;x\x07"), 12);
	row_text(cv.win, 1, text, sizeof(text));
	assert_string_equal(text, "LEMEE^[[2J^\xE2\x80\xA6");

	/* From column 8, four columns are left. */
	assert_int_equal(draw_text(&cv, 2, 8, -1, ROLE_NORMAL, "Ath\xC3\xA8nes"), 4);
	row_text(cv.win, 2, text, sizeof(text));
	assert_string_equal(text, "        Ath\xE2\x80\xA6");

	/* Right-aligned, and nothing outside the window. */
	assert_int_equal(draw_text_right(&cv, 3, 0, 12, ROLE_NORMAL, "42"), 2);
	row_text(cv.win, 3, text, sizeof(text));
	assert_string_equal(text, "          42");
	assert_int_equal(draw_text(&cv, 4, 0, -1, ROLE_NORMAL, "off"), 0);
	assert_int_equal(draw_text(&cv, 0, 12, -1, ROLE_NORMAL, "off"), 0);

	/* ASCII mode, as under LANG=C. */
	cv.ascii = 1;
	werase(cv.win);
	draw_text(&cv, 0, 0, -1, ROLE_NORMAL, "Ath\xC3\xA8nes, s\xC3\xA9" "curit\xC3\xA9");
	row_text(cv.win, 0, text, sizeof(text));
	assert_string_equal(text, "Athenes, se~");

	delwin(cv.win);
	endwin();
	delscreen(scr);
	fclose(out);
	fclose(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_colors_wanted),
		cmocka_unit_test(test_monochrome_roles_are_distinct),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_str),
		cmocka_unit_test(test_draw_into_curses),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
