/*
 * main.c: options, the choice of registry, and the mode: browse (the
 * default), --find, --check or --import.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>
#include "cli.h"
#include "../tui/tui.h"

#ifndef DCINET_SHAREDIR
#define DCINET_SHAREDIR "/usr/local/share/dcinet"
#endif

static const char usage_text[] =
	"usage: dcinet [--data DIR | --db FILE]            browse the registry\n"
	"       dcinet [--data DIR | --db FILE] --find TEXT [--format FMT]\n"
	"       dcinet --check DIR\n"
	"       dcinet --import DIR --db FILE\n"
	"\n"
	"  -d, --data DIR     load the CSV registry in DIR (into memory)\n"
	"  -b, --db FILE      open a database built by --import, read-only\n"
	"  -f, --find TEXT    print the answer, then matching countries (with the post\n"
	"                     covering them), posts, staff and themes; exit 0 found,\n"
	"                     1 nothing found, 2 ambiguous (several match, none exactly)\n"
	"  -F, --format FMT   with --find: text, plain (sentences), tsv or json\n"
	"  -j, --json         the same as --format json\n"
	"  -p, --plain        the same as --format plain\n"
	"  -c, --check DIR    validate a CSV registry; errors as file:line: column: reason\n"
	"  -i, --import DIR   build --db FILE from DIR, replacing it atomically\n"
	"      --no-mouse     leave the mouse to the terminal (also DCINET_MOUSE=0)\n"
	"  -h, --help         this help\n"
	"  -V, --version      the version\n"
	"\n"
	"Without --data or --db: $DCINET_DB, else the shipped registry.\n"
	"In the browser, press ? for the keys; see dcinet(1) and dcinet-data(5).\n";

struct options {
	int no_mouse;              /* --no-mouse */
	const char *data, *db, *find, *check, *import;
	const struct find_format *format;
};

/* Every part of a message can hold bytes from a file (a path, a value,
 * SQLite's words about a crafted database): all go through the
 * sanitiser. */
static void print_error(void *ctx, const char *file, long line, const char *column,
                        const char *reason)
{
	char f[1024], c[256], r[1024];

	(void)ctx;
	text_sanitize(f, sizeof(f), file, 0);
	text_sanitize(c, sizeof(c), column ? column : "", 0);
	text_sanitize(r, sizeof(r), reason, 0);
	if (line <= 0)
		fprintf(stderr, "%s: %s\n", f, r);
	else if (!column)
		fprintf(stderr, "%s:%ld: %s\n", f, line, r);
	else
		fprintf(stderr, "%s:%ld: %s: %s\n", f, line, c, r);
}

/* "dcinet: " and a message that may hold bytes from a file. */
static void say(const char *what)
{
	char clean[1024];

	text_sanitize(clean, sizeof(clean), what, 0);
	fprintf(stderr, "dcinet: %s\n", clean);
}

static int usage_error(const char *msg)
{
	fprintf(stderr, "dcinet: %s\nTry 'dcinet --help'.\n", msg);
	return EX_USAGE;
}

/* getopt_long's refusal, naming the option: "unknown option '--fnd'". */
static int bad_option(const char *arg, int opt)
{
	char msg[256], name[128];
	const char *eq;

	text_sanitize(name, sizeof(name), arg ? arg : "?", 0);
	eq = strncmp(name, "--", 2) == 0 ? strchr(name, '=') : NULL;
	if (opt && strchr("dbfciF", opt))
		snprintf(msg, sizeof(msg), "option '%s' needs an argument", name);
	else if (opt && eq)
		snprintf(msg, sizeof(msg), "option '%.*s' takes no argument", (int)(eq - name), name);
	else
		snprintf(msg, sizeof(msg), "unknown option '%.*s'",
		         (int)(eq ? eq - name : (long)strlen(name)), name);
	return usage_error(msg);
}

static int parse_options(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{ "data", required_argument, NULL, 'd' },
		{ "db", required_argument, NULL, 'b' },
		{ "find", required_argument, NULL, 'f' },
		{ "json", no_argument, NULL, 'j' },
		{ "plain", no_argument, NULL, 'p' },
		{ "format", required_argument, NULL, 'F' },
		{ "check", required_argument, NULL, 'c' },
		{ "import", required_argument, NULL, 'i' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "no-mouse", no_argument, NULL, 'M' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof(*o));
	opterr = 0;
	while ((c = getopt_long(argc, argv, "d:b:f:jpF:c:i:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': o->data = optarg; break;
		case 'b': o->db = optarg; break;
		case 'f': o->find = optarg; break;
		case 'j': o->format = find_format_named("json"); break;
		case 'p': o->format = find_format_named("plain"); break;
		case 'F':
			o->format = find_format_named(optarg);
			if (!o->format) {
				fprintf(stderr, "dcinet: unknown format '%s' (want %s)\n", optarg,
				        find_format_list());
				return EX_USAGE;
			}
			break;
		case 'c': o->check = optarg; break;
		case 'i': o->import = optarg; break;
		case 'h': fputs(usage_text, stdout); return -1;
		case 'V': printf("dcinet %s\n", DCINET_VERSION); return -1;
		case 'M': o->no_mouse = 1; break;
		default:
			return bad_option(argv[optind - 1], optopt);
		}
	}
	if (optind < argc)
		return usage_error("unexpected argument (quote search text: --find 'cote d ivoire')");
	if (o->import && !o->db)
		return usage_error("--import needs --db FILE");
	if (o->import && (o->data || o->find || o->check))
		return usage_error("--import takes only --db");
	if (o->check && (o->data || o->db || o->find))
		return usage_error("--check takes only a directory");
	if (o->data && o->db)
		return usage_error("choose one of --data and --db");
	if (o->format && !o->find)
		return usage_error("--format, --json and --plain go with --find");
	if (!o->format)
		o->format = find_format_named("text");
	return 0;
}

static int readable_dir(const char *dir)
{
	char path[PATH_MAX];

	if (snprintf(path, sizeof(path), "%s/posts.csv", dir) >= (int)sizeof(path))
		return 0;
	return access(path, R_OK) == 0;
}

/* The registry to open when none is named: $DCINET_DB, the data/ of the
 * source tree the binary was built in, then the installed copy. */
static void default_registry(struct options *o, char *buf, size_t n)
{
	char exe[PATH_MAX];
	ssize_t len;
	char *slash;

	if (getenv("DCINET_DB") && *getenv("DCINET_DB")) {
		o->db = getenv("DCINET_DB");
		return;
	}
	len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (len > 0) {
		exe[len] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			if ((size_t)snprintf(buf, n, "%s/../data", exe) < n && readable_dir(buf)) {
				o->data = buf;
				return;
			}
		}
	}
	snprintf(buf, n, "%s/dcinet.db", DCINET_SHAREDIR);
	if (access(buf, R_OK) == 0) {
		o->db = buf;
		return;
	}
	snprintf(buf, n, "%s/data", DCINET_SHAREDIR);
	o->data = buf;
}

/* A directory that is not there is one error, not one per missing file. */
static int dir_exists(const char *dir)
{
	char msg[PATH_MAX + 128];

	if (access(dir, R_OK | X_OK) == 0)
		return 1;
	snprintf(msg, sizeof(msg), "%s: %s", dir, strerror(errno));
	say(msg);
	return 0;
}

static int open_registry(const struct options *o, registry **reg)
{
	struct import_opts io = { print_error, NULL, 0 };
	char err[512];
	int rc;

	*reg = NULL;
	if (!o->db && !dir_exists(o->data))
		return EX_NOINPUT;

	if (o->db) {
		rc = registry_open_db(reg, o->db, err, sizeof(err));
		if (rc)
			say(err);
		return rc;
	}
	rc = registry_load_dir(reg, o->data, &io, NULL);
	if (rc)
		fprintf(stderr, "dcinet: the registry in %s did not load\n", o->data);
	return rc;
}

int main(int argc, char **argv)
{
	struct import_opts io = { print_error, NULL, 0 };
	struct import_stats stats;
	struct options o;
	char pathbuf[PATH_MAX];
	void (*quit_action)(int) = SIG_DFL;
	registry *reg;
	int rc;

	rc = parse_options(argc, argv, &o);
	if (rc)
		return rc < 0 ? 0 : rc;
	if (o.check) {
		if (!dir_exists(o.check))
			return EX_NOINPUT;
		rc = import_check_dir(o.check, &io, &stats);
		if (rc == 0)
			fprintf(stderr, "%s: %ld rows, no errors\n", o.check, stats.rows);
		else
			fprintf(stderr, "%s: %ld error%s\n", o.check, stats.errors,
			        stats.errors == 1 ? "" : "s");
		return rc;
	}
	if (o.import) {
		if (!dir_exists(o.import))
			return EX_NOINPUT;
		rc = import_build_db(o.import, o.db, &io, &stats);
		if (rc == 0)
			fprintf(stderr, "%s: %ld rows from %s in %.2f s\n", o.db, stats.rows,
			        o.import, stats.seconds);
		else
			fprintf(stderr, "dcinet: %s left unchanged\n", o.db);
		return rc;
	}
	if (!o.data && !o.db)
		default_registry(&o, pathbuf, sizeof(pathbuf));
	/* Until the browser puts the terminal in raw mode, Ctrl-\ is still
	 * SIGQUIT: loading a large registry must not die of it (no key kills
	 * a desk session, see dcinet(1)). */
	if (!o.find && isatty(STDIN_FILENO))
		quit_action = signal(SIGQUIT, SIG_IGN);
	rc = open_registry(&o, &reg);
	if (rc)
		return rc;
	if (o.find) {
		rc = find_print(reg, o.find, o.format, stdout);
		if (rc != FIND_FOUND && rc != FIND_NOTHING && rc != FIND_AMBIGUOUS)
			say(registry_error(reg));
	} else {
		struct tui_opts to = { o.db ? o.db : o.data, o.no_mouse };

		signal(SIGQUIT, quit_action);
		rc = tui_run(reg, &to);
	}
	registry_close(reg);
	if (fflush(stdout) != 0 && !rc)
		rc = EX_IOERR;
	return rc;
}
