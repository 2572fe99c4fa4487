/* SPDX-License-Identifier: MIT */
/*
 * evidence.h: how much a post's facts can be trusted, in words: the kind
 * and date of the best source behind it, as the core ranks them
 * (dci_post.evidence_*), for the answer line and the roster.
 */
#ifndef DCINET_TUI_EVIDENCE_H
#define DCINET_TUI_EVIDENCE_H

struct view;

/* "attested by an embassy page, 2023-09"; "only press reports, latest
 * 2011"; followed by "known only before 2010 (SCTIP era)" when sctip is
 * set.  In the view's language; allocated. */
char *evidence_words(const struct view *v, const char *kind, const char *date, int official,
                     int sctip);

#endif
