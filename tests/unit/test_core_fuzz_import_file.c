/* SPDX-License-Identifier: MIT */
/*
 * test_core_fuzz_import_file.c: fuzz/fuzz_import_file.c replayed on fuzz/regress/import_file/.
 */
#include "../../fuzz/fuzz_import_file.c"
#define FUZZ_NAME "import_file"
#include "../../fuzz/replay.h"
