/* SPDX-License-Identifier: MIT */
/*
 * stale.c: --stale, the maintainer's worklist: every fact older than a
 * number of years, oldest first, with the source to check again, as the
 * core lists them (stale_facts_each()).  Text for people (sanitised) or
 * one JSON document.  This file only prints.
 */
#include <string.h>
#include <time.h>
#include "cli.h"

struct stale_out {
	FILE *out;
	int json;
	long facts;
};

/* "post updated", "staff: internal security attaché (ASI), Michel LEMEE" */
static void fact_words(char *buf, size_t n, const struct dci_stale_fact *f)
{
	if (strcmp(f->fact, "updated") == 0)
		snprintf(buf, n, "post updated");
	else
		snprintf(buf, n, "%s: %s", f->fact, f->subject);
}

static void text_fact(FILE *out, const struct dci_stale_fact *f)
{
	char date[32], post[256], label[512], raw[1024], what[1024], where[1024], src[256];
	int flags = text_locale_flags();

	text_sanitize(date, sizeof(date), f->date, 0);
	text_sanitize(post, sizeof(post), f->post, flags);
	text_sanitize(label, sizeof(label), f->post_label, flags);
	fact_words(raw, sizeof(raw), f);
	text_sanitize(what, sizeof(what), raw, flags);
	text_sanitize(where, sizeof(where), f->url[0] ? f->url : f->document, flags);
	text_sanitize(src, sizeof(src), f->source, flags);
	fprintf(out, "%-10s  %s (%s): %s; check %s%s (%s)\n", date, post, label, what,
	        f->url[0] ? "" : "document ", where, src);
}

static void json_fact(FILE *out, const struct dci_stale_fact *f, int first)
{
	static const char *const keys[] = { "date", "post", "post_label", "fact", "subject",
	                                    "source", "url", "document" };
	const char *const vals[] = { f->date, f->post, f->post_label, f->fact, f->subject,
	                             f->source, f->url, f->document };

	fputs(first ? "\n    {" : ",\n    {", out);
	json_members(out, keys, vals, ARRAY_SIZE(keys), 0);
	fputc('}', out);
}

static int on_fact(void *ctx, const struct dci_stale_fact *f)
{
	struct stale_out *s = ctx;

	if (s->json)
		json_fact(s->out, f, s->facts == 0);
	else
		text_fact(s->out, f);
	s->facts++;
	return 0;
}

int stale_print(registry *reg, int years, int json, FILE *out, char *err, size_t errlen)
{
	struct stale_out s = { out, json, 0 };
	char cutoff[16];
	int rc;

	stale_cutoff(cutoff, sizeof(cutoff), years, clock_now());
	if (json)
		fprintf(out, "{\n  \"older_than_years\": %d,\n  \"before\": \"%s\",\n  \"facts\": [",
		        years, cutoff);
	else
		fprintf(out, "Facts older than %d year%s (dated before %s), oldest first:\n", years,
		        years == 1 ? "" : "s", cutoff);
	rc = stale_facts_each(reg, cutoff, on_fact, &s);
	if (json)
		fprintf(out, "%s],\n  \"count\": %ld\n}\n", s.facts ? "\n  " : "", s.facts);
	else if (!rc && s.facts == 0)
		fputs("none\n", out);
	if (rc)
		snprintf(err, errlen, "%s", registry_error(reg));
	return rc;
}
