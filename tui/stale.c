/* SPDX-License-Identifier: MIT */
/*
 * stale.c: old facts (see stale.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../core/dcinet.h"
#include "stale.h"
#include "str.h"

void stale_init(struct stale *s, const char *env_years, time_t now)
{
	char *end = NULL;
	long years = STALE_YEARS_DEFAULT;

	if (env_years != NULL && env_years[0] != '\0') {
		long v = strtol(env_years, &end, 10);

		if (end != NULL && *end == '\0' && v >= 0 && v <= STALE_MAX_YEARS)
			years = v;
	}
	s->years = (int)years;
	stale_cutoff(s->cutoff, sizeof(s->cutoff), s->years, (long long)now);
}

int stale_is_old(const struct stale *s, const char *date)
{
	return s->years > 0 && date_is_before(date, s->cutoff);
}

const char *stale_mark(int ascii)
{
	return ascii ? "!" : "\xE2\x80\xA0";
}

char *stale_date(const struct stale *s, int ascii, const char *date)
{
	if (date == NULL)
		date = "";
	if (stale_is_old(s, date))
		return str_printf("%s%s", date, stale_mark(ascii));
	return str_printf("%s", date);
}
