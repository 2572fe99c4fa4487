/* SPDX-License-Identifier: MIT */
/*
 * tables.c: the twelve CSV files of a registry, in load order (a table is
 * loaded after every table it refers to), and the checks of one field.
 */
#include <stdio.h>
#include <string.h>
#include "tables.h"
#include "internal.h"

#define REQ COL_REQUIRED
#define TEXT(n, f) { n, COL_TEXT, f, NULL, 0, NULL, NULL, NULL }
#define DATE(n) { n, COL_DATE, 0, NULL, 0, NULL, NULL, NULL }
#define COUNT(n) { n, COL_COUNT, COL_NULL_IF_EMPTY, NULL, 0, NULL, NULL, NULL }
#define ENUM(n, f, set) { n, COL_ENUM, f, set, 0, NULL, NULL, NULL }
#define REF(n, f, t, c, what) { n, COL_TEXT, f, NULL, 0, t, c, what }
#define SOURCE_REF REF("source", REQ, "sources", "id", "source")
#define POST_REF(f) REF("post", (f), "posts", "id", "post")
#define COUNTRY_REF { "country", COL_CODE, REQ, NULL, 2, "countries", "iso2", "country code" }

static const char *const qualifiers[] = { "", "~", ">", "<", NULL };
static const char *const corps_set[] = { "", "police", "gendarmerie", "civil", NULL };
static const char *const relations[] = { "host", "covers", "non-resident", NULL };
static const char *const theme_kinds[] = { "crime", "speciality", "cooperation", NULL };
static const char *const as_of_bases[] = { "", "stated", "page-modified", "page-published", NULL };
/* How far a source is to be trusted: see source_kind_* in query.c. */
static const char *const source_kinds[] = {
	"seed", "embassy", "ministry", "gendarmerie", "parliament", "foreign-government",
	"international", "press", "other", NULL
};

static const struct column_spec sources_cols[] = {
	TEXT("id", REQ), TEXT("title", REQ),
	{ "lang", COL_CODE, REQ, NULL, -2, NULL, NULL, NULL },
	DATE("modified"), TEXT("document", 0), TEXT("url", 0), TEXT("note", 0),
	ENUM("kind", REQ, source_kinds),
};
static const struct column_spec countries_cols[] = {
	{ "iso2", COL_CODE, REQ, NULL, 2, NULL, NULL, NULL },
	{ "iso3", COL_CODE, REQ, NULL, 3, NULL, NULL, NULL },
	TEXT("name_en", REQ), TEXT("name_fr", REQ), TEXT("alt_names", 0),
};
static const struct column_spec places_cols[] = {
	TEXT("tz", REQ), TEXT("name_en", REQ), TEXT("name_fr", REQ), COUNTRY_REF,
};
static const struct column_spec cities_cols[] = {
	TEXT("name_en", REQ), TEXT("name_fr", REQ), COUNTRY_REF,
	REF("tz", COL_NULL_IF_EMPTY, "places", "tz", "time zone"),
	{ "capital", COL_FLAG, 0, NULL, 0, NULL, NULL, NULL },
};
static const struct column_spec roles_cols[] = {
	TEXT("role", REQ), TEXT("role_fr", REQ),
};
static const struct column_spec directorate_cols[] = {
	TEXT("acronym", REQ), TEXT("name_en", REQ), TEXT("name_fr", REQ),
	DATE("established"), TEXT("headquarters", 0), TEXT("parent", 0),
	SOURCE_REF, TEXT("note", 0),
};
static const struct column_spec network_cols[] = {
	DATE("as_of"), ENUM("as_of_basis", 0, as_of_bases),
	COUNT("staff"), ENUM("staff_qualifier", 0, qualifiers),
	COUNT("embassies"), ENUM("embassies_qualifier", 0, qualifiers),
	COUNT("countries"), ENUM("countries_qualifier", 0, qualifiers),
	COUNT("civil_security_experts"), SOURCE_REF, TEXT("note", 0),
};
static const struct column_spec posts_cols[] = {
	TEXT("id", REQ), TEXT("city", 0), TEXT("city_fr", 0), COUNTRY_REF,
	TEXT("name_en", REQ), TEXT("name_fr", 0), DATE("established"),
	DATE("hosted_since"), TEXT("head_rank", 0), ENUM("head_corps", 0, corps_set),
	TEXT("address", 0), TEXT("phone", 0), TEXT("email", 0), DATE("updated"),
	SOURCE_REF, TEXT("note", 0),
};
static const struct column_spec post_sources_cols[] = {
	POST_REF(REQ), SOURCE_REF, TEXT("note", 0),
};
static const struct column_spec coverage_cols[] = {
	POST_REF(REQ), COUNTRY_REF, ENUM("relation", REQ, relations), SOURCE_REF,
	TEXT("note", 0),
};
static const struct column_spec staff_cols[] = {
	POST_REF(REQ), REF("role", REQ, "roles", "role", "role"), TEXT("name", 0), TEXT("rank", 0),
	ENUM("corps", 0, corps_set), { "locally_recruited", COL_FLAG, 0, NULL, 0, NULL, NULL, NULL },
	DATE("as_of"), SOURCE_REF, TEXT("note", 0),
};
static const struct column_spec themes_cols[] = {
	POST_REF(COL_NULL_IF_EMPTY), ENUM("kind", REQ, theme_kinds),
	TEXT("theme_en", REQ), TEXT("theme_fr", REQ), SOURCE_REF,
};

/* values[] follows sources_cols: document and url are 4 and 5. */
static const char *source_row_check(const char *const *values, const char **column)
{
	if (values[4][0] == '\0' && values[5][0] == '\0') {
		*column = "url";
		return "a source needs a document or a url";
	}
	return NULL;
}

#define TABLE(file, name, cols, key) { file, name, cols, ARRAY_SIZE(cols), key, NULL }
const struct table_spec registry_tables[] = {
	{ "sources.csv", "sources", sources_cols, ARRAY_SIZE(sources_cols), "id", source_row_check },
	TABLE("countries.csv", "countries", countries_cols, "country code"),
	TABLE("places.csv", "places", places_cols, "time zone"),
	TABLE("cities.csv", "cities", cities_cols, "city and country"),
	TABLE("roles.csv", "roles", roles_cols, "role"),
	TABLE("directorate.csv", "directorate", directorate_cols, "acronym"),
	TABLE("network.csv", "network", network_cols, NULL),
	TABLE("posts.csv", "posts", posts_cols, "id"),
	TABLE("post_sources.csv", "post_sources", post_sources_cols, "post and source"),
	TABLE("coverage.csv", "coverage", coverage_cols, "post and country"),
	TABLE("staff.csv", "staff", staff_cols, NULL),
	TABLE("themes.csv", "themes", themes_cols, NULL),
};
const size_t registry_table_count = ARRAY_SIZE(registry_tables);

int ascii_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int number(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

static int date_valid(const char *s, size_t len)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int year, month, day;

	if ((len != 4 && len != 7 && len != 10) || !ascii_digits(s, 4))
		return 0;
	year = number(s, 4);
	if (year < 1800)
		return 0;
	if (len == 4)
		return 1;
	if (s[4] != '-' || !ascii_digits(s + 5, 2))
		return 0;
	month = number(s + 5, 2);
	if (month < 1 || month > 12)
		return 0;
	if (len == 7)
		return 1;
	if (s[7] != '-' || !ascii_digits(s + 8, 2))
		return 0;
	day = number(s + 8, 2);
	if (month == 2 && day == 29)
		return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return day >= 1 && day <= mdays[month - 1];
}

const char *column_check(const struct column_spec *col, const char *value,
                         size_t len, char *buf, size_t buflen)
{
	size_t i, w, shown;

	if (len == 0)
		return (col->flags & COL_REQUIRED) ? "required field is empty" : NULL;
	switch (col->type) {
	case COL_TEXT:
		return NULL;
	case COL_DATE:
		return date_valid(value, len) ? NULL
		       : "bad date (want YYYY, YYYY-MM or YYYY-MM-DD)";
	case COL_COUNT:
		return ascii_digits(value, len) && len <= 9 ? NULL : "not a non-negative whole number";
	case COL_FLAG:
		return len == 1 && (value[0] == '0' || value[0] == '1') ? NULL : "not 0 or 1";
	case COL_ENUM:
		for (i = 0; col->allowed[i]; i++)
			if (strlen(col->allowed[i]) == len && memcmp(col->allowed[i], value, len) == 0)
				return NULL;
		w = (size_t)snprintf(buf, buflen, "not one of");
		for (i = 0, shown = 0; col->allowed[i] && w < buflen; i++)
			if (col->allowed[i][0])
				w += (size_t)snprintf(buf + w, buflen - w, "%s %s", shown++ ? "," : ":",
				                      col->allowed[i]);
		return buf;
	case COL_CODE:
		/* width < 0: lower case (language codes); > 0: upper case */
		w = (size_t)(col->width < 0 ? -col->width : col->width);
		if (len != w)
			goto bad_code;
		for (i = 0; i < len; i++)
			if (col->width > 0 ? (value[i] < 'A' || value[i] > 'Z')
			                   : (value[i] < 'a' || value[i] > 'z'))
				goto bad_code;
		return NULL;
	}
	return NULL;
bad_code:
	snprintf(buf, buflen, "not a %zu-letter %s code", (size_t)(col->width < 0 ? -col->width : col->width),
	         col->width < 0 ? "lower-case" : "upper-case");
	return buf;
}
