/* SPDX-License-Identifier: MIT */
/*
 * test_core_fuzz_sanitize.c: fuzz/fuzz_sanitize.c replayed on fuzz/regress/sanitize/.
 */
#include "../../fuzz/fuzz_sanitize.c"
#define FUZZ_NAME "sanitize"
#include "../../fuzz/replay.h"
