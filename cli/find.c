/* SPDX-License-Identifier: MIT */
/*
 * find.c: --find, the desk's answer on standard output, in one of a table
 * of formats: text for people (sanitised, wherever it goes),
 * plain sentences for screen readers and pasting, TSV and JSON for scripts.
 */
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "../tui/i18n.h"

#define FIND_LIMIT 100    /* hits per kind */

struct find_out;

struct find_format {
	const char *name;
	const char *description;
	/* the answer (core/answer.c decides it), then each hit, then the end */
	void (*begin)(struct find_out *f, const struct dci_answer *a);
	void (*hit)(struct find_out *f, const struct dci_hit *h);
	void (*end)(struct find_out *f);
};

struct find_out {
	FILE *out;
	const struct find_format *format;
	int sanitize;
	long hits;
	enum answer_status status;
	int translate;             /* the plain sentences are in the reader's language */
	int flags;                 /* text_sanitize()'s: 7-bit for people under LANG=C */
	int french;                /* plain, for a French reader: the data's French names */
	registry *reg;
};

/* A phrase shared by the text and plain formats: translated for plain. */
static const char *T(const struct find_out *f, const char *s) __attribute__((format_arg(2)));

static const char *T(const struct find_out *f, const char *s)
{
	return f->translate ? _(s) : s;
}

/* Text fields pass through the sanitiser (all formats but JSON). */
static const char *shown(struct find_out *f, const char *s, char *buf, size_t n)
{
	if (!f->sanitize)
		return s;
	text_sanitize(buf, n, s, f->flags);
	return buf;
}

/* A JSON string that is as safe to cat to a terminal as the text format:
 * whatever text_sanitize() would replace (C0 and C1 controls, bidi and
 * invisible format characters) is written as a \u escape, an invalid
 * byte (only the query can hold one) as \ufffd.  A JSON reader gets the
 * data back byte for byte. */
void json_string(FILE *out, const char *s)
{
	const char *p = s, *end = s + strlen(s);

	fputc('"', out);
	while (p < end) {
		unsigned cp = 0;
		size_t len = text_utf8_char(p, (size_t)(end - p), &cp);
		char one[5], clean[16];

		if (len == 0) {                /* an invalid byte: only the query */
			fputs("\\ufffd", out);
			p++;
			continue;
		}
		memcpy(one, p, len);
		one[len] = '\0';
		p += len;
		text_sanitize(clean, sizeof(clean), one, 0);
		if (cp == '"' || cp == '\\')
			fprintf(out, "\\%c", (char)cp);
		else if (strcmp(clean, one) == 0)
			fputs(one, out);
		else if (cp > 0xFFFF)          /* sanitised planes beyond the BMP: none today */
			fputs("\\ufffd", out);
		else
			fprintf(out, "\\u%04x", cp);
	}
	fputc('"', out);
}

void json_members(FILE *out, const char *const *keys, const char *const *vals, size_t n,
                  int after)
{
	size_t i;

	for (i = 0; i < n; i++) {
		fprintf(out, "%s\"%s\": ", i || after ? ", " : "", keys[i]);
		json_string(out, vals[i]);
	}
}

static void text_hit(struct find_out *f, const struct dci_hit *h)
{
	char a[512], b[512], c[512], d[256], e[128];

	fprintf(f->out, "%s: %s", hit_kind_name(h->kind), shown(f, h->label, a, sizeof(a)));
	if (h->kind == HIT_COUNTRY)
		fprintf(f->out, " (%s, %s)", shown(f, h->detail, b, sizeof(b)), h->ref);
	else if (h->detail[0])
		fprintf(f->out, ", %s", shown(f, h->detail, b, sizeof(b)));
	if (h->kind == HIT_COUNTRY && !h->post[0])
		fputs(": covering post not known", f->out);
	else if (h->kind == HIT_COUNTRY)
		fprintf(f->out, ": covered by %s [%s]", shown(f, h->post_label, c, sizeof(c)),
		        h->relation);
	else if (h->kind == HIT_POST)
		fprintf(f->out, " (%s)", shown(f, h->post_label, c, sizeof(c)));
	else if (h->post[0])
		fprintf(f->out, ": %s", shown(f, h->post_label, c, sizeof(c)));
	else
		fputs(": whole network", f->out);
	if (h->phone[0])
		fprintf(f->out, ", phone %s", shown(f, h->phone, d, sizeof(d)));
	if (h->date[0])
		fprintf(f->out, ", as of %s", shown(f, h->date, e, sizeof(e)));
	fputc('\n', f->out);
}

static void plain_tail(struct find_out *f, const struct dci_hit *h)
{
	char d[256], e[128];

	fprintf(f->out, _("; phone %s"), h->phone[0] ? shown(f, h->phone, d, sizeof(d))
	                                             : _("not on record"));
	if (h->date[0])
		fprintf(f->out, _("; as of %s"), shown(f, h->date, e, sizeof(e)));
	fputs(".\n", f->out);
}

static void plain_sentence(struct find_out *f, const struct dci_hit *h)
{
	char a[512], b[512], c[512];
	const char *label = shown(f, h->label, a, sizeof(a));
	const char *detail = shown(f, h->detail, b, sizeof(b));
	const char *post = shown(f, h->post_label, c, sizeof(c));

	switch (h->kind) {
	case HIT_COUNTRY:
		if (!h->post[0]) {
			fprintf(f->out, _("The registry does not know which post covers %s (%s).\n"),
			        label, detail);
			return;
		}
		fprintf(f->out, strcmp(h->relation, "host") == 0
		        ? _("%s (%s) is the host country, served by the post in %s")
		        : strcmp(h->relation, "non-resident") == 0
		        ? _("%s (%s) is covered, non-resident, by the post in %s")
		        : _("%s (%s) is covered by the post in %s"), label, detail, post);
		break;
	case HIT_POST:
		fprintf(f->out, _("The post in %s is the %s"), post, detail[0] ? detail : label);
		break;
	case HIT_STAFF:
		fprintf(f->out, _("%s%s%s serves at the post in %s"), label, detail[0] ? ", " : "",
		        detail, post);
		break;
	default:
		if (h->post[0])
			fprintf(f->out, _("%s (%s) is a speciality of the post in %s.\n"), label,
			        detail, post);
		else
			fprintf(f->out, _("%s (%s) is a field of the whole network.\n"), label, detail);
		return;
	}
	plain_tail(f, h);
}

static void plain_hit(struct find_out *f, const struct dci_hit *h)
{
	struct dci_hit fr;
	struct dci_hit_names names;

	/* a French reader is shown the names the browser shows under L */
	if (f->french && hit_names_french(f->reg, h, &names) == 0) {
		fr = *h;
		fr.label = names.label;
		fr.detail = names.detail;
		fr.post_label = names.post_label;
		h = &fr;
	}
	plain_sentence(f, h);
}

/* One line a hit, tab-separated; a tab or line break in data shows as
 * ^I, ^J (the sanitiser's way with every control), so the columns stay
 * whole. */
static void tsv_field(struct find_out *f, const char *s, int last)
{
	char buf[2048];

	fputs(shown(f, s, buf, sizeof(buf)), f->out);
	fputc(last ? '\n' : '\t', f->out);
}

static void tsv_begin(struct find_out *f, const struct dci_answer *a)
{
	(void)a;
	fputs("kind\tref\tlabel\tdetail\trelation\tpost\tpost_label\tphone\tdate\n", f->out);
}

static void tsv_hit(struct find_out *f, const struct dci_hit *h)
{
	const char *v[] = { hit_kind_name(h->kind), h->ref, h->label, h->detail, h->relation,
	                    h->post, h->post_label, h->phone, h->date };
	size_t i, n = ARRAY_SIZE(v);

	for (i = 0; i < n; i++)
		tsv_field(f, v[i], i + 1 == n);
}

static void json_pair(FILE *out, const char *sep, const char *key, const char *value)
{
	fprintf(out, "%s\"%s\": ", sep, key);
	json_string(out, value);
}

static void json_answer_post(FILE *out, const struct dci_answer_post *ap, int first)
{
	const struct dci_post *p = ap->post;

	fputs(first ? "\n      {" : ",\n      {", out);
	json_pair(out, "", "post", p->id);
	json_pair(out, ", ", "city", p->city);
	json_pair(out, ", ", "country", p->country_en);
	json_pair(out, ", ", "relation", ap->relation);
	json_pair(out, ", ", "head_rank", p->head_rank);
	json_pair(out, ", ", "head_corps", p->head_corps);
	json_pair(out, ", ", "phone", p->phone);
	json_pair(out, ", ", "email", p->email);
	json_pair(out, ", ", "local_time", ap->local_time);
	json_pair(out, ", ", "tz", p->tz);
	json_pair(out, ", ", "as_of", p->updated);
	json_pair(out, ", ", "evidence_kind", p->evidence_kind);
	json_pair(out, ", ", "evidence_date", p->evidence_date);
	fprintf(out, ", \"evidence_official\": %s, \"sctip_era\": %s}",
	        p->evidence_official ? "true" : "false", p->sctip_era ? "true" : "false");
}

static const char *status_name(enum answer_status st)
{
	return st == ANSWER_ONE ? "one" : st == ANSWER_AMBIGUOUS ? "ambiguous" : "nothing";
}

static void json_begin(struct find_out *f, const struct dci_answer *a)
{
	int i;

	fputs("{\n  \"query\": ", f->out);
	json_string(f->out, a->text);
	fprintf(f->out, ",\n  \"answer\": {\"status\": \"%s\"", status_name(a->status));
	if (a->status != ANSWER_NOTHING)
		fprintf(f->out, ", \"kind\": \"%s\"", hit_kind_name(a->kind));
	if (a->status == ANSWER_ONE) {
		json_pair(f->out, ", ", "ref", a->ref);
		json_pair(f->out, ", ", "label", a->label);
		json_pair(f->out, ", ", "label_fr", a->label_fr);
		json_pair(f->out, ", ", "detail", a->detail);
		fputs(", \"posts\": [", f->out);
		for (i = 0; i < a->n_posts; i++)
			json_answer_post(f->out, &a->posts[i], i == 0);
		fputs(a->n_posts ? "\n    ]" : "]", f->out);
	}
	if (a->status != ANSWER_NOTHING) {
		fputs(", \"candidates\": [", f->out);
		for (i = 0; i < a->n_candidates; i++) {
			fputs(i ? ", {" : "{", f->out);
			json_pair(f->out, "", "ref", a->candidates[i].ref);
			json_pair(f->out, ", ", "label", a->candidates[i].label);
			json_pair(f->out, ", ", "post_label", a->candidates[i].post_label);
			fputc('}', f->out);
		}
		fprintf(f->out, "], \"more_candidates\": %s", a->more_candidates ? "true" : "false");
	}
	fputs("},\n  \"hits\": [", f->out);
}

static void json_hit(struct find_out *f, const struct dci_hit *h)
{
	static const char *const keys[] = { "ref", "label", "detail", "relation", "post",
	                                    "post_label", "phone", "date" };
	const char *const vals[] = { h->ref, h->label, h->detail, h->relation, h->post,
	                             h->post_label, h->phone, h->date };

	fprintf(f->out, "%s\n    {\"kind\": \"%s\"", f->hits ? "," : "", hit_kind_name(h->kind));
	json_members(f->out, keys, vals, ARRAY_SIZE(keys), 1);
	fputc('}', f->out);
}

static void json_end(struct find_out *f)
{
	fprintf(f->out, "%s]\n}\n", f->hits ? "\n  " : "");
}


/* "attested by an embassy page, 2023-09", "only press reports, latest
 * 2011", and the SCTIP era when every source predates the DCI. */
static void evidence(const struct find_out *f, char *buf, size_t n, const struct dci_post *p)
{
	const char *what = T(f, source_kind_phrase(p->evidence_kind));
	int w;

	if (!what[0]) {
		snprintf(buf, n, "%s", T(f, N_("evidence not classified")));
		return;
	}
	if (p->evidence_official)
		w = snprintf(buf, n, T(f, N_("attested by %s, %s")), what,
		             p->evidence_date[0] ? p->evidence_date : T(f, N_("undated")));
	else if (p->evidence_date[0])
		w = snprintf(buf, n, T(f, N_("only %s, latest %.4s")), what, p->evidence_date);
	else
		w = snprintf(buf, n, T(f, N_("only %s, undated")), what);
	if (p->sctip_era && w > 0 && (size_t)w < n)
		snprintf(buf + w, n - (size_t)w, ", %s", T(f, N_("known only before 2010 (SCTIP era)")));
}

/* The French name where the data has one, for a French reader. */
static const char *local_name(const struct find_out *f, const char *en, const char *fr)
{
	return f->french && fr[0] ? fr : en;
}

/* "New Delhi, India" ("New Delhi, Inde" for a French reader) */
static void place(const struct find_out *f, char *buf, size_t n, const struct dci_post *p)
{
	const char *country = local_name(f, p->country_en, p->country_fr);

	if (p->city[0])
		snprintf(buf, n, "%s, %s", local_name(f, p->city, p->city_fr), country);
	else
		snprintf(buf, n, T(f, N_("%s (city not stated)")), country);
}

/* "commissaire divisionnaire (police)": the head's rank and corps, as
 * the roster shows them; none when no rank is stated */
static const char *head_of(struct find_out *f, const struct dci_post *p, char *buf, size_t n,
                           const char *none)
{
	char raw[512], clean[512];

	if (!p->head_rank[0])
		return none;
	if (p->head_corps[0])
		snprintf(raw, sizeof(raw), "%s (%s)", p->head_rank, p->head_corps);
	else
		snprintf(raw, sizeof(raw), "%s", p->head_rank);
	snprintf(buf, n, "%s", shown(f, raw, clean, sizeof(clean)));
	return buf;
}

/* "14:05 local (UTC+0545)" */
static void local(const struct find_out *f, char *buf, size_t n, const char *when)
{
	const char *sp = strchr(when, ' ');

	if (!when[0] || !sp)
		snprintf(buf, n, "%s", T(f, N_("local time unknown")));
	else
		snprintf(buf, n, T(f, N_("%.*s local (UTC%s)")), (int)(sp - when), when, sp + 1);
}

static const char *relation_words(const char *relation)
{
	return strcmp(relation, "host") == 0 ? "the post in"
	       : strcmp(relation, "non-resident") == 0 ? "covered, non-resident, by"
	       : "covered by";
}

/* The named thing as the answer line opens: "Nepal (Népal, NP)". */
static void named(struct find_out *f, char *buf, size_t n, const struct dci_answer *a)
{
	const char *first = a->label, *second = a->kind == HIT_COUNTRY ? a->label_fr : a->detail;
	char l[256], d[256];

	if (f->french && (a->kind == HIT_COUNTRY || a->kind == HIT_THEME) && a->label_fr[0]) {
		first = a->label_fr;
		second = a->label;
	} else if (f->french && a->kind == HIT_POST && a->n_posts > 0) {
		const struct dci_post *p = a->posts[0].post;

		first = p->city[0] ? local_name(f, p->city, p->city_fr)
		        : local_name(f, p->name_en, p->name_fr);
		second = p->city[0] ? local_name(f, p->name_en, p->name_fr) : "";
	}
	if (strcmp(first, second) == 0)
		second = "";
	if (a->kind == HIT_COUNTRY && second[0])
		snprintf(buf, n, "%s (%s, %s)", shown(f, first, l, sizeof(l)),
		         shown(f, second, d, sizeof(d)), a->ref);
	else if (a->kind == HIT_COUNTRY)
		snprintf(buf, n, "%s (%s)", shown(f, first, l, sizeof(l)), a->ref);
	else if (second[0])
		snprintf(buf, n, "%s, %s", shown(f, first, l, sizeof(l)), shown(f, second, d, sizeof(d)));
	else
		snprintf(buf, n, "%s", shown(f, first, l, sizeof(l)));
}

static void candidates(struct find_out *f, const struct dci_answer *a, const char *sep)
{
	char l[256], pl[256];
	int i;

	for (i = 0; i < a->n_candidates; i++) {
		const struct dci_candidate *c = &a->candidates[i];

		const char *where = c->post_label;
		char fr[512];

		if (f->french && c->post[0] && post_place(f->reg, c->post, 1, fr, sizeof(fr)) == 0)
			where = fr;
		fprintf(f->out, "%s%s", i ? sep : "",
		        shown(f, local_name(f, c->label, c->label_fr), l, sizeof(l)));
		if (a->kind != HIT_COUNTRY && where[0])
			fprintf(f->out, " (%s)", shown(f, where, pl, sizeof(pl)));
	}
	if (a->more_candidates)
		fputs(sep[0] == ';' ? "; ..." : ", ...", f->out);
}

static void text_answer(struct find_out *f, const struct dci_answer *a)
{
	char what[768], raw[512], pl[512], ev[256], lt[64], r[512], ph[256], d[64];
	int i;

	if (a->status == ANSWER_NOTHING)
		return;
	if (a->status == ANSWER_AMBIGUOUS) {
		fprintf(f->out, "answer: ambiguous: several %s match and none is named exactly: ",
		        a->kind == HIT_COUNTRY ? "countries" : a->kind == HIT_POST ? "posts"
		        : a->kind == HIT_STAFF ? "people" : "themes");
		candidates(f, a, "; ");
		fputc('\n', f->out);
		return;
	}
	named(f, what, sizeof(what), a);
	if (a->n_posts == 0)
		fprintf(f->out, "answer: %s: %s\n", what, a->kind == HIT_COUNTRY
		        ? "the registry does not know which post covers it"
		        : a->kind == HIT_THEME ? "a field of the whole network" : "post not known");
	for (i = 0; i < a->n_posts; i++) {
		const struct dci_post *p = a->posts[i].post;

		place(f, raw, sizeof(raw), p);
		evidence(f, ev, sizeof(ev), p);
		local(f, lt, sizeof(lt), a->posts[i].local_time);
		fprintf(f->out, "answer: %s: %s %s; %s; %s; %s; %s; %s\n", what,
		        a->kind == HIT_COUNTRY ? relation_words(a->posts[i].relation)
		        : a->kind == HIT_POST ? "the post in" : "at the post in",
		        shown(f, raw, pl, sizeof(pl)),
		        head_of(f, p, r, sizeof(r), "head's rank not stated"),
		        p->phone[0] ? shown(f, p->phone, ph, sizeof(ph)) : "no phone on record", lt,
		        p->updated[0] ? (snprintf(d, sizeof(d), "as of %s", p->updated), d) : "undated",
		        ev);
	}
	if (a->more_posts)
		fprintf(f->out, "answer: %s: more posts cover it than shown here\n", what);
	if (a->n_candidates) {
		fputs("answer: the text also matches: ", f->out);
		candidates(f, a, "; ");
		fputc('\n', f->out);
	}
}

static void plain_answer(struct find_out *f, const struct dci_answer *a)
{
	char what[768], raw[512], pl[512], ev[256], lt[64], r[512], ph[256], d[64];
	int i;

	if (a->status == ANSWER_NOTHING)
		return;
	if (a->status == ANSWER_AMBIGUOUS) {
		fputs(_("Answer: the text is ambiguous; it matches "), f->out);
		candidates(f, a, ", ");
		fputs(".\n", f->out);
		return;
	}
	named(f, what, sizeof(what), a);
	if (a->n_posts == 0)
		fprintf(f->out, a->kind == HIT_COUNTRY
		        ? _("Answer: %s: the registry does not know which post covers it.\n")
		        : a->kind == HIT_THEME ? _("Answer: %s: a field of the whole network.\n")
		        : _("Answer: %s: post not known.\n"), what);
	for (i = 0; i < a->n_posts; i++) {
		const struct dci_post *p = a->posts[i].post;
		const char *rel = a->posts[i].relation;

		place(f, raw, sizeof(raw), p);
		evidence(f, ev, sizeof(ev), p);
		local(f, lt, sizeof(lt), a->posts[i].local_time);
		if (p->updated[0])
			snprintf(d, sizeof(d), _("as of %s"), p->updated);
		else
			snprintf(d, sizeof(d), "%s", _("undated"));
		/* TRANSLATORS: "Answer: Nepal (Népal, NP) is covered by New Delhi, India;
		 * head's rank ...; phone ...; local time; as of ...; evidence." */
		fprintf(f->out, a->kind != HIT_COUNTRY
		        ? _("Answer: %s is at %s; head's rank %s; phone %s; %s; %s; %s.\n")
		        : strcmp(rel, "host") == 0
		        ? _("Answer: %s is served by %s; head's rank %s; phone %s; %s; %s; %s.\n")
		        : strcmp(rel, "non-resident") == 0
		        ? _("Answer: %s is covered, non-resident, by %s; head's rank %s; phone %s; "
		            "%s; %s; %s.\n")
		        : _("Answer: %s is covered by %s; head's rank %s; phone %s; %s; %s; %s.\n"),
		        what, shown(f, raw, pl, sizeof(pl)),
		        head_of(f, p, r, sizeof(r), _("not stated")),
		        p->phone[0] ? shown(f, p->phone, ph, sizeof(ph)) : _("not on record"), lt, d, ev);
	}
}

/* The formats of --find: parsing, --help and the man page's check read
 * this table (formats.c). */
static const struct find_format formats[] = {
	{ "text", N_("the answer, then one line a hit, for people"), text_answer, text_hit, NULL },
	{ "plain", N_("the answer, then one sentence a hit, for screen readers and pasting"),
	  plain_answer, plain_hit, NULL },
	{ "tsv", N_("tab-separated with a header line, for scripts"), tsv_begin, tsv_hit, NULL },
	{ "json", N_("one JSON document, for scripts"), json_begin, json_hit, json_end },
};

const struct find_format *find_format_named(const char *name)
{
	long i = format_index(find_format_at, name);

	return i < 0 ? NULL : &formats[i];
}

int find_format_at(size_t i, const char **name, const char **description)
{
	if (i >= ARRAY_SIZE(formats))
		return 0;
	*name = formats[i].name;
	*description = formats[i].description;
	return 1;
}

static int on_hit(void *ctx, const struct dci_hit *h)
{
	struct find_out *f = ctx;

	f->format->hit(f, h);
	f->hits++;
	return 0;
}

static int on_answer(void *ctx, const struct dci_answer *a)
{
	struct find_out *f = ctx;

	f->status = a->status;
	if (f->format->begin)
		f->format->begin(f, a);
	return 0;
}

int find_print(registry *reg, const char *text, const struct find_format *format, int french,
               FILE *out)
{
	struct find_out f;
	int kind, rc;

	memset(&f, 0, sizeof(f));
	f.out = out;
	f.format = format;
	/* Text goes through the sanitiser wherever it goes (a pipe may end in
	 * less -R); JSON keeps the exact bytes, escaped. */
	f.sanitize = format->begin != json_begin;
	f.translate = format->begin == plain_answer;
	f.french = f.translate && french;
	f.reg = reg;
	if (format->begin == text_answer || format->begin == plain_answer)
		f.flags = text_locale_flags();
	rc = answer_find(reg, text, on_answer, &f);
	for (kind = 0; kind < HIT_KIND_COUNT && !rc; kind++)
		rc = search_run(reg, text, (enum hit_kind)kind, 0, FIND_LIMIT, on_hit, &f);
	if (format->end)
		format->end(&f);
	if (rc)
		return rc;
	return f.status == ANSWER_ONE ? FIND_FOUND
	       : f.status == ANSWER_AMBIGUOUS ? FIND_AMBIGUOUS : FIND_NOTHING;
}
