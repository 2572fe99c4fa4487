/* SPDX-License-Identifier: MIT */
/*
 * test_cli_heap.c: heap_prefer_huge_page() (cli/heap.c): a block
 * allocated after it lies at the start of a 2 MB-aligned range that the
 * kernel holds eligible for a transparent huge page, and malloc works as
 * before.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "../../cli/cli.h"

#define HUGE_PAGE ((uintptr_t)2 << 20)

/* The "THPeligible:" value of the mapping of /proc/self/smaps holding
 * addr, or -1. */
static int thp_eligible(uintptr_t addr)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	char line[512];
	int inside = 0, v = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		unsigned long lo, hi;

		if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2 && strchr(line, '-') < strchr(line, ' '))
			inside = addr >= lo && addr < hi;
		else if (inside && sscanf(line, "THPeligible: %d", &v) == 1)
			break;
	}
	fclose(f);
	return v;
}

static int thp_never(void)
{
	FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
	char line[128] = "";
	int never;

	if (!f)
		return 1;
	never = !fgets(line, sizeof(line), f) || strstr(line, "[never]") != NULL;
	fclose(f);
	return never;
}

static void test_next_blocks_lie_in_one_advised_huge_page(void **state)
{
	char *a, *b;
	int i;

	(void)state;
	if (!heap_prefer_huge_page()) {
		/* ASan's or valgrind's allocator: nothing to check but malloc */
		a = malloc(100);
		assert_non_null(a);
		free(a);
		skip();
	}
	/* bigger than any block freed before, so carved from the free top */
	b = malloc(300000);
	assert_non_null(b);
	assert_true((uintptr_t)b % HUGE_PAGE < 4096);
	assert_int_equal((uintptr_t)b / HUGE_PAGE, ((uintptr_t)b + 300000) / HUGE_PAGE);
	if (!thp_never())
		assert_int_equal(thp_eligible((uintptr_t)b), 1);
	a = malloc(100);
	assert_non_null(a);
	memset(b, 1, 300000);
	for (i = 0; i < 1000; i++)
		free(malloc((size_t)(i * 37 % 5000 + 1)));
	free(b);
	free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next_blocks_lie_in_one_advised_huge_page),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
