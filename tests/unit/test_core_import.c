/* SPDX-License-Identifier: MIT */
/*
 * test_core_import.c: the importer, one test per class of bad input, and
 * the atomic replacement of a database file.
 */
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sysexits.h>
#include "testutil.h"
#include "../../core/internal.h"

static void append_file(const char *dir, const char *file, const char *text)
{
	char path[512];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	fp = fopen(path, "ab");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

/* Append one row to a fixture file; exactly one error must name it. */
static void expect_one_error(const char *file, const char *row, const char *message)
{
	char *dir = scratch_dir();
	struct errbuf e;

	append_file(dir, file, row);
	assert_int_equal(check_dir(dir, &e), EX_DATAERR);
	if (!strstr(e.text, message))
		fail_msg("want \"%s\", got:\n%s", message, e.text);
	assert_int_equal(e.count, 1);
	scratch_remove(dir);
}

/* Replace a whole file; the message must be among the errors. */
static void expect_error_in(const char *file, const char *bytes, size_t n, int rc,
                            const char *message)
{
	char *dir = scratch_dir();
	struct errbuf e;

	write_bytes(dir, file, bytes, n);
	assert_int_equal(check_dir(dir, &e), rc);
	if (!strstr(e.text, message))
		fail_msg("want \"%s\", got:\n%s", message, e.text);
	scratch_remove(dir);
}

#define POST_OK_TAIL ",,,,,,,,2020-01-01,s-delhi,\n"

static void test_fixture_loads(void **state)
{
	registry *reg = load_fixture();
	struct dci_counts c;

	(void)state;
	assert_int_equal(registry_counts(reg, &c), 0);
	assert_int_equal(c.posts, 3);
	assert_int_equal(c.staff, 3);
	assert_int_equal(c.snapshots, 3);
	/* the claims' extremes */
	assert_int_equal(c.claimed_embassies_min, 78);
	assert_int_equal(c.claimed_embassies_max, 93);
	assert_int_equal(c.claimed_countries_min, 150);
	assert_int_equal(c.claimed_countries_max, 156);
	registry_close(reg);
}

static void test_stray_quote(void **state)
{
	(void)state;
	expect_one_error("posts.csv", "x1,Ci\"ty,Ville,FR,Name,Nom" POST_OK_TAIL,
	                 "posts.csv:5: city: bad quoting");
}

static void test_text_after_closing_quote(void **state)
{
	(void)state;
	expect_one_error("posts.csv", "x1,\"City\"x,Ville,FR,Name,Nom" POST_OK_TAIL,
	                 "posts.csv:5: city: bad quoting");
}

static void test_unterminated_quote(void **state)
{
	(void)state;
	expect_one_error("posts.csv", "x1,\"City,Ville,FR,Name,Nom" POST_OK_TAIL,
	                 "posts.csv:5: city: unterminated quoted field");
}

static void test_too_few_fields(void **state)
{
	(void)state;
	expect_one_error("posts.csv", "x1,City,Ville,FR,Name,Nom,,,,,,,,2020-01-01,s-delhi\n",
	                 "posts.csv:5: note: expected 16 fields, found 15");
}

static void test_too_many_fields(void **state)
{
	(void)state;
	expect_one_error("posts.csv", "x1,City,Ville,FR,Name,Nom,,,,,,,,2020-01-01,s-delhi,,\n",
	                 "posts.csv:5: field 17: expected 16 fields, found 17");
}

static void test_unknown_country(void **state)
{
	(void)state;
	expect_one_error("posts.csv", "x1,City,Ville,XX,Name,Nom" POST_OK_TAIL,
	                 "posts.csv:5: country: unknown country code \"XX\"");
	expect_one_error("posts.csv", "x1,City,Ville,fr,Name,Nom" POST_OK_TAIL,
	                 "posts.csv:5: country: not a 2-letter upper-case code: \"fr\"");
}

static void test_duplicate_id(void **state)
{
	(void)state;
	expect_one_error("posts.csv", "pretoria,City,Ville,FR,Name,Nom" POST_OK_TAIL,
	                 "posts.csv:5: id: duplicate id \"pretoria\"");
	expect_one_error("coverage.csv", "new-delhi,NP,covers,s-delhi,again\n",
	                 "coverage.csv:8: post: duplicate post and country \"new-delhi\"");
}

static void test_dangling_reference(void **state)
{
	(void)state;
	expect_one_error("staff.csv", "nowhere,driver,A Name,,police,0,,s-delhi,\n",
	                 "staff.csv:5: post: unknown post \"nowhere\"");
	expect_one_error("themes.csv", ",crime,drugs,drogues,no-such-source\n",
	                 "themes.csv:6: source: unknown source \"no-such-source\"");
}

static void test_bad_date(void **state)
{
	(void)state;
	expect_one_error("posts.csv", "x1,City,Ville,FR,Name,Nom,,,,,,,,2020-13-45,s-delhi,\n",
	                 "posts.csv:5: updated: bad date (want YYYY, YYYY-MM or YYYY-MM-DD): \"2020-13-45\"");
	expect_one_error("posts.csv", "x1,City,Ville,FR,Name,Nom,,,,,,,,2021-02-29,s-delhi,\n",
	                 "posts.csv:5: updated: bad date");
	expect_one_error("posts.csv", "x1,City,Ville,FR,Name,Nom,,,,,,,,30/07/2018,s-delhi,\n",
	                 "posts.csv:5: updated: bad date");
}

/* A row with bytes that are not UTF-8 in a UTF-8 file: the row's error,
 * after one line saying what the file seems to be. */
static void expect_bad_bytes(const char *row, const char *message)
{
	char *dir = scratch_dir();
	struct errbuf e;

	append_file(dir, "posts.csv", row);
	assert_int_equal(check_dir(dir, &e), EX_DATAERR);
	if (!strstr(e.text, message) ||
	    !strstr(e.text, "posts.csv:0: -: UTF-8 text with bytes that are not UTF-8 (the first on line 5)"))
		fail_msg("want \"%s\" after the file's line, got:\n%s", message, e.text);
	assert_int_equal(e.count, 2);
	scratch_remove(dir);
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	expect_bad_bytes("x1,Caf\xe9,Ville,FR,Name,Nom" POST_OK_TAIL,
	                 "posts.csv:5: city: invalid UTF-8 at byte 4");
	/* "/" written in two bytes: an overlong form, a classic filter bypass */
	expect_bad_bytes("x1,a\xc0\xaf,Ville,FR,Name,Nom" POST_OK_TAIL,
	                 "posts.csv:5: city: invalid UTF-8 at byte 2");
	/* a UTF-16 surrogate encoded in UTF-8 */
	expect_bad_bytes("x1,\xed\xa0\x80,Ville,FR,Name,Nom" POST_OK_TAIL,
	                 "posts.csv:5: city: invalid UTF-8 at byte 1");
}

/* A whole file in Windows-1252 with ';' between fields, as a French
 * spreadsheet saves it: converted, loaded, one warning. */
static void test_spreadsheet_file(void **state)
{
	char *dir = scratch_dir();
	struct errbuf e;

	(void)state;
	write_file(dir, "roles.csv", "role;role_fr\r\nAttach\xe9 for Home Security;attach\xe9\r\n"
	           "Deputy Attach\xe9;adjoint\r\ndriver;chauffeur\r\n");
	write_file(dir, "staff.csv", "post;role;name;rank;corps;locally_recruited;as_of;source;note\n"
	           "pretoria;Attach\xe9 for Home Security;Michel LEMEE;;police;0;2013;s-namibia;\n");
	assert_int_equal(check_dir(dir, &e), 0);
	assert_int_equal(e.count, 2);      /* the warnings, one a file */
	assert_non_null(strstr(e.text, "roles.csv:-1: -: not UTF-8: read as Windows-1252"));
	assert_non_null(strstr(e.text, "staff.csv:-1: -: not UTF-8: read as Windows-1252"));
	scratch_remove(dir);
}

static void test_empty_required(void **state)
{
	(void)state;
	expect_one_error("posts.csv", "x1,City,Ville,FR,,Nom" POST_OK_TAIL,
	                 "posts.csv:5: name_en: required field is empty");
	expect_one_error("sources.csv", "s-x,Title,en,,,,,press\n",
	                 "sources.csv:5: url: a source needs a document or a url");
}

static void test_bad_enum(void **state)
{
	(void)state;
	expect_one_error("coverage.csv", "bamako,NP,hosts,s-bamako,\n",
	                 "coverage.csv:8: relation: not one of: host, covers, non-resident: \"hosts\"");
}

static void test_nul_byte(void **state)
{
	static const char row[] = "x1,Ci\0ty,Ville,FR,Name,Nom" POST_OK_TAIL;
	char *dir = scratch_dir();
	struct errbuf e;
	char path[512];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/posts.csv", dir);
	fp = fopen(path, "ab");
	assert_non_null(fp);
	fwrite(row, 1, sizeof(row) - 1, fp);
	fclose(fp);
	(void)state;
	assert_int_equal(check_dir(dir, &e), EX_DATAERR);
	assert_non_null(strstr(e.text, "posts.csv:5: city: NUL byte in field"));
	scratch_remove(dir);
}

static void test_bom_crlf_and_cr_accepted(void **state)
{
	char *dir = scratch_dir();
	struct errbuf e;

	(void)state;
	write_file(dir, "sources.csv",
	           "\xEF\xBB\xBFid,title,lang,modified,document,url,note,kind\r\n"
	           "s-delhi,Delhi,en,2018-07-30,001.txt,,,seed\r\n"
	           "s-namibia,Namibia,en,,000.txt,,,seed\r\n"
	           "s-bamako,\"Bamako,\r\nmulti-line\",fr,,003.txt,,,seed\r\n");
	write_file(dir, "post_sources.csv", "post,source,note\rnew-delhi,s-namibia,x\r");
	assert_int_equal(check_dir(dir, &e), 0);
	/* line numbers still count CRLF and CR line ends */
	write_file(dir, "post_sources.csv", "post,source,note\r\rnew-delhi,s-namibia,x\rnope,s-delhi,\r");
	assert_int_equal(check_dir(dir, &e), EX_DATAERR);
	assert_non_null(strstr(e.text, "post_sources.csv:4: post: unknown post \"nope\""));
	scratch_remove(dir);
}

static void test_empty_file_and_header_only(void **state)
{
	(void)state;
	expect_error_in("themes.csv", "", 0, EX_DATAERR,
	                "themes.csv:1: file: empty file: the header row is missing");
	{
		char *dir = scratch_dir();
		struct errbuf e;

		write_file(dir, "themes.csv", "post,kind,theme_en,theme_fr,source\n");
		assert_int_equal(check_dir(dir, &e), 0);
		scratch_remove(dir);
	}
}

static void test_header_columns(void **state)
{
	static const char missing[] = "post,kind,theme_en,theme_fr\n";
	static const char extra[] = "post,kind,theme_en,theme_fr,source,extra\n";
	static const char twice[] = "post,kind,theme_en,theme_fr,source,kind\n";

	(void)state;
	expect_error_in("themes.csv", missing, sizeof(missing) - 1, EX_DATAERR,
	                "themes.csv:1: source: missing column");
	expect_error_in("themes.csv", extra, sizeof(extra) - 1, EX_DATAERR,
	                "themes.csv:1: extra: unknown column");
	expect_error_in("themes.csv", twice, sizeof(twice) - 1, EX_DATAERR,
	                "themes.csv:1: kind: duplicate column");
}

static void test_utf16_file(void **state)
{
	static const char utf16[] = "\xFF\xFEp\0o\0s\0t\0";

	(void)state;
	expect_error_in("themes.csv", utf16, sizeof(utf16) - 1, EX_DATAERR,
	                "themes.csv:1: file: UTF-16 text: save the file as UTF-8");
}

static void test_huge_field_and_many_columns(void **state)
{
	size_t big = 1 << 20, n, i;
	char *buf = malloc(big + 256);

	(void)state;
	assert_non_null(buf);
	n = (size_t)sprintf(buf, "post,kind,theme_en,theme_fr,source\n,crime,");
	memset(buf + n, 'a', big);
	n += big;
	n += (size_t)sprintf(buf + n, ",x,s-delhi\n");
	expect_error_in("themes.csv", buf, n, EX_DATAERR,
	                "themes.csv:2: theme_en: field longer than 65536 bytes");
	free(buf);

	buf = malloc(10000 * 2 + 64);
	assert_non_null(buf);
	n = (size_t)sprintf(buf, "post,kind,theme_en,theme_fr,source\n");
	for (i = 0; i < 10000; i++)
		buf[n++] = i ? ',' : 'x';
	buf[n++] = '\n';
	expect_error_in("themes.csv", buf, n, EX_DATAERR,
	                "themes.csv:2: field 6: expected 5 fields, found 10000");
	free(buf);
}

static void test_every_error_listed_up_to_cap(void **state)
{
	char *dir = scratch_dir();
	struct errbuf e;
	int i;

	(void)state;
	append_file(dir, "staff.csv", "a,driver,,,,0,,s-delhi,\nb,driver,,,,0,,s-delhi,\nc,driver,,,,0,,s-delhi,\n");
	assert_int_equal(check_dir(dir, &e), EX_DATAERR);
	assert_int_equal(e.count, 3);
	assert_non_null(strstr(e.text, "staff.csv:5: post: unknown post \"a\""));
	assert_non_null(strstr(e.text, "staff.csv:6: post: unknown post \"b\""));
	assert_non_null(strstr(e.text, "staff.csv:7: post: unknown post \"c\""));
	for (i = 0; i < 80; i++)
		append_file(dir, "staff.csv", "z,driver,,,,0,,s-delhi,\n");
	assert_int_equal(check_dir(dir, &e), EX_DATAERR);
	assert_int_equal(e.count, 51);   /* 50 errors, then the notice */
	assert_non_null(strstr(e.text, "too many errors"));
	scratch_remove(dir);
}

static void test_missing_file(void **state)
{
	char *dir = scratch_dir();
	struct errbuf e;
	char path[512];

	(void)state;
	snprintf(path, sizeof(path), "%s/themes.csv", dir);
	unlink(path);
	assert_int_equal(check_dir(dir, &e), EX_NOINPUT);
	assert_non_null(strstr(e.text, "themes.csv:0: -: No such file or directory"));
	scratch_remove(dir);
}

static char *slurp(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long len;

	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	len = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)len + 1);
	assert_non_null(buf);
	*n = fread(buf, 1, (size_t)len, fp);
	fclose(fp);
	return buf;
}

static void test_atomic_replace(void **state)
{
	char *dir = scratch_dir(), dbdir[] = "/tmp/dcinet-db-XXXXXX", db[256], err[256], cmd[300];
	struct import_opts opts;
	struct errbuf e;
	size_t n1, n2;
	char *before, *after;
	registry *reg;

	(void)state;
	memset(&e, 0, sizeof(e));
	opts.on_error = errbuf_add;
	opts.ctx = &e;
	opts.max_errors = 0;
	assert_non_null(mkdtemp(dbdir));
	snprintf(db, sizeof(db), "%s/reg.db", dbdir);
	assert_int_equal(import_build_db(dir, db, &opts, NULL), 0);
	before = slurp(db, &n1);

	append_file(dir, "staff.csv", "nowhere,driver,,,,0,,s-delhi,\n");
	assert_int_equal(import_build_db(dir, db, &opts, NULL), EX_DATAERR);
	after = slurp(db, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	snprintf(cmd, sizeof(cmd), "test $(ls %s | wc -l) -eq 1", dbdir);
	assert_int_equal(system(cmd), 0);     /* no temporary file left behind */

	assert_int_equal(registry_open_db(&reg, db, err, sizeof(err)), 0);
	assert_int_equal(posts_count(reg), 3);
	registry_close(reg);

	write_file(dir, "themes.csv", "post,kind,theme_en,theme_fr,source\n");
	write_file(dir, "staff.csv", "post,role,name,rank,corps,locally_recruited,as_of,source,note\n");
	assert_int_equal(import_build_db(dir, db, &opts, NULL), 0);
	assert_int_equal(registry_open_db(&reg, db, err, sizeof(err)), 0);
	{
		struct dci_counts c;

		assert_int_equal(registry_counts(reg, &c), 0);
		assert_int_equal(c.staff, 0);
	}
	registry_close(reg);
	free(before);
	free(after);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dbdir);
	assert_int_equal(system(cmd), 0);
	scratch_remove(dir);
}

/* Every staff hit of text, one line each, appended to out. */
static int staff_line(void *ctx, const struct dci_hit *h)
{
	char *out = ctx;
	size_t n = strlen(out);

	snprintf(out + n, 65536 - n, "%s|%s|%s\n", h->ref, h->label, h->detail);
	return 0;
}

static int says_ok(void *ctx, int n, char **values, char **names)
{
	(void)ctx;
	(void)names;
	assert_int_equal(n, 1);
	assert_string_equal(values[0], "ok");
	return 0;
}

/* An import to a file builds the staff search index in a thread of its
 * own and copies it in (staff_index.c); a registry loaded into memory
 * builds it in line.  Both find the same staff for every prefix of one
 * and two letters, and SQLite finds the copied index whole. */
static void test_file_and_memory_builds_find_the_same_staff(void **state)
{
	char dbdir[] = "/tmp/dcinet-db-XXXXXX", db[256], err[256], text[3] = "", cmd[300];
	char *in_file = malloc(65536), *in_memory = malloc(65536);
	registry *file_reg, *mem_reg;
	sqlite3 *raw;
	int a, b, compared = 0;

	(void)state;
	assert_non_null(in_file);
	assert_non_null(in_memory);
	assert_non_null(mkdtemp(dbdir));
	snprintf(db, sizeof(db), "%s/reg.db", dbdir);
	assert_int_equal(import_build_db("data", db, NULL, NULL), 0);
	assert_int_equal(registry_open_db(&file_reg, db, err, sizeof(err)), 0);
	assert_int_equal(registry_load_dir(&mem_reg, "data", NULL, NULL), 0);
	for (a = 'a'; a <= 'z'; a++)
		for (b = 0; b <= 'z'; b = b ? b + 1 : 'a') {
			text[0] = (char)a;
			text[1] = (char)b;
			in_file[0] = in_memory[0] = '\0';
			assert_int_equal(search_run(file_reg, text, HIT_STAFF, 0, 100, staff_line, in_file), 0);
			assert_int_equal(search_run(mem_reg, text, HIT_STAFF, 0, 100, staff_line, in_memory), 0);
			assert_string_equal(in_file, in_memory);
			compared += in_file[0] != '\0';
		}
	assert_true(compared > 50);
	registry_close(file_reg);
	registry_close(mem_reg);

	assert_int_equal(sqlite3_open_v2(db, &raw, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "INSERT INTO fts_staff(fts_staff) VALUES ('integrity-check');"
	                              " PRAGMA quick_check;", says_ok, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	free(in_file);
	free(in_memory);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dbdir);
	assert_int_equal(system(cmd), 0);
}

static int count_row(void *ctx, int n, char **values, char **names)
{
	(void)n;
	(void)values;
	(void)names;
	++*(int *)ctx;
	return 0;
}

/* While the staff index's thread reads the staff table of the file being
 * built without a lock, the import's connection refuses to prepare any
 * statement that writes that table (and nothing else); once the thread is
 * done, the index is copied in and the table is writable again.  The path
 * holds a '?' and a '#', which the thread's URI escapes. */
static void test_staff_index_thread_guards_the_staff_table(void **state)
{
	char dir[] = "/tmp/dcinet-si-XXXXXX", path[256], err[256] = "", cmd[300];
	static const char *const refused[] = {
		"UPDATE staff SET name = 'x'", "INSERT INTO staff VALUES ('B', 'b', 'b')",
		"DELETE FROM staff", "DROP TABLE staff", "ALTER TABLE staff ADD COLUMN y",
	};
	struct staff_index *si;
	sqlite3 *db;
	size_t i;
	int dirfd, found = 0;

	(void)state;
	assert_non_null(mkdtemp(dir));
	/* an import first: it passes the guard, and registers the VFS that
	 * opens the scratch file by its /proc/self/fd name */
	snprintf(path, sizeof(path), "%s/mini.db", dir);
	assert_int_equal(import_build_db("tests/fixtures/mini", path, NULL, NULL), 0);
	snprintf(path, sizeof(path), "%s/a?b#c.db", dir);
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
	                                 "dcinet-fd"), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE staff (name, rank, role);"
	                              " INSERT INTO staff VALUES ('Amélie Durand', 'major', 'liaison');"
	                              " CREATE TABLE other (x);", NULL, NULL, NULL), SQLITE_OK);
	dirfd = open(dir, O_RDONLY | O_DIRECTORY);
	assert_true(dirfd >= 0);
	si = staff_index_start(db, dirfd);
	if (!si) {
		sqlite3_close(db);
		close(dirfd);
		skip();                 /* no O_TMPFILE here: the import builds in line */
	}
	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
		assert_int_equal(sqlite3_exec(db, refused[i], NULL, NULL, NULL), SQLITE_AUTH);
	assert_int_equal(sqlite3_exec(db, "INSERT INTO other SELECT count(*) FROM staff;"
	                              " UPDATE other SET x = x + 1;", NULL, NULL, NULL), SQLITE_OK);
	if (staff_index_finish(si, db, err, sizeof(err)) != 0)
		fail_msg("staff_index_finish: %s", err);
	assert_int_equal(sqlite3_exec(db, "SELECT 1 FROM fts_staff WHERE fts_staff MATCH 'amelie'",
	                              count_row, &found, NULL), SQLITE_OK);
	assert_int_equal(found, 1);
	assert_int_equal(sqlite3_exec(db, refused[0], NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	close(dirfd);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

static void test_open_db_refuses_non_registry(void **state)
{
	char err[256];
	registry *reg;

	(void)state;
	assert_int_equal(registry_open_db(&reg, FIXTURE "/posts.csv", err, sizeof(err)), EX_DATAERR);
	assert_null(reg);
	assert_int_equal(registry_open_db(&reg, "/nonexistent/x.db", err, sizeof(err)), EX_NOINPUT);
	assert_non_null(strstr(err, "No such file"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_loads),
		cmocka_unit_test(test_stray_quote),
		cmocka_unit_test(test_text_after_closing_quote),
		cmocka_unit_test(test_unterminated_quote),
		cmocka_unit_test(test_too_few_fields),
		cmocka_unit_test(test_too_many_fields),
		cmocka_unit_test(test_unknown_country),
		cmocka_unit_test(test_duplicate_id),
		cmocka_unit_test(test_dangling_reference),
		cmocka_unit_test(test_bad_date),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_spreadsheet_file),
		cmocka_unit_test(test_empty_required),
		cmocka_unit_test(test_bad_enum),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_bom_crlf_and_cr_accepted),
		cmocka_unit_test(test_empty_file_and_header_only),
		cmocka_unit_test(test_header_columns),
		cmocka_unit_test(test_utf16_file),
		cmocka_unit_test(test_huge_field_and_many_columns),
		cmocka_unit_test(test_every_error_listed_up_to_cap),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_atomic_replace),
		cmocka_unit_test(test_file_and_memory_builds_find_the_same_staff),
		cmocka_unit_test(test_staff_index_thread_guards_the_staff_table),
		cmocka_unit_test(test_open_db_refuses_non_registry),
	};

	return cmocka_run_group_tests_name("core import", tests, NULL, NULL);
}
