/* SPDX-License-Identifier: MIT */
/*
 * replay.h: a fuzz target as a cmocka test.  Included after the target's
 * source with FUZZ_NAME defined; feeds LLVMFuzzerTestOneInput every file
 * of fuzz/regress/FUZZ_NAME/ (in name order), so that `make test`, and
 * with it test-asan and test-valgrind, replays every input the fuzzer
 * ever crashed on.  Runs from the top of the source tree, as make does.
 */
#ifndef DCINET_REPLAY_H
#define DCINET_REPLAY_H

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#ifndef FUZZ_NAME
#error "define FUZZ_NAME before including replay.h"
#endif
#define REGRESS_DIR "fuzz/regress/" FUZZ_NAME

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int visible(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

static void test_replay_regressions(void **state)
{
	struct dirent **names;
	char path[1024];
	int n, i;

	(void)state;
	n = scandir(REGRESS_DIR, &names, visible, by_name);
	assert_true(n > 0);
	for (i = 0; i < n; i++) {
		struct fuzz_blob b;

		snprintf(path, sizeof(path), "%s/%s", REGRESS_DIR, names[i]->d_name);
		fuzz_slurp(path, &b);
		fuzz_input_name = path;
		LLVMFuzzerTestOneInput((const uint8_t *)b.bytes, b.len);
		fuzz_input_name = NULL;
		free(b.bytes);
		free(names[i]);
	}
	free(names);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_replay_regressions),
	};

	return cmocka_run_group_tests_name("fuzz regressions: " FUZZ_NAME, tests, NULL, NULL);
}

#endif
