/* SPDX-License-Identifier: MIT */
/*
 * localtime.c: a post's local time, from tzdata through the C library.
 *
 * Reading a zone means setting TZ and calling tzset(), which reads and
 * parses the zone's file, twice (the zone, then back): far more than the
 * rest of an answer.  So each zone's offset from UTC is kept, with the
 * quarter of an hour (UTC) it was read in: every change of offset in
 * tzdata falls on a quarter hour, so within one the offset cannot change,
 * and the local time is UTC plus the offset kept.  A zone is read again
 * at most once a quarter hour.
 *
 * clock_now() is the one reading of the clock for what the screens show
 * (local times, the stale mark's threshold): DCINET_NOW, seconds since
 * the epoch, stands in for it so screen tests are the same every day.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "internal.h"

#define ZONES_KEPT 64
#define QUARTER 900

struct zone_kept {
	char tz[64];
	time_t quarter;            /* now / QUARTER when read */
	long gmtoff;               /* seconds east of UTC then */
	int known;                 /* the zone exists */
};

/* One process, one thread at a time (dcinet.h): a zone once read is the
 * same for every registry. */
static struct zone_kept zones[ZONES_KEPT];
static int zones_next;

/* Read tz's offset at now through the C library; -1 when tz is unknown. */
static int zone_read(const char *tz, time_t now, long *gmtoff)
{
	char path[256], *saved = NULL, spec[256];
	const char *old;
	struct tm tm;
	int ok;

	snprintf(path, sizeof(path), "/usr/share/zoneinfo/%s", tz);
	if (access(path, R_OK) != 0)
		return -1;
	old = getenv("TZ");
	if (old)
		saved = strdup(old);
	snprintf(spec, sizeof(spec), ":%s", tz);
	setenv("TZ", spec, 1);
	tzset();
	ok = localtime_r(&now, &tm) != NULL;
	if (saved) {
		setenv("TZ", saved, 1);
		free(saved);
	} else {
		unsetenv("TZ");
	}
	tzset();
	if (!ok)
		return -1;
	*gmtoff = tm.tm_gmtoff;
	return 0;
}

long long clock_now(void)
{
	const char *v = getenv("DCINET_NOW");
	char *end;
	long long n;

	if (v != NULL && v[0] != '\0') {
		n = strtoll(v, &end, 10);
		if (*end == '\0' && n >= 0)
			return n;
	}
	return (long long)time(NULL);
}

int tz_local_time(const char *tz, char *buf, size_t buflen)
{
	time_t now = (time_t)clock_now(), quarter = now / QUARTER;
	struct zone_kept *z = NULL;
	long off, a;
	struct tm tm;
	time_t local;
	int i, n;

	if (!tz || !tz[0] || strstr(tz, "..") || buflen == 0)
		return -1;
	for (i = 0; i < ZONES_KEPT; i++)
		if (zones[i].tz[0] && strcmp(zones[i].tz, tz) == 0) {
			z = &zones[i];
			break;
		}
	if (!z || z->quarter != quarter) {
		int known;

		known = zone_read(tz, now, &off) == 0;
		if (strlen(tz) < sizeof(z->tz)) {
			if (!z) {
				z = &zones[zones_next];
				zones_next = (zones_next + 1) % ZONES_KEPT;
				snprintf(z->tz, sizeof(z->tz), "%s", tz);
			}
			z->quarter = quarter;
			z->known = known;
			z->gmtoff = known ? off : 0;
		}
		if (!known)
			return -1;
	} else if (!z->known) {
		return -1;
	} else {
		off = z->gmtoff;
	}
	local = now + off;
	if (!gmtime_r(&local, &tm))
		return -1;
	a = off < 0 ? -off : off;
	n = snprintf(buf, buflen, "%02d:%02d %c%02ld%02ld", tm.tm_hour, tm.tm_min,
	             off < 0 ? '-' : '+', a / 3600, a / 60 % 60);
	return n > 0 && (size_t)n < buflen ? 0 : -1;
}
