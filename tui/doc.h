/* SPDX-License-Identifier: MIT */
/*
 * doc.h: a scrollable document of lines, for the panes that show text
 * rather than a list fetched page by page (Overview, Roster, help).
 *
 * A pane builds its document for a width whenever its data or size
 * changes; a line is a few segments (column, width, role, text).  Text is
 * sanitised when it is added, so widths and wrapping measure what will be
 * shown.  The view keeps a selected line (marked with ">" when focused,
 * and where the terminal cursor goes) and the first line shown.
 */
#ifndef DCINET_TUI_DOC_H
#define DCINET_TUI_DOC_H

#include <stddef.h>
#include "draw.h"
#include "keymap.h"

struct doc_seg {
	int col, width;            /* width < 0: to the end of the line */
	enum color_role role;
	char *text;                /* sanitised */
	char *link;                /* a validated tel: or mailto: URI, or NULL */
};

struct doc_line {
	struct doc_seg *segs;
	size_t n, cap;
};

struct doc {
	int ascii;
	struct doc_line *lines;
	size_t nlines, caplines;
};

struct doc_view {
	int top, sel;
};

#define DOC_MARGIN 2               /* columns kept for the "> " marker */

void doc_init(struct doc *d, int ascii);
void doc_clear(struct doc *d);
void doc_free(struct doc *d);

/* Start a new, empty line. */
void doc_newline(struct doc *d);
/* Add a segment to the last line (starting one if there is none). */
void doc_put(struct doc *d, int col, int width, enum color_role role, const char *text);
/* The same, the text being a link to uri (see osc.h); a NULL or empty
 * uri adds plain text. */
void doc_put_link(struct doc *d, int col, int width, enum color_role role, const char *text,
                  const char *uri);
/* Add text at col, wrapped at word boundaries within width columns: the
 * first piece goes on the last line, the rest on new lines at col.
 * Returns the number of lines the text took. */
int doc_wrap(struct doc *d, int col, int width, enum color_role role, const char *text);

/* Move src's segments onto dst's lines, shifted right by col (line i of
 * src goes to line i of dst, which gains lines as needed); src is left
 * empty, still to be freed with doc_free().
 * This is how a pane lays two columns side by side. */
void doc_merge(struct doc *dst, struct doc *src, int col);

/* Move the view for a movement action on a document shown in h rows.
 * Returns non-zero when the view changed. */
int doc_view_key(struct doc_view *v, const struct doc *d, enum action act, int h);
/* Keep the view inside the document and the selection on screen. */
void doc_view_clamp(struct doc_view *v, const struct doc *d, int h);

/* Draw lines [v->top, v->top + h) at rows y0.. of cv; the selection is
 * marked when focused, and the canvas cursor set to it. */
void doc_draw(const struct doc *d, const struct doc_view *v, struct canvas *cv,
              int y0, int h, int focused);

#endif
