/* SPDX-License-Identifier: MIT */
/*
 * textfile.c: a table file as a spreadsheet may have saved it.
 *
 * A French-locale spreadsheet saves CSV with ';' between fields, often
 * in Windows-1252.  Before a file is parsed, its separator is chosen from
 * the header line (the one of ',', ';' and tab that splits it into the
 * most of the table's column names), and a file that is not UTF-8 but is
 * valid Windows-1252 is converted with iconv(3) and loaded, with one
 * warning.  Anything else is parsed as it is, after one line saying what
 * the file seems to be, so the per-line errors that follow make sense.
 */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "textfile.h"

#define SCAN_CHUNK 65536
#define HEADER_MAX 65536

/* A warning about the whole file: line -1 (see import_error_fn). */
static void import_warn(const struct import_opts *opts, const char *file, const char *reason)
{
	if (opts && opts->on_error)
		opts->on_error(opts->ctx, file, IMPORT_WARNING, NULL, reason);
}

struct scan {
	long bad_line;             /* the line of the first byte that is not UTF-8, or 0 */
	long multibyte;            /* well-formed characters beyond ASCII */
};

/* The end of the run of ASCII bytes at buf + at (before len), read eight
 * bytes at a time. */
static size_t ascii_run(const unsigned char *buf, size_t at, size_t len)
{
	uint64_t word;

	while (at + 8 <= len) {
		memcpy(&word, buf + at, 8);
		if (word & 0x8080808080808080ULL)
			break;
		at += 8;
	}
	while (at < len && buf[at] < 0x80)
		at++;
	return at;
}

/* Is the whole file UTF-8?  A Windows-1252 file has no well-formed
 * multibyte character (in French text, practically never); a UTF-8 file
 * with a few bad bytes has some. */
static struct scan scan_utf8(FILE *fp)
{
	unsigned char buf[SCAN_CHUNK + 4];
	size_t carry = 0, n, i;
	struct scan sc = { 0, 0 };
	long line = 1;

	while ((n = fread(buf + carry, 1, SCAN_CHUNK, fp)) > 0 || carry) {
		size_t len = carry + n, at = 0;

		while (at < len) {
			unsigned cp;
			size_t k;

			if (buf[at] < 0x80) {        /* ASCII: most of any file */
				at = ascii_run(buf, at, len);
				continue;
			}
			k = utf8_decode(buf + at, len - at, &cp);
			if (k == 0 && n > 0 && len - at < 4)
				break;         /* maybe a character cut by the chunk's end */
			if (k == 0) {
				if (!sc.bad_line) {
					sc.bad_line = line;
					for (i = 0; i < at; i++)
						sc.bad_line += buf[i] == '\n';
				}
				k = 1;
			} else if (k > 1) {
				sc.multibyte++;
			}
			at += k;
		}
		for (i = 0; i < at; i++)
			line += buf[i] == '\n';
		carry = len - at;
		memmove(buf, buf + at, carry);
		if (n == 0)
			break;
	}
	return sc;
}

/* The whole file converted from Windows-1252 into *out (malloc'd), or -1
 * when it holds a byte Windows-1252 does not define. */
static int from_cp1252(FILE *fp, char **out, size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
	char in[SCAN_CHUNK], *dst = NULL;
	size_t cap = 0, len = 0, n;
	int ok = 1;

	if (cd == (iconv_t)-1)
		return -1;
	while (ok && (n = fread(in, 1, sizeof(in), fp)) > 0) {
		char *ip = in;
		size_t left = n;

		while (left > 0) {
			char *op;
			size_t room;

			if (cap - len < left * 3 + 16) {
				size_t ncap = (cap + left * 3 + 16) * 2;
				char *p = realloc(dst, ncap);

				if (!p) {
					ok = 0;
					break;
				}
				dst = p;
				cap = ncap;
			}
			op = dst + len;
			room = cap - len;
			if (iconv(cd, &ip, &left, &op, &room) == (size_t)-1 && errno != E2BIG) {
				ok = 0;
				break;
			}
			len = (size_t)(op - dst);
		}
	}
	iconv_close(cd);
	if (!ok) {
		free(dst);
		return -1;
	}
	*out = dst;
	*outlen = len;
	return 0;
}

/* How many of the spec's column names the header splits into with d. */
static int names_split(const char *header, char d, const struct table_spec *spec)
{
	int found = 0;
	const char *p = header;

	for (;;) {
		size_t len = strcspn(p, (char[]){ d, '\r', '\n', '\0' });
		const char *name = p;
		size_t c;

		if (len >= 2 && name[0] == '"' && name[len - 1] == '"') {
			name++;
			len -= 2;
		}
		for (c = 0; c < spec->ncols; c++)
			if (strlen(spec->cols[c].name) == len && memcmp(spec->cols[c].name, name, len) == 0)
				found++;
		p += strcspn(p, (char[]){ d, '\r', '\n', '\0' });
		if (*p != d)
			return found;
		p++;
	}
}

static char choose_separator(FILE *fp, const struct table_spec *spec)
{
	static const char candidates[] = { ',', ';', '\t' };
	char *header = malloc(HEADER_MAX);
	char best = ',';
	int most = 0;
	size_t i;

	if (!header)
		return best;
	if (fgets(header, HEADER_MAX, fp)) {
		const char *h = strncmp(header, "\xEF\xBB\xBF", 3) == 0 ? header + 3 : header;

		for (i = 0; i < sizeof(candidates); i++) {
			int n = names_split(h, candidates[i], spec);

			if (n > most) {
				most = n;
				best = candidates[i];
			}
		}
	}
	free(header);
	return best;
}

/* A UTF-16 file is the importer's own case (a clear one-line error). */
static int looks_utf16(FILE *fp)
{
	unsigned char b[2];
	int utf16 = fread(b, 1, 2, fp) == 2 &&
	            ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) ||
	             b[0] == 0 || b[1] == 0);

	rewind(fp);
	return utf16;
}

int textfile_open(FILE **fp, const struct table_spec *spec, const struct import_opts *opts,
                  const char *path, struct textfile *tf)
{
	struct scan sc;
	char *conv = NULL;
	size_t convlen = 0;

	memset(tf, 0, sizeof(*tf));
	tf->delim = ',';
	if (looks_utf16(*fp))
		return 0;
	sc = scan_utf8(*fp);
	rewind(*fp);
	if (sc.bad_line && sc.multibyte == 0 && from_cp1252(*fp, &conv, &convlen) == 0) {
		FILE *mem = fmemopen(conv, convlen, "rb");

		if (!mem) {
			free(conv);
			rewind(*fp);
			return 0;
		}
		fclose(*fp);
		*fp = mem;
		tf->converted = conv;
		import_warn(opts, path, "not UTF-8: read as Windows-1252 and converted "
		            "(save it as UTF-8 to silence this)");
	} else if (sc.bad_line) {
		char why[192];

		rewind(*fp);
		snprintf(why, sizeof(why), sc.multibyte
		         ? "UTF-8 text with bytes that are not UTF-8 (the first on line %ld): "
		           "the rows that hold them are refused"
		         : "neither UTF-8 nor Windows-1252 text (the first bad byte is on line %ld): "
		           "the rows that hold bad bytes are refused", sc.bad_line);
		tf->note = 1;
		import_report(opts, path, why);
	}
	tf->delim = choose_separator(*fp, spec);
	rewind(*fp);
	return tf->note;
}

void textfile_done(struct textfile *tf)
{
	free(tf->converted);
	tf->converted = NULL;
}
