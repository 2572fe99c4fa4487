/* SPDX-License-Identifier: MIT */
/*
 * fuzz_sanitize.c: text_sanitize, the one gate between data and the
 * terminal.  The first byte holds the flags and the size of a second,
 * short buffer; the rest is the text.  Whatever comes in, what comes out
 * is valid UTF-8 holding no control character, C1 control, bidi or
 * invisible format character (7-bit only with SANITIZE_ASCII); it is
 * stable (sanitising it again changes nothing); and a short buffer gets a
 * prefix of the full result, cut at a character boundary.
 */
#include "fuzzlib.h"
#include "../core/internal.h"

static void check_clean(const char *out, size_t len, int flags)
{
	const unsigned char *s = (const unsigned char *)out;
	size_t i = 0, n;
	unsigned cp;

	FUZZ_CHECK(strlen(out) == len, "returned %zu for %zu bytes", len, strlen(out));
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		FUZZ_CHECK(n > 0, "invalid UTF-8 at byte %zu", i);
		FUZZ_CHECK(cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp <= 0x9F),
		           "control U+%04X at byte %zu", cp, i);
		FUZZ_CHECK(!(cp >= 0x200B && cp <= 0x200F) && !(cp >= 0x2028 && cp <= 0x202E)
		           && !(cp >= 0x2060 && cp <= 0x206F) && cp != 0xFEFF
		           && !(cp >= 0xFFF9 && cp <= 0xFFFB), "format character U+%04X", cp);
		FUZZ_CHECK(!(flags & SANITIZE_ASCII) || cp < 0x80, "U+%04X in ASCII mode", cp);
		i += n;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *src, *full, *again, small[64];
	size_t len, len2, slen, smallsz;
	int flags;

	if (size == 0)
		return 0;
	flags = data[0] & 1 ? SANITIZE_ASCII : 0;
	smallsz = (size_t)(data[0] >> 1) % sizeof(small);
	src = malloc(size);
	full = malloc(3 * size + 1);
	again = malloc(3 * size + 1);
	FUZZ_CHECK(src && full && again, "out of memory");
	memcpy(src, data + 1, size - 1);
	src[size - 1] = '\0';

	len = text_sanitize(full, 3 * size + 1, src, flags);
	check_clean(full, len, flags);
	len2 = text_sanitize(again, 3 * size + 1, full, flags);
	FUZZ_CHECK(len2 == len && strcmp(again, full) == 0, "not stable: \"%s\" -> \"%s\"",
	           full, again);

	slen = text_sanitize(small, smallsz, src, flags);
	if (smallsz == 0) {
		FUZZ_CHECK(slen == 0, "wrote %zu bytes into no buffer", slen);
	} else {
		FUZZ_CHECK(slen < smallsz, "%zu bytes in a buffer of %zu", slen, smallsz);
		check_clean(small, slen, flags);
		FUZZ_CHECK(slen <= len && memcmp(small, full, slen) == 0,
		           "short result is not a prefix of the full one");
		/* cut only when the next piece (at most 4 bytes) would not fit */
		FUZZ_CHECK(slen == len || slen + 4 >= smallsz,
		           "cut early at %zu of %zu (buffer %zu)", slen, len, smallsz);
	}
	free(src);
	free(full);
	free(again);
	return 0;
}
