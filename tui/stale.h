/* SPDX-License-Identifier: MIT */
/*
 * stale.h: which facts are old.  A dated fact (a staff list, a post's
 * last update, a network figure) older than a number of years is shown
 * with a mark after its date: "†", or "!" on a 7-bit terminal, a
 * character and not only a colour.  The rule is the core's
 * (date_is_before), that of --stale.
 */
#ifndef DCINET_TUI_STALE_H
#define DCINET_TUI_STALE_H

#include <time.h>

#define STALE_MAX_YEARS 1000

struct stale {
	int years;                 /* 0: nothing is marked */
	char cutoff[11];           /* "YYYY-MM-DD": dates before it are old */
};

/* The threshold from env_years (DCINET_STALE_YEARS: a whole number of
 * years, 0 to mark nothing; NULL, empty or not a number: the default)
 * and today's date in UTC from now. */
void stale_init(struct stale *s, const char *env_years, time_t now);

/* 1 when date ("YYYY", "YYYY-MM" or "YYYY-MM-DD") is old: a partial date
 * counts as its last day, so "2021" is old only once 2021-12-31 is.
 * 0 for "" and anything that is not a date. */
int stale_is_old(const struct stale *s, const char *date);

/* The mark: "†" (UTF-8) or "!" (ascii). */
const char *stale_mark(int ascii);

/* date followed by the mark when it is old, allocated ("" for NULL). */
char *stale_date(const struct stale *s, int ascii, const char *date);

#endif
