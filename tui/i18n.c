/* SPDX-License-Identifier: MIT */
/*
 * i18n.c: gettext for the interface, switched between English and French
 * at run time (see i18n.h).
 *
 * GNU gettext reads LANGUAGE before the locale's own name, except when
 * LC_MESSAGES is exactly "C"; and it caches translations until a
 * successful setlocale() changes a category.  So a switch sets LANGUAGE,
 * then sets LC_MESSAGES to "C" and back to the locale in use ("C.UTF-8"
 * when that was "C" and French is wanted), which empties the cache.
 */
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "i18n.h"
#include "path.h"

#ifndef DCINET_LOCALEDIR
#define DCINET_LOCALEDIR "/usr/local/share/locale"
#endif

/* The LC_MESSAGES locale the environment gave (or the fallback's). */
static char messages_locale[256] = "C";

const char *i18n_tr(const char *msgid)
{
	if (msgid == NULL || msgid[0] == '\0')
		return msgid;
	return dgettext(I18N_DOMAIN, msgid);
}

const char *i18n_trn(const char *one, const char *many, unsigned long n)
{
	return dngettext(I18N_DOMAIN, one, many, n);
}

static int is_french(const char *name)
{
	return strncasecmp(name, "fr", 2) == 0 && (name[2] == '\0' || name[2] == '_' ||
	                                           name[2] == '.' || name[2] == '@');
}

static int is_english(const char *name)
{
	return strncasecmp(name, "en", 2) == 0 && (name[2] == '\0' || name[2] == '_' ||
	                                           name[2] == '.' || name[2] == '@');
}

int i18n_env_wants_french(const char *language, const char *lc_all,
                          const char *lc_messages, const char *lang)
{
	const char *posix[] = { lc_all, lc_messages, lang };
	size_t i;

	for (; language != NULL && language[0] != '\0'; language += strcspn(language, ":")) {
		char entry[32];
		size_t len;

		language += strspn(language, ":");
		len = strcspn(language, ":");
		if (len == 0 || len >= sizeof(entry))
			continue;
		memcpy(entry, language, len);
		entry[len] = '\0';
		if (is_french(entry))
			return 1;
		if (is_english(entry))
			return 0;
	}
	for (i = 0; i < sizeof(posix) / sizeof(posix[0]); i++)
		if (posix[i] != NULL && posix[i][0] != '\0')
			return is_french(posix[i]);
	return 0;
}

static int has_catalogue(const char *dir)
{
	char path[PATH_MAX];

	if ((size_t)snprintf(path, sizeof(path), "%s/fr/LC_MESSAGES/%s.mo", dir, I18N_DOMAIN)
	    >= sizeof(path))
		return 0;
	return access(path, R_OK) == 0;
}

void i18n_locale_dir(char *buf, size_t n)
{
	char exe[PATH_MAX];

	if (path_exe_dir(exe, sizeof(exe)) == 0 &&
	    (size_t)snprintf(buf, n, "%s/locale", exe) < n && has_catalogue(buf))
		return;
	snprintf(buf, n, "%s", DCINET_LOCALEDIR);
}

void i18n_set_french(int on)
{
	const char *want = messages_locale;

	setenv("LANGUAGE", on ? "fr" : "en", 1);
	if (on && (strcmp(want, "C") == 0 || strcmp(want, "POSIX") == 0))
		want = "C.UTF-8";
	setlocale(LC_MESSAGES, "C");
	if (setlocale(LC_MESSAGES, want) == NULL)
		setlocale(LC_MESSAGES, messages_locale);
}

/* The categories dcinet uses: the character set, the language, and the
 * decimal point of --import's message.  Each category is a file to load
 * (where no locale archive holds them), so the others (collation, time,
 * money, paper...) are left as they are: setting them all took nearly
 * twice as long at start-up. */
static const int used_categories[] = { LC_CTYPE, LC_MESSAGES, LC_NUMERIC };

static int locale_set(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(used_categories) / sizeof(used_categories[0]); i++)
		if (setlocale(used_categories[i], name) == NULL)
			return -1;
	return 0;
}

int i18n_init(void)
{
	char dir[PATH_MAX];
	const char *loc;
	int french = i18n_env_wants_french(getenv("LANGUAGE"), getenv("LC_ALL"),
	                                   getenv("LC_MESSAGES"), getenv("LANG"));

	if (locale_set("") != 0)
		locale_set("C.UTF-8");
	loc = setlocale(LC_MESSAGES, NULL);
	snprintf(messages_locale, sizeof(messages_locale), "%s", loc ? loc : "C");
	i18n_locale_dir(dir, sizeof(dir));
	bindtextdomain(I18N_DOMAIN, dir);
	bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
	i18n_set_french(french);
	return french;
}
