/*
 * find.c: --find, the desk's answer on standard output, in one of a table
 * of formats: text for people (sanitised when it goes to a terminal),
 * plain sentences for screen readers and pasting, TSV and JSON for scripts.
 */
#include <string.h>
#include <unistd.h>
#include "cli.h"

#define FIND_LIMIT 100    /* hits per kind */
#define MAX_COUNTRIES 64  /* distinct countries weighed for ambiguity */

struct find_out;

struct find_format {
	const char *name;
	const char *description;
	void (*begin)(struct find_out *f, const char *text);
	void (*hit)(struct find_out *f, const struct dci_hit *h);
	void (*end)(struct find_out *f);
};

struct find_out {
	FILE *out;
	const struct find_format *format;
	int sanitize;
	long hits;
	int ncountries;
	char countries[MAX_COUNTRIES][3];
};

/* Text fields pass through the sanitiser when a terminal will show them. */
static const char *shown(struct find_out *f, const char *s, char *buf, size_t n)
{
	if (!f->sanitize)
		return s;
	text_sanitize(buf, n, s, 0);
	return buf;
}

/* A JSON string that is as safe to cat to a terminal as the text format:
 * whatever text_sanitize() would replace (C0 and C1 controls, bidi and
 * invisible format characters) is written as a \u escape, an invalid
 * byte (only the query can hold one) as \ufffd.  A JSON reader gets the
 * data back byte for byte. */
static void json_string(FILE *out, const char *s)
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

static void text_hit(struct find_out *f, const struct dci_hit *h)
{
	char a[512], b[512], c[512], d[256], e[128];

	fprintf(f->out, "%s: %s", hit_kind_name(h->kind), shown(f, h->label, a, sizeof(a)));
	if (h->kind == HIT_COUNTRY)
		fprintf(f->out, " (%s, %s)", shown(f, h->detail, b, sizeof(b)), h->ref);
	else if (h->detail[0])
		fprintf(f->out, ", %s", shown(f, h->detail, b, sizeof(b)));
	if (h->kind == HIT_COUNTRY && !h->post[0])
		fputs(": no post on record covers it", f->out);
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

	fprintf(f->out, "; phone %s", h->phone[0] ? shown(f, h->phone, d, sizeof(d)) : "not on record");
	if (h->date[0])
		fprintf(f->out, "; as of %s", shown(f, h->date, e, sizeof(e)));
	fputs(".\n", f->out);
}

static void plain_hit(struct find_out *f, const struct dci_hit *h)
{
	char a[512], b[512], c[512];
	const char *label = shown(f, h->label, a, sizeof(a));
	const char *detail = shown(f, h->detail, b, sizeof(b));
	const char *post = shown(f, h->post_label, c, sizeof(c));

	switch (h->kind) {
	case HIT_COUNTRY:
		if (!h->post[0]) {
			fprintf(f->out, "No post on record covers %s (%s).\n", label, detail);
			return;
		}
		fprintf(f->out, "%s (%s) is %s by the post in %s", label, detail,
		        strcmp(h->relation, "host") == 0 ? "the host country, served"
		        : strcmp(h->relation, "non-resident") == 0 ? "covered, non-resident,"
		        : "covered", post);
		break;
	case HIT_POST:
		fprintf(f->out, "The post in %s is the %s", post, detail);
		break;
	case HIT_STAFF:
		fprintf(f->out, "%s%s%s serves at the post in %s", label, detail[0] ? ", " : "",
		        detail, post);
		break;
	default:
		if (h->post[0])
			fprintf(f->out, "%s (%s) is a speciality of the post in %s.\n", label,
			        detail, post);
		else
			fprintf(f->out, "%s (%s) is a field of the whole network.\n", label, detail);
		return;
	}
	plain_tail(f, h);
}

/* One line a hit, tab-separated; tabs and line breaks in data become
 * spaces.  On a terminal the sanitiser shows them (and every other
 * control) as ^I, ^J: the columns stay whole either way. */
static void tsv_field(struct find_out *f, const char *s, int last)
{
	char buf[2048];

	if (f->sanitize)
		fputs(shown(f, s, buf, sizeof(buf)), f->out);
	else
		for (; *s; s++)
			fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f->out);
	fputc(last ? '\n' : '\t', f->out);
}

static void tsv_begin(struct find_out *f, const char *text)
{
	(void)text;
	fputs("kind\tref\tlabel\tdetail\trelation\tpost\tpost_label\tphone\tdate\n", f->out);
}

static void tsv_hit(struct find_out *f, const struct dci_hit *h)
{
	const char *v[] = { hit_kind_name(h->kind), h->ref, h->label, h->detail, h->relation,
	                    h->post, h->post_label, h->phone, h->date };
	size_t i, n = sizeof(v) / sizeof(v[0]);

	for (i = 0; i < n; i++)
		tsv_field(f, v[i], i + 1 == n);
}

static void json_begin(struct find_out *f, const char *text)
{
	fputs("{\n  \"query\": ", f->out);
	json_string(f->out, text);
	fputs(",\n  \"hits\": [", f->out);
}

static void json_hit(struct find_out *f, const struct dci_hit *h)
{
	const char *keys[] = { "ref", "label", "detail", "relation", "post", "post_label",
	                       "phone", "date" };
	const char *vals[] = { h->ref, h->label, h->detail, h->relation, h->post,
	                       h->post_label, h->phone, h->date };
	size_t i;

	fprintf(f->out, "%s\n    {\"kind\": \"%s\"", f->hits ? "," : "", hit_kind_name(h->kind));
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		fprintf(f->out, ", \"%s\": ", keys[i]);
		json_string(f->out, vals[i]);
	}
	fputc('}', f->out);
}

static void json_end(struct find_out *f)
{
	fprintf(f->out, "%s]\n}\n", f->hits ? "\n  " : "");
}

static const struct find_format formats[] = {
	{ "text", "one line a hit, for people", NULL, text_hit, NULL },
	{ "plain", "one sentence a hit, for screen readers and pasting", NULL, plain_hit, NULL },
	{ "tsv", "tab-separated with a header line, for scripts", tsv_begin, tsv_hit, NULL },
	{ "json", "one JSON document, for scripts", json_begin, json_hit, json_end },
};

const struct find_format *find_format_named(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (strcmp(formats[i].name, name) == 0)
			return &formats[i];
	return NULL;
}

const char *find_format_list(void)
{
	return "text, plain, tsv, json";
}

static void note_country(struct find_out *f, const char *iso2)
{
	int i;

	for (i = 0; i < f->ncountries; i++)
		if (strcmp(f->countries[i], iso2) == 0)
			return;
	if (f->ncountries < MAX_COUNTRIES)
		snprintf(f->countries[f->ncountries++], sizeof(f->countries[0]), "%s", iso2);
}

static int on_hit(void *ctx, const struct dci_hit *h)
{
	struct find_out *f = ctx;

	if (h->kind == HIT_COUNTRY)
		note_country(f, h->ref);
	f->format->hit(f, h);
	f->hits++;
	return 0;
}

/* Several countries and no single one named exactly: the desk must choose. */
static int ambiguous(registry *reg, const struct find_out *f, const char *text)
{
	int i, named = 0;

	if (f->ncountries < 2)
		return 0;
	for (i = 0; i < f->ncountries; i++)
		named += country_is_named(reg, f->countries[i], text);
	return named != 1;
}

int find_print(registry *reg, const char *text, const struct find_format *format, FILE *out)
{
	struct find_out f;
	int kind, rc = 0;

	memset(&f, 0, sizeof(f));
	f.out = out;
	f.format = format;
	f.sanitize = format->begin != json_begin && isatty(fileno(out));
	if (format->begin)
		format->begin(&f, text);
	for (kind = 0; kind < HIT_KIND_COUNT && !rc; kind++)
		rc = search_run(reg, text, (enum hit_kind)kind, 0, FIND_LIMIT, on_hit, &f);
	if (format->end)
		format->end(&f);
	if (rc)
		return rc;
	if (!f.hits)
		return FIND_NOTHING;
	return ambiguous(reg, &f, text) ? FIND_AMBIGUOUS : FIND_FOUND;
}
