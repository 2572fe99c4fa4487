/* SPDX-License-Identifier: MIT */
/*
 * tui.h: the interactive browser.  The only entry point the command line
 * calls; everything the screen shows comes through core/dcinet.h.
 */
#ifndef DCINET_TUI_H
#define DCINET_TUI_H

#include "../core/dcinet.h"

struct tui_opts {
	const char *registry_label;   /* shown in the title bar: a path or "shipped data" */
	int no_mouse;                 /* leave the mouse to the terminal (--no-mouse) */
	int french;                   /* start in French: what i18n_init() returned */
};

/* Run the browser on an open registry until the user quits, once
 * i18n_init() has set the locale up (main() does it first).  Returns an
 * exit status: 0 on quit, EX_USAGE-style codes when no terminal is usable
 * (stdin/stdout not a terminal: EX_UNAVAILABLE... see the man page). */
int tui_run(registry *reg, const struct tui_opts *opts);

#endif
