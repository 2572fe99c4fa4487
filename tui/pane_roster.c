/*
 * pane_roster.c: everything about the selected post: its staff, the
 * countries it covers, how to reach it, its specialities and sources.
 *
 * The rows of one post are copied when the post is shown, then laid out
 * as a document for the pane's width (again on each resize).
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app.h"
#include "str.h"

#define LABEL_W 13

struct text_list {
	char **items;              /* groups of `fields` strings */
	size_t n, cap, fields;
};

struct roster {
	char *post_id;
	int found;                 /* post_get found the post */
	char **post;               /* the post's fields, see POST_* */
	struct text_list coverage; /* relation, country_en, country_fr, note */
	struct text_list staff;    /* role, name, rank, corps, local, as_of, note */
	struct text_list themes;   /* theme_en, theme_fr */
	struct text_list sources;  /* source, title, modified, url, document, note */
	struct doc doc;
	struct doc_view view;
	int rows, cols, ascii;
};

enum { POST_CITY, POST_CITY_FR, POST_COUNTRY, POST_COUNTRY_FR, POST_NAME_EN, POST_NAME_FR,
       POST_ESTABLISHED, POST_HOSTED, POST_RANK, POST_CORPS, POST_ADDRESS, POST_PHONE,
       POST_EMAIL, POST_UPDATED, POST_SOURCE, POST_SOURCE_DATE, POST_NOTE, POST_FIELDS };

static void list_init(struct text_list *l, size_t fields)
{
	memset(l, 0, sizeof(*l));
	l->fields = fields;
}

static void list_clear(struct text_list *l)
{
	size_t i;

	for (i = 0; i < l->n * l->fields; i++)
		free(l->items[i]);
	l->n = 0;
}

static void list_free(struct text_list *l)
{
	list_clear(l);
	free(l->items);
	l->items = NULL;
	l->cap = 0;
}

/* Append one row of l->fields strings; a NULL field is stored as "". */
static int list_add(struct text_list *l, const char *const *fields)
{
	size_t i;

	if (l->n == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 8;
		char **np = realloc(l->items, ncap * l->fields * sizeof(char *));

		if (np == NULL)
			return 1;
		l->items = np;
		l->cap = ncap;
	}
	for (i = 0; i < l->fields; i++)
		l->items[l->n * l->fields + i] = strdup(fields[i] ? fields[i] : "");
	l->n++;
	return 0;
}

static const char *list_get(const struct text_list *l, size_t row, size_t field)
{
	const char *s = l->items[row * l->fields + field];

	return s ? s : "";
}

static void post_free(struct roster *r)
{
	int i;

	if (r->post != NULL)
		for (i = 0; i < POST_FIELDS; i++)
			free(r->post[i]);
	free(r->post);
	r->post = NULL;
}

static int on_post(void *ctx, const struct dci_post *p)
{
	struct roster *r = ctx;
	const char *f[POST_FIELDS];
	int i;

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
	post_free(r);
	r->post = calloc(POST_FIELDS, sizeof(char *));
	if (r->post == NULL)
		return 1;
	for (i = 0; i < POST_FIELDS; i++)
		r->post[i] = strdup(f[i] ? f[i] : "");
	r->found = 1;
	return 1;                  /* one row is all there is */
}

static int on_coverage(void *ctx, const struct dci_coverage *c)
{
	const char *f[] = { c->relation, c->country_en, c->country_fr, c->note };

	return list_add(&((struct roster *)ctx)->coverage, f);
}

static int on_staff(void *ctx, const struct dci_staff *s)
{
	const char *f[] = { s->role, s->name, s->rank, s->corps,
	                    s->locally_recruited ? "1" : "", s->as_of, s->note };

	return list_add(&((struct roster *)ctx)->staff, f);
}

static int on_theme(void *ctx, const struct dci_theme *th)
{
	const char *f[] = { th->theme_en, th->theme_fr };

	return list_add(&((struct roster *)ctx)->themes, f);
}

static int on_source(void *ctx, const struct dci_post_source *s)
{
	const char *f[] = { s->source, s->title, s->modified, s->url, s->document, s->note };

	return list_add(&((struct roster *)ctx)->sources, f);
}

static const char *field(const struct roster *r, int f)
{
	return r->post && r->post[f] ? r->post[f] : "";
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

/* "Label        value", the value wrapped under itself; takes value. */
static void labelled(struct doc *d, int width, const char *label, char *value,
                     enum color_role role)
{
	const char *v = value && value[0] ? value : "not stated";

	if (!(value && value[0]))
		role = ROLE_DIM;
	doc_newline(d);
	if (width >= 34) {
		doc_put(d, 2, LABEL_W - 1, ROLE_LABEL, label);
		doc_wrap(d, 2 + LABEL_W, width - 2 - LABEL_W, role, v);
	} else {
		char *s = str_printf("%s: %s", label, v);

		doc_wrap(d, 2, width - 2, role, s);
		free(s);
	}
	free(value);
}

/* A wrapped line of its own at col; takes text. */
static void para(struct doc *d, int col, int width, enum color_role role, char *text)
{
	doc_newline(d);
	doc_wrap(d, col, width - col, role, text);
	free(text);
}

/* The post's name, then how to reach it: what the desk asks first. */
static void build_title(struct roster *r, struct doc *d, int width)
{
	const char *dot = r->ascii ? " - " : " \xC2\xB7 ";

	para(d, 0, width, ROLE_HEADER, str_join(field(r, POST_CITY), dot, field(r, POST_COUNTRY)));
	if (field(r, POST_PHONE)[0] || field(r, POST_EMAIL)[0])
		para(d, 0, width, ROLE_NORMAL,
		     str_join(field(r, POST_PHONE), dot, field(r, POST_EMAIL)));
}

static void build_post(struct roster *r, struct doc *d, int width)
{
	const char *dot = r->ascii ? " - " : " \xC2\xB7 ";
	char *a, *b, *c;

	section(d, "Post", 0);
	if (field(r, POST_NAME_FR)[0])
		labelled(d, width, "Name", str_printf("%s", field(r, POST_NAME_FR)), ROLE_NORMAL);
	if (field(r, POST_NAME_EN)[0])
		labelled(d, width, "In English", str_printf("%s", field(r, POST_NAME_EN)), ROLE_NORMAL);
	labelled(d, width, "Head", field(r, POST_CORPS)[0]
	         ? str_printf("%s (%s)", field(r, POST_RANK), field(r, POST_CORPS))
	         : str_printf("%s", field(r, POST_RANK)), ROLE_NORMAL);
	a = field(r, POST_ESTABLISHED)[0]
	    ? str_printf("established %s", field(r, POST_ESTABLISHED)) : NULL;
	b = field(r, POST_HOSTED)[0]
	    ? str_printf("hosted since %s", field(r, POST_HOSTED)) : NULL;
	c = str_join(a, dot, b);
	free(a);
	free(b);
	a = str_printf("updated %s", field(r, POST_UPDATED)[0]
	               ? field(r, POST_UPDATED) : "undated");
	labelled(d, width, "Dates", str_join(c, dot, a), ROLE_NORMAL);
	free(a);
	free(c);
	labelled(d, width, "Source", str_join(field(r, POST_SOURCE), ", ",
	         field(r, POST_SOURCE_DATE)), ROLE_DIM);
}

enum { ST_ROLE, ST_NAME, ST_RANK, ST_CORPS, ST_LOCAL, ST_AS_OF, ST_NOTE, ST_FIELDS };

static void staff_table_head(struct doc *d, const int *cw)
{
	static const char *const heads[] = { "Role", "Name", "Rank", "Corps", "Local", "As of" };
	int k, x = 2;

	doc_newline(d);
	for (k = 0; k < 6; k++) {
		doc_put(d, x, cw[k], ROLE_LABEL, heads[k]);
		x += cw[k] + 2;
	}
}

static void staff_row(struct roster *r, struct doc *d, int width, size_t i, const int *cw)
{
	const char *name = list_get(&r->staff, i, ST_NAME);
	const char *local = list_get(&r->staff, i, ST_LOCAL)[0] ? "local" : "";
	const char *as_of = list_get(&r->staff, i, ST_AS_OF);
	const char *note = list_get(&r->staff, i, ST_NOTE);
	char *a, *b;

	if (name[0] == '\0')
		name = "(name not published)";
	if (as_of[0] == '\0')
		as_of = "undated";
	if (cw != NULL) {
		const char *cells[] = { list_get(&r->staff, i, ST_ROLE), name,
		                        list_get(&r->staff, i, ST_RANK),
		                        list_get(&r->staff, i, ST_CORPS), local, as_of };
		static const enum color_role roles[] = { ROLE_NORMAL, ROLE_HEADER, ROLE_NORMAL,
		                                         ROLE_NORMAL, ROLE_NORMAL, ROLE_DIM };
		int k, x = 2;

		doc_newline(d);
		for (k = 0; k < 6; k++) {
			doc_put(d, x, cw[k], roles[k], cells[k]);
			x += cw[k] + 2;
		}
	} else {
		/* "Michel LEMEE, internal security attaché (ASI)"
		 * "  commissaire divisionnaire, police; as of 2013-04-23" */
		const char *role = list_get(&r->staff, i, ST_ROLE);

		para(d, 2, width, ROLE_HEADER, name == list_get(&r->staff, i, ST_NAME)
		     ? str_join(name, ", ", role) : str_printf("%s", role));
		a = str_join(list_get(&r->staff, i, ST_RANK), ", ", list_get(&r->staff, i, ST_CORPS));
		b = str_join(a, ", ", local[0] ? "locally recruited" : "");
		free(a);
		a = str_printf("%sas of %s", name == list_get(&r->staff, i, ST_NAME)
		               ? "" : "name not published; ", as_of);
		para(d, 4, width, ROLE_NORMAL, str_join(b, "; ", a));
		free(a);
		free(b);
	}
	if (note[0])
		para(d, 4, width, ROLE_DIM, str_printf("%s", note));
}

static void build_staff(struct roster *r, struct doc *d, int width)
{
	size_t i;
	int cw[6], wide = width >= 90;

	section(d, "Staff", r->staff.n);
	if (r->staff.n == 0) {
		para(d, 2, width, ROLE_DIM, str_printf("No staff listed"));
		return;
	}
	if (wide) {
		int flex = width - 2 - (11 + 6 + 10) - 5 * 2;

		cw[0] = flex * 35 / 100;
		cw[1] = flex * 30 / 100;
		cw[2] = flex - cw[0] - cw[1];
		cw[3] = 11;
		cw[4] = 6;
		cw[5] = 10;
		staff_table_head(d, cw);
	}
	for (i = 0; i < r->staff.n; i++)
		staff_row(r, d, width, i, wide ? cw : NULL);
}

static void build_coverage(struct roster *r, struct doc *d, int width)
{
	static const struct { const char *relation, *label; } kinds[] = {
		{ "host", "Host" }, { "covers", "Covers" }, { "non-resident", "Non-resident" },
	};
	size_t k, i;

	section(d, "Coverage", r->coverage.n);
	if (r->coverage.n == 0)
		para(d, 2, width, ROLE_DIM, str_printf("No coverage listed"));
	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		char *list = NULL;

		for (i = 0; i < r->coverage.n; i++) {
			const char *en = list_get(&r->coverage, i, 1), *fr = list_get(&r->coverage, i, 2);
			char *name, *joined;

			if (strcmp(list_get(&r->coverage, i, 0), kinds[k].relation) != 0)
				continue;
			name = fr[0] && strcmp(fr, en) != 0 ? str_printf("%s (%s)", en, fr)
			                                   : str_printf("%s", en);
			joined = str_join(list, ", ", name);
			free(list);
			free(name);
			list = joined;
		}
		if (list != NULL)
			labelled(d, width, kinds[k].label, list, ROLE_NORMAL);
	}
}

static void build_rest(struct roster *r, struct doc *d, int width)
{
	size_t i;

	section(d, "Contact", 0);
	labelled(d, width, "Address", str_printf("%s", field(r, POST_ADDRESS)), ROLE_NORMAL);
	labelled(d, width, "Phone", str_printf("%s", field(r, POST_PHONE)), ROLE_NORMAL);
	labelled(d, width, "Email", str_printf("%s", field(r, POST_EMAIL)), ROLE_NORMAL);
	build_post(r, d, width);

	section(d, "Specialities", r->themes.n);
	if (r->themes.n == 0)
		para(d, 2, width, ROLE_DIM, str_printf("None listed"));
	for (i = 0; i < r->themes.n; i++) {
		const char *en = list_get(&r->themes, i, 0), *fr = list_get(&r->themes, i, 1);

		para(d, 2, width, ROLE_NORMAL, fr[0] && strcmp(en, fr) != 0
		     ? str_printf("%s (%s)", en, fr) : str_printf("%s", en));
	}

	section(d, "Sources", r->sources.n);
	for (i = 0; i < r->sources.n; i++) {
		const char *modified = list_get(&r->sources, i, 2), *url = list_get(&r->sources, i, 3);
		const char *document = list_get(&r->sources, i, 4), *note = list_get(&r->sources, i, 5);

		para(d, 2, width, ROLE_NORMAL, modified[0]
		     ? str_printf("[%s] %s (%s)", list_get(&r->sources, i, 0),
		                  list_get(&r->sources, i, 1), modified)
		     : str_printf("[%s] %s", list_get(&r->sources, i, 0), list_get(&r->sources, i, 1)));
		if (url[0] || document[0])
			para(d, 4, width, ROLE_DIM, str_printf("%s", url[0] ? url : document));
		if (note[0])
			para(d, 4, width, ROLE_DIM, str_printf("%s", note));
	}
	if (field(r, POST_NOTE)[0]) {
		section(d, "Note", 0);
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
		     ? "This post is not in the registry." : "No post selected."));
		return;
	}
	build_title(r, &r->doc, width);
	build_staff(r, &r->doc, width);
	build_coverage(r, &r->doc, width);
	build_rest(r, &r->doc, width);
}

void roster_show(struct roster *r, struct tui *t, const char *post_id)
{
	assert(post_id != NULL);
	if (r->post_id != NULL && strcmp(r->post_id, post_id) == 0)
		return;
	free(r->post_id);
	r->post_id = strdup(post_id);
	r->found = 0;
	post_free(r);
	list_clear(&r->coverage);
	list_clear(&r->staff);
	list_clear(&r->themes);
	list_clear(&r->sources);
	if (post_id[0] != '\0' && post_get(t->reg, post_id, on_post, r) == 0 && r->found) {
		post_staff_each(t->reg, post_id, on_staff, r);
		post_coverage_each(t->reg, post_id, on_coverage, r);
		themes_each(t->reg, post_id, on_theme, r);
		post_sources_each(t->reg, post_id, on_source, r);
	}
	r->view.top = r->view.sel = 0;
	if (r->cols > 0)
		build(r);
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
	char *detail = r->found ? str_join(field(r, POST_CITY), ", ", field(r, POST_COUNTRY)) : NULL;

	(void)t;
	draw_title(cv, PANE_ROSTER + 1, "Roster", detail, focused);
	free(detail);
	cv->cur_y = 0;
	cv->cur_x = 0;
	doc_draw(&r->doc, &r->view, cv, 1, body_rows(r), focused);
}

static void roster_focus(void *st, struct tui *t, int on)
{
	(void)st;
	(void)t;
	(void)on;
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

static void roster_destroy(void *st)
{
	struct roster *r = st;

	post_free(r);
	list_free(&r->coverage);
	list_free(&r->staff);
	list_free(&r->themes);
	list_free(&r->sources);
	doc_free(&r->doc);
	free(r->post_id);
	free(r);
}

static const struct pane_ops roster_ops = {
	roster_draw, roster_key, roster_focus, roster_resize, roster_destroy
};

int roster_attach(struct tui *t)
{
	struct roster *r = calloc(1, sizeof(*r));

	if (r == NULL)
		return -1;
	r->ascii = t->ascii;
	doc_init(&r->doc, t->ascii);
	list_init(&r->coverage, 4);
	list_init(&r->staff, ST_FIELDS);
	list_init(&r->themes, 2);
	list_init(&r->sources, 6);
	t->roster = r;
	t->pane[PANE_ROSTER].name = "Roster";
	t->pane[PANE_ROSTER].ops = &roster_ops;
	t->pane[PANE_ROSTER].st = r;
	return 0;
}
