/* SPDX-License-Identifier: MIT */
/*
 * test_tui_osc.c: the sequences dcinet writes itself (tui/osc.c): the
 * OSC 52 clipboard sequence is the exact base64 of the text, and links
 * (OSC 8) are made only from plain telephone numbers and addresses,
 * never from whatever the data holds.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "../../tui/osc.h"

static void test_base64(void **state)
{
	char out[64];

	(void)state;
	/* RFC 4648, section 10 */
	assert_int_equal(osc_base64(out, (const unsigned char *)"", 0), 0);
	assert_string_equal(out, "");
	osc_base64(out, (const unsigned char *)"f", 1);
	assert_string_equal(out, "Zg==");
	osc_base64(out, (const unsigned char *)"fo", 2);
	assert_string_equal(out, "Zm8=");
	osc_base64(out, (const unsigned char *)"foo", 3);
	assert_string_equal(out, "Zm9v");
	osc_base64(out, (const unsigned char *)"foob", 4);
	assert_string_equal(out, "Zm9vYg==");
	osc_base64(out, (const unsigned char *)"fooba", 5);
	assert_string_equal(out, "Zm9vYmE=");
	assert_int_equal(osc_base64(out, (const unsigned char *)"foobar", 6), 8);
	assert_string_equal(out, "Zm9vYmFy");
	osc_base64(out, (const unsigned char *)"\xC3\xA9\xFF", 3);
	assert_string_equal(out, "w6n/");
}

static void test_osc52(void **state)
{
	char *seq;

	(void)state;
	seq = osc52_copy("Pretoria\nT\xC3\xA9l. : +27\n");
	assert_non_null(seq);
	assert_string_equal(seq, "\033]52;c;UHJldG9yaWEKVMOpbC4gOiArMjcK\a");
	free(seq);
	seq = osc52_copy("");
	assert_string_equal(seq, "\033]52;c;\a");
	free(seq);
}

static void test_tel(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(osc_tel_uri("+27 12 425 1740", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "tel:+27124251740");
	/* the trunk 0 is not dialled from abroad */
	assert_int_equal(osc_tel_uri("+33 (0)1 40 07 60 60", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "tel:+33140076060");
	assert_int_equal(osc_tel_uri("+44 (0) 20 7073 1000", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "tel:+442070731000");
	assert_int_equal(osc_tel_uri("+1 (613) 562-3788", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "tel:+16135623788");
	/* no "+": a local number, whose context the data does not give */
	assert_int_equal(osc_tel_uri("1 613-562-3788", buf, sizeof(buf)), -1);
	assert_string_equal(buf, "");
	assert_int_equal(osc_tel_uri("(+33) 1.40.07.60.60", buf, sizeof(buf)), -1);
	/* Anything else is no link: words, extensions, controls, sequences. */
	assert_int_equal(osc_tel_uri("", buf, sizeof(buf)), -1);
	assert_string_equal(buf, "");
	assert_int_equal(osc_tel_uri("12", buf, sizeof(buf)), -1);
	assert_int_equal(osc_tel_uri("+27 12 425 1740 ext. 5", buf, sizeof(buf)), -1);
	assert_int_equal(osc_tel_uri("+27 12\033]8;;x\033\\", buf, sizeof(buf)), -1);
	assert_int_equal(osc_tel_uri("+27\t12", buf, sizeof(buf)), -1);
	assert_int_equal(osc_tel_uri("27+12", buf, sizeof(buf)), -1);
	assert_int_equal(osc_tel_uri("123456789012345678901", buf, sizeof(buf)), -1);
	assert_int_equal(osc_tel_uri("+27 12 425 1740", buf, 8), -1);
}

static void test_mailto(void **state)
{
	char buf[300];

	(void)state;
	assert_int_equal(osc_mailto_uri("sctip@telkomsa.net", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "mailto:sctip@telkomsa.net");
	assert_int_equal(osc_mailto_uri("ssi.ottawa-amba@diplomatie.gouv.fr", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "mailto:ssi.ottawa-amba@diplomatie.gouv.fr");
	assert_int_equal(osc_mailto_uri("a+b_c%d@x-y.example", buf, sizeof(buf)), 0);
	/* Not a plain address: no link. */
	assert_int_equal(osc_mailto_uri("", buf, sizeof(buf)), -1);
	assert_string_equal(buf, "");
	assert_int_equal(osc_mailto_uri("nobody", buf, sizeof(buf)), -1);
	assert_int_equal(osc_mailto_uri("@example.org", buf, sizeof(buf)), -1);
	assert_int_equal(osc_mailto_uri("a@localhost", buf, sizeof(buf)), -1);
	assert_int_equal(osc_mailto_uri("a@b@example.org", buf, sizeof(buf)), -1);
	assert_int_equal(osc_mailto_uri(".a@example.org", buf, sizeof(buf)), -1);
	assert_int_equal(osc_mailto_uri("a..b@example.org", buf, sizeof(buf)), -1);
	assert_int_equal(osc_mailto_uri("a@example..org", buf, sizeof(buf)), -1);
	assert_int_equal(osc_mailto_uri("a@-example.org", buf, sizeof(buf)), -1);
	assert_int_equal(osc_mailto_uri("a@example-.org", buf, sizeof(buf)), -1);
	assert_int_equal(osc_mailto_uri("a b@example.org", buf, sizeof(buf)), -1);
	assert_int_equal(osc_mailto_uri("a@example.org?subject=x", buf, sizeof(buf)), -1);
	assert_int_equal(osc_mailto_uri("a@example.org\033\\", buf, sizeof(buf)), -1);
	assert_int_equal(osc_mailto_uri("\"a\"@example.org", buf, sizeof(buf)), -1);
	assert_int_equal(osc_mailto_uri("a@exa$<5>mple.org", buf, sizeof(buf)), -1);
	assert_int_equal(osc_mailto_uri("sctip@telkomsa.net", buf, 10), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_base64),
		cmocka_unit_test(test_osc52),
		cmocka_unit_test(test_tel),
		cmocka_unit_test(test_mailto),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
