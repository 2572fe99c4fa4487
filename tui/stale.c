/*
 * stale.c: old facts (see stale.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "stale.h"
#include "str.h"

void stale_init(struct stale *s, const char *env_years, time_t now)
{
	struct tm tm;
	char *end = NULL;
	long years = STALE_DEFAULT_YEARS;

	if (env_years != NULL && env_years[0] != '\0') {
		long v = strtol(env_years, &end, 10);

		if (end != NULL && *end == '\0' && v >= 0 && v <= STALE_MAX_YEARS)
			years = v;
	}
	s->years = (int)years;
	if (gmtime_r(&now, &tm) == NULL)
		memset(&tm, 0, sizeof(tm));
	{
		char buf[48];
		int year = tm.tm_year + 1900 - s->years;

		snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year < 0 ? 0 : year, tm.tm_mon + 1,
		         tm.tm_mday);
		snprintf(s->cutoff, sizeof(s->cutoff), "%.10s", buf);
	}
}

static int digits(const char *p, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return 0;
	return 1;
}

int stale_is_old(const struct stale *s, const char *date)
{
	char last[11];
	size_t len = date ? strlen(date) : 0;

	if (s->years <= 0 || len < 4 || !digits(date, 4))
		return 0;
	if (len == 4)
		snprintf(last, sizeof(last), "%.4s-12-31", date);
	else if (len == 7 && date[4] == '-' && digits(date + 5, 2))
		snprintf(last, sizeof(last), "%.7s-31", date);
	else if (len == 10 && date[4] == '-' && date[7] == '-' && digits(date + 5, 2) &&
	         digits(date + 8, 2))
		snprintf(last, sizeof(last), "%.10s", date);
	else
		return 0;
	return strcmp(last, s->cutoff) < 0;
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
