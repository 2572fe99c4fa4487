/* SPDX-License-Identifier: MIT */
/*
 * fuzz_import_file.c: one table's CSV file, anything at all, loaded with
 * the other files of the mini fixture.  The first byte of the input
 * picks the table (in load order, modulo the table count); the rest is
 * the file.  A first byte from 0xF0 on also has the importer read every
 * file in a thread of its own (in the fuzz build: see fuzz/hooks.h), the
 * path of files of 4 MB and more; the other inputs stay in one thread,
 * which is much faster.  Seeds: make fuzz-corpus (fuzz/corpus-import_file/).
 */
#include "fuzzlib.h"

#define THREADED_FROM 0xF0
#define FULL_LOAD 0  /* fuzz_import_dir builds the registries; here only the rules */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t t;

	if (size == 0)
		return 0;
	fuzz_setup();
	t = data[0] % registry_table_count;
	fuzz_write(t, data + 1, size - 1);
	fuzz_threads(data[0] >= THREADED_FROM);
	fuzz_check_dir(FULL_LOAD);
	fuzz_threads(0);
	fuzz_restore(t);
	return 0;
}
