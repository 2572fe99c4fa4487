/* SPDX-License-Identifier: MIT */
/*
 * fuzz_osc.c: the only sequences dcinet writes itself (tui/osc.c).  For
 * any phone or e-mail text, a link is either refused (-1, "") or a URI of
 * the promised alphabet: "tel:" with an optional "+" and 3 to 20 digits,
 * "mailto:" with letters, digits, "@" and "._%+-"; never a byte that could
 * end the OSC 8 sequence early.  An OSC 52 copy is the fixed head, base64
 * that decodes back to the text, and BEL.
 */
#include "fuzzlib.h"
#include "../tui/osc.h"

static void check_uri(const char *uri, int rc, const char *scheme, const char *alphabet)
{
	size_t i, n = strlen(scheme);

	if (rc != 0) {
		FUZZ_CHECK(rc == -1 && uri[0] == '\0', "refused with %d, \"%s\"", rc, uri);
		return;
	}
	FUZZ_CHECK(strncmp(uri, scheme, n) == 0, "\"%s\" lacks %s", uri, scheme);
	for (i = n; uri[i]; i++)
		FUZZ_CHECK((uri[i] >= '0' && uri[i] <= '9') || strchr(alphabet, uri[i]),
		           "byte 0x%02x in \"%s\"", (unsigned char)uri[i], uri);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char b64[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";
	char *text, uri[128], *seq;
	size_t i, n, head = strlen("\033]52;c;");

	text = malloc(size + 1);
	FUZZ_CHECK(text != NULL, "out of memory");
	memcpy(text, data, size);
	text[size] = '\0';
	n = strlen(text);

	check_uri(uri, osc_tel_uri(text, uri, sizeof(uri)), "tel:", "+");
	if (uri[0]) {
		FUZZ_CHECK(strlen(uri) <= 4 + 1 + 20 && strlen(uri) >= 4 + 3, "tel length: %s", uri);
		FUZZ_CHECK(!strchr(uri + 5, '+'), "a \"+\" after the first: %s", uri);
	}
	check_uri(uri, osc_mailto_uri(text, uri, sizeof(uri)), "mailto:",
	          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@._%+-");
	/* a small buffer: refused or cut never overflows, never half a URI */
	check_uri(uri, osc_tel_uri(text, uri, 8), "tel:", "+");

	seq = osc52_copy(text);
	FUZZ_CHECK(seq != NULL, "osc52_copy returned NULL");
	FUZZ_CHECK(strncmp(seq, "\033]52;c;", head) == 0, "OSC 52 head");
	FUZZ_CHECK(strlen(seq) == head + 4 * ((n + 2) / 3) + 1, "OSC 52 length");
	for (i = head; seq[i + 1]; i++)
		FUZZ_CHECK(strchr(b64, seq[i]) && seq[i], "byte 0x%02x in the base64",
		           (unsigned char)seq[i]);
	FUZZ_CHECK(seq[i] == '\a', "OSC 52 not ended by BEL");
	free(seq);
	free(text);
	return 0;
}
