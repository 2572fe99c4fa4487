/* SPDX-License-Identifier: MIT */
/*
 * str.c: allocated string builders (see str.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "str.h"

char *str_printf(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int len;
	char *s;

	/* One formatting, not a measuring one and then another, for what
	 * fits the buffer: nearly every string a pane builds. */
	va_start(ap, fmt);
	len = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (len < 0)
		return NULL;
	s = malloc((size_t)len + 1);
	if (s == NULL)
		return NULL;
	if ((size_t)len < sizeof(buf)) {
		memcpy(s, buf, (size_t)len + 1);
		return s;
	}
	va_start(ap, fmt);
	vsnprintf(s, (size_t)len + 1, fmt, ap);
	va_end(ap);
	return s;
}

char *str_dup(const char *s)
{
	return strdup(s ? s : "");
}

char *str_join(const char *a, const char *sep, const char *b)
{
	a = a ? a : "";
	b = b ? b : "";
	if (a[0] && b[0])
		return str_printf("%s%s%s", a, sep, b);
	return str_printf("%s", a[0] ? a : b);
}
