/*
 * find.c: --find, the desk's answer on standard output.  Text for people
 * (sanitised when it goes to a terminal), JSON for scripts.
 */
#include <string.h>
#include <unistd.h>
#include "cli.h"

#define FIND_LIMIT 100    /* hits per kind */

struct find_out {
	FILE *out;
	enum find_format format;
	int sanitize;
	long hits;
};

static void json_string(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	fputc('"', out);
	for (; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7F)
			fprintf(out, "\\u%04x", *p);
		else
			fputc(*p, out);
	}
	fputc('"', out);
}

/* Text fields pass through the sanitiser when a terminal will show them. */
static const char *shown(struct find_out *f, const char *s, char *buf, size_t n)
{
	if (!f->sanitize)
		return s;
	text_sanitize(buf, n, s, 0);
	return buf;
}

static void print_text(struct find_out *f, const struct dci_hit *h)
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
	else if (h->post[0] && h->kind != HIT_POST)
		fprintf(f->out, ": %s", shown(f, h->post_label, c, sizeof(c)));
	else if (h->kind == HIT_POST)
		fprintf(f->out, " (%s)", shown(f, h->post_label, c, sizeof(c)));
	else
		fputs(": whole network", f->out);
	if (h->phone[0])
		fprintf(f->out, ", phone %s", shown(f, h->phone, d, sizeof(d)));
	if (h->date[0])
		fprintf(f->out, ", as of %s", shown(f, h->date, e, sizeof(e)));
	fputc('\n', f->out);
}

static void print_json(struct find_out *f, const struct dci_hit *h)
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

static int on_hit(void *ctx, const struct dci_hit *h)
{
	struct find_out *f = ctx;

	if (f->format == FIND_JSON)
		print_json(f, h);
	else
		print_text(f, h);
	f->hits++;
	return 0;
}

int find_print(registry *reg, const char *text, enum find_format format, FILE *out)
{
	struct find_out f = { out, format, format == FIND_TEXT && isatty(fileno(out)), 0 };
	int kind, rc = 0;

	if (format == FIND_JSON) {
		fputs("{\n  \"query\": ", out);
		json_string(out, text);
		fputs(",\n  \"hits\": [", out);
	}
	for (kind = 0; kind < HIT_KIND_COUNT && !rc; kind++)
		rc = search_run(reg, text, (enum hit_kind)kind, 0, FIND_LIMIT, on_hit, &f);
	if (format == FIND_JSON)
		fprintf(out, "%s]\n}\n", f.hits ? "\n  " : "");
	if (rc)
		return rc;
	return f.hits ? 0 : 1;
}
