/* SPDX-License-Identifier: MIT */
/*
 * hooks.h: forced into every object of the fuzz build (-include, see
 * hardening.mk), where THREAD_MIN_BYTES is defined as this variable: the
 * size from which core/import.c reads a file in a thread of its own.  A
 * target sets it per input with fuzz_threads() (fuzz/fuzzlib.h), which
 * also defines it.  The normal build and the replay tests do not see it.
 */
#ifndef DCINET_FUZZ_HOOKS_H
#define DCINET_FUZZ_HOOKS_H

extern long fuzz_thread_min_bytes;

#endif
