/* SPDX-License-Identifier: MIT */
/*
 * draw.c: sanitised, width-aware text output (see draw.h).
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "../core/dcinet.h"
#include "draw.h"

#define ELLIPSIS_UTF8 0x2026
#define ELLIPSIS_ASCII L'~'
#define REPLACEMENT 0xFFFD

char *draw_sanitize(const char *src, int ascii)
{
	size_t len = strlen(src ? src : "");
	size_t size = 3 * len + 1;       /* the widest substitute is 3 bytes for 1 */
	char *dst = malloc(size);

	if (dst != NULL)
		text_sanitize(dst, size, src ? src : "", ascii ? SANITIZE_ASCII : 0);
	return dst;
}

/* Next wide character of s (n bytes left) into *wc; returns the bytes
 * used (at least 1).  Bytes the locale cannot decode become a substitute. */
static size_t decode(const char *s, size_t n, wchar_t *wc, int ascii)
{
	unsigned char c = (unsigned char)s[0];
	mbstate_t st;
	size_t len;

	/* An ASCII byte is that character in every locale: most text never
	 * reaches mbrtowc(), a hundred instructions a character. */
	if (c != 0 && c < 0x80) {
		*wc = (wchar_t)c;
		return 1;
	}
	memset(&st, 0, sizeof(st));
	len = mbrtowc(wc, s, n, &st);
	if (len == (size_t)-1 || len == (size_t)-2 || len == 0) {
		*wc = ascii ? L'?' : (wchar_t)REPLACEMENT;
		return 1;
	}
	return len;
}

static int char_width(wchar_t *wc, int ascii)
{
	int w = *wc >= 0x20 && *wc < 0x7F ? 1 : wcwidth(*wc);

	if (w < 0) {
		*wc = ascii ? L'?' : (wchar_t)REPLACEMENT;
		w = 1;
	}
	return w;
}

int draw_width(const char *text)
{
	size_t n = strlen(text), i = 0;
	int cols = 0;

	while (i < n) {
		wchar_t wc;

		i += decode(text + i, n - i, &wc, 0);
		cols += char_width(&wc, 0);
	}
	return cols;
}

int draw_fit(wchar_t *dst, size_t dstlen, const char *text, int width, int ascii)
{
	size_t n = strlen(text), i = 0, out = 0;
	int cols = 0, total = draw_width(text), limit = width;
	wchar_t ell = ascii ? ELLIPSIS_ASCII : (wchar_t)ELLIPSIS_UTF8;

	assert(dstlen > 0);
	dst[0] = L'\0';
	if (width <= 0)
		return 0;
	if (total > width)
		limit = width - 1;        /* room for the ellipsis */
	while (i < n && out + 2 < dstlen) {
		wchar_t wc;
		size_t used = decode(text + i, n - i, &wc, ascii);
		int w = char_width(&wc, ascii);

		if (cols + w > limit)
			break;
		dst[out++] = wc;
		cols += w;
		i += used;
	}
	if (total > width) {
		dst[out++] = ell;
		cols++;
	}
	dst[out] = L'\0';
	return cols;
}

static int clip_width(const struct canvas *cv, int y, int x, int width)
{
	if (y < 0 || y >= cv->rows || x < 0 || x >= cv->cols)
		return 0;
	if (width < 0 || width > cv->cols - x)
		width = cv->cols - x;
	return width;
}

static int put_wide(struct canvas *cv, int y, int x, enum color_role role,
                    const wchar_t *w)
{
	wattrset(cv->win, colors_attr(cv->colors, role));
	mvwaddnwstr(cv->win, y, x, w, -1);
	wattrset(cv->win, A_NORMAL);
	return 0;
}

/* Sanitise and fit text into *out (allocated); returns columns, -1 on
 * failure. */
static int prepare(const struct canvas *cv, const char *text, int width, wchar_t **out)
{
	char *clean = draw_sanitize(text, cv->ascii);
	size_t len;
	int cols;

	*out = NULL;
	if (clean == NULL)
		return -1;
	len = strlen(clean) + 3;
	*out = malloc(len * sizeof(wchar_t));
	if (*out == NULL) {
		free(clean);
		return -1;
	}
	cols = draw_fit(*out, len, clean, width, cv->ascii);
	free(clean);
	return cols;
}

int draw_text(struct canvas *cv, int y, int x, int width, enum color_role role,
              const char *text)
{
	wchar_t *w;
	int cols;

	assert(cv != NULL && cv->win != NULL);
	width = clip_width(cv, y, x, width);
	if (width == 0)
		return 0;
	cols = prepare(cv, text, width, &w);
	if (cols > 0)
		put_wide(cv, y, x, role, w);
	free(w);
	return cols < 0 ? 0 : cols;
}

int draw_text_right(struct canvas *cv, int y, int x, int width, enum color_role role,
                    const char *text)
{
	wchar_t *w;
	int cols;

	width = clip_width(cv, y, x, width);
	if (width == 0)
		return 0;
	cols = prepare(cv, text, width, &w);
	if (cols > 0)
		put_wide(cv, y, x + width - cols, role, w);
	free(w);
	return cols < 0 ? 0 : cols;
}

void draw_link(struct canvas *cv, int y, int x, int w, const char *uri)
{
	struct link_spot *l;

	if (cv->links == NULL || cv->nlinks >= cv->maxlinks || w <= 0 || uri == NULL ||
	    uri[0] == '\0' || strlen(uri) >= sizeof(l->uri))
		return;
	l = &cv->links[cv->nlinks++];
	l->y = y;
	l->x = x;
	l->w = w;
	memcpy(l->uri, uri, strlen(uri) + 1);
}

void draw_paint(struct canvas *cv, int y, int x, int width, enum color_role role)
{
	attr_t a = colors_attr(cv->colors, role);

	width = clip_width(cv, y, x, width);
	if (width > 0)
		mvwchgat(cv->win, y, x, width, a & ~A_COLOR, (short)PAIR_NUMBER(a), NULL);
}

static void put_char(struct canvas *cv, int y, int x, wchar_t wide, char plain)
{
	cchar_t c;
	wchar_t w[2] = { cv->ascii ? (wchar_t)plain : wide, L'\0' };

	if (setcchar(&c, w, A_NORMAL, 0, NULL) == OK)
		mvwadd_wch(cv->win, y, x, &c);
}

void draw_vline(struct canvas *cv, int y, int x, int h)
{
	int i;

	for (i = 0; i < h; i++)
		put_char(cv, y + i, x, 0x2502, '|');
}

void draw_box(struct canvas *cv)
{
	int i, r = cv->rows - 1, c = cv->cols - 1;

	if (r < 1 || c < 1)
		return;
	for (i = 1; i < c; i++) {
		put_char(cv, 0, i, 0x2500, '-');
		put_char(cv, r, i, 0x2500, '-');
	}
	draw_vline(cv, 1, 0, r - 1);
	draw_vline(cv, 1, c, r - 1);
	put_char(cv, 0, 0, 0x250C, '+');
	put_char(cv, 0, c, 0x2510, '+');
	put_char(cv, r, 0, 0x2514, '+');
	/* The bottom-right cell last: writing it may fail to advance the
	 * cursor, which is harmless here. */
	put_char(cv, r, c, 0x2518, '+');
}

void draw_fill(struct canvas *cv, int y, enum color_role role)
{
	wattrset(cv->win, colors_attr(cv->colors, role));
	mvwhline(cv->win, y, 0, ' ', cv->cols);
	wattrset(cv->win, A_NORMAL);
}

void draw_title(struct canvas *cv, int number, const char *name, const char *detail,
                int focused)
{
	enum color_role role = focused ? ROLE_TITLE_FOCUS : ROLE_TITLE;
	char num[4] = "";
	int x = 0;

	if (cv->rows < 1)
		return;
	draw_fill(cv, 0, role);
	if (number > 0 && number < 10) {
		num[0] = (char)('0' + number);
		num[1] = ' ';
		x += draw_text(cv, 0, x, -1, role, num);
	}
	x += draw_text(cv, 0, x, -1, role, name);
	if (detail != NULL && detail[0] != '\0') {
		x += draw_text(cv, 0, x, -1, role, " ");
		draw_text(cv, 0, x, -1, role, detail);
	}
}
