/* SPDX-License-Identifier: MIT */
/*
 * card.c: a post's card, the few lines a desk officer pastes into a
 * message: who, how to reach them, what they cover, and as of when.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"

struct card {
	char *buf;
	size_t len, cap;
	int french, found, ncover;
	const char *(*translate)(const char *msgid);
};

/* Append the strings up to a NULL. */
static void card_put(struct card *c, ...)
{
	const char *s;
	va_list ap;

	va_start(ap, c);
	while ((s = va_arg(ap, const char *))) {
		size_t n = strlen(s);

		if (c->len + n + 1 > c->cap) {
			size_t cap = (c->len + n + 1) * 2;
			char *p = realloc(c->buf, cap);

			if (!p)
				break;
			c->buf = p;
			c->cap = cap;
		}
		memcpy(c->buf + c->len, s, n + 1);
		c->len += n;
	}
	va_end(ap);
}

/* Marks the labels for the clients' message catalogues (xgettext reads
 * this file); the core translates only through the caller's function. */
#define N_(s) s

static const char *pick(const char *fr, const char *en, int french)
{
	return french && fr[0] ? fr : en;
}

static const char *label(const struct card *c, const char *msgid)
{
	return c->translate ? c->translate(msgid) : msgid;
}

static int card_post(void *ctx, const struct dci_post *p)
{
	struct card *c = ctx;
	const char *city = pick(p->city_fr, p->city, c->french);
	const char *country = pick(p->country_fr, p->country_en, c->french);

	c->found = 1;
	card_put(c, pick(p->name_fr, p->name_en, c->french), "\n", city, city[0] ? ", " : "",
	         country, "\n", NULL);
	if (p->head_rank[0] || p->head_corps[0])
		card_put(c, label(c, N_("Head:")), " ", p->head_rank,
		         p->head_rank[0] && p->head_corps[0] ? ", " : "", p->head_corps, "\n", NULL);
	card_put(c, label(c, N_("Phone:")), " ",
	         p->phone[0] ? p->phone : label(c, N_("not published")), "\n", NULL);
	if (p->email[0])
		card_put(c, label(c, N_("Email:")), " ", p->email, "\n", NULL);
	if (p->address[0])
		card_put(c, label(c, N_("Address:")), " ", p->address, "\n", NULL);
	card_put(c, label(c, N_("As of:")), " ", p->updated[0] ? p->updated : "?",
	         " (", label(c, N_("source:")), " ", p->source, ")\n", NULL);
	return 0;
}

static int card_cover(void *ctx, const struct dci_coverage *cv)
{
	struct card *c = ctx;
	int non_resident = strcmp(cv->relation, "non-resident") == 0;

	if (c->ncover++)
		card_put(c, ", ", NULL);
	else
		card_put(c, label(c, N_("Covers:")), " ", NULL);
	card_put(c, pick(cv->country_fr, cv->country_en, c->french), NULL);
	if (non_resident)
		card_put(c, " (", label(c, N_("non-resident")), ")", NULL);
	return 0;
}

char *post_card(registry *reg, const char *post_id, int french,
                const char *(*translate)(const char *msgid))
{
	struct card c;

	assert(reg && post_id);
	memset(&c, 0, sizeof(c));
	c.french = french;
	c.translate = translate;
	if (post_get(reg, post_id, card_post, &c) != 0 || !c.found) {
		free(c.buf);
		return NULL;
	}
	post_coverage_each(reg, post_id, card_cover, &c);
	if (c.ncover)
		card_put(&c, "\n", NULL);
	return c.buf;
}
