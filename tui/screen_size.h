/* SPDX-License-Identifier: MIT */
/*
 * screen_size.h: how big a screen the browser lays out and keeps in
 * memory, whatever size the terminal (or an SSH client) claims.
 *
 * Curses keeps several full copies of the screen (what is shown, what is
 * to be shown, each window), so its memory grows with rows x columns: a
 * client claiming 5000 x 3000 cost a desk session 1.6 GB.  The browser
 * uses at most SCREEN_MAX_ROWS x SCREEN_MAX_COLS cells, at the top left
 * of a larger terminal, and leaves the rest blank.
 */
#ifndef DCINET_TUI_SCREEN_SIZE_H
#define DCINET_TUI_SCREEN_SIZE_H

#define SCREEN_MAX_ROWS 150
#define SCREEN_MAX_COLS 400

/* The terminal's size on fd, capped; 0, or -1 when fd has none. */
int screen_size_get(int fd, int *rows, int *cols);

/* Make curses' next newterm() take the capped size: sets LINES and
 * COLUMNS when the terminal is larger than the cap.  screen_size_unpin()
 * puts the environment back as it was, once newterm() has read it. */
void screen_size_pin(int fd);
void screen_size_unpin(void);

/* Resize curses to the terminal's capped size now (after SIGWINCH) and
 * give back to the system the memory a larger screen held. */
void screen_size_follow(int fd);

#endif
