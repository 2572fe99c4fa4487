/* SPDX-License-Identifier: MIT */
/*
 * path.h: where the running program is, for what it finds beside itself
 * in its build tree (the catalogue in locale/, the registry in ../data).
 */
#ifndef DCINET_TUI_PATH_H
#define DCINET_TUI_PATH_H

#include <stddef.h>

/* The running executable's path in buf (n bytes).  Returns 0, or -1 when
 * it is not known or does not fit. */
int path_exe(char *buf, size_t n);

/* The directory of the running executable, without a trailing slash, in
 * buf (n bytes).  Returns 0, or -1 when it is not known or does not fit. */
int path_exe_dir(char *buf, size_t n);

#endif
