/* SPDX-License-Identifier: MIT */
/*
 * test_core_fuzz_query.c: fuzz/fuzz_query.c replayed on fuzz/regress/query/.
 */
#include "../../fuzz/fuzz_query.c"
#define FUZZ_NAME "query"
#include "../../fuzz/replay.h"
