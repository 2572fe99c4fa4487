/*
 * fuzz_import_file.c: one table's CSV file, anything at all, loaded with
 * the other files of the mini fixture.  The first byte of the input
 * picks the table (in load order, modulo the table count); the rest is
 * the file.  Seeds: make fuzz-corpus (fuzz/corpus-import_file/).
 */
#include "fuzzlib.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t t;

	if (size == 0)
		return 0;
	fuzz_setup();
	t = data[0] % registry_table_count;
	fuzz_write(t, data + 1, size - 1);
	fuzz_check_dir();
	fuzz_restore(t);
	return 0;
}
