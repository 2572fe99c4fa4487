/* SPDX-License-Identifier: MIT */
/*
 * answer.c: the desk's answer to a text, decided once for every client.
 *
 * The search box's answer line and --find both ask answer_find(); neither
 * decides which hit is the answer.  The rule:
 *  - the hits of the first kind that matched (countries, then posts,
 *    staff, themes) are the candidates, one per thing they name (a
 *    country, a post, a person at a post, a theme at a post);
 *  - one candidate is the answer; among several, the one the text names
 *    exactly (a country's code, name, short or former name or city; a
 *    post's city or id; a person's name; a theme) is the answer and the
 *    others are listed beside it; with none or several named exactly the
 *    text is ambiguous and every candidate is listed, never guessed;
 *  - the answer carries the posts that serve it (for a country, every
 *    covering post, host first) with their facts, local time and evidence.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include "internal.h"

#define ANSWER_HITS 64            /* hits of one kind weighed */
#define ANSWER_POSTS 16           /* covering posts carried */

struct owned_hit {
	char *ref, *label, *detail, *post, *post_label;
	int rows;                      /* the kind's hits it stands for: a
	                                * country's covering posts, or 1 */
};

struct hit_list {
	struct owned_hit hit[ANSWER_HITS];
	int n;
	int more;                      /* the kind has more hits than weighed */
};

struct owned_post {
	struct dci_post p;
	char *buf;                     /* every string of p, end to end */
};

struct answer_state {
	registry *reg;
	struct dci_answer a;
	struct dci_answer_post posts[ANSWER_POSTS];
	struct owned_post owned[ANSWER_POSTS];
	char relation[ANSWER_POSTS][16];
	char when[ANSWER_POSTS][32];
	struct dci_candidate cand[ANSWER_CANDIDATES];
};

static char *dup0(const char *s)
{
	return strdup(s ? s : "");
}

static int on_hit(void *ctx, const struct dci_hit *h)
{
	struct hit_list *l = ctx;
	struct owned_hit *o;

	if (l->n == ANSWER_HITS) {
		l->more = 1;
		return 1;
	}
	o = &l->hit[l->n++];
	o->ref = dup0(h->ref);
	o->label = dup0(h->label);
	o->detail = dup0(h->detail);
	o->post = dup0(h->post);
	o->post_label = dup0(h->post_label);
	o->rows = 1;
	return 0;
}

/* A country and the hits that are its (search_country_firsts). */
static int on_country(void *ctx, const struct dci_hit *first, int rows)
{
	struct hit_list *l = ctx;

	if (on_hit(l, first))
		return 1;
	l->hit[l->n - 1].rows = rows;
	return 0;
}

static void hits_free(struct hit_list *l)
{
	int i;

	for (i = 0; i < l->n; i++) {
		free(l->hit[i].ref);
		free(l->hit[i].label);
		free(l->hit[i].detail);
		free(l->hit[i].post);
		free(l->hit[i].post_label);
	}
	l->n = 0;
}

/* Two hits name the same thing: a country by its code, a post by its id,
 * a person or a theme by its words at one post. */
static int same_target(enum hit_kind kind, const struct owned_hit *a, const struct owned_hit *b)
{
	switch (kind) {
	case HIT_COUNTRY:
	case HIT_POST:
		return strcmp(a->ref, b->ref) == 0;
	default:
		return strcmp(a->label, b->label) == 0 && strcmp(a->post, b->post) == 0;
	}
}

/* Whether l->hit[i] is a hit to count or list: not the same target as
 * an earlier hit, nor as except (the answer, when there is one). */
static int is_distinct(enum hit_kind kind, const struct hit_list *l, int i,
                       const struct owned_hit *except)
{
	int j;

	if (except && same_target(kind, &l->hit[i], except))
		return 0;
	for (j = 0; j < i; j++)
		if (same_target(kind, &l->hit[j], &l->hit[i]))
			return 0;
	return 1;
}

/* The candidates to list beside the answer h (NULL: none, the text is
 * ambiguous): the distinct hits of l, up to ANSWER_CANDIDATES. */
static void list_candidates(struct answer_state *s, enum hit_kind kind,
                            const struct hit_list *l, const struct owned_hit *h)
{
	int i;

	for (i = 0; i < l->n && s->a.n_candidates < ANSWER_CANDIDATES; i++) {
		if (!is_distinct(kind, l, i, h))
			continue;
		s->cand[s->a.n_candidates].ref = l->hit[i].ref;
		s->cand[s->a.n_candidates].label = l->hit[i].label;
		s->cand[s->a.n_candidates].label_fr = kind == HIT_COUNTRY || kind == HIT_THEME
		                                      ? l->hit[i].detail : "";
		s->cand[s->a.n_candidates].post_label = l->hit[i].post_label;
		s->cand[s->a.n_candidates].post = l->hit[i].post;
		s->a.n_candidates++;
	}
	/* hits after the last one listed: the hits of a hit standing for
	 * several (a country's other covering posts) count too */
	s->a.more_candidates = l->more || i < l->n ||
	                       (s->a.n_candidates == ANSWER_CANDIDATES && l->hit[i - 1].rows > 1);
}

static int folded_equal(const char *a, const char *want)
{
	char f[512];

	text_fold(f, sizeof(f), a);
	return f[0] && strcmp(f, want) == 0;
}

/* Does text name this hit exactly (case, accents and punctuation aside)?
 * Posts are named through post_named (rowid_answer), never asked here. */
static int hit_is_named(registry *reg, enum hit_kind kind, const struct owned_hit *h,
                        const char *text)
{
	char want[512];

	assert(kind != HIT_POST);
	if (kind == HIT_COUNTRY)
		return country_is_named(reg, h->ref, text);
	text_fold(want, sizeof(want), text);
	return folded_equal(h->label, want) || (kind == HIT_THEME && folded_equal(h->detail, want));
}

/* Copy every string of a post into one block, so the answer owns it. */
static int on_post(void *ctx, const struct dci_post *p)
{
	struct owned_post *o = ctx;
	const char **f[] = {
		&o->p.id, &o->p.city, &o->p.city_fr, &o->p.country, &o->p.country_en,
		&o->p.country_fr, &o->p.name_en, &o->p.name_fr, &o->p.established,
		&o->p.hosted_since, &o->p.head_rank, &o->p.head_corps, &o->p.address,
		&o->p.phone, &o->p.email, &o->p.updated, &o->p.source, &o->p.source_date,
		&o->p.note, &o->p.tz, &o->p.covers, &o->p.evidence_kind, &o->p.evidence_date,
	};
	size_t i, total = 0, off = 0;

	o->p = *p;
	for (i = 0; i < ARRAY_SIZE(f); i++)
		total += strlen(*f[i]) + 1;
	o->buf = malloc(total);
	if (!o->buf)
		return 1;
	for (i = 0; i < ARRAY_SIZE(f); i++) {
		size_t n = strlen(*f[i]) + 1;

		memcpy(o->buf + off, *f[i], n);
		*f[i] = o->buf + off;
		off += n;
	}
	return 1;
}

/* The posts answers read, kept by id: typing "kathm", "kathma",
 * "kathman" answers the same post at every keystroke, and the registry is
 * read-only while open, so a post read once is not read again.  A few
 * slots, replaced in turn. */
#define KEPT_POSTS 32

struct answer_cache {
	struct owned_post post[KEPT_POSTS];
	int next;
};

void answer_cache_free(registry *reg)
{
	int i;

	if (!reg->answers)
		return;
	for (i = 0; i < KEPT_POSTS; i++)
		free(reg->answers->post[i].buf);
	free(reg->answers);
	reg->answers = NULL;
}

/* post_get() through the posts kept: the post into *out (which owns its
 * strings); -1 when it is not in the registry or memory ran out. */
static int kept_post_get(registry *reg, const char *id, struct owned_post *out)
{
	struct answer_cache *c = reg->answers;
	struct owned_post *slot;
	int i;

	if (!c && !(c = reg->answers = calloc(1, sizeof(*c))))
		return post_get_brief(reg, id, on_post, out) == 0 && out->buf ? 0 : -1;
	for (i = 0; i < KEPT_POSTS; i++)
		if (c->post[i].buf && strcmp(c->post[i].p.id, id) == 0) {
			on_post(out, &c->post[i].p);
			return out->buf ? 0 : -1;
		}
	if (post_get_brief(reg, id, on_post, out) != 0 || !out->buf)
		return -1;
	slot = &c->post[c->next];
	c->next = (c->next + 1) % KEPT_POSTS;
	free(slot->buf);
	slot->buf = NULL;
	on_post(slot, &out->p);
	return 0;
}

/* Add a post to the answer; 0 when it is not in the registry. */
static int add_post(struct answer_state *s, const char *id, const char *relation)
{
	int i = s->a.n_posts;

	if (i == ANSWER_POSTS || !id || !id[0])
		return 0;
	if (kept_post_get(s->reg, id, &s->owned[i]) != 0)
		return 0;
	snprintf(s->relation[i], sizeof(s->relation[i]), "%s", relation ? relation : "");
	if (tz_local_time(s->owned[i].p.tz, s->when[i], sizeof(s->when[i])) != 0)
		s->when[i][0] = '\0';
	s->posts[i].post = &s->owned[i].p;
	s->posts[i].relation = s->relation[i];
	s->posts[i].local_time = s->when[i];
	s->a.n_posts++;
	return 1;
}

/* The posts covering a country, host first, then by city and id: the
 * order country_covered_by() sorts them in, which coverage_order holds
 * already (schema.c), so the first ANSWER_POSTS + 1 rows are read from
 * the index and nothing is sorted, however many posts cover it. */
static int add_covering_posts(struct answer_state *s, const char *iso2)
{
	char id[ANSWER_POSTS][128], relation[ANSWER_POSTS][16];
	sqlite3_stmt *st = registry_stmt(s->reg, STMT_ANSWER_COVER,
		"SELECT post, relation FROM coverage_order WHERE country = ?1"
		" ORDER BY pos LIMIT ?2");
	int i, n = 0, rc;

	if (!st)
		return stmt_failed(s->reg);
	sqlite3_bind_text(st, 1, iso2, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, ANSWER_POSTS + 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == ANSWER_POSTS) {
			s->a.more_posts = 1;
			break;
		}
		snprintf(id[n], sizeof(id[n]), "%s", column_text(st, 0));
		snprintf(relation[n], sizeof(relation[n]), "%s", column_text(st, 1));
		n++;
	}
	rc = stmt_finish(s->reg, st, rc);
	for (i = 0; i < n; i++)
		add_post(s, id[i], relation[i]);
	return rc;
}

/* The thing named, its posts, and the other candidates. */
static int fill_answer(struct answer_state *s, enum hit_kind kind, const struct hit_list *l,
                       int chosen)
{
	const struct owned_hit *h = &l->hit[chosen];
	int rc = 0;

	s->a.status = ANSWER_ONE;
	s->a.kind = kind;
	s->a.ref = h->ref;
	s->a.label = h->label;
	s->a.detail = h->detail;
	s->a.label_fr = kind == HIT_COUNTRY || kind == HIT_THEME ? h->detail : h->label;
	if (kind == HIT_COUNTRY)
		rc = add_covering_posts(s, h->ref);
	else if (h->post[0])
		add_post(s, h->post, "");
	if (kind == HIT_POST && s->a.n_posts == 1 && s->owned[0].p.city_fr[0])
		s->a.label_fr = s->owned[0].p.city_fr;
	/* the others the text also matches, once each */
	list_candidates(s, kind, l, h);
	return rc;
}

static void ambiguous_answer(struct answer_state *s, enum hit_kind kind, const struct hit_list *l)
{
	s->a.status = ANSWER_AMBIGUOUS;
	s->a.kind = kind;
	list_candidates(s, kind, l, NULL);
}

/* Which hit of l the text names: its index, or -1 when it is ambiguous. */
static int choose(registry *reg, enum hit_kind kind, const struct hit_list *l, const char *text)
{
	int i, distinct = 0, named = -1, nnamed = 0;

	for (i = 0; i < l->n; i++) {
		if (!is_distinct(kind, l, i, NULL))
			continue;
		distinct++;
		if (hit_is_named(reg, kind, &l->hit[i], text)) {
			if (named < 0)
				named = i;
			nnamed++;
		}
	}
	if (distinct == 1 && !l->more)
		return 0;
	return nnamed == 1 ? named : -1;
}

static void state_free(struct answer_state *s)
{
	int i;

	for (i = 0; i < ANSWER_POSTS; i++)
		free(s->owned[i].buf);
}

static struct answer_state *state_new(registry *reg, const char *text, struct hit_list **l)
{
	struct answer_state *s = calloc(1, sizeof(*s));

	*l = calloc(1, sizeof(**l));
	if (!s || !*l) {
		free(s);
		free(*l);
		return NULL;
	}
	s->reg = reg;
	s->a.text = text ? text : "";
	s->a.posts = s->posts;
	s->a.candidates = s->cand;
	s->a.status = ANSWER_NOTHING;
	return s;
}

int answer_for_hit(registry *reg, const struct dci_hit *hit, answer_fn fn, void *ctx)
{
	struct hit_list *l;
	struct answer_state *s;
	int rc;

	assert(reg && hit && fn);
	s = state_new(reg, hit->label, &l);
	if (!s)
		return EX_OSERR;
	on_hit(l, hit);
	rc = fill_answer(s, hit->kind, l, 0);
	if (!rc)
		fn(ctx, &s->a);
	hits_free(l);
	state_free(s);
	free(l);
	free(s);
	return rc;
}

/* ---- posts and staff: the answer from the indexes -------------------------
 *
 * The staff hits are a million people in random pages, the post hits
 * 100,000 posts: reading the 64 hits the rule weighs costs 64 page
 * reads, though the rule needs little of them.  It needs whether there
 * are more than 64 (the rowids, which the FTS index gives alone,
 * continuing the search box's own query: search_rowids()), whether they are
 * all one person (the first two hits tell, almost always; posts are
 * never twice), which of them the text names exactly (staff_named,
 * post_named: one range of folded names, schema.c), and the first few
 * distinct hits to list as candidates (the ones the search box showed,
 * kept by search.c).  So only those are read; the answer is the one the
 * rule gives over all 64. */

/* The indexes among ids[0..n) (ascending) of the people or posts text
 * names exactly, ascending, into named; their count into *nnamed. */
static int named_among(registry *reg, enum hit_kind kind, const char *text,
                       const sqlite3_int64 *ids, int n, int *named, int *nnamed)
{
	sqlite3_stmt *st;
	char want[512];
	int rc;

	*nnamed = 0;
	text_fold(want, sizeof(want), text);
	if (!want[0] || n == 0)
		return 0;
	if (kind == HIT_POST)
		st = registry_stmt(reg, STMT_ANSWER_POST_NAMED,
			"SELECT id FROM post_named WHERE fold = ?1 AND id BETWEEN ?2 AND ?3");
	else
		st = registry_stmt(reg, STMT_ANSWER_STAFF_NAMED,
			"SELECT id FROM staff_named WHERE fold = ?1 AND id BETWEEN ?2 AND ?3");
	if (!st)
		return stmt_failed(reg);
	sqlite3_bind_text(st, 1, want, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, ids[0]);
	sqlite3_bind_int64(st, 3, ids[n - 1]);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sqlite3_int64 id = sqlite3_column_int64(st, 0);
		int lo = 0, hi = n - 1;

		while (lo <= hi) {
			int mid = (lo + hi) / 2;

			if (ids[mid] == id) {
				named[(*nnamed)++] = mid;
				break;
			}
			if (ids[mid] < id)
				lo = mid + 1;
			else
				hi = mid - 1;
		}
	}
	return stmt_finish(reg, st, rc);
}

/* Read kind's hits of text into l until it holds the first want of
 * them (or search_run() has no more). */
static int read_upto(registry *reg, enum hit_kind kind, const char *text, struct hit_list *l,
                     int want)
{
	if (want > ANSWER_HITS)
		want = ANSWER_HITS;
	if (l->n >= want)
		return 0;
	return search_run(reg, text, kind, l->n, want - l->n, on_hit, l);
}

/* Whether the hits in l already give the candidates fill_answer() (h
 * the answer) or ambiguous_answer() (h NULL) list: ANSWER_CANDIDATES
 * distinct ones. */
static int candidates_complete(enum hit_kind kind, const struct hit_list *l,
                               const struct owned_hit *h)
{
	int i, n = 0;

	for (i = 0; i < l->n && n < ANSWER_CANDIDATES; i++)
		n += is_distinct(kind, l, i, h);
	return n == ANSWER_CANDIDATES;
}

/* The answer among the post or staff hits of text, of which there are n
 * (ids, n <= ANSWER_HITS + 1), reading only what the rule needs. */
static int rowid_answer(struct answer_state *s, struct hit_list *l, enum hit_kind kind,
                        const char *text, const sqlite3_int64 *ids, int n)
{
	int more = n > ANSWER_HITS, named[ANSWER_HITS], nnamed = 0, chosen = -1, i, rc;

	if (more)
		n = ANSWER_HITS;
	/* all one person (a handful of hits, no more): the answer */
	if (!more) {
		for (i = 1; !(rc = read_upto(s->reg, kind, text, l, i + 1)) && i < l->n; i++)
			if (!same_target(kind, &l->hit[0], &l->hit[i]))
				break;
		if (rc)
			return rc;
		if (l->n == n && i == n)
			chosen = 0;
	}
	if (chosen < 0) {
		if ((rc = named_among(s->reg, kind, text, ids, n, named, &nnamed)) != 0)
			return rc;
		if (nnamed == 1) {
			chosen = named[0];
		} else if (nnamed > 1 && kind == HIT_STAFF) {
			/* named twice, or the same person twice at one post: the
			 * rule over the hits up to the last one named decides (two
			 * posts named are two posts: ambiguous) */
			if ((rc = read_upto(s->reg, kind, text, l, named[nnamed - 1] + 1)) != 0)
				return rc;
			l->more = 1;
			chosen = choose(s->reg, kind, l, text);
		}
	}
	if (chosen >= 0 && (rc = read_upto(s->reg, kind, text, l, chosen + 1)) != 0)
		return rc;
	if (chosen >= l->n)
		chosen = -1;         /* the index and the rows disagree */
	for (;;) {
		int had = l->n;

		if (l->n >= n || candidates_complete(kind, l, chosen >= 0 ? &l->hit[chosen] : NULL))
			break;
		if ((rc = read_upto(s->reg, kind, text, l, l->n + ANSWER_CANDIDATES)) != 0)
			return rc;
		if (l->n == had)
			break;
	}
	/* the candidates' loops stop where the whole list would have */
	l->more = more || l->n < n;
	if (chosen >= 0)
		return fill_answer(s, kind, l, chosen);
	if (l->n > 0)
		ambiguous_answer(s, kind, l);
	return 0;
}

/* The answer among the hits of one kind, when the text has some (*found
 * 1); the post and staff hits take their own path (rowid_answer). */
static int answer_of_kind(struct answer_state *s, struct hit_list *l, const char *text,
                          enum hit_kind kind, int *found)
{
	int chosen, rc;

	*found = 0;
	if (kind == HIT_POST || kind == HIT_STAFF) {
		sqlite3_int64 ids[ANSWER_HITS + 1];
		int n;

		rc = search_rowids(s->reg, text, kind, ANSWER_HITS + 1, ids, &n);
		if (rc || n == 0)
			return rc;
		*found = 1;
		return rowid_answer(s, l, kind, text, ids, n);
	}
	if (kind == HIT_COUNTRY)
		rc = search_country_firsts(s->reg, text, ANSWER_HITS, on_country, l, &l->more);
	else
		rc = search_run(s->reg, text, kind, 0, ANSWER_HITS + 1, on_hit, l);
	if (rc || l->n == 0)
		return rc;
	*found = 1;
	chosen = choose(s->reg, kind, l, text);
	if (chosen >= 0)
		return fill_answer(s, kind, l, chosen);
	ambiguous_answer(s, kind, l);
	return 0;
}

int answer_find(registry *reg, const char *text, answer_fn fn, void *ctx)
{
	struct hit_list *l;
	struct answer_state *s;
	int kind, found = 0, rc = 0, began;

	assert(reg && fn);
	s = state_new(reg, text, &l);
	if (!s)
		return EX_OSERR;
	began = read_begin(reg);
	/* what the search reads, and so what the text names ("le Népal") */
	text = search_text(reg, text);
	for (kind = 0; kind < HIT_KIND_COUNT && !rc && !found; kind++)
		rc = answer_of_kind(s, l, text, (enum hit_kind)kind, &found);
	read_end(reg, began);
	if (!rc)
		fn(ctx, &s->a);
	hits_free(l);
	state_free(s);
	free(l);
	free(s);
	return rc;
}
