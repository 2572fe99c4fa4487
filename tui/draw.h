/* SPDX-License-Identifier: MIT */
/*
 * draw.h: text output, the one place registry text meets curses.
 *
 * Every string goes through text_sanitize() (core) before curses sees it,
 * so control characters and escape sequences in the data show as "^[" and
 * never reach the terminal.  Widths are display columns (wcwidth), not
 * bytes: "Yaoundé" is 7 columns, a CJK character 2.  Text longer than its
 * room is cut at a character boundary and ends with an ellipsis ("…", or
 * "~" in ASCII mode).
 */
#ifndef DCINET_TUI_DRAW_H
#define DCINET_TUI_DRAW_H

#include <stddef.h>
#include <wchar.h>
#include "colors.h"

/* Cells of a pane that carry a hyperlink (OSC 8): the main loop writes
 * the link over them after curses has drawn them (see app.c). */
struct link_spot {
	int y, x, w;               /* in the pane's window */
	char uri[192];             /* "tel:..." or "mailto:...", validated (osc.h) */
};

/* A pane's window and how to write to it. */
struct canvas {
	WINDOW *win;
	int rows, cols;
	int ascii;                 /* the locale is not UTF-8: 7-bit output */
	const struct colors *colors;
	int cur_y, cur_x;          /* where the terminal cursor goes when focused */
	struct link_spot *links;   /* NULL: links are not wanted */
	int nlinks, maxlinks;
};

/* Sanitised copy of src (NULL reads as ""), in a buffer the caller frees;
 * NULL when out of memory. */
char *draw_sanitize(const char *src, int ascii);

/* Display columns of an already sanitised UTF-8 string. */
int draw_width(const char *text);

/* Convert sanitised UTF-8 text to at most width columns of wide
 * characters in dst (dstlen wide characters, always terminated), adding the
 * ellipsis when something was cut.  Returns the columns used. */
int draw_fit(wchar_t *dst, size_t dstlen, const char *text, int width, int ascii);

/* Write text at (y, x) in at most width columns (width < 0: to the edge)
 * with the role's attributes.  Returns the columns written. */
int draw_text(struct canvas *cv, int y, int x, int width, enum color_role role,
              const char *text);

/* The same, right-aligned in width columns. */
int draw_text_right(struct canvas *cv, int y, int x, int width, enum color_role role,
                    const char *text);

/* Record that the w cells at (y, x) link to uri (when cv->links is set
 * and there is room; nothing otherwise). */
void draw_link(struct canvas *cv, int y, int x, int w, const char *uri);

/* Paint width columns of row y from x with the role's attributes, keeping
 * the characters there (width < 0: to the edge). */
void draw_paint(struct canvas *cv, int y, int x, int width, enum color_role role);

/* Fill row y with blanks in the role's attributes (a bar, a title line). */
void draw_fill(struct canvas *cv, int y, enum color_role role);

/* Lines drawn with the characters themselves ("│", or "|" in ASCII mode)
 * rather than the terminal's alternate character set, which some
 * terminals ignore under a UTF-8 locale. */
void draw_vline(struct canvas *cv, int y, int x, int h);
void draw_box(struct canvas *cv);

/* A pane title line: "2 Posts" then detail, painted across the row. */
void draw_title(struct canvas *cv, int number, const char *name, const char *detail,
                int focused);

#endif
