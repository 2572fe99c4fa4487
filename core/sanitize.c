/* SPDX-License-Identifier: MIT */
/*
 * sanitize.c: the one gate between registry text and a terminal.
 *
 * Data is never trusted for display: a field may hold ESC sequences (CSI,
 * OSC 52 clipboard writes, OSC 8 links), C1 controls that some terminals
 * obey as 8-bit CSI, or bidi overrides that make text read backwards.
 * Each is replaced by something visible, so a reader sees that the data is
 * odd instead of having the terminal act on it.
 */
#include <langinfo.h>
#include <string.h>
#include "internal.h"

static int is_format_control(unsigned cp)
{
	return (cp >= 0x200B && cp <= 0x200F)     /* zero-width, LRM, RLM */
	    || (cp >= 0x2028 && cp <= 0x202E)     /* separators, embeddings, overrides */
	    || (cp >= 0x2060 && cp <= 0x206F)     /* isolates, invisible operators */
	    || cp == 0xFEFF                       /* BOM / zero-width no-break */
	    || (cp >= 0xFFF9 && cp <= 0xFFFB);    /* interlinear annotation */
}

/* ASCII stand-ins for the Latin letters French and its neighbours use. */
static const char *ascii_for(unsigned cp)
{
	static const struct { unsigned cp; const char *ascii; } map[] = {
		{0xC0, "A"}, {0xC1, "A"}, {0xC2, "A"}, {0xC3, "A"}, {0xC4, "A"}, {0xC5, "A"},
		{0xC6, "AE"}, {0xC7, "C"}, {0xC8, "E"}, {0xC9, "E"}, {0xCA, "E"}, {0xCB, "E"},
		{0xCC, "I"}, {0xCD, "I"}, {0xCE, "I"}, {0xCF, "I"}, {0xD1, "N"}, {0xD2, "O"},
		{0xD3, "O"}, {0xD4, "O"}, {0xD5, "O"}, {0xD6, "O"}, {0xD8, "O"}, {0xD9, "U"},
		{0xDA, "U"}, {0xDB, "U"}, {0xDC, "U"}, {0xDD, "Y"}, {0xDF, "ss"},
		{0xE0, "a"}, {0xE1, "a"}, {0xE2, "a"}, {0xE3, "a"}, {0xE4, "a"}, {0xE5, "a"},
		{0xE6, "ae"}, {0xE7, "c"}, {0xE8, "e"}, {0xE9, "e"}, {0xEA, "e"}, {0xEB, "e"},
		{0xEC, "i"}, {0xED, "i"}, {0xEE, "i"}, {0xEF, "i"}, {0xF1, "n"}, {0xF2, "o"},
		{0xF3, "o"}, {0xF4, "o"}, {0xF5, "o"}, {0xF6, "o"}, {0xF8, "o"}, {0xF9, "u"},
		{0xFA, "u"}, {0xFB, "u"}, {0xFC, "u"}, {0xFD, "y"}, {0xFF, "y"},
		{0x152, "OE"}, {0x153, "oe"}, {0x178, "Y"}, {0xA0, " "}, {0xAB, "\""},
		{0xBB, "\""}, {0x2013, "-"}, {0x2014, "-"}, {0x2018, "'"}, {0x2019, "'"},
		{0x201C, "\""}, {0x201D, "\""}, {0x2026, "..."}, {0x20AC, "EUR"},
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(map); i++)
		if (map[i].cp == cp)
			return map[i].ascii;
	return "?";
}

size_t text_sanitize(char *dst, size_t dstsz, const char *src, int flags)
{
	const unsigned char *s = (const unsigned char *)(src ? src : "");
	size_t n = strlen((const char *)s), i = 0, out = 0;
	const char *bad = (flags & SANITIZE_ASCII) ? "?" : "\xEF\xBF\xBD";

	if (dstsz == 0)
		return 0;
	while (i < n) {
		char tmp[8];
		const char *rep = tmp;
		size_t replen, len;
		unsigned cp;

		if (s[i] >= 0x20 && s[i] < 0x7F) {     /* printable ASCII: most text */
			if (out + 1 >= dstsz)
				break;
			dst[out++] = (char)s[i++];
			continue;
		}
		len = utf8_decode(s + i, n - i, &cp);
		if (len == 0) {
			rep = bad;
			len = 1;
		} else if (cp < 0x20 || cp == 0x7F) {
			tmp[0] = '^';
			tmp[1] = cp == 0x7F ? '?' : (char)(cp + '@');
			tmp[2] = '\0';
		} else if ((cp >= 0x80 && cp <= 0x9F) || is_format_control(cp)) {
			rep = bad;
		} else if (cp >= 0x80 && (flags & SANITIZE_ASCII)) {
			rep = ascii_for(cp);
		} else {
			memcpy(tmp, s + i, len);
			tmp[len] = '\0';
		}
		replen = strlen(rep);
		if (out + replen >= dstsz)
			break;
		memcpy(dst + out, rep, replen);
		out += replen;
		i += len;
	}
	dst[out] = '\0';
	return out;
}

int text_locale_flags(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0) ? 0 : SANITIZE_ASCII;
}
