/* SPDX-License-Identifier: MIT */
/*
 * evidence.c: a post's evidence in words (see evidence.h).
 */
#include <stdlib.h>
#include "app.h"
#include "evidence.h"
#include "str.h"

char *evidence_words(const struct view *v, const char *kind, const char *date, int official,
                     int sctip)
{
	const char *what = source_kind_phrase(kind);
	char *e, *d, *all;

	if (!what[0])
		return str_printf("%s", _("evidence not classified"));
	d = date[0] ? stale_date(&v->stale, v->ascii, date) : NULL;
	if (official)
		e = str_printf(_("attested by %s, %s"), _(what), d ? d : _("undated"));
	else if (d)
		e = str_printf(_("only %s, latest %.4s"), _(what), date);
	else
		e = str_printf(_("only %s, undated"), _(what));
	free(d);
	if (!sctip)
		return e;
	all = str_join(e, view_dot(v), _("known only before 2010 (SCTIP era)"));
	free(e);
	return all;
}
