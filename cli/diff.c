/* SPDX-License-Identifier: MIT */
/*
 * diff.c: --diff OLD NEW, the changes between two registries as the core
 * finds them (registry_diff()), one line each for people (sanitised) or
 * one JSON document for scripts.  This file only prints.
 */
#include <string.h>
#include "cli.h"

struct diff_out {
	FILE *out;
	int json;
	long changes;
};

/* One line: "new-delhi (New Delhi, India): phone changed: "" -> "+91 ..."". */
static void text_change(FILE *out, const struct dci_change *c)
{
	char post[256], label[512], subject[512], oldv[1024], newv[1024], field[64];
	int flags = text_locale_flags();

	text_sanitize(post, sizeof(post), c->post, flags);
	text_sanitize(label, sizeof(label), c->post_label, flags);
	text_sanitize(subject, sizeof(subject), c->subject, flags);
	text_sanitize(oldv, sizeof(oldv), c->old_value, flags);
	text_sanitize(newv, sizeof(newv), c->new_value, flags);
	text_sanitize(field, sizeof(field), c->field, flags);
	fprintf(out, "%s (%s): ", post, label);
	switch (c->kind) {
	case CHANGE_POST_ADDED:
		fputs("post added\n", out);
		break;
	case CHANGE_POST_REMOVED:
		fputs("post removed\n", out);
		break;
	case CHANGE_POST_FIELD:
		fprintf(out, "%s changed: \"%s\" -> \"%s\"\n", field, oldv, newv);
		break;
	case CHANGE_COVERAGE_GAINED:
		fprintf(out, "coverage gained: %s, %s\n", subject, newv);
		break;
	case CHANGE_COVERAGE_LOST:
		fprintf(out, "coverage lost: %s, %s\n", subject, oldv);
		break;
	case CHANGE_COVERAGE_RELATION:
		fprintf(out, "coverage of %s changed: %s -> %s\n", subject, oldv, newv);
		break;
	case CHANGE_STAFF_ARRIVED:
		fprintf(out, "staff arrived: %s%s%s%s\n", subject, newv[0] ? " (as of " : "", newv,
		        newv[0] ? ")" : "");
		break;
	case CHANGE_STAFF_LEFT:
		fprintf(out, "staff left: %s%s%s%s\n", subject, oldv[0] ? " (as of " : "", oldv,
		        oldv[0] ? ")" : "");
		break;
	case CHANGE_STAFF_MOVED:
		fprintf(out, "staff moved here from %s: %s\n", oldv, subject);
		break;
	case CHANGE_STAFF_FIELD:
		fprintf(out, "staff %s: %s changed: \"%s\" -> \"%s\"\n", subject, field, oldv, newv);
		break;
	case CHANGE_SOURCE_ADDED:
		fprintf(out, "source added: %s\n", subject);
		break;
	case CHANGE_SOURCE_REMOVED:
		fprintf(out, "source removed: %s\n", subject);
		break;
	default:
		fprintf(out, "%s\n", change_kind_name(c->kind));
		break;
	}
}

static void json_change(FILE *out, const struct dci_change *c, int first)
{
	static const char *const keys[] = { "post", "post_label", "subject", "field", "old_value",
	                                    "new_value" };
	const char *const vals[] = { c->post, c->post_label, c->subject, c->field, c->old_value,
	                             c->new_value };

	fprintf(out, "%s\n    {\"kind\": \"%s\"", first ? "" : ",", change_kind_name(c->kind));
	json_members(out, keys, vals, ARRAY_SIZE(keys), 1);
	fputc('}', out);
}

static int on_change(void *ctx, const struct dci_change *c)
{
	struct diff_out *d = ctx;

	if (d->json)
		json_change(d->out, c, d->changes == 0);
	else
		text_change(d->out, c);
	d->changes++;
	return 0;
}

int diff_print(registry *old_reg, registry *new_reg, const char *old_name,
               const char *new_name, int json, FILE *out, char *err, size_t errlen)
{
	struct diff_out d = { out, json, 0 };
	int rc;

	if (json) {
		fputs("{\n  \"old\": ", out);
		json_string(out, old_name);
		fputs(",\n  \"new\": ", out);
		json_string(out, new_name);
		fputs(",\n  \"changes\": [", out);
	}
	rc = registry_diff(old_reg, new_reg, on_change, &d, err, errlen);
	if (json)
		fprintf(out, "%s],\n  \"count\": %ld\n}\n", d.changes ? "\n  " : "", d.changes);
	if (rc)
		return rc;
	return d.changes ? DIFF_DIFFERENT : DIFF_SAME;
}
