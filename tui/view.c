/* SPDX-License-Identifier: MIT */
/*
 * view.c: words written the same way by every pane (see view.h).
 */
#include <assert.h>
#include <string.h>
#include "str.h"
#include "view.h"

const char *view_dot(const struct view *v)
{
	return v->ascii ? " - " : " \xC2\xB7 ";
}

const char *view_local(const struct view *v, const char *en, const char *fr)
{
	assert(en != NULL && fr != NULL);
	return v->french && fr[0] ? fr : en;
}

char *view_both(const struct view *v, const char *en, const char *fr)
{
	const char *first = view_local(v, en, fr);
	const char *second = first == en ? fr : en;

	if (second[0] && strcmp(first, second) != 0)
		return str_printf("%s (%s)", first, second);
	return str_printf("%s", first);
}
