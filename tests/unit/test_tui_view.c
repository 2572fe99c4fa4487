/* SPDX-License-Identifier: MIT */
/*
 * test_tui_view.c: what decides how the browser shows facts: the stale
 * threshold (tui/stale.c) and the language asked for by the environment
 * (tui/i18n.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>
#include "../../core/dcinet.h"
#include "../../tui/i18n.h"
#include "../../tui/stale.h"

/* 2026-11-23 12:00 UTC */
#define NOW ((time_t)1795435200)

static void test_stale_default(void **state)
{
	struct stale s;
	char *d;

	(void)state;
	stale_init(&s, NULL, NOW);
	assert_int_equal(s.years, STALE_YEARS_DEFAULT);
	assert_string_equal(s.cutoff, "2021-11-23");
	assert_true(stale_is_old(&s, "2013-04-23"));
	assert_true(stale_is_old(&s, "2013"));
	assert_true(stale_is_old(&s, "2021-11-22"));
	assert_false(stale_is_old(&s, "2021-11-23"));
	assert_false(stale_is_old(&s, "2021-11"));      /* its last day is 2021-11-31 */
	assert_false(stale_is_old(&s, "2021"));         /* 2021-12-31 */
	assert_true(stale_is_old(&s, "2021-10"));
	assert_false(stale_is_old(&s, "2025-04-15"));
	assert_false(stale_is_old(&s, ""));
	assert_false(stale_is_old(&s, NULL));
	assert_false(stale_is_old(&s, "undated"));
	assert_false(stale_is_old(&s, "2013-4-23"));
	assert_false(stale_is_old(&s, "20133"));
	d = stale_date(&s, 0, "2013-04-23");
	assert_string_equal(d, "2013-04-23\xE2\x80\xA0");
	free(d);
	d = stale_date(&s, 1, "2013-04-23");
	assert_string_equal(d, "2013-04-23!");
	free(d);
	d = stale_date(&s, 0, "2025");
	assert_string_equal(d, "2025");
	free(d);
	d = stale_date(&s, 0, NULL);
	assert_string_equal(d, "");
	free(d);
}

static void test_stale_env(void **state)
{
	struct stale s;

	(void)state;
	stale_init(&s, "100", NOW);
	assert_int_equal(s.years, 100);
	assert_false(stale_is_old(&s, "2013-04-23"));
	assert_true(stale_is_old(&s, "1900"));
	stale_init(&s, "0", NOW);
	assert_int_equal(s.years, 0);
	assert_false(stale_is_old(&s, "1900"));
	stale_init(&s, "1", NOW);
	assert_string_equal(s.cutoff, "2025-11-23");
	/* Not a whole number of years: the default. */
	stale_init(&s, "five", NOW);
	assert_int_equal(s.years, STALE_YEARS_DEFAULT);
	stale_init(&s, "-3", NOW);
	assert_int_equal(s.years, STALE_YEARS_DEFAULT);
	stale_init(&s, "5y", NOW);
	assert_int_equal(s.years, STALE_YEARS_DEFAULT);
	stale_init(&s, "", NOW);
	assert_int_equal(s.years, STALE_YEARS_DEFAULT);
	stale_init(&s, "99999999999999999999", NOW);
	assert_int_equal(s.years, STALE_YEARS_DEFAULT);
	stale_init(&s, "1000", NOW);
	assert_string_equal(s.cutoff, "1026-11-23");
	stale_init(&s, "1000", (time_t)0);
	assert_string_equal(s.cutoff, "0970-01-01");
}

static void test_env_french(void **state)
{
	(void)state;
	assert_false(i18n_env_wants_french(NULL, NULL, NULL, NULL));
	assert_false(i18n_env_wants_french("", "", "", "C.UTF-8"));
	assert_true(i18n_env_wants_french(NULL, NULL, NULL, "fr_FR.UTF-8"));
	assert_true(i18n_env_wants_french(NULL, NULL, NULL, "fr"));
	assert_true(i18n_env_wants_french(NULL, NULL, NULL, "fr_CA.UTF-8@euro"));
	assert_false(i18n_env_wants_french(NULL, NULL, NULL, "fry_NL.UTF-8"));
	assert_false(i18n_env_wants_french(NULL, NULL, NULL, "en_GB.UTF-8"));
	/* POSIX order: LC_ALL, then LC_MESSAGES, then LANG. */
	assert_true(i18n_env_wants_french(NULL, "fr_FR.UTF-8", NULL, "en_US.UTF-8"));
	assert_false(i18n_env_wants_french(NULL, "C.UTF-8", "fr_FR.UTF-8", "fr_FR.UTF-8"));
	assert_true(i18n_env_wants_french(NULL, "", "fr_BE.UTF-8", "en_US.UTF-8"));
	/* LANGUAGE first: its first English or French entry decides. */
	assert_true(i18n_env_wants_french("fr", NULL, NULL, "C.UTF-8"));
	assert_true(i18n_env_wants_french("de:fr_FR:en", NULL, NULL, "C.UTF-8"));
	assert_false(i18n_env_wants_french("en:fr", NULL, NULL, "fr_FR.UTF-8"));
	assert_false(i18n_env_wants_french("en_GB", "fr_FR.UTF-8", NULL, NULL));
	assert_true(i18n_env_wants_french("de", NULL, NULL, "fr_FR.UTF-8"));
	assert_true(i18n_env_wants_french("::fr", NULL, NULL, NULL));
}

static void test_tr_empty(void **state)
{
	(void)state;
	/* gettext("") is the catalogue's header: _() must not ask for it. */
	assert_string_equal(i18n_tr(""), "");
	assert_null(i18n_tr(NULL));
	assert_string_equal(i18n_tr("Posts"), "Posts");   /* no catalogue bound */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stale_default),
		cmocka_unit_test(test_stale_env),
		cmocka_unit_test(test_env_french),
		cmocka_unit_test(test_tr_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
