/* SPDX-License-Identifier: MIT */
/*
 * fuzz_query.c: the search box.  Any text goes through search_build_query
 * (which must produce a well-formed FTS5 expression of quoted prefix
 * terms, or NULL) and then search_run for every kind of hit on the mini
 * fixture, loaded once; search_run must return 0 whatever the text.
 */
#include "fuzzlib.h"

static registry *fuzz_reg;

static void close_registry(void)
{
	registry_close(fuzz_reg);
	fuzz_reg = NULL;
}

static void open_registry(void)
{
	struct import_opts opts = { NULL, NULL, 0 };

	if (fuzz_reg)
		return;
	FUZZ_CHECK(registry_load_dir(&fuzz_reg, fuzz_fixture_dir(), &opts, NULL) == 0,
	           "the fixture %s did not load", fuzz_fixture_dir());
	atexit(close_registry);
}

/* q is a sequence of "..."* terms, one space apart, each holding a
 * non-empty word in which every quote is doubled. */
static void check_query(const char *text, const char *q)
{
	size_t i = 0, n = strlen(q), quotes = 0;

	FUZZ_CHECK(n > 0, "empty query for \"%s\"", text);
	while (i < n) {
		size_t start;

		FUZZ_CHECK(q[i] == '"', "term must open with a quote: %s", q);
		start = ++i;
		for (;;) {
			FUZZ_CHECK(i < n, "unterminated term: %s", q);
			if (q[i] == '"' && i + 1 < n && q[i + 1] == '"') {
				i += 2;
				quotes++;
				continue;
			}
			if (q[i] == '"')
				break;
			FUZZ_CHECK(q[i] != ' ' && q[i] != '\t' && q[i] != '\n',
			           "space inside a term: %s", q);
			i++;
		}
		FUZZ_CHECK(i > start, "empty term: %s", q);
		FUZZ_CHECK(i + 1 < n && q[i + 1] == '*', "term without a prefix star: %s", q);
		i += 2;
		if (i < n) {
			FUZZ_CHECK(q[i] == ' ' && i + 1 < n, "terms not one space apart: %s", q);
			i++;
		}
	}
	(void)quotes;
}

struct seen {
	long hits;
	enum hit_kind kind;
};

static int on_hit(void *ctx, const struct dci_hit *h)
{
	struct seen *s = ctx;

	FUZZ_CHECK(h->kind == s->kind, "hit of kind %d in a search for %d", h->kind, s->kind);
	FUZZ_CHECK(h->ref && h->label && h->detail && h->relation && h->post && h->post_label
	           && h->phone && h->date, "a NULL field in a hit");
	s->hits++;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text, *q;
	int kind, rc;

	open_registry();
	text = malloc(size + 1);
	FUZZ_CHECK(text != NULL, "out of memory");
	memcpy(text, data, size);
	text[size] = '\0';
	q = search_build_query(text);
	if (q)
		check_query(text, q);
	free(q);
	for (kind = 0; kind < HIT_KIND_COUNT; kind++) {
		struct seen s = { 0, (enum hit_kind)kind };

		rc = search_run(fuzz_reg, text, (enum hit_kind)kind, 0, 50, on_hit, &s);
		FUZZ_CHECK(rc == 0, "search_run(\"%s\", %s) returned %d", text,
		           hit_kind_name((enum hit_kind)kind), rc);
		FUZZ_CHECK(s.hits <= 50, "%ld hits past the limit", s.hits);
		FUZZ_CHECK(q != NULL || s.hits == 0, "hits for a text with no word");
	}
	free(text);
	return 0;
}
