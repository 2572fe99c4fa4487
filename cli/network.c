/* SPDX-License-Identifier: MIT */
/*
 * network.c: --network, the desk's "how big is the network, and how has
 * it changed?": the registry's own counts, then every size the sources
 * claim, each with its date, its basis and its source, oldest first and
 * undated last, as the core lists them (snapshots_each()).  The claims
 * disagree and are never merged into one figure.  Text for people
 * (sanitised) or one JSON document.  This file only prints.
 */
#include <stdio.h>
#include <string.h>
#include "cli.h"

struct network_out {
	FILE *out;
	int json, flags;
	long claims;
};

/* "~300", ">150" or "-" when the source gives no figure */
static void figure(char *buf, size_t n, long v, const char *qualifier)
{
	if (v < 0)
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%s%ld", qualifier, v);
}

static void text_claim(struct network_out *o, const struct dci_snapshot *s)
{
	char staff[24], emb[24], ctry[24], exp[24], as_of[32], basis[64], src[256], sd[32];

	figure(staff, sizeof(staff), s->staff, s->staff_q);
	figure(emb, sizeof(emb), s->embassies, s->embassies_q);
	figure(ctry, sizeof(ctry), s->countries, s->countries_q);
	figure(exp, sizeof(exp), s->civil_security_experts, "");
	text_sanitize(as_of, sizeof(as_of), s->as_of[0] ? s->as_of : "undated", o->flags);
	text_sanitize(basis, sizeof(basis), s->as_of_basis, o->flags);
	text_sanitize(src, sizeof(src), s->source, o->flags);
	text_sanitize(sd, sizeof(sd), s->source_date, o->flags);
	fprintf(o->out, "%-11s %-14s %6s %6s %6s %6s  %s%s%s\n", as_of, basis[0] ? basis : "-",
	        staff, emb, ctry, exp, src, sd[0] ? ", " : "", sd);
}

static void json_figure(FILE *out, const char *key, long v, const char *qualifier)
{
	fprintf(out, ", \"%s\": ", key);
	if (v < 0)
		fputs("null", out);
	else
		fprintf(out, "%ld", v);
	fprintf(out, ", \"%s_qualifier\": ", key);
	json_string(out, qualifier);
}

static void json_claim(FILE *out, const struct dci_snapshot *s, int first)
{
	static const char *const keys[] = { "as_of", "as_of_basis", "source", "source_title",
	                                    "source_date", "note" };
	const char *const vals[] = { s->as_of, s->as_of_basis, s->source, s->source_title,
	                             s->source_date, s->note };

	fputs(first ? "\n    {" : ",\n    {", out);
	json_members(out, keys, vals, sizeof(keys) / sizeof(keys[0]), 0);
	json_figure(out, "staff", s->staff, s->staff_q);
	json_figure(out, "embassies", s->embassies, s->embassies_q);
	json_figure(out, "countries", s->countries, s->countries_q);
	json_figure(out, "civil_security_experts", s->civil_security_experts, "");
	fputc('}', out);
}

static int on_claim(void *ctx, const struct dci_snapshot *s)
{
	struct network_out *o = ctx;

	if (o->json)
		json_claim(o->out, s, o->claims == 0);
	else
		text_claim(o, s);
	o->claims++;
	return 0;
}

int network_print(registry *reg, int json, FILE *out, char *err, size_t errlen)
{
	struct network_out o = { out, json, json ? 0 : text_locale_flags(), 0 };
	struct dci_counts c;
	int rc = registry_counts(reg, &c);

	if (rc == 0 && json) {
		fprintf(out, "{\n  \"posts\": %ld,\n  \"staff\": %ld,\n  \"countries_covered\": %ld,\n"
		        "  \"claims\": [", c.posts, c.staff, c.countries_covered);
	} else if (rc == 0) {
		fprintf(out, "On record: %ld posts, %ld staff, a covering post known for %ld "
		        "countries.\n", c.posts, c.staff, c.countries_covered);
		fputs("What the sources state of the network's size, oldest first, undated last\n"
		      "(they disagree; each claim as its source gives it):\n", out);
		fprintf(out, "%-11s %-14s %6s %6s %6s %6s  %s\n", "as of", "basis", "staff",
		        "emb.", "ctry", "exp.", "source");
	}
	if (rc == 0)
		rc = snapshots_each(reg, on_claim, &o);
	if (rc == 0 && json)
		fprintf(out, "%s],\n  \"count\": %ld\n}\n", o.claims ? "\n  " : "", o.claims);
	else if (rc == 0 && o.claims == 0)
		fputs("none\n", out);
	if (rc)
		snprintf(err, errlen, "%s", registry_error(reg));
	return rc;
}
