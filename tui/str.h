/* SPDX-License-Identifier: MIT */
/*
 * str.h: small string builders for composing display lines.  Results are
 * allocated; the caller frees them.  On allocation failure they return
 * NULL, which every doc_* and draw_* function reads as "".
 */
#ifndef DCINET_TUI_STR_H
#define DCINET_TUI_STR_H

char *str_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A copy of s, "" when s is NULL; NULL only when out of memory. */
char *str_dup(const char *s);

/* "a" sep "b"; only the non-empty one when the other is empty. */
char *str_join(const char *a, const char *sep, const char *b);

#endif
