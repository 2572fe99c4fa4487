/* SPDX-License-Identifier: MIT */
/*
 * export.c: --export FORMAT [--out PATH] [--force], the whole registry in
 * one of a table of formats {name, description, function}, the shape of
 * --find's table (find.c), as abook keeps its filters:
 *   csv    a data directory that --import reads back to the same registry
 *   json   one document: every table, every row
 *   vcard  one vCard 4.0 (RFC 6350) per post, for an address book
 * A file is written beside its final name and renamed over it once
 * complete, so no reader ever sees half an export.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>
#include "cli.h"
#include "../tui/i18n.h"

/* Where a format writes: a stream (json, vcard), or a directory whose
 * files it opens with sink_open (csv). */
struct sink {
	FILE *out;
	const char *dir;
	int failed;                /* a write failed: errno kept in err */
	char *err;
	size_t errlen;
};

struct export_format {
	const char *name;
	const char *description;
	int (*write)(registry *reg, struct sink *s);
	int is_dir;                /* writes a directory (--out is required) */
};

/* ---- files written whole or not at all ------------------------------- */

/* A temporary file beside path ("dir/.name.XXXXXX"), its name in tmp. */
static FILE *atomic_open(const char *path, char *tmp, size_t n)
{
	const char *slash = strrchr(path, '/');
	mode_t mask;
	FILE *f;
	int fd;

	if (slash)
		snprintf(tmp, n, "%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1);
	else
		snprintf(tmp, n, ".%s.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0)
		return NULL;
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0 || !(f = fdopen(fd, "w"))) {
		int e = errno;

		close(fd);
		unlink(tmp);
		errno = e;
		return NULL;
	}
	return f;
}

/* Close f and rename tmp to path, or remove tmp; 0 or errno. */
static int atomic_commit(FILE *f, const char *tmp, const char *path, int failed)
{
	int e = 0;

	if (fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0)
		e = errno ? errno : EIO;
	if (fclose(f) != 0 && !e)
		e = errno;
	if (failed && !e)
		e = EIO;
	if (!e && rename(tmp, path) != 0)
		e = errno;
	if (e)
		unlink(tmp);
	return e;
}

static void sink_error(struct sink *s, const char *path, int e)
{
	if (!s->failed)
		snprintf(s->err, s->errlen, "%s: %s", path, strerror(e));
	s->failed = 1;
}

/* ---- csv -------------------------------------------------------------- */

/* RFC 4180, as dcinet-data(5) reads it: quoted when the field holds a
 * comma, a quote or a line break, or begins or ends with a space or tab
 * (which an unquoted field would lose). */
static void csv_field(FILE *out, const char *v)
{
	size_t n = strlen(v);
	const char *p;

	if (!strpbrk(v, ",\"\r\n") && !(n && strchr(" \t", v[0])) &&
	    !(n && strchr(" \t", v[n - 1]))) {
		fputs(v, out);
		return;
	}
	fputc('"', out);
	for (p = v; *p; p++) {
		if (*p == '"')
			fputc('"', out);
		fputc(*p, out);
	}
	fputc('"', out);
}

struct csv_state {
	struct sink *s;
	FILE *f;
	char tmp[PATH_MAX], path[PATH_MAX];
};

static void csv_close(struct csv_state *c)
{
	int e;

	if (!c->f)
		return;
	e = atomic_commit(c->f, c->tmp, c->path, c->s->failed);
	if (e)
		sink_error(c->s, c->path, e);
	c->f = NULL;
}

static int csv_row(void *ctx, const struct dci_table_row *row)
{
	struct csv_state *c = ctx;
	size_t i;

	if (!row->values) {             /* a new table: its file and header */
		csv_close(c);
		if (c->s->failed)
			return 1;
		snprintf(c->path, sizeof(c->path), "%s/%s", c->s->dir, row->file);
		c->f = atomic_open(c->path, c->tmp, sizeof(c->tmp));
		if (!c->f) {
			sink_error(c->s, c->path, errno);
			return 1;
		}
	}
	for (i = 0; i < row->ncols; i++) {
		if (i)
			fputc(',', c->f);
		csv_field(c->f, row->values ? row->values[i] : row->columns[i]);
	}
	fputc('\n', c->f);
	return 0;
}

static int write_csv(registry *reg, struct sink *s)
{
	struct csv_state c;
	int rc;

	memset(&c, 0, sizeof(c));
	c.s = s;
	rc = registry_tables_each(reg, csv_row, &c);
	if (rc)
		s->failed = 1;
	csv_close(&c);
	return rc ? rc : s->failed ? EX_CANTCREAT : 0;
}

/* ---- json ------------------------------------------------------------- */

struct json_state {
	FILE *out;
	long rows;                 /* in the current table */
	int tables;
};

static int json_row(void *ctx, const struct dci_table_row *row)
{
	struct json_state *j = ctx;
	size_t i;

	if (!row->values) {
		fprintf(j->out, "%s\n    \"%s\": [", j->tables ? (j->rows ? "\n    ]," : "],") : "",
		        row->table);
		j->tables++;
		j->rows = 0;
		return 0;
	}
	fputs(j->rows ? ",\n      {" : "\n      {", j->out);
	for (i = 0; i < row->ncols; i++) {
		const char *v = row->values[i];

		fprintf(j->out, "%s\"%s\": ", i ? ", " : "", row->columns[i]);
		if (strcmp(row->types[i], "count") == 0 || strcmp(row->types[i], "flag") == 0)
			fputs(v[0] ? v : "null", j->out);
		else
			json_string(j->out, v);
	}
	fputc('}', j->out);
	j->rows++;
	return 0;
}

static int write_json(registry *reg, struct sink *s)
{
	struct json_state j = { s->out, 0, 0 };
	int rc;

	fprintf(s->out, "{\n  \"dcinet\": \"%s\",\n  \"schema_version\": %d,\n  \"tables\": {",
	        DCINET_VERSION, DCINET_SCHEMA_VERSION);
	rc = registry_tables_each(reg, json_row, &j);
	fprintf(s->out, "%s\n  }\n}\n", j.tables ? (j.rows ? "\n    ]" : "]") : "");
	return rc;
}

/* ---- vcard ------------------------------------------------------------ */

/* A content line of RFC 6350: name, then value, folded so that no line
 * is longer than 75 octets (a continuation begins with a space), never
 * inside a UTF-8 character, ended by CRLF. */
static void vc_line(FILE *out, const char *name, const char *value)
{
	char line[8192];
	size_t len, i = 0, col = 0;

	snprintf(line, sizeof(line), "%s:%s", name, value);
	len = strlen(line);
	while (i < len) {
		size_t n = text_utf8_char(line + i, len - i, NULL);

		if (n == 0)
			n = 1;
		if (col + n > 75) {
			fputs("\r\n ", out);
			col = 1;
		}
		fwrite(line + i, 1, n, out);
		col += n;
		i += n;
	}
	fputs("\r\n", out);
}

/* value escaped for a vCard text (RFC 6350 3.4: backslash, comma,
 * semicolon, newline), then sanitised: a card is read by people. */
static const char *vc_text(char *buf, size_t n, const char *value)
{
	char raw[4096];
	size_t w = 0;
	const char *p;

	for (p = value; *p && w + 3 < sizeof(raw); p++) {
		if (*p == '\\' || *p == ',' || *p == ';') {
			raw[w++] = '\\';
			raw[w++] = *p;
		} else if (*p == '\n') {
			raw[w++] = '\\';
			raw[w++] = 'n';
		} else if (*p != '\r') {
			raw[w++] = *p;
		}
	}
	raw[w] = '\0';
	text_sanitize(buf, n, raw, 0);
	return buf;
}

struct vc_state {
	registry *reg;
	FILE *out;
	char note[4096];
	size_t w;
	char source[1024];         /* the primary source: title, URL */
	int rc;
};

/* The first source is the post's primary one (post_sources_each). */
static int vc_source(void *ctx, const struct dci_post_source *s)
{
	struct vc_state *v = ctx;

	snprintf(v->source, sizeof(v->source), "%s%s%s", s->title, s->url[0] ? ", " : "",
	         s->url[0] ? s->url : s->document);
	return 1;
}

static int vc_coverage(void *ctx, const struct dci_coverage *c)
{
	struct vc_state *v = ctx;

	if (v->w < sizeof(v->note))
		v->w += (size_t)snprintf(v->note + v->w, sizeof(v->note) - v->w, "%s%s (%s)",
		                         v->w ? ", " : "Covers ", c->country_en, c->relation);
	return 0;
}

static int vc_post(void *ctx, const struct dci_post *p)
{
	struct vc_state *v = ctx;
	char a[4096], b[1024], c[1024], d[1024];
	char adr[8192];

	v->w = 0;
	v->note[0] = '\0';
	v->source[0] = '\0';
	v->rc = post_coverage_each(v->reg, p->id, vc_coverage, v);
	if (!v->rc)
		v->rc = post_sources_each(v->reg, p->id, vc_source, v);
	if (v->rc)
		return 1;
	if (v->w < sizeof(v->note))
		v->w += (size_t)snprintf(v->note + v->w, sizeof(v->note) - v->w,
		                         "%sHead: %s%s%s%s. %s%s. Source: %s.",
		                         v->w ? ". " : "", p->head_rank[0] ? p->head_rank : "not stated",
		                         p->head_corps[0] ? " (" : "", p->head_corps,
		                         p->head_corps[0] ? ")" : "",
		                         p->updated[0] ? "As of " : "Undated",
		                         p->updated, v->source[0] ? v->source : p->source);
	fputs("BEGIN:VCARD\r\nVERSION:4.0\r\n", v->out);
	vc_line(v->out, "KIND", "org");
	vc_line(v->out, "FN", vc_text(a, sizeof(a), p->name_en));
	vc_line(v->out, "ORG", vc_text(a, sizeof(a), p->name_en));
	if (p->address[0] || p->city[0]) {
		snprintf(adr, sizeof(adr), ";;%s;%s;;;%s", vc_text(b, sizeof(b), p->address),
		         vc_text(c, sizeof(c), p->city), vc_text(d, sizeof(d), p->country_en));
		vc_line(v->out, "ADR;TYPE=work", adr);
	}
	if (p->phone[0])
		vc_line(v->out, "TEL;TYPE=work,voice", vc_text(a, sizeof(a), p->phone));
	if (p->email[0])
		vc_line(v->out, "EMAIL;TYPE=work", vc_text(a, sizeof(a), p->email));
	if (p->tz[0])
		vc_line(v->out, "TZ", vc_text(a, sizeof(a), p->tz));
	vc_line(v->out, "NOTE", vc_text(a, sizeof(a), v->note));
	fputs("END:VCARD\r\n", v->out);
	return 0;
}

static int write_vcard(registry *reg, struct sink *s)
{
	struct vc_state v;
	int rc;

	memset(&v, 0, sizeof(v));
	v.reg = reg;
	v.out = s->out;
	rc = posts_page(reg, POSTS_BY_CITY, 0, posts_count(reg), vc_post, &v);
	return rc ? rc : v.rc;
}

/* ---- the table -------------------------------------------------------- */

/* The formats of --export: parsing, --help and the man page's check read
 * this table (formats.c). */
static const struct export_format formats[] = {
	{ "csv", N_("a data directory (--out DIR) that --import reads back"), write_csv, 1 },
	{ "json", N_("one JSON document: every table, every row"), write_json, 0 },
	{ "vcard", N_("one vCard 4.0 per post, for an address book"), write_vcard, 0 },
};

const struct export_format *export_format_named(const char *name)
{
	long i = format_index(export_format_at, name);

	return i < 0 ? NULL : &formats[i];
}

int export_format_at(size_t i, const char **name, const char **description)
{
	if (i >= ARRAY_SIZE(formats))
		return 0;
	*name = formats[i].name;
	*description = formats[i].description;
	return 1;
}

int export_format_is_dir(const struct export_format *format)
{
	return format->is_dir;
}

/* A directory format into a new directory: written whole beside path,
 * then renamed to it. */
static int export_new_dir(registry *reg, const struct export_format *format, const char *path,
                          struct sink *s)
{
	char tmp[PATH_MAX];
	const char *slash = strrchr(path, '/');
	mode_t mask;
	int rc;

	if (slash)
		snprintf(tmp, sizeof(tmp), "%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1);
	else
		snprintf(tmp, sizeof(tmp), ".%s.XXXXXX", path);
	if (!mkdtemp(tmp)) {
		snprintf(s->err, s->errlen, "%s: %s", path, strerror(errno));
		return EX_CANTCREAT;
	}
	s->dir = tmp;
	rc = format->write(reg, s);
	mask = umask(0);
	umask(mask);
	if (!rc && chmod(tmp, 0777 & ~mask) != 0)
		rc = EX_CANTCREAT;
	if (!rc && rename(tmp, path) != 0) {
		snprintf(s->err, s->errlen, "%s: %s", path, strerror(errno));
		rc = EX_CANTCREAT;
	}
	if (rc) {                   /* leave nothing behind */
		DIR *d = opendir(tmp);
		struct dirent *de;
		char f[PATH_MAX * 2];

		while (d && (de = readdir(d)) != NULL) {
			if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
				continue;
			snprintf(f, sizeof(f), "%s/%s", tmp, de->d_name);
			unlink(f);
		}
		if (d)
			closedir(d);
		rmdir(tmp);
	}
	return rc;
}

int export_write(registry *reg, const struct export_format *format, const char *path,
                 int force, char *err, size_t errlen)
{
	struct sink s = { NULL, NULL, 0, err, errlen };
	struct stat st;
	char tmp[PATH_MAX];
	int rc, e, exists;

	err[0] = '\0';
	if (!path) {                /* standard output: a file format */
		s.out = stdout;
		return format->write(reg, &s);
	}
	exists = lstat(path, &st) == 0;
	if (exists && !force) {
		snprintf(err, errlen, "%s exists; --force replaces it", path);
		return EX_CANTCREAT;
	}
	if (format->is_dir) {
		if (!exists)
			return export_new_dir(reg, format, path, &s);
		if (!S_ISDIR(st.st_mode)) {
			snprintf(err, errlen, "%s: not a directory", path);
			return EX_CANTCREAT;
		}
		s.dir = path;           /* each file replaced whole, one at a time */
		return format->write(reg, &s);
	}
	if (exists && S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s: is a directory", path);
		return EX_CANTCREAT;
	}
	if (exists && !S_ISREG(st.st_mode)) {  /* a device, a FIFO, a link: not ours */
		snprintf(err, errlen, "%s: not a regular file", path);
		return EX_CANTCREAT;
	}
	s.out = atomic_open(path, tmp, sizeof(tmp));
	if (!s.out) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return EX_CANTCREAT;
	}
	rc = format->write(reg, &s);
	e = atomic_commit(s.out, tmp, path, rc != 0);
	if (!rc && e) {
		snprintf(err, errlen, "%s: %s", path, strerror(e));
		rc = e == ENOSPC || e == EIO ? EX_IOERR : EX_CANTCREAT;
	}
	return rc;
}
