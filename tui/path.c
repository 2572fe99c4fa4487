/* SPDX-License-Identifier: MIT */
/*
 * path.c: the running executable and its directory (see path.h), from
 * Linux's /proc/self/exe.
 */
#include <limits.h>
#include <string.h>
#include <unistd.h>
#include "path.h"

int path_exe(char *buf, size_t n)
{
	ssize_t len = readlink("/proc/self/exe", buf, n > 0 ? n - 1 : 0);

	if (len <= 0 || (size_t)len >= n - 1)
		return -1;          /* unknown, or perhaps cut short */
	buf[len] = '\0';
	return 0;
}

int path_exe_dir(char *buf, size_t n)
{
	char *slash;

	if (path_exe(buf, n) != 0 || (slash = strrchr(buf, '/')) == NULL)
		return -1;
	*slash = '\0';
	return 0;
}
