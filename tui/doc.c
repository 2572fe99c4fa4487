/* SPDX-License-Identifier: MIT */
/*
 * doc.c: scrollable documents of text segments (see doc.h).
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include "doc.h"

void doc_init(struct doc *d, int ascii)
{
	memset(d, 0, sizeof(*d));
	d->ascii = ascii;
}

void doc_clear(struct doc *d)
{
	size_t i, k;

	for (i = 0; i < d->nlines; i++) {
		for (k = 0; k < d->lines[i].n; k++) {
			free(d->lines[i].segs[k].text);
			free(d->lines[i].segs[k].link);
		}
		free(d->lines[i].segs);
	}
	d->nlines = 0;
}

void doc_free(struct doc *d)
{
	doc_clear(d);
	free(d->lines);
	doc_init(d, d->ascii);
}

void doc_newline(struct doc *d)
{
	if (d->nlines == d->caplines) {
		size_t ncap = d->caplines ? d->caplines * 2 : 32;
		struct doc_line *nl = realloc(d->lines, ncap * sizeof(*nl));

		if (nl == NULL)
			return;
		d->lines = nl;
		d->caplines = ncap;
	}
	memset(&d->lines[d->nlines++], 0, sizeof(struct doc_line));
}

/* Add an already sanitised text as a segment of line; takes ownership. */
static void add_seg(struct doc_line *line, int col, int width, enum color_role role,
                    char *text)
{
	if (text == NULL)
		return;
	if (line->n == line->cap) {
		size_t ncap = line->cap ? line->cap * 2 : 4;
		struct doc_seg *ns = realloc(line->segs, ncap * sizeof(*ns));

		if (ns == NULL) {
			free(text);
			return;
		}
		line->segs = ns;
		line->cap = ncap;
	}
	line->segs[line->n].col = col;
	line->segs[line->n].width = width;
	line->segs[line->n].role = role;
	line->segs[line->n].text = text;
	line->segs[line->n].link = NULL;
	line->n++;
}

static struct doc_line *last_line(struct doc *d)
{
	if (d->nlines == 0)
		doc_newline(d);
	return d->nlines ? &d->lines[d->nlines - 1] : NULL;
}

void doc_put(struct doc *d, int col, int width, enum color_role role, const char *text)
{
	struct doc_line *line;
	char *clean;

	assert(col >= 0);
	line = last_line(d);
	clean = draw_sanitize(text, d->ascii);
	if (line != NULL)
		add_seg(line, col, width, role, clean);
	else
		free(clean);
}

void doc_put_link(struct doc *d, int col, int width, enum color_role role, const char *text,
                  const char *uri)
{
	struct doc_line *line = last_line(d);
	size_t before = line ? line->n : 0;

	doc_put(d, col, width, role, text);
	if (line != NULL && line->n > before && uri != NULL && uri[0] != '\0')
		line->segs[line->n - 1].link = strdup(uri);
}

static char *copy_span(const char *s, size_t n)
{
	char *p = malloc(n + 1);

	if (p != NULL) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

static int span_width(const char *s, size_t n)
{
	char *p = copy_span(s, n);
	int w = p ? draw_width(p) : (int)n;

	free(p);
	return w;
}

/* Greedy word wrap on the sanitised text: a word wider than the line
 * gets a line of its own, where drawing cuts it with an ellipsis. */
int doc_wrap(struct doc *d, int col, int width, enum color_role role, const char *text)
{
	char *clean = draw_sanitize(text, d->ascii);
	const char *s, *start = NULL, *end = NULL;
	int lines = 0, used = 0;
	struct doc_line *line;

	if (clean == NULL)
		return 0;
	if (width < 1)
		width = 1;
	for (s = clean; ; s = end) {
		const char *w = s, *e;
		int ww;

		while (*w == ' ')
			w++;
		if (*w == '\0')
			break;
		for (e = w; *e != '\0' && *e != ' '; e++)
			;
		ww = span_width(w, (size_t)(e - w));
		if (start != NULL && used + 1 + ww > width) {
			if ((line = last_line(d)) != NULL)
				add_seg(line, col, width, role, copy_span(start, (size_t)(end - start)));
			doc_newline(d);
			lines++;
			start = NULL;
		}
		if (start == NULL) {
			start = w;
			used = ww;
		} else {
			used += 1 + ww;
		}
		end = e;
	}
	if (start != NULL && (line = last_line(d)) != NULL) {
		add_seg(line, col, width, role, copy_span(start, (size_t)(end - start)));
		lines++;
	}
	free(clean);
	return lines;
}

void doc_merge(struct doc *dst, struct doc *src, int col)
{
	size_t i, k;

	for (i = 0; i < src->nlines; i++) {
		struct doc_line *from = &src->lines[i];

		while (dst->nlines <= i) {
			size_t before = dst->nlines;

			doc_newline(dst);
			if (dst->nlines == before)
				break;
		}
		for (k = 0; k < from->n; k++) {
			if (i < dst->nlines) {
				struct doc_line *to = &dst->lines[i];
				size_t before = to->n;

				add_seg(to, col + from->segs[k].col, from->segs[k].width,
				        from->segs[k].role, from->segs[k].text);
				if (to->n > before)
					to->segs[to->n - 1].link = from->segs[k].link;
				else
					free(from->segs[k].link);
			} else {
				free(from->segs[k].text);
				free(from->segs[k].link);
			}
		}
		from->n = 0;
	}
	doc_clear(src);
}

void doc_view_clamp(struct doc_view *v, const struct doc *d, int h)
{
	int n = (int)d->nlines;

	if (h < 1)
		h = 1;
	if (v->sel >= n)
		v->sel = n - 1;
	if (v->sel < 0)
		v->sel = 0;
	if (v->top > n - h)
		v->top = n - h;
	if (v->top < 0)
		v->top = 0;
	if (v->sel < v->top)
		v->top = v->sel;
	if (v->sel >= v->top + h)
		v->top = v->sel - h + 1;
}

int doc_view_key(struct doc_view *v, const struct doc *d, enum action act, int h)
{
	struct doc_view old = *v;
	int page = h > 1 ? h - 1 : 1;

	switch (act) {
	case ACT_UP:        v->sel--; break;
	case ACT_DOWN:      v->sel++; break;
	case ACT_PAGE_UP:   v->sel -= page; v->top -= page; break;
	case ACT_PAGE_DOWN: v->sel += page; v->top += page; break;
	case ACT_TOP:       v->sel = 0; break;
	case ACT_BOTTOM:    v->sel = (int)d->nlines - 1; break;
	default:            return 0;
	}
	doc_view_clamp(v, d, h);
	return v->sel != old.sel || v->top != old.top;
}

void doc_draw(const struct doc *d, const struct doc_view *v, struct canvas *cv,
              int y0, int h, int focused)
{
	int i;

	for (i = 0; i < h; i++) {
		const struct doc_line *line;
		size_t k;

		if (v->top + i < 0 || (size_t)(v->top + i) >= d->nlines)
			break;
		line = &d->lines[v->top + i];
		for (k = 0; k < line->n; k++) {
			const struct doc_seg *g = &line->segs[k];
			int w = draw_text(cv, y0 + i, DOC_MARGIN + g->col, g->width, g->role, g->text);

			if (g->link != NULL)
				draw_link(cv, y0 + i, DOC_MARGIN + g->col, w, g->link);
		}
		if (focused && v->top + i == v->sel) {
			draw_text(cv, y0 + i, 0, 1, ROLE_SELECTED, ">");
			draw_paint(cv, y0 + i, 0, -1, ROLE_SELECTED);
			cv->cur_y = y0 + i;
			cv->cur_x = 0;
		}
	}
}
