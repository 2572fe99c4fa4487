/* SPDX-License-Identifier: MIT */
/*
 * source_kind.c: what each kind of source is called when a post's
 * evidence is shown ("attested by an embassy page, 2023-09").
 */
#include <string.h>
#include "internal.h"

/* Marks the phrases for the clients' message catalogues (xgettext reads
 * this file); the core itself never translates. */
#define N_(s) s

const char *source_kind_phrase(const char *kind)
{
	static const struct { const char *kind, *phrase; } phrases[] = {
		{ "seed", N_("an embassy page") },
		{ "embassy", N_("an embassy page") },
		{ "ministry", N_("a French ministry page") },
		{ "gendarmerie", N_("a Gendarmerie page") },
		{ "parliament", N_("a French parliament page") },
		{ "foreign-government", N_("a foreign government page") },
		{ "international", N_("an international organisation page") },
		{ "press", N_("press reports") },
		{ "other", N_("unofficial pages") },
	};
	size_t i;

	for (i = 0; kind && i < ARRAY_SIZE(phrases); i++)
		if (strcmp(phrases[i].kind, kind) == 0)
			return phrases[i].phrase;
	return "";
}

const char *source_kind_word(const char *kind)
{
	/* TRANSLATORS: the kinds of source, as the S tags show them */
	static const char *const words[] = {
		N_("seed"), N_("embassy"), N_("ministry"), N_("gendarmerie"), N_("parliament"),
		N_("foreign-government"), N_("international"), N_("press"), N_("other"),
	};
	size_t i;

	for (i = 0; kind && i < ARRAY_SIZE(words); i++)
		if (strcmp(words[i], kind) == 0)
			return words[i];
	return "";
}
