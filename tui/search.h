/* SPDX-License-Identifier: MIT */
/*
 * search.h: what the files of the search box share (not for other panes:
 * they use the search_box_* calls in app.h).
 *
 *   search_box.c     the pane: the text and its editing, keys, clicks,
 *                    stepping with n/N, opening a hit's post
 *   search_hits.c    holding the hits of the text: running the search,
 *                    sharing the rows among the kinds, the French labels,
 *                    fetching a hit beyond those held
 *   search_answer.c  wording the core's answer for the answer line
 *   search_draw.c    drawing the box, the hits and the answer; it reads
 *                    the state and never changes it
 *
 * Hits are held as tables of owned strings (rows.h), one a kind, with the
 * fields HF_*; hit_get() reads one back as the core's struct dci_hit.
 */
#ifndef DCINET_TUI_SEARCH_H
#define DCINET_TUI_SEARCH_H

#include <wchar.h>
#include "app.h"

#define QUERY_MAX 120
#define KIND_MAX 200               /* hits held per kind, whatever the screen */
#define COUNT_PAGE 500             /* rows per query when counting a kind's hits */

/* A held hit's fields: struct dci_hit's strings as shown (in French, the
 * labels the data gives in French), then the label and detail as the
 * core gave them, which answer_for_hit() wants back. */
enum { HF_REF, HF_LABEL, HF_DETAIL, HF_RELATION, HF_POST, HF_POST_LABEL, HF_PHONE, HF_DATE,
       HF_LABEL_EN, HF_DETAIL_EN, HF_FIELDS };

struct hit_group {
	struct rows rows;          /* HF_* */
	int more;                  /* the kind has more hits than held */
};

struct search_box {
	wchar_t text[QUERY_MAX + 1];
	int len, cur;              /* characters, cursor position */
	char utf8[QUERY_MAX * 4 + 1];
	struct hit_group group[HIT_KIND_COUNT];
	int sel;                   /* index over all held hits, in group order */
	int stale;                 /* text changed since the last search */
	int searched;              /* hits answer the current text */
	int failed;
	char fail_text[256];        /* what the registry said when it failed */
	int ambiguous;             /* several matches, none named exactly */
	int chosen;                /* the officer moved the selection since */
	char *answer_head, *answer_facts, *answer_evidence;
	int step_kind;             /* n/N: the hit last stepped to, */
	long step_idx;             /* as its kind and place among all its hits */
	int stepped;
	char *step_text;           /* "Hit 3/12: Nepal", for the one-line box */
	int rows, cols;
	int run_rows;              /* the rows the last search was run for */
	const struct view *view;
};

/* "Countries", "Posts"... (N_ strings: translate with _()). */
extern const char *const search_group_titles[HIT_KIND_COUNT];

/* ---- search_hits.c ---- */
void hits_init(struct search_box *s);
/* Drop the hits, the selection, the answer and the step. */
void hits_clear(struct search_box *s);
void hits_free(struct search_box *s);
int hits_total(const struct search_box *s);
int hits_all_held(const struct search_box *s);
/* The i-th held hit in group order: its kind and place in the kind
 * (either pointer may be NULL); 0 past the end. */
int hit_at(const struct search_box *s, int i, int *kind, int *idx);
/* Held hit idx of kind, borrowed from the table: as shown, or (english)
 * with the label and detail the core gave. */
struct dci_hit hit_get(const struct search_box *s, int kind, int idx, int english);
/* Row i of a table of hits of kind, likewise. */
struct dci_hit hit_row(const struct rows *r, size_t i, int kind, int english);
/* The flat index of hit idx of kind. */
int flat_index(const struct search_box *s, int kind, int idx);
/* Search for the text, holding the hits a results area of rows rows
 * shows, then find the answer. */
void hits_run(struct search_box *s, struct tui *t, int rows);
/* The hit at (kind, idx) among all the hits of the text, appended to
 * one (an empty table of HF_FIELDS): from the held rows when it is one,
 * else from the registry.  1 when found. */
int hits_fetch(struct search_box *s, struct tui *t, int kind, long idx, struct rows *one);
/* How many hits of kind the text has in all. */
long hits_count(struct search_box *s, struct tui *t, int kind);

/* ---- search_answer.c ---- */
void answer_clear(struct search_box *s);
/* Find and word the answer to the text; sets the selection to its hit. */
int answer_run(struct search_box *s, struct tui *t);
/* Word the answer for the selected hit. */
void answer_selected(struct search_box *s, struct tui *t);

/* ---- search_draw.c ---- */
/* Rows of the answer area at the bottom of a results area of rows rows. */
int answer_rows(int rows);
/* The held hit drawn on row of the results, or -1. */
int hit_on_row(const struct search_box *s, int rows, int row);
void search_draw(void *st, struct tui *t, struct canvas *cv, int focused);

#endif
