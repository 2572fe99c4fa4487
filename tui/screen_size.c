/* SPDX-License-Identifier: MIT */
/*
 * screen_size.c: the browser's screen, bounded (see screen_size.h).
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include "app.h"
#include "screen_size.h"

static char *saved_lines, *saved_columns;
static int pinned;

int screen_size_get(int fd, int *rows, int *cols)
{
	struct winsize ws;

	if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0)
		return -1;
	*rows = ws.ws_row < SCREEN_MAX_ROWS ? ws.ws_row : SCREEN_MAX_ROWS;
	*cols = ws.ws_col < SCREEN_MAX_COLS ? ws.ws_col : SCREEN_MAX_COLS;
	return 0;
}

static char *dup_env(const char *name)
{
	const char *v = getenv(name);

	return v ? strdup(v) : NULL;
}

static void restore_env(const char *name, char *value)
{
	if (value)
		setenv(name, value, 1);
	else
		unsetenv(name);
	free(value);
}

/* A size from the environment as curses reads it: > 0, or 0. */
static long env_size(const char *name)
{
	const char *v = getenv(name);
	char *end;
	long n;

	if (!v || !*v)
		return 0;
	n = strtol(v, &end, 10);
	return *end == '\0' && n > 0 ? n : 0;
}

void screen_size_pin(int fd)
{
	struct winsize ws;
	long rows = 0, cols = 0;
	char n[16];

	/* curses takes LINES and COLUMNS over the terminal's own size */
	if (ioctl(fd, TIOCGWINSZ, &ws) == 0) {
		rows = ws.ws_row;
		cols = ws.ws_col;
	}
	if (env_size("LINES"))
		rows = env_size("LINES");
	if (env_size("COLUMNS"))
		cols = env_size("COLUMNS");
	if (rows <= SCREEN_MAX_ROWS && cols <= SCREEN_MAX_COLS)
		return;
	saved_lines = dup_env("LINES");
	saved_columns = dup_env("COLUMNS");
	pinned = 1;
	if (rows > SCREEN_MAX_ROWS) {
		snprintf(n, sizeof(n), "%d", SCREEN_MAX_ROWS);
		setenv("LINES", n, 1);
	}
	if (cols > SCREEN_MAX_COLS) {
		snprintf(n, sizeof(n), "%d", SCREEN_MAX_COLS);
		setenv("COLUMNS", n, 1);
	}
}

void screen_size_unpin(void)
{
	if (!pinned)
		return;
	restore_env("LINES", saved_lines);
	restore_env("COLUMNS", saved_columns);
	saved_lines = saved_columns = NULL;
	pinned = 0;
}

void screen_size_follow(int fd)
{
	int rows, cols, shrink;

	if (screen_size_get(fd, &rows, &cols) != 0)
		return;
	shrink = rows * cols < LINES * COLS;
	resize_term(rows, cols);
	/* the terminal may show what was drawn beyond the new size */
	clearok(curscr, TRUE);
	if (shrink)
		malloc_trim(0);
}
