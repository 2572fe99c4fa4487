/*
 * localtime.c: a post's local time, from tzdata through the C library.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "internal.h"

int tz_local_time(const char *tz, char *buf, size_t buflen)
{
	char path[256], *saved = NULL, spec[256];
	const char *old;
	struct tm tm;
	time_t now = time(NULL);
	int ok;

	if (!tz || !tz[0] || strstr(tz, "..") || buflen == 0)
		return -1;
	snprintf(path, sizeof(path), "/usr/share/zoneinfo/%s", tz);
	if (access(path, R_OK) != 0)
		return -1;
	old = getenv("TZ");
	if (old)
		saved = strdup(old);
	snprintf(spec, sizeof(spec), ":%s", tz);
	setenv("TZ", spec, 1);
	tzset();
	ok = localtime_r(&now, &tm) && strftime(buf, buflen, "%H:%M %z", &tm) > 0;
	if (saved) {
		setenv("TZ", saved, 1);
		free(saved);
	} else {
		unsetenv("TZ");
	}
	tzset();
	return ok ? 0 : -1;
}
