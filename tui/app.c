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
 * endwin().  They, and SIGWINCH (whose handler is curses'), are blocked
 * except inside pselect(), which unblocks them atomically: a signal that
 * comes while a key is being handled is seen at the next wait instead of
 * being lost behind a blocking read.  Ctrl-C is also a quit key, for
 * terminals that pass it through.
  */
#include <assert.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sysexits.h>
#include <unistd.h>
#include "app.h"
#include "tui.h"

#define MAX_READ_ERRORS 64         /* in a row: the terminal has gone */

static volatile sig_atomic_t caught_signal;

static void on_signal(int sig)
{
	caught_signal = sig;
}

static const int handled_signals[] = { SIGINT, SIGTERM, SIGHUP };
#define NSIGNALS (sizeof(handled_signals) / sizeof(handled_signals[0]))

/* What tui_run() changes in the process's signal handling, to put back. */
struct signal_state {
	struct sigaction old_action[NSIGNALS];
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
}

static int locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
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
	t->pane[old].ops->focus(t->pane[old].st, t, 0);
	t->focus = pane;
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

unsigned app_open_post(struct tui *t, const char *post_id)
{
	assert(post_id != NULL);
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
		pane->ops->resize(pane->st, t, pane->rect.h, pane->rect.w);
	}
	window_drop(&t->top_win);
	window_drop(&t->bar_win);
	window_drop(&t->sep_win);
	window_drop(&t->help_win);
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
	cv->ascii = t->ascii;
	cv->colors = &t->colors;
}

/* ---- help ---------------------------------------------------------------------- */

static struct rect help_rect(const struct tui *t)
{
	const struct layout *l = &t->layout;
	int w = l->cols < 100 ? l->cols : 100;
	struct rect r = { 1, (l->cols - w) / 2, l->rows - 2, w };

	return r;
}

/* The help screen: a bordered window over the panes when there is room,
 * its text in a window derived inside the border. */
static void help_draw(struct tui *t)
{
	struct rect r = help_rect(t);
	int border = r.w >= 40 && r.h >= 8;
	WINDOW *inner;
	struct canvas cv;

	if (t->help_win == NULL) {
		t->help_win = window_for(&r);
		if (t->help_win == NULL)
			return;
		doc_free(&t->help);
		doc_init(&t->help, t->ascii);
		help_build(&t->help, r.w - DOC_MARGIN - (border ? 2 : 0));
	}
	werase(t->help_win);
	inner = t->help_win;
	if (border) {
		canvas_for(t, &cv, t->help_win);
		draw_box(&cv);
		draw_text(&cv, 0, 2, -1, ROLE_HEADER, " Help ");
		inner = derwin(t->help_win, r.h - 2, r.w - 2, 1, 1);
		if (inner == NULL)
			inner = t->help_win;
	}
	canvas_for(t, &cv, inner);
	doc_view_clamp(&t->help_view, &t->help, cv.rows);
	doc_draw(&t->help, &t->help_view, &cv, 0, cv.rows, 1);
	if (inner != t->help_win)
		delwin(inner);
	wnoutrefresh(t->help_win);
}

static unsigned help_key(struct tui *t, enum action act)
{
	struct rect r = help_rect(t);

	switch (act) {
	case ACT_QUIT:
	case ACT_BACK:
	case ACT_HELP:
	case ACT_OPEN:
		t->help_open = 0;
		window_drop(&t->help_win);
		doc_free(&t->help);
		return REDRAW_ALL;
	default:
		return doc_view_key(&t->help_view, &t->help, act, r.h - 2) ? REDRAW_HELP : REDRAW_NONE;
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
	pane->ops->draw(pane->st, t, &cv, focused);
	pane->cur_y = cv.cur_y;
	pane->cur_x = cv.cur_x;
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

static void render(struct tui *t, unsigned what)
{
	struct pane *focused = &t->pane[t->focus];
	int p;

	if (t->layout.kind == LAYOUT_TOO_SMALL) {
		const char *msg = t->layout.cols >= 30 ? "dcinet: terminal too small" : "terminal too small";

		werase(stdscr);
		mvwaddnstr(stdscr, 0, 0, msg, t->layout.cols);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	if (what & REDRAW_CHROME)
		draw_chrome(t);
	for (p = 0; p < PANE_COUNT; p++)
		if (p != (int)t->focus && (what & REDRAW_PANE(p)))
			draw_pane(t, p, 0);
	if (what & REDRAW_PANE(t->focus))
		draw_pane(t, t->focus, 1);
	if (t->help_open) {
		help_draw(t);
	} else if (focused->win != NULL) {
		/* The terminal cursor sits on the selection, for screen readers
		 * and for those who follow the cursor. */
		wmove(focused->win, focused->cur_y, focused->cur_x);
		wnoutrefresh(focused->win);
	}
	doupdate();
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
	if (t->help_open)
		return what | help_key(t, keymap_lookup(key, PANE_OVERVIEW));
	act = keymap_lookup(key, t->focus);
	switch (act) {
	case ACT_NONE:           return what;
	case ACT_QUIT:           return REDRAW_QUIT;
	case ACT_HELP:
		t->help_open = 1;
		t->help_view.top = t->help_view.sel = 0;
		return what | REDRAW_HELP;
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

/* Handle one key; a resize or a change of focus re-lays the screen out at
 * once, so the keys after it see the new sizes. */
static unsigned handle_key(struct tui *t, int rc, wint_t wc, unsigned what)
{
	int key = rc == KEY_CODE_YES ? KEYMAP_FN((int)wc) : (int)wc;

	if (key == KEYMAP_FN(KEY_RESIZE))
		what |= REDRAW_LAYOUT;
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
		wint_t wc;
		int ready, rc, keys = 0;

		if (what != REDRAW_NONE)
			render(t, what);
		what = REDRAW_NONE;
		FD_ZERO(&in);
		FD_SET(STDIN_FILENO, &in);
		ready = pselect(STDIN_FILENO + 1, &in, NULL, NULL, NULL, wait_mask);
		if (caught_signal)
			return 0;
		if (ready < 0 && errno != EINTR)
			return 0;
		/* Every key there is (a resize arrives as KEY_RESIZE after the
		 * EINTR of SIGWINCH), then one drawing for all of them. */
		while ((rc = wget_wch(stdscr, &wc)) != ERR) {
			keys++;
			what = handle_key(t, rc, wc, what);
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
	window_drop(&t->help_win);
	doc_free(&t->help);
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
	setlocale(LC_ALL, "");
	memset(&t, 0, sizeof(t));
	t.reg = reg;
	t.label = opts && opts->registry_label ? opts->registry_label : "";
	t.ascii = !locale_is_utf8();
	t.focus = PANE_POSTS;
	t.search_from = PANE_POSTS;
	if (registry_counts(reg, &t.counts) != 0)
		memset(&t.counts, 0, sizeof(t.counts));
	if (overview_attach(&t) || posts_attach(&t) || roster_attach(&t) || search_box_attach(&t)) {
		fputs("dcinet: out of memory\n", stderr);
		panes_destroy(&t);
		return EX_SOFTWARE;
	}
	roster_show(t.roster, &t, posts_selected(t.posts));

	caught_signal = 0;
	signals_install(&signals);
	screen = newterm(NULL, stdout, stdin);
	if (screen == NULL) {
		signals_restore(&signals);
		panes_destroy(&t);
		return no_terminal_type();
	}
	set_term(screen);
	if (!has_cursor_addressing()) {
		endwin();
		delscreen(screen);
		signals_restore(&signals);
		panes_destroy(&t);
		return no_terminal_type();
	}
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);     /* keys are read only when pselect() says so */
	set_escdelay(25);
	colors_init(&t.colors, colors_wanted(getenv("NO_COLOR"), has_colors()));

	status = loop(&t, &signals.wait_mask);

	panes_destroy(&t);
	endwin();
	delscreen(screen);
	signals_restore(&signals);
	return status;
}
