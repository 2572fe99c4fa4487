/* SPDX-License-Identifier: MIT */
/*
 * test_core_fuzz_import_dir.c: fuzz/fuzz_import_dir.c replayed on fuzz/regress/import_dir/.
 */
#include "../../fuzz/fuzz_import_dir.c"
#define FUZZ_NAME "import_dir"
#include "../../fuzz/replay.h"
