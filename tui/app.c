/* SPDX-License-Identifier: MIT */
/*
 * app.c: tui_run() and the main loop.
 *
 * The loop sleeps in pselect() on the terminal with no timeout, so an idle
 * browser costs no CPU; when keys come it reads every one that is there
 * (wget_wch() in nodelay mode), hands each to the keymap and the focused
 * pane, and then draws once what the handlers' REDRAW_* masks name: each
 * pane into its own window with wnoutrefresh(), then one doupdate(), so
 * curses sends only the cells that changed.  Nothing is cleared per key.
 *
 * Signals: SIGINT, SIGTERM and SIGHUP set a flag; the loop leaves through
 * endwin().  They, and SIGWINCH (whose handler is ours: screen_size.h),
 * are blocked except inside pselect(), which unblocks them atomically: a
 * signal that comes while a key is being handled is seen at the next wait
 * instead of being lost behind a blocking read.  Ctrl-C is also a quit key, for
 * terminals that pass it through.
 *
 * Two things reach the terminal outside curses' cells, both after a
 * drawing, both built by dcinet from sanitised text (osc.h): the OSC 52
 * sequence of `y`, and, with DCINET_LINKS=1, OSC 8 links written over the
 * phone and e-mail cells curses has just drawn.
 */
#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>
#include "app.h"
#include "osc.h"
#include "screen_size.h"
#include "str.h"
#include "tui.h"
#include <term.h>     /* last: its macros (lines, columns) would clash */

#define MAX_READ_ERRORS 64         /* in a row: the terminal has gone */
/* How long the Posts cursor stays still before Roster follows it: longer
 * than a held key's repeat (25-30 a second), shorter than a glance. */
#define APP_REST_MS 50

static volatile sig_atomic_t caught_signal, caught_winch;

static void on_signal(int sig)
{
	caught_signal = sig;
}

/* The browser, not curses, follows the terminal's size (screen_size.h):
 * with a handler of ours in place, curses installs none. */
static void on_winch(int sig)
{
	(void)sig;
	caught_winch = 1;
}

static const int handled_signals[] = { SIGINT, SIGTERM, SIGHUP };
#define NSIGNALS (sizeof(handled_signals) / sizeof(handled_signals[0]))

/* What tui_run() changes in the process's signal handling, to put back. */
struct signal_state {
	struct sigaction old_action[NSIGNALS], old_winch;
	sigset_t old_mask;
	sigset_t wait_mask;        /* the mask inside pselect() */
};

static void signals_install(struct signal_state *ss)
{
	struct sigaction sa;
	sigset_t block;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigemptyset(&block);
	sigaddset(&block, SIGWINCH);
	for (i = 0; i < NSIGNALS; i++) {
		sigaction(handled_signals[i], &sa, &ss->old_action[i]);
		sigaddset(&block, handled_signals[i]);
	}
	sa.sa_handler = on_winch;
	sigaction(SIGWINCH, &sa, &ss->old_winch);
	sigprocmask(SIG_BLOCK, &block, &ss->old_mask);
	ss->wait_mask = ss->old_mask;
	sigdelset(&ss->wait_mask, SIGWINCH);
	for (i = 0; i < NSIGNALS; i++)
		sigdelset(&ss->wait_mask, handled_signals[i]);
}

static void signals_restore(const struct signal_state *ss)
{
	size_t i;

	sigprocmask(SIG_SETMASK, &ss->old_mask, NULL);
	for (i = 0; i < NSIGNALS; i++)
		sigaction(handled_signals[i], &ss->old_action[i], NULL);
	sigaction(SIGWINCH, &ss->old_winch, NULL);
}

/* ---- calls for the panes --------------------------------------------------- */

static int search_open(const struct tui *t)
{
	return t->focus == PANE_SEARCH && search_box_has_text(t->search);
}

unsigned app_focus(struct tui *t, enum pane_id pane)
{
	enum pane_id old = t->focus;

	assert(pane < PANE_COUNT);
	if (pane == old)
		return REDRAW_NONE;
	if (pane == PANE_SEARCH)
		t->search_from = old;
	if (t->pane[old].ops->focus)
		t->pane[old].ops->focus(t->pane[old].st, t, 0);
	t->focus = pane;
	if (t->pane[pane].ops->focus)
		t->pane[pane].ops->focus(t->pane[pane].st, t, 1);
	return REDRAW_PANE(old) | REDRAW_PANE(pane) | REDRAW_CHROME;
}

/* Roster goes back to Posts, Posts to Overview, the search box to the
 * pane it was opened from. */
unsigned app_back(struct tui *t)
{
	switch (t->focus) {
	case PANE_ROSTER: return app_focus(t, PANE_POSTS);
	case PANE_POSTS:  return app_focus(t, PANE_OVERVIEW);
	case PANE_SEARCH: return app_focus(t, t->search_from);
	default:          return REDRAW_NONE;
	}
}

unsigned app_follow_posts(struct tui *t)
{
	t->roster_due = 1;
	return REDRAW_NONE;
}

/* Roster catches up with the Posts cursor, if it is behind. */
static unsigned roster_catch_up(struct tui *t)
{
	if (!t->roster_due)
		return REDRAW_NONE;
	t->roster_due = 0;
	roster_show(t->roster, t, posts_selected(t->posts));
	return REDRAW_PANE(PANE_ROSTER);
}

/* Whether key, now, only moves the Posts cursor (and so lets Roster wait). */
static int is_posts_move(const struct tui *t, int key)
{
	if (t->focus != PANE_POSTS || t->popup != POPUP_NONE)
		return 0;
	switch (keymap_lookup(key, PANE_POSTS)) {
	case ACT_UP: case ACT_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN:
	case ACT_TOP: case ACT_BOTTOM:
		return 1;
	default:
		return 0;
	}
}

unsigned app_open_post(struct tui *t, const char *post_id)
{
	assert(post_id != NULL);
	t->roster_due = 0;
	posts_goto(t->posts, t, post_id);
	roster_show(t->roster, t, post_id);
	return REDRAW_PANE(PANE_POSTS) | REDRAW_PANE(PANE_ROSTER);
}

unsigned app_message(struct tui *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->message, sizeof(t->message), fmt, ap);
	va_end(ap);
	return REDRAW_CHROME;
}

static unsigned reload_all(struct tui *t)
{
	int p;

	for (p = 0; p < PANE_COUNT; p++)
		t->pane[p].ops->reload(t->pane[p].st, t);
	return REDRAW_ALL;
}

unsigned app_set_french(struct tui *t, int on)
{
	t->view.french = on != 0;
	i18n_set_french(t->view.french);
	registry_set_french(t->reg, t->view.french);
	return reload_all(t) | app_message(t, "%s", t->view.french
	       ? _("Interface and data in French (L: English)")
	       : _("Interface and data in English (L: French)"));
}

unsigned app_set_sources(struct tui *t, int on)
{
	t->view.sources = on != 0;
	return reload_all(t) | app_message(t, "%s", t->view.sources
	       ? _("Sources shown beside each fact (S hides them)")
	       : _("Sources hidden (S shows them)"));
}

static void popup_close(struct tui *t);
static unsigned popup_open(struct tui *t, enum popup_kind kind);

unsigned app_copy_card(struct tui *t, const char *post_id)
{
	char *card, *clean, *seq;
	size_t size;

	if (post_id == NULL || post_id[0] == '\0')
		return app_message(t, "%s", _("No post selected to copy"));
	card = post_card(t->reg, post_id, t->view.french, i18n_tr);
	if (card == NULL)
		return app_message(t, "%s", _("This post is not in the registry"));
	/* Line by line, so the card keeps its line breaks and nothing else. */
	size = 3 * strlen(card) + 1;
	clean = malloc(size);
	if (clean != NULL) {
		char *line, *save = NULL, *out = clean;

		clean[0] = '\0';
		for (line = strtok_r(card, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
			size_t used = text_sanitize(out, size - (size_t)(out - clean), line, 0);

			out += used;
			if ((size_t)(out - clean) + 2 <= size) {
				*out++ = '\n';
				*out = '\0';
			}
		}
	}
	free(card);
	if (clean == NULL)
		return app_message(t, "%s", _("Out of memory"));
	seq = osc52_copy(clean);
	popup_close(t);
	free(t->osc_pending);
	t->osc_pending = seq;
	t->card = clean;
	return popup_open(t, POPUP_CARD);
}

/* ---- windows ----------------------------------------------------------------- */

static void window_drop(WINDOW **w)
{
	if (*w != NULL)
		delwin(*w);
	*w = NULL;
}

static WINDOW *window_for(const struct rect *r)
{
	return rect_visible(r) ? newwin(r->h, r->w, r->y, r->x) : NULL;
}

/* Recompute the layout for the terminal's size, give each pane whose
 * rectangle changed a new window and tell it its size. */
static void relayout(struct tui *t)
{
	struct layout *l = &t->layout;
	int rows, cols, p;

	getmaxyx(stdscr, rows, cols);
	layout_compute(l, rows, cols, t->focus, search_open(t));
	for (p = 0; p < PANE_COUNT; p++) {
		struct pane *pane = &t->pane[p];
		const struct rect *r = &l->pane[p];

		if (pane->win != NULL && rect_equal(r, &pane->rect))
			continue;
		window_drop(&pane->win);
		pane->win = window_for(r);
		pane->rect = pane->win ? *r : (struct rect){ 0, 0, 0, 0 };
		pane->nlinks = 0;
		pane->ops->resize(pane->st, t, pane->rect.h, pane->rect.w);
	}
	window_drop(&t->top_win);
	window_drop(&t->bar_win);
	window_drop(&t->sep_win);
	window_drop(&t->popup_win);
	t->top_win = window_for(&l->top);
	t->bar_win = window_for(&l->bar);
	t->sep_win = window_for(&l->sep);
	werase(stdscr);
	wnoutrefresh(stdscr);
}

/* Whether the layout inputs (focus in the one-pane layout, open search
 * results) no longer match the layout in use. */
static int layout_stale(const struct tui *t)
{
	struct layout now;
	int p;

	if (t->layout.kind == LAYOUT_TOO_SMALL)
		return 0;
	layout_compute(&now, t->layout.rows, t->layout.cols, t->focus, search_open(t));
	for (p = 0; p < PANE_COUNT; p++)
		if (!rect_equal(&now.pane[p], &t->layout.pane[p]))
			return 1;
	return 0;
}

static void canvas_for(struct tui *t, struct canvas *cv, WINDOW *w)
{
	memset(cv, 0, sizeof(*cv));
	cv->win = w;
	getmaxyx(w, cv->rows, cv->cols);
	cv->ascii = t->view.ascii;
	cv->colors = &t->colors;
}

/* ---- popups: help, card ------------------------------------------------------ */

/* The room a popup may take: the screen less a line above and below, at
 * most 100 columns wide. */
static struct rect popup_room(const struct tui *t)
{
	const struct layout *l = &t->layout;
	int w = l->cols < 100 ? l->cols : 100;
	struct rect r = { 1, (l->cols - w) / 2, l->rows - 2, w };

	return r;
}

static int popup_border(const struct tui *t)
{
	struct rect r = popup_room(t);

	return r.w >= 40 && r.h >= 8;
}

/* Where the popup goes: all its room, but the card, which is short, only
 * as tall as its text and the border, centred. */
static struct rect popup_rect(const struct tui *t)
{
	const struct layout *l = &t->layout;
	struct rect r = popup_room(t);

	if (t->popup == POPUP_CARD && popup_border(t) && t->popup_doc.nlines > 0 &&
	    (int)t->popup_doc.nlines + 2 < r.h) {
		r.h = (int)t->popup_doc.nlines + 2;
		r.y = (l->rows - r.h) / 2;
	}
	return r;
}

static void popup_close(struct tui *t)
{
	t->popup = POPUP_NONE;
	window_drop(&t->popup_win);
	doc_free(&t->popup_doc);
	free(t->popup_title);
	t->popup_title = NULL;
	free(t->card);
	t->card = NULL;
}

/* The card popup's text: what happened to the clipboard, then the card. */
static void card_build(struct tui *t, struct doc *d, int width)
{
	char *line, *save = NULL, *copy = strdup(t->card ? t->card : "");
	enum color_role role = ROLE_HEADER;   /* the post's name, then the rest */

	doc_clear(d);
	doc_newline(d);
	doc_wrap(d, 0, width, ROLE_DIM, _("Offered to your terminal's clipboard (OSC 52): paste "
	         "it where you need it. If nothing arrives, the terminal refused it: select the "
	         "text below by hand. Esc closes."));
	doc_newline(d);
	for (line = copy ? strtok_r(copy, "\n", &save) : NULL; line;
	     line = strtok_r(NULL, "\n", &save)) {
		doc_newline(d);
		doc_wrap(d, 0, width, role, line);
		role = ROLE_NORMAL;
	}
	free(copy);
}

/* The popup's text for the width it has now; the keys typed after the
 * one that opened it scroll this text, even before it is drawn. */
static void popup_build(struct tui *t)
{
	struct rect r = popup_room(t);
	int width = r.w - DOC_MARGIN - (popup_border(t) ? 2 : 0);

	doc_free(&t->popup_doc);
	doc_init(&t->popup_doc, t->view.ascii);
	if (t->popup == POPUP_HELP)
		help_build(&t->popup_doc, width, &t->view);
	else if (t->popup == POPUP_CARD)
		card_build(t, &t->popup_doc, width);
}

static unsigned popup_open(struct tui *t, enum popup_kind kind)
{
	t->popup = kind;
	t->popup_view.top = t->popup_view.sel = 0;
	window_drop(&t->popup_win);
	popup_build(t);
	return REDRAW_POPUP | REDRAW_CHROME;     /* the key bar says how to close it */
}

/* A bordered window over the panes when there is room, its text in a
 * window derived inside the border. */
static void popup_draw(struct tui *t)
{
	struct rect r;
	int border = popup_border(t);
	WINDOW *inner;
	struct canvas cv;
	const char *title;

	if (t->popup_win == NULL) {
		popup_build(t);        /* for the new size */
		r = popup_rect(t);
		t->popup_win = window_for(&r);
		if (t->popup_win == NULL)
			return;
	}
	r = popup_rect(t);
	werase(t->popup_win);
	inner = t->popup_win;
	if (border) {
		title = t->popup == POPUP_HELP ? _("Help") : _("Card");
		canvas_for(t, &cv, t->popup_win);
		draw_box(&cv);
		free(t->popup_title);
		t->popup_title = str_printf(" %s ", title);
		draw_text(&cv, 0, 2, -1, ROLE_HEADER, t->popup_title);
		inner = derwin(t->popup_win, r.h - 2, r.w - 2, 1, 1);
		if (inner == NULL)
			inner = t->popup_win;
	}
	canvas_for(t, &cv, inner);
	doc_view_clamp(&t->popup_view, &t->popup_doc, cv.rows);
	doc_draw(&t->popup_doc, &t->popup_view, &cv, 0, cv.rows, 1);
	if (inner != t->popup_win)
		delwin(inner);
	/* The terminal's cursor on the popup's selected line, as in a pane. */
	wmove(t->popup_win, cv.cur_y + (border ? 1 : 0), cv.cur_x + (border ? 1 : 0));
	wnoutrefresh(t->popup_win);
}

static unsigned popup_key(struct tui *t, enum action act)
{
	struct rect r = popup_rect(t);

	switch (act) {
	case ACT_QUIT:
	case ACT_BACK:
	case ACT_HELP:
	case ACT_OPEN:
	case ACT_COPY:
		popup_close(t);
		return REDRAW_ALL;
	default:
		return doc_view_key(&t->popup_view, &t->popup_doc, act, r.h - 2)
		       ? REDRAW_POPUP : REDRAW_NONE;
	}
}

/* ---- drawing ------------------------------------------------------------------- */

static void draw_pane(struct tui *t, int p, int focused)
{
	struct pane *pane = &t->pane[p];
	struct canvas cv;

	if (pane->win == NULL)
		return;
	werase(pane->win);
	canvas_for(t, &cv, pane->win);
	if (t->view.links) {
		cv.links = pane->links;
		cv.maxlinks = PANE_MAX_LINKS;
	}
	pane->ops->draw(pane->st, t, &cv, focused);
	pane->cur_y = cv.cur_y;
	pane->cur_x = cv.cur_x;
	pane->nlinks = cv.nlinks;
	wnoutrefresh(pane->win);
}

static void draw_chrome(struct tui *t)
{
	struct canvas cv;

	if (t->top_win != NULL) {
		werase(t->top_win);
		canvas_for(t, &cv, t->top_win);
		if (t->layout.kind == LAYOUT_GRID)
			chrome_draw_title(t, &cv);
		else
			chrome_draw_tabs(t, &cv);
		wnoutrefresh(t->top_win);
	}
	if (t->bar_win != NULL) {
		werase(t->bar_win);
		canvas_for(t, &cv, t->bar_win);
		chrome_draw_bar(t, &cv);
		wnoutrefresh(t->bar_win);
	}
	if (t->sep_win != NULL) {
		werase(t->sep_win);
		canvas_for(t, &cv, t->sep_win);
		draw_vline(&cv, 0, 0, cv.rows);
		wnoutrefresh(t->sep_win);
	}
}

/* The bytes of the OSC 8 links, gathered by links_putc() (tputs() and
 * vid_puts() take a function of one character, with no context). */
static struct {
	char buf[4096];
	size_t len;
	int full;
} link_out;

static int links_putc(int c)
{
	if (link_out.len + 1 < sizeof(link_out.buf))
		link_out.buf[link_out.len++] = (char)c;
	else
		link_out.full = 1;
	return c;
}

/* A terminfo string without its padding ("$<5>"), which only terminals
 * slower than any we serve need. */
static void links_puts(const char *s)
{
	for (; s != NULL && *s; s++) {
		if (s[0] == '$' && s[1] == '<' && strchr(s, '>') != NULL) {
			s = strchr(s, '>');
			continue;
		}
		links_putc((unsigned char)*s);
	}
}

/* Write OSC 8 links over the cells of the panes drawn in what, once
 * curses has sent them: move there, take the first cell's attributes,
 * open the link, write the cells' characters again, close it; then put
 * the cursor and attributes back where curses left them.  The moves and
 * attributes come from the terminal's description (cup, vid_puts, which
 * also tells curses the attributes in force); the bytes go out in one
 * write, after curses' own. */
static void links_emit(struct tui *t, unsigned what)
{
	char *cup = tigetstr("cup");
	int y0, x0, p, i, c, any = 0;

	if (cup == NULL || cup == (char *)-1)
		return;
	link_out.len = 0;
	link_out.full = 0;
	getyx(curscr, y0, x0);
	for (p = 0; p < PANE_COUNT; p++) {
		struct pane *pane = &t->pane[p];

		if (pane->win == NULL || !(what & REDRAW_PANE(p)))
			continue;
		for (i = 0; i < pane->nlinks; i++) {
			const struct link_spot *l = &pane->links[i];
			char open[sizeof(l->uri) + 16];
			int sy, sx;
			cchar_t cell;
			attr_t attrs = A_NORMAL;
			short pair = 0;
			wchar_t wch[CCHARW_MAX + 1];

			if (l->x + l->w > pane->rect.w || l->y >= pane->rect.h)
				continue;
			getyx(pane->win, sy, sx);
			if (mvwin_wch(pane->win, l->y, l->x, &cell) == OK)
				getcchar(&cell, wch, &attrs, &pair, NULL);
			snprintf(open, sizeof(open), OSC8_OPEN_FMT, l->uri);
			links_puts(tiparm(cup, pane->rect.y + l->y, pane->rect.x + l->x));
			vid_puts(attrs & ~A_COLOR, pair, NULL, links_putc);
			links_puts(open);
			for (c = 0; c < l->w; c++) {
				char mb[MB_LEN_MAX * (CCHARW_MAX + 1) + 1];
				size_t used = 0, k;
				attr_t a;
				short pr;
				mbstate_t st;

				memset(&st, 0, sizeof(st));
				if (mvwin_wch(pane->win, l->y, l->x + c, &cell) != OK ||
				    getcchar(&cell, wch, &a, &pr, NULL) == ERR)
					wch[0] = L' ', wch[1] = L'\0';
				for (k = 0; wch[k] != L'\0' && k < CCHARW_MAX; k++) {
					size_t n = wcrtomb(mb + used, wch[k], &st);

					if (n != (size_t)-1)
						used += n;
				}
				mb[used] = '\0';
				links_puts(used ? mb : " ");
			}
			links_puts(OSC8_CLOSE);
			wmove(pane->win, sy, sx);
			any = 1;
		}
	}
	if (!any || link_out.full)
		return;
	vid_puts(A_NORMAL, 0, NULL, links_putc);
	links_puts(tiparm(cup, y0, x0));
	fwrite(link_out.buf, 1, link_out.len, stdout);
	fflush(stdout);
}

/* Write a sequence (OSC 52) after curses has sent the screen. */
static void osc_write(struct tui *t)
{
	if (t->osc_pending == NULL)
		return;
	fputs(t->osc_pending, stdout);
	fflush(stdout);
	free(t->osc_pending);
	t->osc_pending = NULL;
}

static void render(struct tui *t, unsigned what)
{
	struct pane *focused = &t->pane[t->focus];
	int p;

	if (what & REDRAW_CLEAR)
		clearok(curscr, TRUE);
	if (t->layout.kind == LAYOUT_TOO_SMALL) {
		const char *msg = t->layout.cols >= 30 ? _("dcinet: terminal too small")
		                                       : _("terminal too small");

		werase(stdscr);
		mvwaddnstr(stdscr, 0, 0, msg, t->layout.cols);
		wnoutrefresh(stdscr);
		doupdate();
		osc_write(t);
		return;
	}
	if (what & REDRAW_CHROME)
		draw_chrome(t);
	for (p = 0; p < PANE_COUNT; p++)
		if (p != (int)t->focus && (what & REDRAW_PANE(p)))
			draw_pane(t, p, 0);
	if (what & REDRAW_PANE(t->focus))
		draw_pane(t, t->focus, 1);
	if (t->popup != POPUP_NONE) {
		popup_draw(t);
	} else if (focused->win != NULL) {
		/* The terminal cursor sits on the selection, for screen readers
		 * and for those who follow the cursor. */
		wmove(focused->win, focused->cur_y, focused->cur_x);
		wnoutrefresh(focused->win);
	}
	doupdate();
	if (t->view.links && t->popup == POPUP_NONE)
		links_emit(t, what);
	osc_write(t);
}

/* ---- keys ---------------------------------------------------------------------- */

/* Keys act on the state even while the terminal is too small to show it:
 * what is typed during a resize is not lost. */
static unsigned dispatch(struct tui *t, int key)
{
	unsigned what = REDRAW_NONE;
	enum action act;
	struct pane *pane = &t->pane[t->focus];

	if (t->message[0]) {
		t->message[0] = '\0';
		what |= REDRAW_CHROME;
	}
	/* A popup takes the keys of Posts: movement scrolls it; Esc, q, ?,
	 * Enter and y close it. */
	if (t->popup != POPUP_NONE)
		return what | popup_key(t, keymap_lookup(key, PANE_POSTS));
	act = keymap_lookup(key, t->focus);
	switch (act) {
	case ACT_NONE:           return what;
	case ACT_QUIT:           return REDRAW_QUIT;
	case ACT_REDRAW:         return REDRAW_ALL | REDRAW_CLEAR;
	case ACT_HELP:            return what | popup_open(t, POPUP_HELP);
	case ACT_LANGUAGE:       return what | app_set_french(t, !t->view.french);
	case ACT_SOURCES:        return what | app_set_sources(t, !t->view.sources);
	case ACT_COPY:
		return what | app_copy_card(t, t->focus == PANE_ROSTER ? roster_post(t->roster)
		                                                       : posts_selected(t->posts));
	case ACT_PANE_NEXT:      return what | app_focus(t, (enum pane_id)((t->focus + 1) % PANE_COUNT));
	case ACT_PANE_PREV:
		return what | app_focus(t, (enum pane_id)((t->focus + PANE_COUNT - 1) % PANE_COUNT));
	case ACT_FOCUS_OVERVIEW: return what | app_focus(t, PANE_OVERVIEW);
	case ACT_FOCUS_POSTS:    return what | app_focus(t, PANE_POSTS);
	case ACT_FOCUS_ROSTER:   return what | app_focus(t, PANE_ROSTER);
	case ACT_FOCUS_SEARCH:   return what | app_focus(t, PANE_SEARCH);
	case ACT_SEARCH:         /* a new search; 4 goes back to the last one */
		search_box_clear(t->search, t);
		return what | app_focus(t, PANE_SEARCH) | REDRAW_PANE(PANE_SEARCH);
	case ACT_HIT_NEXT:       return what | search_box_step(t->search, t, 1);
	case ACT_HIT_PREV:       return what | search_box_step(t->search, t, -1);
	default:                 return what | pane->ops->key(pane->st, t, act, key);
	}
}

/* ---- the mouse ------------------------------------------------------------------ */

#define WHEEL_LINES 3
#define DOUBLE_CLICK_MS 400

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The pane under (y, x), or -1. */
static int pane_at(const struct tui *t, int y, int x)
{
	int p;

	for (p = 0; p < PANE_COUNT; p++) {
		const struct rect *r = &t->pane[p].rect;

		if (t->pane[p].win && y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w)
			return p;
	}
	return -1;
}

/* As htop and tig: a click focuses the pane and selects the row under it,
 * a second click there opens it, the wheel scrolls the pane under the
 * pointer; over a popup, the wheel scrolls it and a click closes it. */
static unsigned mouse(struct tui *t)
{
	static long last_ms;
	static int last_y = -1, last_x = -1;
	MEVENT ev;
	unsigned what = REDRAW_NONE;
	int p, wheel, i, dbl;
	struct pane *pane;

	if (getmouse(&ev) != OK)
		return REDRAW_NONE;
	wheel = ev.bstate & BUTTON4_PRESSED ? -1 : ev.bstate & BUTTON5_PRESSED ? 1 : 0;
	if (t->popup != POPUP_NONE) {
		if (wheel == 0 && (ev.bstate & BUTTON1_PRESSED))
			return popup_key(t, ACT_BACK);
		for (i = 0; wheel && i < WHEEL_LINES; i++)
			what |= popup_key(t, wheel < 0 ? ACT_UP : ACT_DOWN);
		return what;
	}
	p = pane_at(t, ev.y, ev.x);
	if (p < 0)
		return REDRAW_NONE;
	pane = &t->pane[p];
	if (wheel) {
		for (i = 0; i < WHEEL_LINES; i++)
			what |= pane->ops->key(pane->st, t, wheel < 0 ? ACT_UP : ACT_DOWN, 0);
		return what;
	}
	if (!(ev.bstate & BUTTON1_PRESSED))
		return REDRAW_NONE;
	dbl = ev.y == last_y && ev.x == last_x && now_ms() - last_ms < DOUBLE_CLICK_MS;
	last_ms = dbl ? 0 : now_ms();
	last_y = ev.y;
	last_x = ev.x;
	what |= app_focus(t, (enum pane_id)p);
	if (ev.y == pane->rect.y)
		return what;           /* the title: focus only */
	if (pane->ops->click)
		what |= pane->ops->click(pane->st, t, ev.y - pane->rect.y, ev.x - pane->rect.x);
	if (dbl)
		what |= pane->ops->key(pane->st, t, ACT_OPEN, 0);
	return what;
}

/* The mouse as DCINET_MOUSE says (on unless "0"); mouseinterval(0): the
 * browser tells a double click itself, so no click waits for a second. */
static void mouse_init(const struct tui_opts *opts)
{
	const char *env = getenv("DCINET_MOUSE");

	if ((opts && opts->no_mouse) || (env && strcmp(env, "0") == 0))
		return;
	mouseinterval(0);
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
}

/* ---- keys, as the keymap numbers them ---------------------------------------- */

/* Curses codes of Ctrl-Left and Ctrl-Right (terminfo's kLFT5, kRIT5),
 * which curses assigns at run time; 0 when the terminal has none. */
static int key_ctrl_left, key_ctrl_right;

static int key_named(const char *capname)
{
	char *seq = tigetstr(capname);
	int code;

	if (seq == NULL || seq == (char *)-1)
		return 0;
	code = key_defined(seq);
	return code > 0 ? code : 0;
}

static void keys_init(void)
{
	key_ctrl_left = key_named("kLFT5");
	key_ctrl_right = key_named("kRIT5");
}

/* The next key there is, or -1: a function key as KEYMAP_FN(), Esc and
 * a character read together as KEYMAP_ALT() when that Alt key acts in
 * pane (else Esc, then the character: Esc pressed just before a key). */
static int read_key(enum pane_id pane)
{
	wint_t wc, next;
	int rc = wget_wch(stdscr, &wc), rc2;

	if (rc == ERR)
		return -1;
	if (rc == KEY_CODE_YES) {
		if (key_ctrl_left && (int)wc == key_ctrl_left)
			return KEYMAP_CTRL_LEFT;
		if (key_ctrl_right && (int)wc == key_ctrl_right)
			return KEYMAP_CTRL_RIGHT;
		return KEYMAP_FN((int)wc);
	}
	if (wc != KEYMAP_ESC)
		return (int)wc;
	rc2 = wget_wch(stdscr, &next);
	if (rc2 == OK && next < 0x80 && keymap_lookup(KEYMAP_ALT((int)next), pane) != ACT_NONE)
		return KEYMAP_ALT((int)next);
	if (rc2 == KEY_CODE_YES)
		ungetch((int)next);
	else if (rc2 == OK)
		unget_wch((wchar_t)next);
	return KEYMAP_ESC;
}

/* Handle one key; a resize or a change of focus re-lays the screen out at
 * once, so the keys after it see the new sizes. */
static unsigned handle_key(struct tui *t, int key, unsigned what)
{
	if (!is_posts_move(t, key))
		what |= roster_catch_up(t);
	if (key == KEYMAP_FN(KEY_RESIZE))
		what |= REDRAW_LAYOUT;
	else if (key == KEYMAP_FN(KEY_MOUSE))
		what |= mouse(t);
	else
		what |= dispatch(t, key);
	if (what & REDRAW_QUIT)
		return what;
	if ((what & REDRAW_LAYOUT) || layout_stale(t)) {
		relayout(t);
		what = (what & ~REDRAW_LAYOUT) | REDRAW_ALL;
	}
	return what;
}

static int loop(struct tui *t, const sigset_t *wait_mask)
{
	unsigned what;
	int errors = 0;

	relayout(t);
	what = REDRAW_ALL;
	for (;;) {
		fd_set in;
		int ready, key, keys = 0;

		struct timespec rest = { 0, APP_REST_MS * 1000000L };

		if (what != REDRAW_NONE)
			render(t, what);
		what = REDRAW_NONE;
		FD_ZERO(&in);
		FD_SET(STDIN_FILENO, &in);
		/* Roster behind the Posts cursor: wait only until it rests. */
		ready = pselect(STDIN_FILENO + 1, &in, NULL, NULL,
		                t->roster_due ? &rest : NULL, wait_mask);
		if (caught_signal)
			return 0;
		if (ready < 0 && errno != EINTR)
			return 0;
		if (ready == 0) {
			what = roster_catch_up(t);
			continue;
		}
		if (caught_winch) {
			caught_winch = 0;
			screen_size_follow(STDOUT_FILENO);
			what = handle_key(t, KEYMAP_FN(KEY_RESIZE), what);
		}
		/* Every key there is, then one drawing for all of them. */
		while ((key = read_key(t->focus)) >= 0) {
			keys++;
			what = handle_key(t, key, what);
			if (what & REDRAW_QUIT)
				return 0;
		}
		/* Readable yet no key, again and again: the terminal has gone. */
		if (ready > 0 && keys == 0 && ++errors >= MAX_READ_ERRORS)
			return 0;
		if (keys > 0)
			errors = 0;
	}
}

/* ---- entry --------------------------------------------------------------------- */

static int no_terminal_type(void)
{
	char term[64];

	text_sanitize(term, sizeof(term), getenv("TERM") ? getenv("TERM") : "", SANITIZE_ASCII);
	fprintf(stderr, "dcinet: cannot use the terminal type \"%s\"\n", term);
	return EX_UNAVAILABLE;
}

/* newterm() failed: the terminal type is unknown, or, when terminfo knows
 * it, the screen could not be set up at the size the terminal gave. */
static int screen_failed(void)
{
	struct winsize ws;
	int err = 0;

	if (setupterm(NULL, STDOUT_FILENO, &err) != OK || err != 1)
		return no_terminal_type();
	del_curterm(cur_term);
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0)
		fprintf(stderr, "dcinet: cannot set up a screen of %u columns by %u lines\n",
		        ws.ws_col, ws.ws_row);
	else
		fputs("dcinet: cannot set up the screen (the terminal gives no size)\n", stderr);
	return EX_UNAVAILABLE;
}

/* A terminal that cannot move its cursor (TERM=dumb) cannot show panes. */
static int has_cursor_addressing(void)
{
	char *cup = tigetstr("cup");

	return cup != NULL && cup != (char *)-1;
}

static void panes_destroy(struct tui *t)
{
	int p;

	for (p = 0; p < PANE_COUNT; p++) {
		window_drop(&t->pane[p].win);
		if (t->pane[p].ops != NULL)
			t->pane[p].ops->destroy(t->pane[p].st);
	}
	window_drop(&t->top_win);
	window_drop(&t->bar_win);
	window_drop(&t->sep_win);
	popup_close(t);
	free(t->osc_pending);
	t->osc_pending = NULL;
}

int tui_run(registry *reg, const struct tui_opts *opts)
{
	struct tui t;
	struct signal_state signals;
	SCREEN *screen;
	int status;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs("dcinet: the browser needs a terminal (use --find for scripts)\n", stderr);
		return EX_UNAVAILABLE;
	}
	memset(&t, 0, sizeof(t));
	t.view.french = opts && opts->french;
	t.reg = reg;
	t.label = opts && opts->registry_label ? opts->registry_label : "";
	t.view.ascii = (text_locale_flags() & SANITIZE_ASCII) != 0;
	t.view.links = getenv("DCINET_LINKS") != NULL && strcmp(getenv("DCINET_LINKS"), "1") == 0;
	stale_init(&t.view.stale, getenv("DCINET_STALE_YEARS"), (time_t)clock_now());
	registry_set_french(reg, t.view.french);
	t.focus = PANE_POSTS;
	t.search_from = PANE_POSTS;
	if (registry_counts(reg, &t.counts) != 0)
		memset(&t.counts, 0, sizeof(t.counts));
	if (overview_attach(&t) || posts_attach(&t) || roster_attach(&t) || search_box_attach(&t)) {
		fputs(_("dcinet: out of memory\n"), stderr);
		panes_destroy(&t);
		return EX_SOFTWARE;
	}
	roster_show(t.roster, &t, posts_selected(t.posts));

	caught_signal = 0;
	signals_install(&signals);
	caught_winch = 0;
	screen_size_pin(STDOUT_FILENO);
	screen = newterm(NULL, stdout, stdin);
	screen_size_unpin();
	if (screen == NULL) {
		signals_restore(&signals);
		panes_destroy(&t);
		return screen_failed();
	}
	set_term(screen);
	if (!has_cursor_addressing()) {
		endwin();
		delscreen(screen);
		signals_restore(&signals);
		panes_destroy(&t);
		return no_terminal_type();
	}
	/* raw: Ctrl-C, Ctrl-Z, Ctrl-\ and Ctrl-S arrive as keys, never as
	 * signals or flow control, so no key stops, freezes or kills a desk
	 * session; Ctrl-C is bound to quit in the keymap. */
	raw();
	noecho();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);     /* keys are read only when pselect() says so */
	set_escdelay(25);
	keys_init();
	mouse_init(opts);
	colors_init(&t.colors, colors_wanted(getenv("NO_COLOR"), has_colors()));

	status = loop(&t, &signals.wait_mask);

	panes_destroy(&t);
	endwin();
	delscreen(screen);
	signals_restore(&signals);
	return status;
}
