/* SPDX-License-Identifier: MIT */
/*
 * i18n.h: the interface's language, English or French, switched at run
 * time.
 *
 * Interface strings go through gettext (domain "dcinet", catalogue
 * po/fr.po); the registry's own French columns are chosen by the panes
 * from t->view.french.  Wrap a string shown to the user in _() where it
 * is used; a string in a static table in N_(), then _() where it is
 * shown.  _() of NULL or "" gives the argument back (gettext("") would
 * give the catalogue's header).
 */
#ifndef DCINET_TUI_I18N_H
#define DCINET_TUI_I18N_H

#include <stddef.h>

#define _(s) i18n_tr(s)
#define N_(s) (s)

#define I18N_DOMAIN "dcinet"

const char *i18n_tr(const char *msgid) __attribute__((format_arg(1)));

/* The plural form of a message for n (ngettext). */
const char *i18n_trn(const char *one, const char *many, unsigned long n)
	__attribute__((format_arg(1))) __attribute__((format_arg(2)));

/* Whether the environment asks for French: the first of LANGUAGE's
 * entries that is English or French decides, else the first set of
 * LC_ALL, LC_MESSAGES and LANG (POSIX order).  Any argument may be NULL. */
int i18n_env_wants_french(const char *language, const char *lc_all,
                          const char *lc_messages, const char *lang);

/* Where the catalogues are: <directory of the executable>/locale when it
 * holds fr/LC_MESSAGES/dcinet.mo (the build tree), else the compiled-in
 * DCINET_LOCALEDIR (an installed copy).  Writes the path into buf. */
void i18n_locale_dir(char *buf, size_t n);

/* Set the locale's character set, language and numbers from the
 * environment (the categories dcinet uses); when that locale is not
 * installed, fall back to C.UTF-8 (so UTF-8 still shows).  Binds the
 * catalogue, in UTF-8 whatever the character set (the drawing code
 * transliterates for 7-bit terminals).  Returns 1 when the environment
 * asks for French (see i18n_env_wants_french), and switches to it. */
int i18n_init(void);

/* Switch the interface strings to French (on) or English: sets LANGUAGE
 * and re-reads LC_MESSAGES, which makes gettext drop what it cached. */
void i18n_set_french(int on);

#endif
