/* SPDX-License-Identifier: MIT */
/*
 * main.c: options, the choice of registry, and the mode: browse (the
 * default), --find, --check or --import.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>
#include "cli.h"
#include "../tui/i18n.h"
#include "../tui/path.h"
#include "../tui/tui.h"

#ifndef DCINET_SHAREDIR
#define DCINET_SHAREDIR "/usr/local/share/dcinet"
#endif

static const char *const usage_text = N_(
	"usage: dcinet [--data DIR | --db FILE]            browse the registry\n"
	"       dcinet [--data DIR | --db FILE] --find TEXT [--format FMT]\n"
	"       dcinet --check DIR\n"
	"       dcinet --import DIR --db FILE\n"
	"       dcinet --diff OLD NEW [--format FMT]\n"
	"       dcinet [--data DIR | --db FILE] --network [--format FMT]\n"
	"       dcinet [--data DIR | --db FILE] --stale [--older-than YEARS] [--format FMT]\n"
	"       dcinet [--data DIR | --db FILE] --export FMT [--out PATH [--force]]\n"
	"\n"
	"  -d, --data DIR     load the CSV registry in DIR (into memory)\n"
	"  -b, --db FILE      open a database built by --import, read-only\n"
	"  -f, --find TEXT    print the answer, then matching countries (with the post\n"
	"                     covering them), posts, staff and themes; exit 0 found,\n"
	"                     1 nothing found, 2 ambiguous (several match, none exactly)\n"
	"  -F, --format FMT   with --find, --diff, --network or --stale: one of its\n"
	"                     formats below\n"
	"  -j, --json         the same as --format json\n"
	"  -p, --plain        the same as --format plain\n"
	"  -c, --check DIR    validate a CSV registry; errors as file:line: column: reason\n"
	"  -i, --import DIR   build --db FILE from DIR, replacing it atomically\n"
	"      --diff OLD NEW the changes between two registries (directories or\n"
	"                     databases), by post; exit 0 same, 1 different\n"
	"      --network      how big the network is: the posts on record, then every\n"
	"                     size the sources claim, dated, oldest first\n"
	"      --stale        the facts older than YEARS (default $DCINET_STALE_YEARS\n"
	"                     or 5), oldest first, with the source to check again\n"
	"      --older-than YEARS  with --stale: the age limit, a whole number\n"
	"      --export FMT   write the whole registry in a format below\n"
	"      --out PATH     with --export: the file (csv: directory) to write,\n"
	"                     else standard output\n"
	"      --force        with --export: replace an existing PATH\n"
	"      --no-mouse     leave the mouse to the terminal (also DCINET_MOUSE=0)\n"
	"  -h, --help         this help\n"
	"  -V, --version      the version\n"
	"\n"
	"Without --data or --db: $DCINET_DB, else the shipped registry.\n"
	"In the browser, press ? for the keys; see dcinet(1) and dcinet-data(5).\n");

struct options {
	int no_mouse;              /* --no-mouse */
	const char *data, *db, *find, *check, *import;
	const struct find_format *format;
	const char *format_name;   /* --format, --json, --plain */
	const char *diff, *diff_new;   /* --diff OLD NEW */
	int stale, json;           /* --stale; --format json for --diff, --network, --stale */
	int network;               /* --network */
	long older_than;           /* --older-than, when older_given */
	int older_given;
	const struct export_format *export;
	const char *out;           /* --out */
	int force;                 /* --force */
	const char *label;         /* the registry's name on screen, when not db or data */
	const char *fallback;      /* the CSV directory to load if db does not open */
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
	if (line == IMPORT_WARNING)
		fprintf(stderr, _("%s: warning: %s\n"), f, r);
	else if (line <= 0)
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

/* The exit status once everything is written: a failed write to
 * standard output (a full disk; a closed pipe ends the process by
 * SIGPIPE, as it does any filter) is 74 whatever the
 * outcome it would have told, so a script never reads "nothing found"
 * from output that was lost; an error already found keeps its status. */
static int output_status(int rc)
{
	int e;

	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return rc;
	e = errno;
	if (rc >= EX__BASE)
		return rc;
	fprintf(stderr, "dcinet: stdout: %s\n", e ? strerror(e) : "write error");
	return EX_IOERR;
}

static int usage_error(const char *msg)
{
	fprintf(stderr, _("dcinet: %s\nTry 'dcinet --help'.\n"), msg);
	return EX_USAGE;
}

/* getopt_long's refusal, naming the option: "unknown option '--fnd'". */
static int bad_option(const char *arg, int opt)
{
	char msg[256], name[128];
	const char *eq;

	text_sanitize(name, sizeof(name), arg ? arg : "?", 0);
	eq = strncmp(name, "--", 2) == 0 ? strchr(name, '=') : NULL;
	if (opt && strchr("dbfciFDOeo", opt))
		snprintf(msg, sizeof(msg), _("option '%s' needs an argument"), name);
	else if (opt && eq)
		snprintf(msg, sizeof(msg), _("option '%.*s' takes no argument"), (int)(eq - name), name);
	else
		snprintf(msg, sizeof(msg), _("unknown option '%.*s'"),
		         (int)(eq ? eq - name : (long)strlen(name)), name);
	return usage_error(msg);
}

/* "dcinet: unknown format 'yaml' (want text, plain, tsv, json)": the
 * names of the table at. */
static int unknown_format(const char *what, const char *name, format_at_fn at)
{
	char msg[512], clean[128], want[128];

	text_sanitize(clean, sizeof(clean), name, 0);
	snprintf(msg, sizeof(msg), _("unknown %s '%s' (want %s)"), what, clean,
	         format_names(at, want, sizeof(want)));
	return usage_error(msg);
}

/* A whole number of years from 0 to 1000 (the browser's limit too). */
static int older_than(const char *arg, long *years)
{
	char *end = NULL;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno || end == arg || *end != '\0' || v < 0 || v > 1000)
		return 0;
	*years = v;
	return 1;
}

/* The modes that go together, and the formats each takes. */
static int check_modes(struct options *o)
{
	int modes = !!o->find + !!o->check + !!o->import + !!o->diff + o->stale + !!o->export
	            + o->network;

	if (modes > 1)
		return usage_error(_("choose one of --find, --check, --import, --diff, --network, "
		                   "--stale and --export"));
	if (o->diff && (o->data || o->db))
		return usage_error(_("--diff takes two registries, not --data or --db"));
	if (o->older_given && !o->stale)
		return usage_error(_("--older-than goes with --stale"));
	if ((o->out || o->force) && !o->export)
		return usage_error(_("--out and --force go with --export"));
	if (o->force && !o->out)
		return usage_error(_("--force goes with --out PATH"));
	if (o->export && export_format_is_dir(o->export) && !o->out)
		return usage_error(_("--export csv writes a directory: give --out DIR"));
	if (o->format_name && (o->diff || o->stale || o->network)) {
		long i = format_index(report_format_at, o->format_name);

		if (i < 0)
			return unknown_format("format", o->format_name, report_format_at);
		o->json = i == REPORT_JSON;
	} else if (o->format_name && o->find) {
		o->format = find_format_named(o->format_name);
		if (!o->format)
			return unknown_format("format", o->format_name, find_format_at);
	} else if (o->format_name) {
		return usage_error(_("--format, --json and --plain go with --find, --diff, --network "
		                   "or --stale"));
	}
	if (!o->format)
		o->format = find_format_named("text");
	return 0;
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
		{ "diff", required_argument, NULL, 'D' },
		{ "stale", no_argument, NULL, 'S' },
		{ "network", no_argument, NULL, 'N' },
		{ "older-than", required_argument, NULL, 'O' },
		{ "export", required_argument, NULL, 'e' },
		{ "out", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, 'x' },
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
		case 'j': o->format_name = "json"; break;
		case 'p': o->format_name = "plain"; break;
		case 'F': o->format_name = optarg; break;
		case 'D': o->diff = optarg; break;
		case 'S': o->stale = 1; break;
		case 'N': o->network = 1; break;
		case 'O':
			if (!older_than(optarg, &o->older_than))
				return usage_error(_("--older-than wants a whole number of years, 0 to 1000"));
			o->older_given = 1;
			break;
		case 'e':
			o->export = export_format_named(optarg);
			if (!o->export)
				return unknown_format("export format", optarg, export_format_at);
			break;
		case 'o': o->out = optarg; break;
		case 'x': o->force = 1; break;
		case 'c': o->check = optarg; break;
		case 'i': o->import = optarg; break;
		case 'h': fputs(_(usage_text), stdout); formats_usage(stdout); return -1;
		case 'V': printf("dcinet %s\n", DCINET_VERSION); return -1;
		case 'M': o->no_mouse = 1; break;
		default:
			return bad_option(argv[optind - 1], optopt);
		}
	}
	if (o->diff && optind + 1 == argc)
		o->diff_new = argv[optind++];
	else if (o->diff)
		return usage_error(_("--diff compares two registries: --diff OLD NEW"));
	if (optind < argc)
		return usage_error(_("unexpected argument (quote search text: --find 'cote d ivoire')"));
	if (o->import && !o->db)
		return usage_error(_("--import needs --db FILE"));
	if (o->import && (o->data || o->find || o->check))
		return usage_error(_("--import takes only --db"));
	if (o->check && (o->data || o->db || o->find))
		return usage_error(_("--check takes only a directory"));
	if (o->data && o->db)
		return usage_error(_("choose one of --data and --db"));
	return check_modes(o);
}

static int readable_dir(const char *dir)
{
	char path[PATH_MAX];

	if (snprintf(path, sizeof(path), "%s/posts.csv", dir) >= (int)sizeof(path))
		return 0;
	return access(path, R_OK) == 0;
}

/* Is the database make built beside the binary (build/dcinet.db) at
 * least as new as the binary and every file of its CSV directory (and
 * the directory itself, whose time changes when a file comes or goes)?
 * Then it holds what loading the CSV would, and opens in a millisecond
 * instead of an import's tens. */
static int newer(const struct stat *a, const struct stat *b)
{
	return a->st_mtim.tv_sec > b->st_mtim.tv_sec
	       || (a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec > b->st_mtim.tv_nsec);
}

static int prebuilt_fresh(const char *db, const char *exe, const char *dir)
{
	char path[PATH_MAX];
	struct stat st, dst;
	struct dirent *e;
	DIR *d;
	int fresh = 1;

	if (stat(db, &dst) != 0 || !S_ISREG(dst.st_mode) || dst.st_size == 0)
		return 0;
	if (stat(exe, &st) != 0 || newer(&st, &dst))
		return 0;
	if (stat(dir, &st) != 0 || newer(&st, &dst))
		return 0;
	d = opendir(dir);
	if (!d)
		return 0;
	while (fresh && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, e->d_name) >= sizeof(path)
		    || stat(path, &st) != 0 || newer(&st, &dst))
			fresh = 0;
	}
	closedir(d);
	return fresh;
}

/* The registry to open when none is named: $DCINET_DB, the data/ of the
 * source tree the binary was built in (through the database make built
 * from it, build/dcinet.db, when that is fresh), then the installed copy. */
static void default_registry(struct options *o, char *buf, size_t n, char *dbbuf, size_t dbn)
{
	char exe[PATH_MAX], self[PATH_MAX];

	if (getenv("DCINET_DB") && *getenv("DCINET_DB")) {
		o->db = getenv("DCINET_DB");
		return;
	}
	if (path_exe(self, sizeof(self)) == 0 && path_exe_dir(exe, sizeof(exe)) == 0 &&
	    (size_t)snprintf(buf, n, "%s/../data", exe) < n && readable_dir(buf)) {
		o->data = buf;
		if ((size_t)snprintf(dbbuf, dbn, "%s/dcinet.db", exe) < dbn
		    && prebuilt_fresh(dbbuf, self, buf)) {
			o->db = dbbuf;
			o->data = NULL;
			o->fallback = o->label = buf;
		}
		return;
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

	struct stat st;
	int e;

	/* a file given for a directory is that, not a permission (access()
	 * says EACCES for a file that cannot be searched, even to root) */
	if (stat(dir, &st) != 0)
		e = errno;
	else if (!S_ISDIR(st.st_mode))
		e = ENOTDIR;
	else if (access(dir, R_OK | X_OK) == 0)
		return 1;
	else
		e = errno;
	snprintf(msg, sizeof(msg), "%s: %s", dir, strerror(e));
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
		if (rc && o->fallback) {
			struct options csv = *o;

			csv.db = NULL;
			csv.data = o->fallback;
			csv.fallback = NULL;
			return open_registry(&csv, reg);
		}
		if (rc)
			say(err);
		return rc;
	}
	rc = registry_load_dir(reg, o->data, &io, NULL);
	if (rc)
		fprintf(stderr, _("dcinet: the registry in %s did not load\n"), o->data);
	return rc;
}

/* A registry named by a path: a CSV directory or a database file. */
static int open_path(const char *path, registry **reg)
{
	struct options p;
	struct stat st;
	char msg[PATH_MAX + 128];

	*reg = NULL;
	memset(&p, 0, sizeof(p));
	if (stat(path, &st) != 0) {
		snprintf(msg, sizeof(msg), "%s: %s", path, strerror(errno));
		say(msg);
		return EX_NOINPUT;
	}
	if (S_ISDIR(st.st_mode))
		p.data = path;
	else
		p.db = path;
	return open_registry(&p, reg);
}

/* --diff OLD NEW: exit DIFF_SAME, DIFF_DIFFERENT or a sysexits code. */
static int run_diff(const struct options *o)
{
	registry *old_reg = NULL, *new_reg = NULL;
	char err[512] = "";
	int rc;

	rc = open_path(o->diff, &old_reg);
	if (!rc)
		rc = open_path(o->diff_new, &new_reg);
	if (!rc) {
		rc = diff_print(old_reg, new_reg, o->diff, o->diff_new, o->json, stdout, err,
		                sizeof(err));
		if (rc != DIFF_SAME && rc != DIFF_DIFFERENT)
			say(err);
	}
	registry_close(old_reg);
	registry_close(new_reg);
	return output_status(rc);
}

/* --stale's limit: --older-than, else DCINET_STALE_YEARS when it is a
 * whole number from 1 to 1000, else the default. */
static int stale_years(const struct options *o)
{
	const char *env = getenv("DCINET_STALE_YEARS");
	long v;

	if (o->older_given)
		return (int)o->older_than;
	if (env && older_than(env, &v) && v > 0)
		return (int)v;
	return STALE_YEARS_DEFAULT;
}

int main(int argc, char **argv)
{
	struct import_opts io = { print_error, NULL, 0 };
	struct import_stats stats;
	struct options o;
	char pathbuf[PATH_MAX], dbbuf[PATH_MAX];
	void (*quit_action)(int) = SIG_DFL;
	registry *reg;
	int rc, french;

	french = i18n_init();
	rc = parse_options(argc, argv, &o);
	if (rc)
		return rc < 0 ? output_status(0) : rc;
	if (o.check) {
		if (!dir_exists(o.check))
			return EX_NOINPUT;
		rc = import_check_dir(o.check, &io, &stats);
		if (rc == 0)
			fprintf(stderr, i18n_trn("%s: %ld row, no errors\n", "%s: %ld rows, no errors\n",
			                         (unsigned long)stats.rows), o.check, stats.rows);
		else
			fprintf(stderr, i18n_trn("%s: %ld error\n", "%s: %ld errors\n",
			                         (unsigned long)stats.errors), o.check, stats.errors);
		return rc;
	}
	if (o.import) {
		if (!dir_exists(o.import))
			return EX_NOINPUT;
		rc = import_build_db(o.import, o.db, &io, &stats);
		if (rc == 0)
			fprintf(stderr, _("%s: %ld rows from %s in %.2f s\n"), o.db, stats.rows,
			        o.import, stats.seconds);
		else if (!stats.target_lost)
			fprintf(stderr, _("dcinet: %s left unchanged\n"), o.db);
		return rc;
	}
	if (o.diff)
		return run_diff(&o);
	if (!o.data && !o.db)
		default_registry(&o, pathbuf, sizeof(pathbuf), dbbuf, sizeof(dbbuf));
	/* Until the browser puts the terminal in raw mode, Ctrl-\ is still
	 * SIGQUIT: loading a large registry must not die of it (no key kills
	 * a desk session, see dcinet(1)). */
	if (!o.find && isatty(STDIN_FILENO))
		quit_action = signal(SIGQUIT, SIG_IGN);
	rc = open_registry(&o, &reg);
	if (rc)
		return rc;
	if (o.find) {
		rc = find_print(reg, o.find, o.format, french, stdout);
		if (rc != FIND_FOUND && rc != FIND_NOTHING && rc != FIND_AMBIGUOUS)
			say(registry_error(reg));
	} else if (o.stale || o.export || o.network) {
		char err[1024] = "";

		rc = o.stale ? stale_print(reg, stale_years(&o), o.json, stdout, err, sizeof(err))
		     : o.network ? network_print(reg, o.json, stdout, err, sizeof(err))
		     : export_write(reg, o.export, o.out, o.force, err, sizeof(err));
		if (rc)
			say(err[0] ? err : registry_error(reg));
	} else {
		struct tui_opts to = { o.label ? o.label : o.db ? o.db : o.data, o.no_mouse, french };

		signal(SIGQUIT, quit_action);
		rc = tui_run(reg, &to);
	}
	registry_close(reg);
	return output_status(rc);
}
