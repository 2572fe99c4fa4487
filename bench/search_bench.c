/* SPDX-License-Identifier: MIT */
/*
 * search_bench.c: what a keystroke in the search box costs.
 *
 *     search_bench DB WORDS [--per-length N] [--limit L] [--slowest K] [--cpu 1]
 *
 * Opens DB with registry_open_db() and replays, for every prefix length
 * from 1 to 6 characters, N queries (default 1000): the prefixes of the
 * words in WORDS (one a line, as gen_registry samples them from the
 * data, so common initials come up as often as they do in the data),
 * and for one letter every letter of the alphabet as well.  Each query
 * is one keystroke as tui/search_box.c runs it: search_screen(), the
 * first screenful of every kind shared among the kinds that match, in
 * L - 1 lines (default L 19: the 18 lines of hits and kind headers of a
 * 24-line terminal, each kind reading one hit more than it shows, to
 * tell "more"), every field of every hit
 * read.  Then the answer, as the search box asks it after its hits:
 * answer_find(), every field of the answer and of its posts read (local
 * time included); it is part of the keystroke's figure, and also timed
 * alone (answer_median_us).  country_is_named() of up to 16 distinct
 * countries among the country hits is timed apart (named_median_us),
 * outside the keystroke's figure (answer_find asks it itself).
 *
 * Times are wall-clock (CLOCK_MONOTONIC); with --cpu 1 they are the
 * thread's CPU time instead, which a busy machine disturbs far less (the
 * scheduler's preemptions then cost nothing; cache misses still do).
 *
 * Prints one line per length (and with --slowest, the K slowest queries
 * of each length with the time of the screenful and of the answer, to
 * tell a slow query from a busy machine):
 *
 *     search len=1 n=1000 worst_query="e" median_us=41 p99_us=900 max_us=1500 \
 *            screen_median_us=30 screen_p99_us=700 answer_median_us=... hits=...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "../core/dcinet.h"

#define MAX_LEN 6
#define WARMUP 200

#define NAMED_CHECKS 16
#define PARTS 2                    /* the screenful, the answer */

struct sink {
	size_t bytes;
	long hits;
	char countries[NAMED_CHECKS][3];   /* distinct country hits, in order */
	int ncountries;
};

/* Read every field of a hit, as the search box copies them. */
static int touch(void *ctx, const struct dci_hit *h)
{
	struct sink *s = ctx;

	s->bytes += strlen(h->ref) + strlen(h->label) + strlen(h->detail)
	            + strlen(h->relation) + strlen(h->post) + strlen(h->post_label)
	            + strlen(h->phone) + strlen(h->date);
	s->hits++;
	if (h->kind == HIT_COUNTRY && s->ncountries < NAMED_CHECKS && strlen(h->ref) == 2) {
		int i;

		for (i = 0; i < s->ncountries && strcmp(s->countries[i], h->ref) != 0; i++)
			;
		if (i == s->ncountries)
			memcpy(s->countries[s->ncountries++], h->ref, 3);
	}
	return 0;
}

static clockid_t bench_clock = CLOCK_MONOTONIC;

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(bench_clock, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The value below which pct percent of the n sorted samples fall. */
static double percentile(const double *sorted, size_t n, double pct)
{
	size_t i = (size_t)(pct / 100.0 * (double)n + 0.5);

	if (i >= n)
		i = n - 1;
	return sorted[i];
}

/* Copy the first len characters (UTF-8) of the first word of line into
 * out; 0 when the word is shorter. */
static int prefix_of(const char *line, int len, char *out, size_t outsz)
{
	size_t i = 0;
	int chars = 0;

	while (line[i] && line[i] != ' ' && line[i] != '\n' && chars < len) {
		i++;
		while ((line[i] & 0xC0) == 0x80)
			i++;
		chars++;
	}
	if (chars < len || i + 1 > outsz)
		return 0;
	memcpy(out, line, i);
	out[i] = '\0';
	return 1;
}

struct words {
	char **w;
	size_t n;
};

static void load_words(struct words *ws, const char *path)
{
	FILE *fp = fopen(path, "r");
	char line[512];
	size_t cap = 0;

	if (!fp) {
		perror(path);
		exit(66);
	}
	memset(ws, 0, sizeof(*ws));
	while (fgets(line, sizeof(line), fp)) {
		line[strcspn(line, "\n")] = '\0';
		if (!line[0])
			continue;
		if (ws->n == cap) {
			cap = cap ? cap * 2 : 1024;
			ws->w = realloc(ws->w, cap * sizeof(*ws->w));
			if (!ws->w) {
				perror("search_bench");
				exit(71);
			}
		}
		ws->w[ws->n++] = strdup(line);
	}
	fclose(fp);
	if (ws->n == 0) {
		fprintf(stderr, "search_bench: %s: no words\n", path);
		exit(65);
	}
}

/* The n queries of one length: every letter first for length 1, then
 * the prefixes of the words in turn. */
static char **make_queries(const struct words *ws, int len, size_t n)
{
	char **q = calloc(n, sizeof(*q)), buf[64];
	size_t got = 0, i = 0, tried = 0;

	if (!q)
		exit(71);
	if (len == 1)
		for (char c = 'a'; c <= 'z' && got < n; c++) {
			buf[0] = c;
			buf[1] = '\0';
			q[got++] = strdup(buf);
		}
	while (got < n && tried < ws->n * 2) {
		const char *w = ws->w[i++ % ws->n];

		tried++;
		if (prefix_of(w, len, buf, sizeof(buf)))
			q[got++] = strdup(buf);
	}
	while (got < n)             /* too few long words: repeat */
		q[got] = strdup(q[got % (got ? got : 1)]), got++;
	return q;
}

/* Read every field of the answer and of the posts serving it. */
static int touch_answer(void *ctx, const struct dci_answer *a)
{
	struct sink *s = ctx;
	int i;

	s->bytes += strlen(a->text) + (a->label ? strlen(a->label) : 0);
	for (i = 0; i < a->n_posts; i++)
		s->bytes += strlen(a->posts[i].post->id) + strlen(a->posts[i].post->phone)
		            + strlen(a->posts[i].local_time) + strlen(a->posts[i].relation);
	for (i = 0; i < a->n_candidates; i++)
		s->bytes += strlen(a->candidates[i].label);
	return 0;
}

/* One keystroke: the first screenful of every kind, then the answer, as
 * the search box asks.  part_us[0] is the screenful, part_us[1] the
 * answer. */
static double keystroke(registry *reg, const char *text, long limit, struct sink *s,
                        double *part_us, double *named_us)
{
	double t0 = now_us(), t1, tn, ta;
	int k, more[HIT_KIND_COUNT];

	s->ncountries = 0;
	if (search_screen(reg, text, (int)limit - 1, (int)limit - 1, touch, s, more) != 0) {
		fprintf(stderr, "search_bench: search_screen failed on \"%s\"\n", text);
		exit(70);
	}
	ta = now_us();
	part_us[0] = ta - t0;
	if (answer_find(reg, text, touch_answer, s) != 0) {
		fprintf(stderr, "search_bench: answer_find failed on \"%s\"\n", text);
		exit(70);
	}
	t1 = now_us();
	part_us[1] = t1 - ta;
	for (k = 0; k < s->ncountries; k++)
		country_is_named(reg, s->countries[k], text);
	tn = now_us();
	*named_us = tn - t1;
	return t1 - t0;
}

int main(int argc, char **argv)
{
	size_t per_len = 1000, slowest = 0, i;
	long limit = 19;
	struct words ws;
	registry *reg;
	char err[512];
	int a, len;

	if (argc < 3) {
		fprintf(stderr, "usage: search_bench DB WORDS [--per-length N] [--limit L] [--slowest K] [--cpu 1]\n");
		return 64;
	}
	for (a = 3; a + 1 < argc; a += 2) {
		if (strcmp(argv[a], "--per-length") == 0)
			per_len = (size_t)atol(argv[a + 1]);
		else if (strcmp(argv[a], "--limit") == 0)
			limit = atol(argv[a + 1]);
		else if (strcmp(argv[a], "--slowest") == 0)
			slowest = (size_t)atol(argv[a + 1]);
		else if (strcmp(argv[a], "--cpu") == 0)
			bench_clock = atoi(argv[a + 1]) ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC;
	}
	if (per_len < 1 || limit < 1)
		return 64;
	if (registry_open_db(&reg, argv[1], err, sizeof(err)) != 0) {
		fprintf(stderr, "search_bench: %s\n", err);
		return 66;
	}
	load_words(&ws, argv[2]);
	{
		/* warm the page cache and prepare the statements */
		struct sink s;
		double st[PARTS], nm;

		memset(&s, 0, sizeof(s));
		for (i = 0; i < WARMUP; i++) {
			char buf[64];

			if (prefix_of(ws.w[i % ws.n], 1 + (int)(i % MAX_LEN), buf, sizeof(buf)))
				keystroke(reg, buf, limit, &s, st, &nm);
		}
	}
	for (len = 1; len <= MAX_LEN; len++) {
		char **q = make_queries(&ws, len, per_len);
		double *all = malloc(per_len * sizeof(double)), *kind[PARTS];
		double t[PARTS];
		double *named = malloc(per_len * sizeof(double));
		double worst = 0;
		int k;
		const char *worst_q = "";
		struct sink s;

		memset(&s, 0, sizeof(s));
		for (k = 0; k < PARTS; k++)
			if (!(kind[k] = malloc(per_len * sizeof(double))))
				return 71;
		if (!all || !named)
			return 71;
		for (i = 0; i < per_len; i++) {
			all[i] = keystroke(reg, q[i], limit, &s, t, &named[i]);
			for (k = 0; k < PARTS; k++)
				kind[k][i] = t[k];
			if (all[i] > worst) {
				worst = all[i];
				worst_q = q[i];
			}
		}
		for (i = 0; i < slowest && i < per_len; i++) {
			size_t j, w = 0;

			for (j = 1; j < per_len; j++)
				if (all[j] > all[w])
					w = j;
			printf("slow len=%d \"%s\" %.0f us: screen %.0f answer %.0f\n", len, q[w], all[w],
			       kind[0][w], kind[1][w]);
			all[w] = -all[w];   /* found; restored below */
		}
		for (i = 0; i < per_len; i++)
			if (all[i] < 0)
				all[i] = -all[i];
		printf("search len=%d n=%zu worst_query=\"%s\"", len, per_len, worst_q);
		qsort(all, per_len, sizeof(double), cmp_double);
		printf(" median_us=%.0f p99_us=%.0f max_us=%.0f",
		       percentile(all, per_len, 50), percentile(all, per_len, 99),
		       all[per_len - 1]);
		for (k = 0; k < PARTS; k++)
			qsort(kind[k], per_len, sizeof(double), cmp_double);
		printf(" screen_median_us=%.0f screen_p99_us=%.0f answer_median_us=%.0f"
		       " answer_p99_us=%.0f", percentile(kind[0], per_len, 50),
		       percentile(kind[0], per_len, 99), percentile(kind[1], per_len, 50),
		       percentile(kind[1], per_len, 99));
		qsort(named, per_len, sizeof(double), cmp_double);
		printf(" named_median_us=%.0f named_p99_us=%.0f hits=%ld\n",
		       percentile(named, per_len, 50), percentile(named, per_len, 99), s.hits);
		fflush(stdout);
		for (i = 0; i < per_len; i++)
			free(q[i]);
		free(q);
		free(all);
		free(named);
		for (k = 0; k < PARTS; k++)
			free(kind[k]);
	}
	for (i = 0; i < ws.n; i++)
		free(ws.w[i]);
	free(ws.w);
	registry_close(reg);
	return 0;
}
