/* SPDX-License-Identifier: MIT */
/*
 * test_tui_fuzz_osc.c: fuzz/fuzz_osc.c replayed on fuzz/regress/osc/.
 */
#include "../../fuzz/fuzz_osc.c"
#define FUZZ_NAME "osc"
#include "../../fuzz/replay.h"
