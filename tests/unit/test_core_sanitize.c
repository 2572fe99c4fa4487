/* SPDX-License-Identifier: MIT */
/*
 * test_core_sanitize.c: the one gate between data and the terminal.
 */
#include "testutil.h"

static const char *clean(const char *in, int flags)
{
	static char out[256];

	text_sanitize(out, sizeof(out), in, flags);
	return out;
}

static void test_plain_text_unchanged(void **state)
{
	(void)state;
	assert_string_equal(clean("Yaoundé, Athènes, ç", 0), "Yaoundé, Athènes, ç");
	assert_string_equal(clean("", 0), "");
	assert_string_equal(clean(NULL, 0), "");
}

static void test_escape_sequences_made_visible(void **state)
{
	(void)state;
	assert_string_equal(clean("a\x1b[2Jb", 0), "a^[[2Jb");
	/* OSC 52 clipboard write and OSC 8 link, BEL- and ST-terminated */
	assert_string_equal(clean("\x1b]52;c;ZXZpbA==\x07", 0), "^[]52;c;ZXZpbA==^G");
	assert_string_equal(clean("\x1b]8;;http://x\x1b\\y", 0), "^[]8;;http://x^[\\y");
	assert_string_equal(clean("tab\there\r\n", 0), "tab^Ihere^M^J");
	assert_string_equal(clean("del\x7f", 0), "del^?");
}

static void test_c1_bidi_and_bad_bytes_replaced(void **state)
{
	(void)state;
	/* U+009B is an 8-bit CSI on some terminals */
	assert_string_equal(clean("a\xc2\x9b" "2Jb", 0), "a\xEF\xBF\xBD" "2Jb");
	/* U+202E RIGHT-TO-LEFT OVERRIDE, U+2066 LEFT-TO-RIGHT ISOLATE */
	assert_string_equal(clean("x\xe2\x80\xae" "abc", 0), "x\xEF\xBF\xBD" "abc");
	assert_string_equal(clean("\xe2\x81\xa6y", 0), "\xEF\xBF\xBD" "y");
	assert_string_equal(clean("bad\xff\xc0\xaf", 0), "bad\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	assert_string_equal(clean("a\x1b[2Jb\xc2\x9b", SANITIZE_ASCII), "a^[[2Jb?");
}

static void test_ascii_transliteration(void **state)
{
	(void)state;
	assert_string_equal(clean("Sécurité intérieure, Côte d’Ivoire, Œuvre", SANITIZE_ASCII),
	                    "Securite interieure, Cote d'Ivoire, OEuvre");
	assert_string_equal(clean("北京", SANITIZE_ASCII), "??");
}

static void test_truncation_keeps_characters_whole(void **state)
{
	char out[5];

	(void)state;
	assert_int_equal(text_sanitize(out, sizeof(out), "aébc", 0), 4);
	assert_string_equal(out, "aéb");
	assert_int_equal(text_sanitize(out, 4, "aéé", 0), 3);
	assert_string_equal(out, "aé");
	assert_int_equal(text_sanitize(out, 3, "\x1b\x1b", 0), 2);
	assert_string_equal(out, "^[");
	assert_int_equal(text_sanitize(out, 0, "x", 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_text_unchanged),
		cmocka_unit_test(test_escape_sequences_made_visible),
		cmocka_unit_test(test_c1_bidi_and_bad_bytes_replaced),
		cmocka_unit_test(test_ascii_transliteration),
		cmocka_unit_test(test_truncation_keeps_characters_whole),
	};

	return cmocka_run_group_tests_name("core sanitize", tests, NULL, NULL);
}
