/* SPDX-License-Identifier: MIT */
/*
 * pty_bench.c: the browser as a terminal sees it.
 *
 *     pty_bench [--rows R] [--cols C] [--quiet MS] [--trace FILE] -- DCINET ARGS...
 *
 * Starts the real browser in a pseudo-terminal of R x C (default 24 x 80,
 * TERM=xterm-256color, a UTF-8 locale), and measures what goes over the
 * wire, as an SSH session would carry it:
 *
 *  - start-up: from fork to the last byte of the first screen (the output
 *    is the first screen once it has been quiet for MS milliseconds,
 *    default 150; the quiet time itself is not counted);
 *  - the bytes written for one cursor move in the post list ("2" to focus
 *    it, then "j", five times: the median and the largest), and of those
 *    the bytes of the move itself, before the Roster follows the cursor
 *    at rest (what came before MOVE_QUIET_MS of quiet);
 *  - the bytes written per move while "j" is held (HELD moves 40 ms
 *    apart, a key's repeat rate, then quiet: everything written divided
 *    by HELD), as the list is scrolled rather than stepped;
 *  - the bytes written for one search keystroke ("/" to open the box,
 *    then five letters, each a keystroke: the median and the largest);
 *  - the peak resident memory of the browser (VmHWM) after all that;
 *  - the page faults the browser took up to its first screen (minflt),
 *    and its time on a CPU till then (schedstat): figures that do not
 *    count the time it waited for a CPU, as start-up does on a busy
 *    machine.  (On a virtual machine a page's first touch can cost more
 *    than the code run.)
 *
 * --trace writes every byte received to FILE, each step after a line
 * "=== step" (to see what a key repaints).  Prints one line:
 *
 *     pty startup_ms=6.1 first_screen_bytes=2900 move_bytes=80 move_max=95
 *         move_alone_bytes=60 held_move_bytes=70 open_search_bytes=300 key_bytes=900 key_max=1300 vmhwm_kb=9800
 *         first_screen_faults=400 first_screen_cpu_ms=4.2
 */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MOVES 5
#define HELD 10
#define HELD_GAP_MS 40
#define KEYS "marti"
#define MOVE_QUIET_MS 25       /* under the browser's rest (50 ms) */

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

struct session {
	int fd;
	pid_t pid;
	int quiet_ms;
	double last_byte;          /* when the last byte arrived */
	FILE *trace;               /* or NULL */
};

/* Read until the terminal has been quiet for quiet_ms (or timeout_ms
 * have passed); returns the bytes read, -1 when the program is gone.
 * With wait_first, the quiet time starts at the first byte: a start-up
 * slower than it, on a busy machine, is not "nothing".  (A key may draw
 * nothing: "2" when the post list has the focus already.) */
static long drain_quiet(struct session *s, int timeout_ms, int wait_first)
{
	char buf[65536];
	double start = now_ms(), deadline = start + timeout_ms;
	long total = 0;

	for (;;) {
		struct pollfd p = { s->fd, POLLIN, 0 };
		double t = now_ms();
		int wait = total || !wait_first ? s->quiet_ms : (int)(deadline - t) + 1, r;

		if (t >= deadline)
			break;
		if (t + wait > deadline)
			wait = (int)(deadline - t) + 1;
		r = poll(&p, 1, wait);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;              /* quiet: the screen is drawn */
		r = (int)read(s->fd, buf, sizeof(buf));
		if (r <= 0)
			return total ? total : -1;
		s->last_byte = now_ms();
		total += r;
		if (s->trace)
			fwrite(buf, 1, (size_t)r, s->trace);
	}
	return total;
}

static long drain(struct session *s, int timeout_ms)
{
	return drain_quiet(s, timeout_ms, 0);
}

/* Read whatever comes for ms milliseconds, quiet or not. */
static long drain_for(struct session *s, int ms)
{
	char buf[65536];
	double deadline = now_ms() + ms;
	long total = 0;

	for (;;) {
		struct pollfd p = { s->fd, POLLIN, 0 };
		double t = now_ms();
		int r;

		if (t >= deadline)
			break;
		r = poll(&p, 1, (int)(deadline - t) + 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			continue;
		r = (int)read(s->fd, buf, sizeof(buf));
		if (r <= 0)
			break;
		s->last_byte = now_ms();
		total += r;
		if (s->trace)
			fwrite(buf, 1, (size_t)r, s->trace);
	}
	return total;
}

static long key(struct session *s, const char *keys)
{
	if (s->trace)
		fprintf(s->trace, "\n=== key %s\n", keys);
	if (write(s->fd, keys, strlen(keys)) < 0)
		return -1;
	return drain(s, 5000);
}

/* One move: the bytes drawn at once, in *alone, and all it drew till
 * quiet (the Roster follows the Posts cursor once it rests). */
static long move(struct session *s, long *alone)
{
	int quiet = s->quiet_ms;

	if (s->trace)
		fprintf(s->trace, "\n=== key j\n");
	if (write(s->fd, "j", 1) < 0)
		return *alone = -1;
	s->quiet_ms = MOVE_QUIET_MS;
	*alone = drain_quiet(s, 5000, 1);
	s->quiet_ms = quiet;
	return *alone + drain(s, 5000);
}

static FILE *proc_open(pid_t pid, const char *file)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, file);
	return fopen(path, "r");
}

static long vmhwm_kb(pid_t pid)
{
	FILE *fp = proc_open(pid, "status");
	char line[256];
	long kb = -1;

	if (!fp)
		return -1;
	while (fgets(line, sizeof(line), fp))
		if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
			break;
	fclose(fp);
	return kb;
}

/* Minor page faults of pid so far: field 10 of /proc/pid/stat, counted
 * after the command name, which may hold spaces. */
static long minflt(pid_t pid)
{
	FILE *fp = proc_open(pid, "stat");
	char line[1024], *p;
	long v = -1;
	int i;

	if (!fp)
		return -1;
	if (fgets(line, sizeof(line), fp) && (p = strrchr(line, ')')) != NULL) {
		for (i = 2; i < 10 && p; i++)
			p = strchr(p + 1, ' ');
		if (p)
			v = strtol(p + 1, NULL, 10);
	}
	fclose(fp);
	return v;
}

/* Milliseconds pid has run on a CPU: schedstat's first field, in ns. */
static double cpu_ms(pid_t pid)
{
	FILE *fp = proc_open(pid, "schedstat");
	unsigned long long ns = 0;
	int n;

	if (!fp)
		return -1;
	n = fscanf(fp, "%llu", &ns);
	fclose(fp);
	return n == 1 ? (double)ns / 1e6 : -1;
}

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	struct winsize ws = { 24, 80, 0, 0 };
	struct session s = { -1, -1, 150, 0, NULL };
	long first, first_faults, open_search, moves[MOVES], alone[MOVES], held, keys[sizeof(KEYS) - 1], hwm;
	double t0, first_cpu;
	int a, i, status;

	for (a = 1; a < argc && strcmp(argv[a], "--") != 0; a++) {
		if (a + 1 >= argc)
			break;
		if (strcmp(argv[a], "--rows") == 0)
			ws.ws_row = (unsigned short)atoi(argv[++a]);
		else if (strcmp(argv[a], "--cols") == 0)
			ws.ws_col = (unsigned short)atoi(argv[++a]);
		else if (strcmp(argv[a], "--quiet") == 0)
			s.quiet_ms = atoi(argv[++a]);
		else if (strcmp(argv[a], "--trace") == 0 && !(s.trace = fopen(argv[++a], "w"))) {
			perror(argv[a]);
			return 73;
		}
	}
	if (a + 1 >= argc) {
		fprintf(stderr, "usage: pty_bench [--rows R] [--cols C] [--quiet MS] -- DCINET ARGS...\n");
		return 64;
	}
	signal(SIGPIPE, SIG_IGN);
	t0 = now_ms();
	s.pid = forkpty(&s.fd, NULL, NULL, &ws);
	if (s.pid < 0) {
		perror("forkpty");
		return 71;
	}
	if (s.pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		setenv("LANG", "C.UTF-8", 1);
		unsetenv("LC_ALL");
		execvp(argv[a + 1], argv + a + 1);
		perror(argv[a + 1]);
		_exit(127);
	}
	first = drain_quiet(&s, 10000, 1);
	if (first <= 0) {
		kill(s.pid, SIGTERM);
		waitpid(s.pid, &status, 0);
		fprintf(stderr, "pty_bench: %s drew nothing (%s %d)\n", argv[a + 1],
		        WIFEXITED(status) ? "exit status" : "signal",
		        WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
		return 70;
	}
	first_faults = minflt(s.pid);
	first_cpu = cpu_ms(s.pid);
	printf("pty startup_ms=%.1f first_screen_bytes=%ld", s.last_byte - t0, first);
	key(&s, "2");
	for (i = 0; i < MOVES; i++)
		moves[i] = move(&s, &alone[i]);
	held = 0;
	for (i = 0; i < HELD; i++) {
		if (write(s.fd, "j", 1) < 0)
			break;
		held += drain_for(&s, HELD_GAP_MS);
	}
	held += drain(&s, 5000);
	open_search = key(&s, "/");
	for (i = 0; KEYS[i]; i++) {
		char k[2] = { KEYS[i], 0 };

		keys[i] = key(&s, k);
	}
	hwm = vmhwm_kb(s.pid);
	qsort(moves, MOVES, sizeof(long), cmp_long);
	qsort(alone, MOVES, sizeof(long), cmp_long);
	qsort(keys, sizeof(KEYS) - 1, sizeof(long), cmp_long);
	printf(" move_bytes=%ld move_max=%ld move_alone_bytes=%ld held_move_bytes=%ld"
	       " open_search_bytes=%ld"
	       " key_bytes=%ld key_max=%ld vmhwm_kb=%ld first_screen_faults=%ld"
	       " first_screen_cpu_ms=%.1f\n",
	       moves[MOVES / 2], moves[MOVES - 1], alone[MOVES / 2], held / HELD, open_search,
	       keys[(sizeof(KEYS) - 1) / 2], keys[sizeof(KEYS) - 2], hwm, first_faults, first_cpu);
	fflush(stdout);
	/* Ctrl-C quits from any pane; then make sure */
	if (write(s.fd, "\003", 1) < 0)
		kill(s.pid, SIGTERM);
	drain(&s, 2000);
	for (i = 0; i < 50 && waitpid(s.pid, &status, WNOHANG) == 0; i++)
		usleep(20000);
	if (i == 50) {
		kill(s.pid, SIGKILL);
		waitpid(s.pid, &status, 0);
	}
	close(s.fd);
	if (s.trace)
		fclose(s.trace);
	return 0;
}
