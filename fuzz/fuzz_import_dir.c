/* SPDX-License-Identifier: MIT */
/*
 * fuzz_import_dir.c: a whole registry directory.  The input is every file
 * of registry_tables in load order (sources.csv first, themes.csv last)
 * separated by the byte 0x1E (ASCII record separator); the last file takes
 * the rest of the input, and a file the input does not reach is absent
 * from the directory.  Every input is checked with the importer's fast
 * load (fuzzlib.h); one that loads cleanly is then loaded whole with
 * registry_load_dir, search indexes and list orders made from it.
 * Seeds: make fuzz-corpus.
 */
#include "fuzzlib.h"

#define FILE_SEP 0x1E
#define FULL_LOAD 1  /* a clean directory is also loaded with its search indexes */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t t, start = 0, end;

	fuzz_setup();
	for (t = 0; t < registry_table_count; t++) {
		if (start > size) {
			fuzz_unlink(t);
			continue;
		}
		end = start;
		while (end < size && data[end] != FILE_SEP)
			end++;
		/* the last file takes the rest, separators and all */
		if (t + 1 == registry_table_count)
			end = size;
		fuzz_write(t, data + start, end - start);
		start = end + 1;
	}
	fuzz_check_dir(FULL_LOAD);
	for (t = 0; t < registry_table_count; t++)
		fuzz_restore(t);
	return 0;
}
