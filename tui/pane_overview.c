/* SPDX-License-Identifier: MIT */
/*
 * pane_overview.c: the directorate and its network at a glance.
 *
 * Shows who the DCI is (names, creation, headquarters, ministry, kinds of
 * cooperation), how big the network is across the dated snapshots (a
 * chart, then the table of every claim with its as-of date and source,
 * undated claims last and marked so), and the crime areas it works on.
 * Figures keep their qualifiers ("~300", ">150"): the sources say so.
 * Where the claims disagree, a line says so with the range of each
 * figure: they are never merged into one.  Old as-of dates carry the
 * stale mark; S adds each source's own date to the table.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "str.h"

enum { METRIC_STAFF, METRIC_EMBASSIES, METRIC_COUNTRIES, METRIC_COUNT };

/* Columns the chart's "latest" figure needs at the end of its line:
 * "~300 (2023-09, fact-...)" cut to this still shows its date. */
#define CHART_TAIL_MIN 18

/* A network snapshot: the data block of a row of o->snaps, whose
 * strings point at that row's own fields (SNAP_*). */
struct snap {
	const char *as_of, *basis, *source, *source_date;
	long figure[METRIC_COUNT], experts;
	char qualifier[METRIC_COUNT][2];
};
enum { SNAP_AS_OF, SNAP_BASIS, SNAP_SOURCE, SNAP_SOURCE_DATE, SNAP_FIELDS };

/* A directorate, as read from a row of o->dirs (DIR_*). */
struct dir_row {
	const char *acronym, *name_en, *name_fr, *established, *headquarters, *parent, *source,
	           *source_date;
};
enum { DIR_ACRONYM, DIR_NAME_EN, DIR_NAME_FR, DIR_ESTABLISHED, DIR_HEADQUARTERS, DIR_PARENT,
       DIR_SOURCE, DIR_SOURCE_DATE, DIR_FIELDS };

struct overview {
	struct rows dirs;              /* DIR_* */
	struct rows snaps;             /* SNAP_*, and a struct snap each */
	struct rows cooperation, crime;    /* English and French */
	struct doc doc;
	struct doc_view view;
	int rows, cols, ascii;
	const struct view *opts;
	const struct dci_counts *counts;
};

static const char *const metric_names[METRIC_COUNT] = {
	N_("Staff"), N_("Embassies"), N_("Countries")
};
static const enum color_role metric_roles[METRIC_COUNT] = {
	ROLE_CHART_STAFF, ROLE_CHART_EMBASSIES, ROLE_CHART_COUNTRIES
};

static const struct snap *snap(const struct overview *o, size_t i)
{
	return rows_data(&o->snaps, i);
}

static struct dir_row dir_at(const struct overview *o, size_t i)
{
	const struct rows *t = &o->dirs;
	struct dir_row r = {
		rows_get(t, i, DIR_ACRONYM), rows_get(t, i, DIR_NAME_EN), rows_get(t, i, DIR_NAME_FR),
		rows_get(t, i, DIR_ESTABLISHED), rows_get(t, i, DIR_HEADQUARTERS),
		rows_get(t, i, DIR_PARENT), rows_get(t, i, DIR_SOURCE), rows_get(t, i, DIR_SOURCE_DATE),
	};

	return r;
}

static int on_directorate(void *ctx, const struct dci_directorate *d)
{
	const char *f[DIR_FIELDS] = {
		d->acronym, d->name_en, d->name_fr, d->established, d->headquarters, d->parent,
		d->source, d->source_date,
	};

	return rows_add(&((struct overview *)ctx)->dirs, f);
}

static void set_qualifier(char q[2], const char *from)
{
	q[0] = from && (from[0] == '~' || from[0] == '>' || from[0] == '<') ? from[0] : '\0';
	q[1] = '\0';
}

static int on_snapshot(void *ctx, const struct dci_snapshot *s)
{
	struct rows *t = &((struct overview *)ctx)->snaps;
	const char *f[SNAP_FIELDS] = { s->as_of, s->as_of_basis, s->source, s->source_date };
	struct snap *n;

	if (rows_add(t, f))
		return 1;
	n = rows_data(t, t->n - 1);
	n->as_of = rows_get(t, t->n - 1, SNAP_AS_OF);
	n->basis = rows_get(t, t->n - 1, SNAP_BASIS);
	n->source = rows_get(t, t->n - 1, SNAP_SOURCE);
	n->source_date = rows_get(t, t->n - 1, SNAP_SOURCE_DATE);
	n->figure[METRIC_STAFF] = s->staff;
	n->figure[METRIC_EMBASSIES] = s->embassies;
	n->figure[METRIC_COUNTRIES] = s->countries;
	n->experts = s->civil_security_experts;
	set_qualifier(n->qualifier[METRIC_STAFF], s->staff_q);
	set_qualifier(n->qualifier[METRIC_EMBASSIES], s->embassies_q);
	set_qualifier(n->qualifier[METRIC_COUNTRIES], s->countries_q);
	return 0;
}

static int on_theme(void *ctx, const struct dci_theme *t)
{
	struct overview *o = ctx;
	const char *f[] = { t->theme_en, t->theme_fr };

	if (strcmp(t->kind, "cooperation") == 0)
		return rows_add(&o->cooperation, f);
	if (strcmp(t->kind, "crime") == 0)
		return rows_add(&o->crime, f);
	return 0;
}

/* ---- figures ------------------------------------------------------------ */

/* "~300", "250" or "-" when the source gives no figure. */
static char *figure_text(const struct snap *s, int m)
{
	if (s->figure[m] < 0)
		return str_printf("-");
	return str_printf("%s%ld", s->qualifier[m], s->figure[m]);
}

static const char *basis_text(const char *basis)
{
	if (strcmp(basis, "page-modified") == 0)
		return _("page date");
	if (strcmp(basis, "page-published") == 0)
		return _("published");
	if (strcmp(basis, "stated") == 0)
		return _("stated");
	return basis;
}

/* "2013-04-23† (page date)", "undated" */
static char *as_of_text(const struct overview *o, const struct snap *s, int basis)
{
	char *d, *out;

	if (s->as_of[0] == '\0')
		return str_printf("%s", _("undated"));
	d = stale_date(&o->opts->stale, o->opts->ascii, s->as_of);
	if (basis && s->basis[0])
		out = str_printf("%s (%s)", d, basis_text(s->basis));
	else
		out = str_printf("%s", d);
	free(d);
	return out;
}

/* Chart glyph for value in [0, max]: eight levels from zero, so a bar's
 * height is proportional to the figure (no cropped axis). */
static const char *level_glyph(long value, long max, int ascii)
{
	static const char *const blocks[] = {
		"\xE2\x96\x81", "\xE2\x96\x82", "\xE2\x96\x83", "\xE2\x96\x84",
		"\xE2\x96\x85", "\xE2\x96\x86", "\xE2\x96\x87", "\xE2\x96\x88",
	};
	static const char *const plain[] = { "_", ".", "-", "~", "=", "+", "*", "#" };
	long level = max > 0 ? (value * 8 + max / 2) / max : 0;

	if (level < 1)
		level = 1;
	if (level > 8)
		level = 8;
	return ascii ? plain[level - 1] : blocks[level - 1];
}

static int dated(const struct snap *s)
{
	return s->as_of[0] != '\0';
}

/* The chart: one line per figure, one column group per dated snapshot,
 * with the latest dated figure, its date and its source at the end, or
 * on a line of their own below when the end has no room for them (a
 * figure is never shown without its date). */
static void build_chart(struct overview *o, struct doc *d, int col, int width)
{
	size_t i, ndated = 0;
	int m, pw, label_w = 11, chart_w, tail_w;
	char *below = NULL;

	for (i = 0; i < o->snaps.n; i++)
		ndated += dated(snap(o, i));
	if (ndated == 0)
		return;
	pw = (width - label_w - 8) / (int)ndated;
	pw = pw >= 3 ? (width >= 100 ? 4 : 3) : pw >= 1 ? 1 : 0;
	if (pw == 0)
		return;
	chart_w = pw * (int)ndated;
	tail_w = width - label_w - chart_w - 1;
	if (pw >= 3) {
		int x = col + label_w;

		doc_newline(d);
		for (i = 0; i < o->snaps.n; i++) {
			char *yy;

			if (!dated(snap(o, i)))
				continue;
			yy = str_printf("%.2s", snap(o, i)->as_of + 2);
			doc_put(d, x, pw - 1, ROLE_DIM, yy);
			free(yy);
			x += pw;
		}
		if (tail_w >= CHART_TAIL_MIN)
			doc_put(d, x + 1, -1, ROLE_DIM, _("latest (as of, source)"));
	}
	for (m = 0; m < METRIC_COUNT; m++) {
		long max = 0;
		const struct snap *last = NULL;
		int x = col + label_w;
		char *fig, *tail;

		for (i = 0; i < o->snaps.n; i++)
			if (dated(snap(o, i)) && snap(o, i)->figure[m] > max)
				max = snap(o, i)->figure[m];
		doc_newline(d);
		doc_put(d, col, label_w - 1, ROLE_LABEL, _(metric_names[m]));
		for (i = 0; i < o->snaps.n; i++) {
			const struct snap *s = snap(o, i);
			char cell[16] = "";
			int k, glyph_w = pw >= 3 ? pw - 1 : pw;

			if (!dated(s))
				continue;
			if (s->figure[m] >= 0) {
				for (k = 0; k < glyph_w; k++)
					strcat(cell, level_glyph(s->figure[m], max, o->ascii));
				doc_put(d, x, glyph_w, metric_roles[m], cell);
				last = s;
			} else {
				doc_put(d, x, glyph_w, ROLE_DIM, " ");
			}
			x += pw;
		}
		if (last == NULL)
			continue;
		fig = figure_text(last, m);
		{
			char *when = as_of_text(o, last, 0);

			tail = str_printf("%s (%s, %s)", fig, when, last->source);
			free(when);
		}
		if (tail_w >= CHART_TAIL_MIN) {
			doc_put(d, col + label_w + chart_w + 1, tail_w, ROLE_NORMAL, tail);
		} else {
			char *item = str_printf("%s %s", _(metric_names[m]), tail);
			char *all = below ? str_join(below, view_dot(o->opts), item) : item;

			if (below) {
				free(below);
				free(item);
			}
			below = all;
		}
		free(fig);
		free(tail);
	}
	if (below) {
		char *line = str_printf(_("Latest: %s"), below);

		doc_newline(d);
		doc_wrap(d, col, width, ROLE_NORMAL, line);
		free(line);
		free(below);
	}
}

/* The lowest and highest claim of figure m (of equal ones, the newest
 * dated: snapshots come dated oldest first, undated last); how many
 * claims give it.  NULL ends when none does. */
static size_t extremes(const struct overview *o, int m, const struct snap **lo,
                       const struct snap **hi)
{
	size_t i, n = 0;

	*lo = *hi = NULL;
	for (i = 0; i < o->snaps.n; i++) {
		const struct snap *s = snap(o, i);

		if (s->figure[m] < 0)
			continue;
		n++;
		if (*lo == NULL || s->figure[m] < (*lo)->figure[m]
		    || (s->figure[m] == (*lo)->figure[m] && dated(s)))
			*lo = s;
		if (*hi == NULL || s->figure[m] > (*hi)->figure[m]
		    || (s->figure[m] == (*hi)->figure[m] && dated(s)))
			*hi = s;
	}
	return n;
}

/* "36 in 1992", "~100 in 2005": a claim of figure m and its year, so
 * that it is not read as today's; the figure alone when undated */
static char *claim_text(const struct snap *s, int m)
{
	char *fig = figure_text(s, m), *out;

	if (!dated(s))
		return fig;
	out = str_printf(_("%s in %.4s"), fig, s->as_of);
	free(fig);
	return out;
}

/* "Sources disagree: staff 243 to ~400 (19 claims) · ...": for each
 * figure the claims do not agree on, its lowest and highest claim. */
static void build_disagreement(struct overview *o, struct doc *d, int col, int width)
{
	const char *dot = view_dot(o->opts);
	char *all = NULL, *tmp;
	int m;

	for (m = 0; m < METRIC_COUNT; m++) {
		const struct snap *lo, *hi;
		size_t n = extremes(o, m, &lo, &hi);
		char *a, *b, *item;

		if (lo == NULL || lo->figure[m] == hi->figure[m])
			continue;
		a = claim_text(lo, m);
		b = claim_text(hi, m);
		item = str_printf(i18n_trn("%s %s to %s (%zu claim)", "%s %s to %s (%zu claims)", n),
		                  _(metric_names[m]), a, b, n);
		tmp = str_join(all, dot, item);
		free(all);
		free(a);
		free(b);
		free(item);
		all = tmp;
	}
	if (all == NULL)
		return;
	doc_newline(d);
	tmp = str_printf("%s %s", _("Sources disagree:"), all);
	doc_wrap(d, col, width, ROLE_MESSAGE, tmp);
	free(tmp);
	free(all);
}

/* Every snapshot, dated ones first (oldest first), then the undated. */
static void build_table(struct overview *o, struct doc *d, int col, int width)
{
	static const char *const heads[] = {
		N_("As of"), N_("Staff"), N_("Emb."), N_("Ctry"), N_("Exp."), N_("Source")
	};
	int cw[] = { 24, 6, 5, 5, 4, 0 };
	size_t i;
	int k, x;

	if (width < 60)
		cw[0] = 13;
	cw[5] = width - (cw[0] + cw[1] + cw[2] + cw[3] + cw[4] + 5);
	doc_newline(d);
	doc_newline(d);
	doc_wrap(d, col, width, ROLE_HEADER,
	         _("Network snapshots (each claim as its source gives it)"));
	doc_newline(d);
	for (k = 0, x = col; k < 6; k++) {
		doc_put(d, x, cw[k], ROLE_LABEL, _(heads[k]));
		x += cw[k] + 1;
	}
	for (i = 0; i < o->snaps.n; i++) {
		const struct snap *s = snap(o, i);
		char *cell[6];

		cell[0] = as_of_text(o, s, width >= 60);
		cell[1] = figure_text(s, METRIC_STAFF);
		cell[2] = figure_text(s, METRIC_EMBASSIES);
		cell[3] = figure_text(s, METRIC_COUNTRIES);
		cell[4] = s->experts >= 0 ? str_printf("%ld", s->experts) : str_printf("-");
		if (o->opts->sources && s->source_date[0]) {
			char *sd = stale_date(&o->opts->stale, o->ascii, s->source_date);

			cell[5] = str_printf("%s, %s", s->source, sd);
			free(sd);
		} else {
			cell[5] = str_printf("%s", s->source);
		}
		doc_newline(d);
		for (k = 0, x = col; k < 6; k++) {
			doc_put(d, x, cw[k], k == 0 && !dated(s) ? ROLE_DIM : ROLE_NORMAL, cell[k]);
			x += cw[k] + 1;
			free(cell[k]);
		}
	}
}

/* items holds English and French names: "first (second)", the view's
 * language first. */
static void build_list(struct overview *o, struct doc *d, int col, int width, const char *title,
                       const struct rows *items, const char *sep)
{
	char *all = NULL, *tmp, *item;
	size_t i;

	if (items->n == 0)
		return;
	for (i = 0; i < items->n; i++) {
		item = view_both(o->opts, rows_get(items, i, 0), rows_get(items, i, 1));
		tmp = str_join(all, sep, item);
		free(all);
		free(item);
		all = tmp;
	}
	doc_newline(d);
	doc_put(d, col, 12, ROLE_LABEL, title);
	doc_wrap(d, col + 13, width - 13, ROLE_NORMAL, all);
	free(all);
}

/* "DCI   Directorate of ... · Direction de ..." */
static void build_names(struct overview *o, struct doc *d, int col, int width, size_t i)
{
	const struct dir_row row = dir_at(o, i), *r = &row;
	const char *dot = view_dot(o->opts);
	char *names = o->opts->french ? str_join(r->name_fr, dot, r->name_en)
	                              : str_join(r->name_en, dot, r->name_fr);

	doc_newline(d);
	doc_put(d, col, 5, ROLE_HEADER, r->acronym);
	doc_wrap(d, col + 6, width - 6, ROLE_HEADER, names);
	free(names);
}

/* "created 2010-09-01 · headquarters · ministry · source X, date", under
 * the names, or with the acronym again when apart from them */
static void build_details(struct overview *o, struct doc *d, int col, int width, size_t i,
                          int acronym)
{
	const struct dir_row row = dir_at(o, i), *r = &row;
	const char *dot = view_dot(o->opts);
	char *a, *b;

	a = r->established[0] ? str_printf(_("created %s"), r->established)
	                      : str_printf("%s", _("created (date not stated)"));
	b = str_join(a, dot, r->headquarters);
	free(a);
	a = str_join(b, dot, r->parent);
	free(b);
	{
		char *sd = stale_date(&o->opts->stale, o->ascii, r->source_date);

		b = str_printf(_("%s%ssource %s%s%s"), a, dot, r->source, r->source_date[0] ? ", " : "",
		               sd);
		free(sd);
	}
	doc_newline(d);
	if (acronym) {
		doc_newline(d);
		doc_put(d, col, 5, ROLE_HEADER, r->acronym);
	}
	doc_wrap(d, col + 6, width - 6, ROLE_DIM, b);
	free(a);
	free(b);
}

/* "(sources state 36 in 1992 to ~100 in 2005)", "(sources state 92 in
 * 2019)", or "": the extremes of figure m as the disagreement line gives
 * them */
static char *claimed(const struct overview *o, int m)
{
	const struct snap *lo, *hi;
	char *a, *b, *all;

	extremes(o, m, &lo, &hi);
	if (lo == NULL)
		return str_printf("%s", "");
	a = claim_text(lo, m);
	if (lo->figure[m] == hi->figure[m]) {
		all = str_printf(_("(sources state %s)"), a);
		free(a);
		return all;
	}
	b = claim_text(hi, m);
	all = str_printf(_("(sources state %s to %s)"), a, b);
	free(a);
	free(b);
	return all;
}

/* How complete the registry is against what the sources claim:
 * "75 posts on record (sources state 73 to 96) · covering post known
 * for 120 countries (sources state 147 to 165)". */
static void build_completeness(struct overview *o, struct doc *d, int col, int width)
{
	const struct dci_counts *c = o->counts;
	const char *dot = view_dot(o->opts);
	char *ce = claimed(o, METRIC_EMBASSIES);
	char *cc = claimed(o, METRIC_COUNTRIES);
	char *a = str_printf(_("%ld posts on record %s"), c->posts, ce);
	char *b = str_printf(_("covering post known for %ld countries %s"), c->countries_covered, cc);
	char *all = str_join(a, dot, b);

	doc_newline(d);
	doc_newline(d);
	doc_wrap(d, col, width, ROLE_NORMAL, all);
	free(ce);
	free(cc);
	free(a);
	free(b);
	free(all);
}

static void build(struct overview *o)
{
	int width = o->cols - DOC_MARGIN;
	const char *dot = view_dot(o->opts);
	size_t i;

	doc_clear(&o->doc);
	if (width < 10)
		width = 10;
	if (width >= 130) {
		/* Two columns: who on the left, how big on the right. */
		struct doc right;
		int lw = width * 45 / 100;

		for (i = 0; i < o->dirs.n; i++) {
			build_names(o, &o->doc, 0, lw, i);
			build_details(o, &o->doc, 0, lw, i, 0);
		}
		build_list(o, &o->doc, 0, lw, _("Cooperation"), &o->cooperation, dot);
		build_list(o, &o->doc, 0, lw, _("Crime areas"), &o->crime, dot);
		doc_init(&right, o->ascii);
		build_completeness(o, &right, 0, width - lw - 2);
		build_chart(o, &right, 0, width - lw - 2);
		build_disagreement(o, &right, 0, width - lw - 2);
		build_table(o, &right, 0, width - lw - 2);
		doc_merge(&o->doc, &right, lw + 2);
		doc_free(&right);
		return;
	}
	/* One column, the first rows being what a small screen shows: the
	 * name, then the network's size at a glance; then the rest in the
	 * order of the two columns, the first directorate's details under
	 * its acronym again. */
	if (o->dirs.n > 0)
		build_names(o, &o->doc, 0, width, 0);
	build_completeness(o, &o->doc, 0, width);
	build_chart(o, &o->doc, 0, width);
	build_disagreement(o, &o->doc, 0, width);
	for (i = 0; i < o->dirs.n; i++) {
		if (i > 0)
			build_names(o, &o->doc, 0, width, i);
		build_details(o, &o->doc, 0, width, i, i == 0);
	}
	build_list(o, &o->doc, 0, width, _("Cooperation"), &o->cooperation, dot);
	build_list(o, &o->doc, 0, width, _("Crime areas"), &o->crime, dot);
	build_table(o, &o->doc, 0, width);
}

/* ---- pane operations ------------------------------------------------------ */

static int body_rows(const struct overview *o)
{
	return o->rows > 1 ? o->rows - 1 : 0;
}

static unsigned overview_key(void *st, struct tui *t, enum action act, int key)
{
	struct overview *o = st;

	(void)key;
	(void)t;
	return doc_view_key(&o->view, &o->doc, act, body_rows(o))
	       ? REDRAW_PANE(PANE_OVERVIEW) : REDRAW_NONE;
}

static void overview_draw(void *st, struct tui *t, struct canvas *cv, int focused)
{
	struct overview *o = st;
	char detail[64];

	snprintf(detail, sizeof(detail), _("%s %ld posts, %ld staff listed"),
	         o->ascii ? "-" : "\xE2\x80\x94", t->counts.posts, t->counts.staff);
	draw_title(cv, PANE_OVERVIEW + 1, _("Overview"), detail, focused);
	cv->cur_y = 0;
	cv->cur_x = 0;
	doc_draw(&o->doc, &o->view, cv, 1, body_rows(o), focused);
}

static void overview_resize(void *st, struct tui *t, int rows, int cols)
{
	struct overview *o = st;

	(void)t;
	if (rows == o->rows && cols == o->cols)
		return;
	o->rows = rows;
	o->cols = cols;
	if (cols > 0) {
		build(o);
		doc_view_clamp(&o->view, &o->doc, body_rows(o));
	}
}

static void overview_reload(void *st, struct tui *t)
{
	struct overview *o = st;

	(void)t;
	if (o->cols > 0) {
		build(o);
		doc_view_clamp(&o->view, &o->doc, body_rows(o));
	}
}

static void overview_destroy(void *st)
{
	struct overview *o = st;

	rows_free(&o->dirs);
	rows_free(&o->snaps);
	rows_free(&o->cooperation);
	rows_free(&o->crime);
	doc_free(&o->doc);
	free(o);
}

static const struct pane_ops overview_ops = {
	.draw = overview_draw,
	.key = overview_key,
	.resize = overview_resize,
	.reload = overview_reload,
	.destroy = overview_destroy,
};

int overview_attach(struct tui *t)
{
	struct overview *o = calloc(1, sizeof(*o));

	if (o == NULL)
		return -1;
	o->ascii = t->view.ascii;
	o->opts = &t->view;
	o->counts = &t->counts;
	doc_init(&o->doc, t->view.ascii);
	rows_init(&o->dirs, DIR_FIELDS, 0);
	rows_init(&o->snaps, SNAP_FIELDS, sizeof(struct snap));
	rows_init(&o->cooperation, 2, 0);
	rows_init(&o->crime, 2, 0);
	directorate_each(t->reg, on_directorate, o);
	snapshots_each(t->reg, on_snapshot, o);
	themes_each(t->reg, NULL, on_theme, o);
	t->overview = o;
	t->pane[PANE_OVERVIEW].name = N_("Overview");
	t->pane[PANE_OVERVIEW].ops = &overview_ops;
	t->pane[PANE_OVERVIEW].st = o;
	return 0;
}
