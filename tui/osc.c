/* SPDX-License-Identifier: MIT */
/*
 * osc.c: OSC 52 and OSC 8 sequences (see osc.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "osc.h"

#define OSC52_HEAD "\033]52;c;"
#define OSC52_TAIL "\a"

size_t osc_base64(char *dst, const unsigned char *src, size_t n)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t i, out = 0;

	for (i = 0; i + 2 < n; i += 3) {
		unsigned long v = (unsigned long)src[i] << 16 | (unsigned long)src[i + 1] << 8
		                  | src[i + 2];

		dst[out++] = digits[v >> 18 & 63];
		dst[out++] = digits[v >> 12 & 63];
		dst[out++] = digits[v >> 6 & 63];
		dst[out++] = digits[v & 63];
	}
	if (i < n) {
		unsigned long v = (unsigned long)src[i] << 16
		                  | (i + 1 < n ? (unsigned long)src[i + 1] << 8 : 0);

		dst[out++] = digits[v >> 18 & 63];
		dst[out++] = digits[v >> 12 & 63];
		dst[out++] = i + 1 < n ? digits[v >> 6 & 63] : '=';
		dst[out++] = '=';
	}
	dst[out] = '\0';
	return out;
}

char *osc52_copy(const char *text)
{
	size_t n = strlen(text);
	size_t size = sizeof(OSC52_HEAD) - 1 + 4 * ((n + 2) / 3) + sizeof(OSC52_TAIL);
	char *seq = malloc(size);
	size_t len;

	if (seq == NULL)
		return NULL;
	memcpy(seq, OSC52_HEAD, sizeof(OSC52_HEAD) - 1);
	len = sizeof(OSC52_HEAD) - 1;
	len += osc_base64(seq + len, (const unsigned char *)text, n);
	memcpy(seq + len, OSC52_TAIL, sizeof(OSC52_TAIL));
	return seq;
}

static int fail(char *buf, size_t n)
{
	if (n > 0)
		buf[0] = '\0';
	return -1;
}

int osc_tel_uri(const char *phone, char *buf, size_t n)
{
	char digits[32];
	size_t nd = 0;
	const char *p;

	for (p = phone; *p == ' '; p++)
		;
	if (*p != '+')
		return fail(buf, n);
	for (p++; *p; p++) {
		if (nd > 0 && strncmp(p, "(0)", 3) == 0) {
			p += 2;
			continue;
		}
		if (*p >= '0' && *p <= '9') {
			if (nd >= 20)
				return fail(buf, n);
			digits[nd++] = *p;
		} else if (!strchr(" -.()", *p)) {
			return fail(buf, n);
		}
	}
	digits[nd] = '\0';
	if (nd < 3 || (size_t)snprintf(buf, n, "tel:+%s", digits) >= n)
		return fail(buf, n);
	return 0;
}

static int is_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

int osc_mailto_uri(const char *email, char *buf, size_t n)
{
	const char *at = strchr(email, '@'), *p;
	int labels = 0, label_len = 0;

	if (at == NULL || at == email || strchr(at + 1, '@') || at - email > 64)
		return fail(buf, n);
	for (p = email; p < at; p++)
		if (!is_alnum(*p) && !strchr("._%+-", *p))
			return fail(buf, n);
	if (email[0] == '.' || at[-1] == '.' || strstr(email, ".."))
		return fail(buf, n);
	for (p = at + 1; ; p++) {
		if (*p == '.' || *p == '\0') {
			if (label_len == 0 || p[-1] == '-')
				return fail(buf, n);
			labels++;
			label_len = 0;
			if (*p == '\0')
				break;
		} else if (is_alnum(*p) || (*p == '-' && label_len > 0)) {
			if (++label_len > 63)
				return fail(buf, n);
		} else {
			return fail(buf, n);
		}
	}
	if (labels < 2 || strlen(at + 1) > 253 ||
	    (size_t)snprintf(buf, n, "mailto:%s", email) >= n)
		return fail(buf, n);
	return 0;
}
