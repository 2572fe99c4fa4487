/* SPDX-License-Identifier: MIT */
/*
 * pane_roster.c: everything about the selected post: its staff, the
 * countries it covers, how to reach it, its specialities and sources.
 *
 * The rows of one post are copied when the post is shown, then laid out
 * as a document for the pane's width and the view (again on each resize,
 * and when L or S changes the view).  Every fact keeps its date: a staff
 * list's "as of", the post's last update, each source's date; dates older
 * than the threshold carry the stale mark (stale.h).  With S, each staff
 * row, coverage row and contact field also names its source and date.
 * With DCINET_LINKS=1, the phone and e-mail are links (osc.h).
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "evidence.h"
#include "osc.h"
#include "str.h"

#define LABEL_W 13

struct roster {
	char *post_id;
	int found;                 /* post_get found the post */
	struct rows post;          /* one row, see POST_* */
	struct rows coverage;      /* see COV_* */
	struct rows staff;         /* see ST_* */
	struct rows themes;        /* theme_en, theme_fr */
	struct rows sources;       /* see SRC_* */
	struct doc doc;
	struct doc_view view;
	int rows, cols;
	const struct view *opts;
};

enum { POST_CITY, POST_CITY_FR, POST_COUNTRY, POST_COUNTRY_FR, POST_NAME_EN, POST_NAME_FR,
       POST_ESTABLISHED, POST_HOSTED, POST_RANK, POST_CORPS, POST_ADDRESS, POST_PHONE,
       POST_EMAIL, POST_UPDATED, POST_SOURCE, POST_SOURCE_DATE, POST_NOTE, POST_EV_KIND,
       POST_EV_DATE, POST_EV_OFFICIAL, POST_SCTIP, POST_FIELDS };

enum { COV_RELATION, COV_EN, COV_FR, COV_NOTE, COV_SOURCE, COV_FIELDS };
enum { ST_ROLE, ST_NAME, ST_RANK, ST_CORPS, ST_LOCAL, ST_AS_OF, ST_NOTE, ST_SOURCE,
       ST_SOURCE_DATE, ST_ROLE_FR, ST_FIELDS };
enum { SRC_ID, SRC_TITLE, SRC_MODIFIED, SRC_URL, SRC_DOCUMENT, SRC_NOTE, SRC_KIND,
       SRC_FIELDS };

static int on_post(void *ctx, const struct dci_post *p)
{
	struct roster *r = ctx;
	const char *f[POST_FIELDS];

	f[POST_CITY] = p->city;
	f[POST_CITY_FR] = p->city_fr;
	f[POST_COUNTRY] = p->country_en;
	f[POST_COUNTRY_FR] = p->country_fr;
	f[POST_NAME_EN] = p->name_en;
	f[POST_NAME_FR] = p->name_fr;
	f[POST_ESTABLISHED] = p->established;
	f[POST_HOSTED] = p->hosted_since;
	f[POST_RANK] = p->head_rank;
	f[POST_CORPS] = p->head_corps;
	f[POST_ADDRESS] = p->address;
	f[POST_PHONE] = p->phone;
	f[POST_EMAIL] = p->email;
	f[POST_UPDATED] = p->updated;
	f[POST_SOURCE] = p->source;
	f[POST_SOURCE_DATE] = p->source_date;
	f[POST_NOTE] = p->note;
	f[POST_EV_KIND] = p->evidence_kind;
	f[POST_EV_DATE] = p->evidence_date;
	f[POST_EV_OFFICIAL] = p->evidence_official ? "1" : "";
	f[POST_SCTIP] = p->sctip_era ? "1" : "";
	rows_clear(&r->post);
	if (rows_add(&r->post, f))
		return 1;
	r->found = 1;
	return 1;                  /* one row is all there is */
}

static int on_coverage(void *ctx, const struct dci_coverage *c)
{
	const char *f[COV_FIELDS] = { c->relation, c->country_en, c->country_fr, c->note,
	                              c->source };

	return rows_add(&((struct roster *)ctx)->coverage, f);
}

static int on_staff(void *ctx, const struct dci_staff *s)
{
	const char *f[ST_FIELDS] = { s->role, s->name, s->rank, s->corps,
	                             s->locally_recruited ? "1" : "", s->as_of, s->note,
	                             s->source, s->source_date, s->role_fr };

	return rows_add(&((struct roster *)ctx)->staff, f);
}

static int on_theme(void *ctx, const struct dci_theme *th)
{
	const char *f[] = { th->theme_en, th->theme_fr };

	return rows_add(&((struct roster *)ctx)->themes, f);
}

static int on_source(void *ctx, const struct dci_post_source *s)
{
	const char *f[SRC_FIELDS] = { s->source, s->title, s->modified, s->url, s->document,
	                              s->note, s->kind };

	return rows_add(&((struct roster *)ctx)->sources, f);
}

static const char *field(const struct roster *r, int f)
{
	return r->post.n ? rows_get(&r->post, 0, (size_t)f) : "";
}

/* The field in the view's language: the French column when it is set. */
static const char *local_field(const struct roster *r, int en, int fr)
{
	return view_local(r->opts, field(r, en), field(r, fr));
}

/* Field f (SRC_MODIFIED, SRC_KIND...) of a source of this post, or "". */
static const char *source_field(const struct roster *r, const char *source, size_t f)
{
	size_t i;

	for (i = 0; i < r->sources.n; i++)
		if (strcmp(rows_get(&r->sources, i, SRC_ID), source) == 0)
			return rows_get(&r->sources, i, f);
	return "";
}

/* "[source (kind), date]" with the stale mark, for S; NULL when sources
 * are hidden or unknown. */
static char *source_tag(const struct roster *r, const char *source, const char *date)
{
	const char *kind;
	char *d, *id, *tag;

	if (!r->opts->sources || source == NULL || source[0] == '\0')
		return NULL;
	kind = source_kind_word(source_field(r, source, SRC_KIND));
	id = kind[0] ? str_printf("%s (%s)", source, _(kind)) : str_printf("%s", source);
	if (date == NULL || date[0] == '\0') {
		tag = str_printf("[%s]", id);
		free(id);
		return tag;
	}
	d = stale_date(&r->opts->stale, r->opts->ascii, date);
	tag = str_printf("[%s, %s]", id, d ? d : date);
	free(d);
	free(id);
	return tag;
}

static char *dated(const struct roster *r, const char *date)
{
	return stale_date(&r->opts->stale, r->opts->ascii, date);
}

/* ---- layout ---------------------------------------------------------- */

static void section(struct doc *d, const char *title, size_t count)
{
	char *s = count > 0 ? str_printf("%s (%zu)", title, count) : str_printf("%s", title);

	doc_newline(d);
	doc_newline(d);
	doc_put(d, 0, -1, ROLE_HEADER, s);
	free(s);
}

/* "Label        value [source]", the value wrapped under itself; takes
 * value and tag (either may be NULL).  link makes the value a link when
 * it fits on one line. */
static void labelled_link(struct doc *d, int width, const char *label, char *value,
                          enum color_role role, char *tag, const char *link)
{
	const char *v = value && value[0] ? value : _("not stated");
	char *all;

	if (!(value && value[0]))
		role = ROLE_DIM;
	doc_newline(d);
	if (width >= 34) {
		int vw = width - 2 - LABEL_W;

		doc_put(d, 2, LABEL_W - 1, ROLE_LABEL, label);
		if (link != NULL && link[0] && value && value[0] && draw_width(v) <= vw) {
			doc_put_link(d, 2 + LABEL_W, draw_width(v), role, v, link);
		} else {
			doc_wrap(d, 2 + LABEL_W, vw, role, v);
		}
		if (tag != NULL) {
			/* Beside the value when it fits on its last line, else below. */
			const struct doc_line *last = &d->lines[d->nlines - 1];
			const struct doc_seg *g = last->n ? &last->segs[last->n - 1] : NULL;
			int end = g ? g->col + draw_width(g->text) : 2 + LABEL_W;

			if (end + 1 + draw_width(tag) <= width) {
				doc_put(d, end + 1, -1, ROLE_DIM, tag);
			} else {
				doc_newline(d);
				doc_wrap(d, 2 + LABEL_W, vw, ROLE_DIM, tag);
			}
		}
	} else {
		all = str_printf("%s: %s%s%s", label, v, tag ? " " : "", tag ? tag : "");
		doc_wrap(d, 2, width - 2, role, all);
		free(all);
	}
	free(value);
	free(tag);
}

static void labelled(struct doc *d, int width, const char *label, char *value,
                     enum color_role role)
{
	labelled_link(d, width, label, value, role, NULL, NULL);
}

/* A wrapped line of its own at col; takes text. */
static void para(struct doc *d, int col, int width, enum color_role role, char *text)
{
	doc_newline(d);
	doc_wrap(d, col, width - col, role, text);
	free(text);
}

static void contact_links(const struct roster *r, char *tel, size_t tn, char *mail, size_t mn)
{
	char clean[256];

	tel[0] = mail[0] = '\0';
	if (!r->opts->links)
		return;
	text_sanitize(clean, sizeof(clean), field(r, POST_PHONE), SANITIZE_ASCII);
	osc_tel_uri(clean, tel, tn);
	text_sanitize(clean, sizeof(clean), field(r, POST_EMAIL), SANITIZE_ASCII);
	osc_mailto_uri(clean, mail, mn);
}

/* The post's name, then how to reach it: what the desk asks first. */
static void build_title(struct roster *r, struct doc *d, int width)
{
	const char *dot = view_dot(r->opts);
	const char *phone = field(r, POST_PHONE), *email = field(r, POST_EMAIL);
	char tel[192], mail[192];

	para(d, 0, width, ROLE_HEADER, str_join(local_field(r, POST_CITY, POST_CITY_FR), dot,
	                                        local_field(r, POST_COUNTRY, POST_COUNTRY_FR)));
	if (!phone[0] && !email[0])
		return;
	contact_links(r, tel, sizeof(tel), mail, sizeof(mail));
	if ((tel[0] || mail[0]) &&
	    draw_width(phone) + draw_width(dot) + draw_width(email) <= width) {
		/* Each a segment of its own, so each can be a link. */
		int x = 0;

		doc_newline(d);
		if (phone[0]) {
			doc_put_link(d, x, draw_width(phone), ROLE_NORMAL, phone, tel);
			x += draw_width(phone);
		}
		if (phone[0] && email[0]) {
			doc_put(d, x, draw_width(dot), ROLE_NORMAL, dot);
			x += draw_width(dot);
		}
		if (email[0])
			doc_put_link(d, x, draw_width(email), ROLE_NORMAL, email, mail);
		return;
	}
	para(d, 0, width, ROLE_NORMAL, str_join(phone, dot, email));
}

static void build_post(struct roster *r, struct doc *d, int width)
{
	const char *dot = view_dot(r->opts);
	const char *name = local_field(r, POST_NAME_EN, POST_NAME_FR);
	const char *other = name == field(r, POST_NAME_FR) ? field(r, POST_NAME_EN)
	                                                   : field(r, POST_NAME_FR);
	char *a, *b, *c, *u;

	section(d, _("Post"), 0);
	if (name[0])
		labelled(d, width, _("Name"), str_printf("%s", name), ROLE_NORMAL);
	if (other[0] && strcmp(other, name) != 0)
		labelled(d, width, r->opts->french ? _("In English") : _("In French"),
		         str_printf("%s", other), ROLE_NORMAL);
	labelled_link(d, width, _("Head"), field(r, POST_CORPS)[0]
	              ? str_printf("%s (%s)", field(r, POST_RANK), field(r, POST_CORPS))
	              : str_printf("%s", field(r, POST_RANK)), ROLE_NORMAL,
	              source_tag(r, field(r, POST_SOURCE), field(r, POST_SOURCE_DATE)), NULL);
	a = field(r, POST_ESTABLISHED)[0]
	    ? str_printf(_("established %s"), field(r, POST_ESTABLISHED)) : NULL;
	b = field(r, POST_HOSTED)[0]
	    ? str_printf(_("hosted since %s"), field(r, POST_HOSTED)) : NULL;
	c = str_join(a, dot, b);
	free(a);
	free(b);
	u = dated(r, field(r, POST_UPDATED));
	a = field(r, POST_UPDATED)[0] ? str_printf(_("updated %s"), u) : str_printf("%s", _("undated"));
	free(u);
	labelled(d, width, _("Dates"), str_join(c, dot, a), ROLE_NORMAL);
	free(a);
	free(c);
	labelled(d, width, _("Evidence"),
	         evidence_words(r->opts, field(r, POST_EV_KIND), field(r, POST_EV_DATE),
	                        field(r, POST_EV_OFFICIAL)[0] != '\0', field(r, POST_SCTIP)[0] != '\0'),
	         ROLE_NORMAL);
	u = dated(r, field(r, POST_SOURCE_DATE));
	labelled(d, width, _("Source"), str_join(field(r, POST_SOURCE), ", ", u), ROLE_DIM);
	free(u);
}

static void staff_table_head(struct doc *d, const int *cw, int ncols)
{
	static const char *const heads[] = {
		N_("Role"), N_("Name"), N_("Rank"), N_("Corps"), N_("Local"), N_("As of"),
		N_("Source")
	};
	int k, x = 2;

	doc_newline(d);
	for (k = 0; k < ncols; k++) {
		doc_put(d, x, cw[k], ROLE_LABEL, _(heads[k]));
		x += cw[k] + 2;
	}
}

/* The role of staff row i in the view's language. */
static const char *staff_role(const struct roster *r, size_t i)
{
	return view_local(r->opts, rows_get(&r->staff, i, ST_ROLE),
	                  rows_get(&r->staff, i, ST_ROLE_FR));
}

static void staff_row(struct roster *r, struct doc *d, int width, size_t i, const int *cw,
                      int ncols)
{
	const char *name = rows_get(&r->staff, i, ST_NAME);
	const char *local = rows_get(&r->staff, i, ST_LOCAL)[0] ? _("local") : "";
	const char *note = rows_get(&r->staff, i, ST_NOTE);
	char *as_of = rows_get(&r->staff, i, ST_AS_OF)[0]
	              ? dated(r, rows_get(&r->staff, i, ST_AS_OF)) : str_printf("%s", _("undated"));
	char *tag = source_tag(r, rows_get(&r->staff, i, ST_SOURCE),
	                       rows_get(&r->staff, i, ST_SOURCE_DATE));
	char *a, *b;

	if (name[0] == '\0')
		name = _("(name not published)");
	if (cw != NULL) {
		const char *cells[] = { staff_role(r, i), name,
		                        rows_get(&r->staff, i, ST_RANK),
		                        rows_get(&r->staff, i, ST_CORPS), local, as_of,
		                        tag ? tag : "" };
		static const enum color_role roles[] = { ROLE_NORMAL, ROLE_HEADER, ROLE_NORMAL,
		                                         ROLE_NORMAL, ROLE_NORMAL, ROLE_NORMAL,
		                                         ROLE_DIM };
		int k, x = 2;

		doc_newline(d);
		for (k = 0; k < ncols; k++) {
			doc_put(d, x, cw[k], roles[k], cells[k]);
			x += cw[k] + 2;
		}
	} else {
		/* "Michel LEMEE, internal security attaché (ASI)"
		 * "  commissaire divisionnaire, police; as of 2013-04-23†" */
		const char *role = staff_role(r, i);
		int named = name == rows_get(&r->staff, i, ST_NAME);

		para(d, 2, width, ROLE_HEADER, named ? str_join(name, ", ", role)
		                                     : str_printf("%s", role));
		a = str_join(rows_get(&r->staff, i, ST_RANK), ", ", rows_get(&r->staff, i, ST_CORPS));
		b = str_join(a, ", ", local[0] ? _("locally recruited") : "");
		free(a);
		a = named ? str_printf(_("as of %s"), as_of)
		          : str_printf(_("name not published; as of %s"), as_of);
		para(d, 4, width, ROLE_NORMAL, str_join(b, "; ", a));
		free(a);
		free(b);
		if (tag != NULL)
			para(d, 4, width, ROLE_DIM, str_printf("%s", tag));
	}
	if (note[0])
		para(d, 4, width, ROLE_DIM, str_printf("%s", note));
	free(as_of);
	free(tag);
}

static void build_staff(struct roster *r, struct doc *d, int width)
{
	size_t i;
	int cw[7], ncols = r->opts->sources ? 7 : 6, wide = width >= (r->opts->sources ? 120 : 90);

	section(d, _("Staff"), r->staff.n);
	if (r->staff.n == 0) {
		para(d, 2, width, ROLE_DIM, str_printf("%s", _("No staff listed")));
		return;
	}
	if (wide) {
		int src = ncols == 7 ? 30 : 0;
		int flex = width - 2 - (11 + 6 + 12 + src) - (ncols - 1) * 2;

		cw[0] = flex * 35 / 100;
		cw[1] = flex * 30 / 100;
		cw[2] = flex - cw[0] - cw[1];
		cw[3] = 11;
		cw[4] = 6;
		cw[5] = 12;
		cw[6] = src;
		staff_table_head(d, cw, ncols);
	}
	for (i = 0; i < r->staff.n; i++)
		staff_row(r, d, width, i, wide ? cw : NULL, ncols);
}

static void build_coverage(struct roster *r, struct doc *d, int width)
{
	static const struct { const char *relation, *label; } kinds[] = {
		{ "host", N_("Host") }, { "covers", N_("Covers") },
		{ "non-resident", N_("Non-resident") },
	};
	size_t k, i;

	section(d, _("Coverage"), r->coverage.n);
	if (r->coverage.n == 0)
		para(d, 2, width, ROLE_DIM, str_printf("%s", _("No coverage listed")));
	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		char *list = NULL;
		int first = 1;

		for (i = 0; i < r->coverage.n; i++) {
			const char *en = rows_get(&r->coverage, i, COV_EN);
			const char *fr = rows_get(&r->coverage, i, COV_FR);
			const char *src = rows_get(&r->coverage, i, COV_SOURCE);
			char *name, *joined;

			if (strcmp(rows_get(&r->coverage, i, COV_RELATION), kinds[k].relation) != 0)
				continue;
			name = view_both(r->opts, en, fr);
			if (r->opts->sources) {
				/* One country a line, with where the fact comes from. */
				labelled_link(d, width, first ? _(kinds[k].label) : "", name,
				              ROLE_NORMAL, source_tag(r, src, source_field(r, src, SRC_MODIFIED)), NULL);
				first = 0;
				continue;
			}
			joined = str_join(list, ", ", name);
			free(list);
			free(name);
			list = joined;
		}
		if (list != NULL)
			labelled(d, width, _(kinds[k].label), list, ROLE_NORMAL);
	}
}

static void build_rest(struct roster *r, struct doc *d, int width)
{
	const char *src = field(r, POST_SOURCE), *date = field(r, POST_SOURCE_DATE);
	char tel[192], mail[192];
	size_t i;

	contact_links(r, tel, sizeof(tel), mail, sizeof(mail));
	section(d, _("Contact"), 0);
	labelled_link(d, width, _("Address"), str_printf("%s", field(r, POST_ADDRESS)), ROLE_NORMAL,
	              field(r, POST_ADDRESS)[0] ? source_tag(r, src, date) : NULL, NULL);
	labelled_link(d, width, _("Phone"), str_printf("%s", field(r, POST_PHONE)), ROLE_NORMAL,
	              field(r, POST_PHONE)[0] ? source_tag(r, src, date) : NULL, tel);
	labelled_link(d, width, _("Email"), str_printf("%s", field(r, POST_EMAIL)), ROLE_NORMAL,
	              field(r, POST_EMAIL)[0] ? source_tag(r, src, date) : NULL, mail);
	build_post(r, d, width);

	section(d, _("Specialities"), r->themes.n);
	if (r->themes.n == 0)
		para(d, 2, width, ROLE_DIM, str_printf("%s", _("None listed")));
	for (i = 0; i < r->themes.n; i++)
		para(d, 2, width, ROLE_NORMAL,
		     view_both(r->opts, rows_get(&r->themes, i, 0), rows_get(&r->themes, i, 1)));

	section(d, _("Sources"), r->sources.n);
	for (i = 0; i < r->sources.n; i++) {
		const char *modified = rows_get(&r->sources, i, SRC_MODIFIED);
		const char *url = rows_get(&r->sources, i, SRC_URL);
		const char *document = rows_get(&r->sources, i, SRC_DOCUMENT);
		const char *note = rows_get(&r->sources, i, SRC_NOTE);
		char *m = dated(r, modified);

		const char *kind = source_kind_phrase(rows_get(&r->sources, i, SRC_KIND));

		para(d, 2, width, ROLE_NORMAL, modified[0]
		     ? str_printf("[%s] %s (%s)", rows_get(&r->sources, i, SRC_ID),
		                  rows_get(&r->sources, i, SRC_TITLE), m)
		     : str_printf("[%s] %s", rows_get(&r->sources, i, SRC_ID),
		                  rows_get(&r->sources, i, SRC_TITLE)));
		free(m);
		if (kind[0])
			para(d, 4, width, ROLE_NORMAL, str_printf("%s", _(kind)));
		if (url[0] || document[0])
			para(d, 4, width, ROLE_DIM, str_printf("%s", url[0] ? url : document));
		if (note[0])
			para(d, 4, width, ROLE_DIM, str_printf("%s", note));
	}
	if (field(r, POST_NOTE)[0]) {
		section(d, _("Note"), 0);
		para(d, 2, width, ROLE_NORMAL, str_printf("%s", field(r, POST_NOTE)));
	}
}

static void build(struct roster *r)
{
	int width = r->cols - DOC_MARGIN;

	doc_clear(&r->doc);
	if (width < 4)
		width = 4;
	if (!r->found) {
		para(&r->doc, 0, width, ROLE_DIM, str_printf("%s", r->post_id && r->post_id[0]
		     ? _("This post is not in the registry.") : _("No post selected.")));
		return;
	}
	build_title(r, &r->doc, width);
	build_staff(r, &r->doc, width);
	build_coverage(r, &r->doc, width);
	build_rest(r, &r->doc, width);
}

/* Read post_id's rows from the registry. */
static void fetch(struct roster *r, struct tui *t)
{
	const char *id = r->post_id ? r->post_id : "";

	r->found = 0;
	rows_clear(&r->post);
	rows_clear(&r->coverage);
	rows_clear(&r->staff);
	rows_clear(&r->themes);
	rows_clear(&r->sources);
	if (id[0] != '\0' && post_get(t->reg, id, on_post, r) == 0 && r->found) {
		post_staff_each(t->reg, id, on_staff, r);
		post_coverage_each(t->reg, id, on_coverage, r);
		themes_each(t->reg, id, on_theme, r);
		post_sources_each(t->reg, id, on_source, r);
	}
}

void roster_show(struct roster *r, struct tui *t, const char *post_id)
{
	assert(post_id != NULL);
	if (r->post_id != NULL && strcmp(r->post_id, post_id) == 0)
		return;
	free(r->post_id);
	r->post_id = strdup(post_id);
	fetch(r, t);
	r->view.top = r->view.sel = 0;
	if (r->cols > 0)
		build(r);
}

const char *roster_post(const struct roster *r)
{
	return r->found && r->post_id ? r->post_id : "";
}

/* ---- pane operations --------------------------------------------------- */

static int body_rows(const struct roster *r)
{
	return r->rows > 1 ? r->rows - 1 : 0;
}

static unsigned roster_key(void *st, struct tui *t, enum action act, int key)
{
	struct roster *r = st;

	(void)key;
	if (act == ACT_BACK)
		return app_back(t);
	return doc_view_key(&r->view, &r->doc, act, body_rows(r))
	       ? REDRAW_PANE(PANE_ROSTER) : REDRAW_NONE;
}

static void roster_draw(void *st, struct tui *t, struct canvas *cv, int focused)
{
	struct roster *r = st;
	char *detail = r->found ? str_join(local_field(r, POST_CITY, POST_CITY_FR), ", ",
	                                   local_field(r, POST_COUNTRY, POST_COUNTRY_FR)) : NULL;

	(void)t;
	draw_title(cv, PANE_ROSTER + 1, _("Roster"), detail, focused);
	free(detail);
	cv->cur_y = 0;
	cv->cur_x = 0;
	doc_draw(&r->doc, &r->view, cv, 1, body_rows(r), focused);
}

static void roster_resize(void *st, struct tui *t, int rows, int cols)
{
	struct roster *r = st;

	(void)t;
	if (rows == r->rows && cols == r->cols)
		return;
	r->rows = rows;
	r->cols = cols;
	if (cols > 0) {
		build(r);
		doc_view_clamp(&r->view, &r->doc, body_rows(r));
	}
}

static void roster_reload(void *st, struct tui *t)
{
	struct roster *r = st;

	fetch(r, t);
	if (r->cols > 0) {
		build(r);
		doc_view_clamp(&r->view, &r->doc, body_rows(r));
	}
}

static void roster_destroy(void *st)
{
	struct roster *r = st;

	rows_free(&r->post);
	rows_free(&r->coverage);
	rows_free(&r->staff);
	rows_free(&r->themes);
	rows_free(&r->sources);
	doc_free(&r->doc);
	free(r->post_id);
	free(r);
}

static const struct pane_ops roster_ops = {
	.draw = roster_draw,
	.key = roster_key,
	.resize = roster_resize,
	.reload = roster_reload,
	.destroy = roster_destroy,
};

int roster_attach(struct tui *t)
{
	struct roster *r = calloc(1, sizeof(*r));

	if (r == NULL)
		return -1;
	r->opts = &t->view;
	doc_init(&r->doc, t->view.ascii);
	rows_init(&r->post, POST_FIELDS, 0);
	rows_init(&r->coverage, COV_FIELDS, 0);
	rows_init(&r->staff, ST_FIELDS, 0);
	rows_init(&r->themes, 2, 0);
	rows_init(&r->sources, SRC_FIELDS, 0);
	t->roster = r;
	t->pane[PANE_ROSTER].name = N_("Roster");
	t->pane[PANE_ROSTER].ops = &roster_ops;
	t->pane[PANE_ROSTER].st = r;
	return 0;
}
