/* SPDX-License-Identifier: MIT */
/*
 * gen_registry.c: a synthetic registry of any size, for the benchmark.
 *
 *     gen_registry DIR [--posts N] [--staff M] [--seed S] [--ref REFDIR]
 *
 * Writes the CSV files of dcinet-data(5) into DIR, every row valid: the
 * generated reference files (countries.csv, places.csv) are copied from
 * REFDIR (default: data), the others are made up,
 * plus DIR/words.txt: a sample of the words of the names, cities and
 * ranks, one a line, for the search benchmark to type.  The output is a
 * function of the arguments alone (a fixed-seed PRNG, no clock, no
 * locale), so two runs write the same bytes.
 *
 * The text is meant to look like the real thing to the importer and the
 * index: French and foreign names with accents, hyphens and apostrophes
 * (straight and typographic), surnames built from syllables so that the
 * index faces hundreds of thousands of distinct tokens, notes with commas
 * and doubled quotes, e-mail addresses and phone numbers that are all
 * different.  Staff rows come grouped by post, as in the shipped data.
 */
#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define NSOURCES_MIN 50

/* ---- randomness ------------------------------------------------------- */

static uint64_t rng_state;

/* splitmix64: small, fast, and the same sequence on every machine. */
static uint64_t rng_next(void)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* Uniform in [0, n); n > 0. */
static unsigned long rng_below(unsigned long n)
{
	return (unsigned long)(rng_next() % n);
}

/* Non-zero with probability pct/100. */
static int rng_pct(unsigned pct)
{
	return rng_below(100) < pct;
}

#define PICK(arr) ((arr)[rng_below(ARRAY_SIZE(arr))])

/* A skewed index in [0, n): small indexes are much more frequent, as the
 * first names and surnames of a real population are. */
static unsigned long rng_skewed(unsigned long n)
{
	unsigned long a = rng_below(n), b = rng_below(n);

	return a < b ? a : b;
}

/* ---- vocabulary --------------------------------------------------------- */

static const char *const first_names[] = {
	"Jean", "Marie", "Pierre", "Michel", "Nicolas", "Hélène", "Élodie", "Jérôme",
	"François", "Françoise", "Stéphane", "Sébastien", "Frédéric", "Cécile", "Benoît",
	"Gaëlle", "Noël", "Joël", "Anaïs", "Loïc", "Maëlle", "Zoé", "Chloé", "Léa", "Théo",
	"Raphaël", "Jean-Pierre", "Jean-Luc", "Marie-Hélène", "Anne-Sophie", "Pierre-Yves",
	"Jean-François", "Marc-Antoine", "Éric", "Émilie", "Irène", "Agnès", "Thérèse",
	"Rémi", "Jérémie", "André", "René", "Désiré", "Josée", "Aurélien", "Clément",
	"Mélanie", "Valérie", "Nathalie", "Isabelle", "Sylvie", "Christophe", "Olivier",
	"Laurent", "Thierry", "Patrick", "Philippe", "Alain", "Bernard", "Didier",
	"Dominique", "Pascal", "Yves", "Gilles", "Hervé", "Grégoire", "Guillaume", "Julien",
	"Mathieu", "Antoine", "Vincent", "Xavier", "Yannick", "Gwenaëlle", "Solène",
	"Océane", "Inès", "Léonie", "Maxime", "Baptiste", "Thibault", "Bénédicte",
	"Geneviève", "Honoré", "Ghislaine", "Céline", "Sandrine", "Véronique", "Karine",
	"Ludovic", "Cédric", "Arnaud", "Damien", "Fabrice", "Florian", "Romain", "Sophie",
	"Camille", "Manon", "Pauline", "Amélie", "Margaux", "Capucine", "Edwige",
	"Mohamed", "Fatima", "Aïcha", "Youssef", "Karim", "Amadou", "Moussa", "Aminata",
	"Ousmane", "Mamadou", "Fatoumata", "Ibrahima", "Abdoulaye", "Seydou", "Kofi",
	"Kwame", "Ngozi", "Chinedu", "Olusegun", "Oluwaseun", "Rajesh", "Priya", "Anil",
	"Sunita", "Arjun", "Wei", "Mei", "Hiroshi", "Yuki", "Sakura", "Hyun-woo",
	"Ji-hoon", "Thanh", "Minh", "Hương", "Ahmad", "Reza", "Shirin", "Dmitri", "Olga",
	"Sergueï", "Natalia", "Ivan", "Björn", "Søren", "Åsa", "Jürgen", "Günter", "Jörg",
	"Zoë", "Seán", "Siobhán", "João", "José", "María", "Joaquín", "Ramón", "Íñigo",
	"Begoña", "Łukasz", "Wojciech", "Małgorzata", "Zoltán", "Ágnes", "Tomáš", "Jiří",
	"Dušan", "Mihai", "Ștefan", "Çağla", "Şükrü", "Gökhan", "Ömer", "Bülent", "Elif",
	"Nikos", "Giorgos", "Αλέξανδρος", "Дмитрий", "Nour", "Rania", "Samir", "Leïla",
	"Nadia", "Hichem", "Abdelkader", "Djamila", "Salomé", "Noémie", "Héloïse",
};

static const char *const surnames[] = {
	"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
	"Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David",
	"Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Lefebvre",
	"Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Legrand",
	"Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Müller", "Henry", "Roussel",
	"Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez",
	"Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer",
	"Denis", "Lemaire", "Duval", "Joly", "Gautier", "Roger", "Roche", "Roy", "Noël",
	"Meyer", "Lucas", "Meunier", "Pérez", "Marchand", "Dufour", "Blanchard", "Barbier",
	"Brun", "Dumas", "Brunet", "Schmitt", "Leroux", "Colin", "Fernandez", "Renard",
	"Arnaud", "Rolland", "Caron", "Aubert", "Giraud", "Leclerc", "Vidal", "Bourgeois",
	"Renaud", "Lemoine", "Picard", "Gaillard", "Lacroix", "Fabre", "Dupuis", "Hubert",
	"Rivière", "Le Gall", "Moulin", "Berger", "Lecomte", "Ménard", "Fleury",
	"Deschamps", "Carpentier", "Maillard", "Aubry", "Vasseur", "Le Roux", "Prévost",
	"Poirier", "Charpentier", "Huet", "Carré", "Rémy", "Perret", "D'Alembert",
	"N'Diaye", "N'Guessan", "O'Brien", "O'Connor", "D'Angelo", "L'Hermite",
	"Dell'Acqua", "Dupont-Aignan", "Lévy-Bruhl", "Saint-Exupéry", "Diallo", "Traoré",
	"Koné", "Coulibaly", "Ouédraogo", "Sow", "Bâ", "Kouassi", "Mensah", "Okafor",
	"Adeyemi", "Singh", "Sharma", "Patel", "Kumar", "Wang", "Zhang", "Chen", "Tanaka",
	"Suzuki", "Kim", "Park", "Trần", "Phạm", "Hosseini", "Ahmadi", "Ivanov", "Petrov",
	"Smirnova", "Kowalski", "Nowak", "Wiśniewski", "Horváth", "Nagy", "Novák",
	"Dvořák", "Popescu", "Yılmaz", "Öztürk", "Papadopoulos", "Schäfer", "Johansson",
	"Ångström", "Sørensen", "García", "Fernández", "López", "Muñoz", "Peña",
	"Gonçalves", "Conceição", "Ferreira", "Silva", "Souza", "Rossi", "Russo",
	"Esposito", "Bianchi", "Romano", "Van der Berg", "De Vries", "Janssens", "Peeters",
	"Benali", "Bensaïd", "Haddad", "Mansouri", "Belkacem", "Cherif", "Zerrouki",
};

/* Surnames beyond the list are built from these: two or three syllables
 * give some half a million distinct words. */
static const char *const syllables[] = {
	"ber", "mar", "tin", "lan", "dre", "mon", "vil", "cha", "ro", "gui", "lau", "fon",
	"tai", "ne", "pe", "ri", "vau", "bois", "mé", "dé", "ché", "lè", "gné", "ou", "ka",
	"ma", "ba", "dou", "sou", "ko", "ya", "la", "ni", "ta", "zi", "kou", "mbe", "ndi",
	"ssa", "tra", "ho", "ng", "phu", "ha", "ze", "vo", "sko", "lo", "bru", "gar", "del",
	"cour", "mes", "bel", "sal", "vi", "fa", "ju", "ler", "cor", "pin", "tes", "rac",
	"dan", "gi", "mo", "nu", "stra", "kel", "ven", "doz", "quel", "gre", "bla", "sei",
	"ol", "ar", "ul", "ès",
};
static const char *const surname_ends[] = {
	"", "", "", "", "", "t", "d", "s", "x", "z", "n", "r", "au", "eau", "ot", "et",
	"ard", "ier", "ez", "es", "ov", "ski", "ić", "ian", "son", "sen", "man", "berg",
	"stein", "ou", "é", "ault", "aud", "elli", "ini", "escu", "oğlu",
};

static const char *const roles[] = {
	"internal security attaché (ASI)", "deputy internal security attaché",
	"liaison officer", "liaison officer, counter-terrorism",
	"liaison officer, organised crime", "technical cooperation expert",
	"civil security expert", "regional security adviser",
	"assistant", "secretary", "interpreter", "driver",
	"police attaché", "gendarmerie attaché", "migration liaison officer",
	"cyber-security adviser", "drug liaison officer", "head of office",
	"deputy head of office", "analyst", "project manager, \"border management\"",
	"attaché de sécurité intérieure", "adjoint à l'attaché de sécurité intérieure",
	"officier de liaison", "conseiller technique, sécurité civile",
	"chargé de mission", "secrétaire", "assistante de direction",
};

static const char *const source_kinds[] = {
	"embassy", "embassy", "embassy", "ministry", "gendarmerie", "press", "other",
	"foreign-government", "parliament",
};

static const char *const ranks[] = {
	"commissaire divisionnaire", "commissaire de police", "commissaire général",
	"commandant de police", "capitaine de police", "lieutenant de police",
	"brigadier-chef", "major", "chef d'escadron", "chef d’escadron",
	"lieutenant-colonel", "colonel", "général de brigade", "capitaine", "adjudant-chef",
	"gardien de la paix", "officier de police", "inspecteur général",
	"contrôleur général", "lieutenant", "commandant", "ingénieur principal",
	"", "", "", "",
};

static const char *const corps[] = { "police", "gendarmerie", "civil", "" };

static const char *const cities[][2] = {
	{ "Pretoria", "Pretoria" }, { "New Delhi", "New Delhi" }, { "Beijing", "Pékin" },
	{ "Moscow", "Moscou" }, { "London", "Londres" }, { "Brussels", "Bruxelles" },
	{ "Vienna", "Vienne" }, { "Warsaw", "Varsovie" }, { "Athens", "Athènes" },
	{ "Lisbon", "Lisbonne" }, { "Algiers", "Alger" }, { "Tunis", "Tunis" },
	{ "Rabat", "Rabat" }, { "Dakar", "Dakar" }, { "Bamako", "Bamako" },
	{ "Abidjan", "Abidjan" }, { "Yaoundé", "Yaoundé" }, { "Niamey", "Niamey" },
	{ "Ouagadougou", "Ouagadougou" }, { "N'Djamena", "N'Djaména" },
	{ "Bogotá", "Bogota" }, { "Mexico City", "Mexico" }, { "São Paulo", "São Paulo" },
	{ "Brasília", "Brasilia" }, { "Buenos Aires", "Buenos Aires" },
	{ "Washington", "Washington" }, { "Ottawa", "Ottawa" }, { "Tokyo", "Tokyo" },
	{ "Seoul", "Séoul" }, { "Hanoi", "Hanoï" }, { "Bangkok", "Bangkok" },
	{ "Jakarta", "Jakarta" }, { "Canberra", "Canberra" }, { "Nouméa", "Nouméa" },
	{ "Port-au-Prince", "Port-au-Prince" }, { "Santo Domingo", "Saint-Domingue" },
	{ "Kyiv", "Kiev" }, { "Tbilisi", "Tbilissi" }, { "Yerevan", "Erevan" },
	{ "Ankara", "Ankara" }, { "Beirut", "Beyrouth" }, { "Amman", "Amman" },
	{ "Cairo", "Le Caire" }, { "Riyadh", "Riyad" }, { "Abu Dhabi", "Abou Dabi" },
	{ "Islamabad", "Islamabad" }, { "Kabul", "Kaboul" }, { "Tashkent", "Tachkent" },
	{ "Nairobi", "Nairobi" }, { "Addis Ababa", "Addis-Abeba" },
	{ "Antananarivo", "Antananarivo" }, { "Djibouti", "Djibouti" },
	{ "Kinshasa", "Kinshasa" }, { "Brazzaville", "Brazzaville" },
	{ "Libreville", "Libreville" }, { "Cotonou", "Cotonou" }, { "Lomé", "Lomé" },
	{ "Accra", "Accra" }, { "Lagos", "Lagos" }, { "Abuja", "Abuja" },
	{ "Reykjavík", "Reykjavik" }, { "Zürich", "Zurich" }, { "Genève", "Genève" },
	{ "Kraków", "Cracovie" }, { "Bucureşti", "Bucarest" }, { "Chişinău", "Chisinau" },
};

static const char *const themes[][2] = {
	{ "terrorism", "terrorisme" },
	{ "transnational organised crime", "criminalité organisée transnationale" },
	{ "drug trafficking", "trafic de stupéfiants" },
	{ "illegal immigration", "immigration irrégulière" },
	{ "trafficking in human beings", "traite des êtres humains" },
	{ "cybercrime", "cybercriminalité" },
	{ "money laundering", "blanchiment d'argent" },
	{ "arms trafficking", "trafic d'armes" },
	{ "civil protection", "sécurité civile" },
	{ "road safety", "sécurité routière" },
	{ "border management", "gestion des frontières" },
	{ "forensic science", "police technique et scientifique" },
	{ "crowd control", "maintien de l'ordre" },
	{ "protection of dignitaries", "protection des hautes personnalités" },
	{ "training of police officers", "formation des policiers" },
	{ "document fraud", "fraude documentaire" },
	{ "child sexual exploitation", "exploitation sexuelle des enfants" },
	{ "environmental crime", "atteintes à l'environnement" },
	{ "counterfeiting", "contrefaçon" },
	{ "major events security", "sécurité des grands événements" },
};

static const char *const theme_kinds[] = { "crime", "speciality", "cooperation" };

static const char *const streets[] = {
	"rue de la République", "avenue Charles-de-Gaulle", "boulevard du 30 Juin",
	"Embassy Road", "rue Pasteur", "avenue de l'Indépendance", "Hatfield",
	"chemin des Ambassades", "Diplomatic Enclave", "place de la Concorde",
};

static const char *const langs[] = { "en", "fr", "fr", "es", "pt", "de", "ar" };

/* ---- output helpers ----------------------------------------------------- */

/* Write value as one CSV field: quoted when it holds a comma, a quote or
 * a line break, with quotes doubled (RFC 4180). */
static void csv_put(FILE *fp, const char *value)
{
	const char *p;

	if (!strpbrk(value, ",\"\r\n")) {
		fputs(value, fp);
		return;
	}
	putc('"', fp);
	for (p = value; *p; p++) {
		if (*p == '"')
			putc('"', fp);
		putc(*p, fp);
	}
	putc('"', fp);
}

/* Write the fields of one row, a NULL-terminated list, and the newline. */
static void csv_row(FILE *fp, ...)
{
	va_list ap;
	const char *v;
	int n = 0;

	va_start(ap, fp);
	while ((v = va_arg(ap, const char *)) != NULL) {
		if (n++)
			putc(',', fp);
		csv_put(fp, v);
	}
	va_end(ap);
	putc('\n', fp);
}

static FILE *open_out(const char *dir, const char *name)
{
	char path[4096];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fp = fopen(path, "w");
	if (!fp) {
		fprintf(stderr, "gen_registry: %s: %s\n", path, strerror(errno));
		exit(73);
	}
	setvbuf(fp, NULL, _IOFBF, 1 << 16);
	return fp;
}

static void close_out(FILE *fp)
{
	if (ferror(fp) || fclose(fp) != 0) {
		fprintf(stderr, "gen_registry: write error: %s\n", strerror(errno));
		exit(74);
	}
}

/* A random date between 1990 and 2025 as YYYY, YYYY-MM or YYYY-MM-DD. */
static const char *random_date(char *buf, size_t n)
{
	unsigned y = 1990 + (unsigned)rng_below(36), m = 1 + (unsigned)rng_below(12),
	         d = 1 + (unsigned)rng_below(28), form = (unsigned)rng_below(10);

	if (form == 0)
		snprintf(buf, n, "%u", y);
	else if (form == 1)
		snprintf(buf, n, "%u-%02u", y, m);
	else
		snprintf(buf, n, "%u-%02u-%02u", y, m, d);
	return buf;
}

/* Encode code point cp as UTF-8 at out; returns the bytes written. */
static size_t utf8_put(char *out, unsigned cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	out[0] = (char)(0xE0 | (cp >> 12));
	out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

/* Copy s to out in capitals ("Lefèvre" -> "LEFÈVRE"): ASCII, Latin-1 and
 * Latin Extended-A; other scripts are copied as they are. */
static void upper_utf8(char *out, size_t n, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0;

	while (*p && o + 4 < n) {
		unsigned cp;
		size_t len;

		if (*p < 0x80) {
			cp = *p;
			len = 1;
		} else if ((*p & 0xE0) == 0xC0 && p[1]) {
			cp = ((unsigned)(*p & 0x1F) << 6) | (p[1] & 0x3F);
			len = 2;
		} else {
			len = (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 1;
			while (len > 1 && !p[len - 1])
				len--;
			memcpy(out + o, p, len);
			o += len;
			p += len;
			continue;
		}
		if (cp >= 'a' && cp <= 'z')
			cp -= 0x20;
		else if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)
			cp -= 0x20;
		else if (cp >= 0x100 && cp <= 0x17F && cp != 0x131 && (cp & 1) && cp < 0x138)
			cp -= 1;
		else if (cp >= 0x139 && cp <= 0x148 && !(cp & 1))
			cp -= 1;
		else if (cp >= 0x14A && cp <= 0x177 && (cp & 1))
			cp -= 1;
		o += utf8_put(out + o, cp);
		p += len;
	}
	out[o] = '\0';
}

/* Lower-case ASCII slug of s for ids and e-mail addresses: letters and
 * digits kept, accented letters reduced to their base (roughly), the rest
 * dropped or turned into sep. */
static void slugify(char *out, size_t n, const char *s, char sep)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t o = 0;
	int gap = 0;

	while (*p && o + 2 < n) {
		unsigned char c = *p;

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
			if (gap && o && sep)
				out[o++] = sep;
			gap = 0;
			out[o++] = (char)(c | ((c >= 'A' && c <= 'Z') ? 0x20 : 0));
			p++;
		} else if (c >= 0x80) {
			/* a two-byte Latin letter: guess its base from the table below */
			static const char base[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
			unsigned cp = 0;

			if ((c & 0xE0) == 0xC0 && p[1])
				cp = ((unsigned)(c & 0x1F) << 6) | (p[1] & 0x3F);
			if (cp >= 0xC0 && cp <= 0xFF && base[(cp - 0xC0) & 0x1F] != '/') {
				if (gap && o && sep)
					out[o++] = sep;
				gap = 0;
				out[o++] = base[(cp - 0xC0) & 0x1F];
			}
			p++;
			while ((*p & 0xC0) == 0x80)
				p++;
		} else {
			gap = 1;
			p++;
		}
	}
	out[o] = '\0';
}

/* ---- countries ------------------------------------------------------------ */

struct country {
	char iso2[3];
	char name_en[96], name_fr[96];
};

struct country_reader {
	struct country *list;
	size_t n, cap;
	int field;
	long record;
};

static void country_field(void *data, size_t len, void *ctx)
{
	struct country_reader *r = ctx;
	struct country *c;

	if (r->record == 0) {
		r->field++;
		return;
	}
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		r->list = realloc(r->list, r->cap * sizeof(*r->list));
		if (!r->list) {
			perror("gen_registry");
			exit(71);
		}
	}
	c = &r->list[r->n];
	if (r->field == 0)
		memset(c, 0, sizeof(*c));
	if (len > 95)
		len = 95;
	if (r->field == 0 && len == 2)
		memcpy(c->iso2, data, 2);
	else if (r->field == 2)
		memcpy(c->name_en, data, len);
	else if (r->field == 3)
		memcpy(c->name_fr, data, len);
	r->field++;
}

static void country_record(int term, void *ctx)
{
	struct country_reader *r = ctx;

	(void)term;
	if (r->record++ > 0 && r->list[r->n].iso2[0])
		r->n++;
	r->field = 0;
}

/* Copy REFDIR/name into dir as it is; a file that is not there is left
 * out (older registries have no places.csv). */
static void copy_ref(const char *refdir, const char *dir, const char *name)
{
	char path[4096], buf[65536];
	FILE *in, *out;
	size_t n;

	snprintf(path, sizeof(path), "%s/%s", refdir, name);
	in = fopen(path, "rb");
	if (!in)
		return;
	out = open_out(dir, name);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		fwrite(buf, 1, n, out);
	fclose(in);
	close_out(out);
}

/* Copy the countries file of refdir into dir and keep its codes and names. */
static struct country *load_countries(const char *refdir, const char *dir, size_t *count)
{
	struct country_reader r;
	struct csv_parser p;
	char buf[65536], src[4096];
	FILE *in, *out;
	size_t n;

	snprintf(src, sizeof(src), "%s/countries.csv", refdir);
	in = fopen(src, "rb");
	if (!in) {
		fprintf(stderr, "gen_registry: %s: %s\n", src, strerror(errno));
		exit(66);
	}
	memset(&r, 0, sizeof(r));
	out = open_out(dir, "countries.csv");
	csv_init(&p, CSV_STRICT);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0) {
		fwrite(buf, 1, n, out);
		if (csv_parse(&p, buf, n, country_field, country_record, &r) != n) {
			fprintf(stderr, "gen_registry: %s: %s\n", src, csv_strerror(csv_error(&p)));
			exit(65);
		}
	}
	csv_fini(&p, country_field, country_record, &r);
	csv_free(&p);
	fclose(in);
	close_out(out);
	if (r.n == 0) {
		fprintf(stderr, "gen_registry: %s: no countries\n", src);
		exit(65);
	}
	*count = r.n;
	return r.list;
}

/* ---- names ---------------------------------------------------------------- */

/* A surname: from the list (a third of the time, skewed towards the
 * common ones) or built from syllables, sometimes double-barrelled or
 * with an elided particle. */
static void make_surname(char *out, size_t n)
{
	char a[64], b[64];
	size_t k, nsyl;

	if (rng_pct(35)) {
		snprintf(out, n, "%s", surnames[rng_skewed(ARRAY_SIZE(surnames))]);
		return;
	}
	nsyl = 2 + rng_below(2);
	a[0] = '\0';
	for (k = 0; k < nsyl; k++)
		strncat(a, PICK(syllables), sizeof(a) - strlen(a) - 1);
	strncat(a, PICK(surname_ends), sizeof(a) - strlen(a) - 1);
	if (a[0] >= 'a' && a[0] <= 'z')
		a[0] = (char)(a[0] - 0x20);
	if (rng_pct(6)) {
		snprintf(b, sizeof(b), "%s", surnames[rng_skewed(ARRAY_SIZE(surnames))]);
		snprintf(out, n, "%s-%s", a, b);
	} else if (rng_pct(4)) {
		static const char *const particles[] = {
			"D'", "N'", "O'", "L'", "D\xE2\x80\x99", "de ", "da ", "van ", "Le ", "El-",
		};
		snprintf(out, n, "%s%s", PICK(particles), a);
	} else {
		snprintf(out, n, "%s", a);
	}
}

/* "Jean DUPONT", "Jean Dupont" or "DUPONT Jean": the shapes the embassy
 * pages use. */
static void make_name(char *out, size_t n, char *surname, size_t sn, const char **first)
{
	char up[160];
	unsigned form = (unsigned)rng_below(10);

	*first = first_names[rng_skewed(ARRAY_SIZE(first_names))];
	make_surname(surname, sn);
	if (form < 4) {
		upper_utf8(up, sizeof(up), surname);
		snprintf(out, n, "%s %s", *first, up);
	} else if (form < 5) {
		upper_utf8(up, sizeof(up), surname);
		snprintf(out, n, "%s %s", up, *first);
	} else {
		snprintf(out, n, "%s %s", *first, surname);
	}
}

/* A phone number that no other row has: serial digits in a national
 * format. */
static void make_phone(char *out, size_t n, unsigned long serial)
{
	static const char *const prefixes[] = { "+33 1", "+27 12", "+91 11", "+221 33",
		"+225 27", "+1 202", "+44 20", "+32 2", "+212 5", "+81 3" };
	/* odd and prime to 5, so a bijection on 0..10^8-1: serials stay distinct */
	unsigned long s = (serial * 2654435761UL) % 100000000UL;

	snprintf(out, n, "%s %02lu %02lu %02lu %02lu", prefixes[serial % ARRAY_SIZE(prefixes)],
	         (s / 1000000) % 100, (s / 10000) % 100, (s / 100) % 100, s % 100);
}

/* ---- files ------------------------------------------------------------------ */

struct gen {
	const char *dir;
	unsigned long nposts, nstaff, nsources;
	struct country *countries;
	size_t ncountries;
	char (*post_ids)[64];
	unsigned long *post_source;        /* index of each post's primary source */
	unsigned short *post_host;         /* index of each post's host country */
	FILE *words;
	unsigned long words_every, words_left;
};

static void source_id(char *out, size_t n, unsigned long i)
{
	snprintf(out, n, "gen-src-%06lu", i);
}

static void write_sources(struct gen *g)
{
	FILE *fp = open_out(g->dir, "sources.csv");
	unsigned long i;

	fputs("id,title,lang,modified,document,url,note,kind\n", fp);
	for (i = 0; i < g->nsources; i++) {
		char id[32], title[160], date[16], doc[64], url[128], note[512];
		const struct country *c = &g->countries[rng_below(g->ncountries)];
		unsigned form = (unsigned)rng_below(3);

		source_id(id, sizeof(id), i);
		snprintf(title, sizeof(title), "%s, Embassy of France in %s",
		         rng_pct(50) ? "Internal Security Service" : "Service de sécurité intérieure",
		         c->name_en);
		snprintf(doc, sizeof(doc), "%03lu_%016llx.txt", i % 1000,
		         (unsigned long long)rng_next());
		snprintf(url, sizeof(url), "https://%c%c.ambafrance.example/ssi-%lu",
		         c->iso2[0] | 0x20, c->iso2[1] | 0x20, i);
		if (rng_pct(30))
			snprintf(note, sizeof(note), "Page \"%s\", updated %s; seen %lu times, "
			         "quoted as \"the SSI page\"", title, random_date(date, sizeof(date)),
			         i % 97);
		else
			note[0] = '\0';
		csv_row(fp, id, title, PICK(langs), random_date(date, sizeof(date)),
		        form == 1 ? "" : doc, form == 2 ? "" : url, note, PICK(source_kinds),
		        (char *)NULL);
	}
	close_out(fp);
}

/* Every role with a French name (the French roles name themselves). */
static void write_roles(struct gen *g)
{
	FILE *fp = open_out(g->dir, "roles.csv");
	size_t i;

	fputs("role,role_fr\n", fp);
	for (i = 0; i < ARRAY_SIZE(roles); i++)
		csv_row(fp, roles[i], roles[i], (char *)NULL);
	close_out(fp);
}

static void write_directorate(struct gen *g)
{
	FILE *fp = open_out(g->dir, "directorate.csv");
	char src[32];

	source_id(src, sizeof(src), 0);
	fputs("acronym,name_en,name_fr,established,headquarters,parent,source,note\n", fp);
	csv_row(fp, "DCI", "Directorate of International Cooperation",
	        "Direction de la coopération internationale", "2010-09-01",
	        "Nanterre - Paris la Défense", "Ministry of the Interior (ministère de l'Intérieur)",
	        src, "Synthetic row, \"for the benchmark\", not a fact.", (char *)NULL);
	csv_row(fp, "DCIS", "Directorate of International Security Cooperation",
	        "Direction de la coopération internationale de sécurité", "", "",
	        "Ministry of the Interior (ministère de l'Intérieur)", src, "", (char *)NULL);
	close_out(fp);
}

static void write_network(struct gen *g)
{
	static const char *const bases[] = { "", "stated", "page-modified", "page-published" };
	static const char *const quals[] = { "", "", "~", ">", "<" };
	FILE *fp = open_out(g->dir, "network.csv");
	int i;

	fputs("as_of,as_of_basis,staff,staff_qualifier,embassies,embassies_qualifier,"
	      "countries,countries_qualifier,civil_security_experts,source,note\n", fp);
	for (i = 0; i < 24; i++) {
		char date[16], staff[16], emb[16], ctry[16], cse[16], src[32];

		snprintf(staff, sizeof(staff), "%lu", 200 + rng_below(200));
		snprintf(emb, sizeof(emb), "%lu", 70 + rng_below(40));
		snprintf(ctry, sizeof(ctry), "%lu", 140 + rng_below(30));
		if (rng_pct(50))
			snprintf(cse, sizeof(cse), "%lu", rng_below(30));
		else
			cse[0] = '\0';
		source_id(src, sizeof(src), rng_below(g->nsources));
		csv_row(fp, i % 6 ? random_date(date, sizeof(date)) : "", PICK(bases),
		        staff, PICK(quals), emb, PICK(quals), ctry, PICK(quals), cse, src,
		        i % 3 ? "" : "'250 police and gendarmes deployed to 92 Embassies, "
		        "covering 156 countries'", (char *)NULL);
	}
	close_out(fp);
}

/* A sample of the words typed into the search box, taken from the text
 * written (every nth name, city, rank). */
static void sample_word(struct gen *g, const char *word)
{
	if (!g->words || !word[0])
		return;
	if (g->words_left-- > 0)
		return;
	g->words_left = g->words_every;
	fprintf(g->words, "%s\n", word);
}

static void write_posts(struct gen *g)
{
	FILE *fp = open_out(g->dir, "posts.csv");
	unsigned long i;

	fputs("id,city,city_fr,country,name_en,name_fr,established,hosted_since,head_rank,"
	      "head_corps,address,phone,email,updated,source,note\n", fp);
	for (i = 0; i < g->nposts; i++) {
		size_t host = rng_below(g->ncountries);
		const struct country *c = &g->countries[host];
		char city[96], city_fr[96], slug[64], name_en[256], name_fr[256], est[16],
		     hosted[16], upd[16], addr[256], phone[48], email[96], src[32], note[512];

		if (rng_pct(30)) {
			size_t k = rng_below(ARRAY_SIZE(cities));

			snprintf(city, sizeof(city), "%s", cities[k][0]);
			snprintf(city_fr, sizeof(city_fr), "%s", cities[k][1]);
		} else if (rng_pct(97)) {
			char s[64];

			make_surname(s, sizeof(s));
			snprintf(city, sizeof(city), "%s%s", rng_pct(20) ? "Saint-" : "", s);
			snprintf(city_fr, sizeof(city_fr), "%s", rng_pct(80) ? city : "");
		} else {
			city[0] = city_fr[0] = '\0';   /* the page names no city */
		}
		g->post_host[i] = (unsigned short)host;
		slugify(slug, sizeof(slug), city[0] ? city : c->name_en, '-');
		snprintf(g->post_ids[i], sizeof(g->post_ids[i]), "%.30s-%lu", slug, i);
		sample_word(g, city);
		snprintf(name_en, sizeof(name_en),
		         "Internal Security Service, Embassy of France in %s", c->name_en);
		snprintf(name_fr, sizeof(name_fr),
		         "Service de sécurité intérieure, ambassade de France en %s", c->name_fr);
		snprintf(addr, sizeof(addr), "%lu %s, %s", 1 + rng_below(200), PICK(streets),
		         city[0] ? city : c->name_en);
		make_phone(phone, sizeof(phone), i);
		snprintf(email, sizeof(email), "ssi.%s@diplomatie.gouv.example", g->post_ids[i]);
		g->post_source[i] = rng_below(g->nsources);
		source_id(src, sizeof(src), g->post_source[i]);
		if (rng_pct(25))
			snprintf(note, sizeof(note), "The page calls it the \"Internal Security "
			         "Section of %s\", \"one of the %lu representations abroad\"; "
			         "head per the staff list, phone %s.", city[0] ? city : c->name_en,
			         70 + i % 30, phone);
		else
			note[0] = '\0';
		csv_row(fp, g->post_ids[i], city, city_fr, c->iso2, name_en,
		        rng_pct(90) ? name_fr : "", rng_pct(60) ? random_date(est, sizeof(est)) : "",
		        rng_pct(30) ? random_date(hosted, sizeof(hosted)) : "",
		        PICK(ranks), PICK(corps), rng_pct(70) ? addr : "", rng_pct(80) ? phone : "",
		        rng_pct(60) ? email : "", rng_pct(90) ? random_date(upd, sizeof(upd)) : "",
		        src, note, (char *)NULL);
	}
	close_out(fp);
}

static void write_post_sources(struct gen *g)
{
	FILE *fp = open_out(g->dir, "post_sources.csv");
	unsigned long i, k, n, first;

	fputs("post,source,note\n", fp);
	for (i = 0; i < g->nposts; i++) {
		n = rng_below(3);
		first = rng_below(g->nsources);
		for (k = 0; k < n; k++) {
			/* distinct sources, none the primary one */
			unsigned long s = (first + k * 7 + 1) % g->nsources;
			char src[32];

			if (s == g->post_source[i])
				continue;
			source_id(src, sizeof(src), s);
			csv_row(fp, g->post_ids[i], src, rng_pct(50) ? "" :
			        "French version of the embassy page, adds \"Bangladesh\" to the list.",
			        (char *)NULL);
		}
	}
	close_out(fp);
}

static void write_coverage(struct gen *g)
{
	static const char *const rels[] = { "covers", "covers", "non-resident" };
	FILE *fp = open_out(g->dir, "coverage.csv");
	unsigned long i, k, n;

	fputs("post,country,relation,source,note\n", fp);
	for (i = 0; i < g->nposts; i++) {
		size_t host = g->post_host[i], c;
		char src[32];
		size_t used[8];

		source_id(src, sizeof(src), g->post_source[i]);
		csv_row(fp, g->post_ids[i], g->countries[host].iso2, "host", src,
		        rng_pct(10) ? "Implied by the address, and the +27 phone." : "", (char *)NULL);
		used[0] = host;
		n = rng_below(5);
		for (k = 0; k < n; k++) {
			size_t j;

			c = rng_below(g->ncountries);
			for (j = 0; j <= k && used[j] != c; j++)
				;
			if (j <= k)
				continue;       /* already listed for this post */
			used[k + 1] = c;
			csv_row(fp, g->post_ids[i], g->countries[c].iso2, PICK(rels), src,
			        "", (char *)NULL);
		}
	}
	close_out(fp);
}

static void write_staff(struct gen *g)
{
	FILE *fp = open_out(g->dir, "staff.csv");
	unsigned long i, p = 0, left;
	unsigned long base = g->nposts ? g->nstaff / g->nposts : 0;

	fputs("post,role,name,rank,corps,locally_recruited,as_of,source,note\n", fp);
	/* posts get between half and one and a half times the mean, the
	 * remainder going to the last one */
	left = g->nposts ? (base ? base / 2 + rng_below(base + 1) : 0) : g->nstaff;
	for (i = 0; i < g->nstaff; i++) {
		char name[192], surname[96], rank_name[96], date[16], src[32], note[512],
		     mail[128], phone[48], local[2] = { '0', 0 };
		const char *first, *rank = PICK(ranks), *role;
		unsigned long post;

		while (left == 0 && p + 1 < g->nposts) {
			p++;
			left = p + 1 == g->nposts ? g->nstaff - i
			       : base ? base / 2 + rng_below(base + 1) : (unsigned long)rng_pct(50);
		}
		if (left)
			left--;
		post = g->nposts ? p : 0;
		make_name(name, sizeof(name), surname, sizeof(surname), &first);
		sample_word(g, first);
		sample_word(g, surname);
		sample_word(g, rank);
		role = roles[rng_skewed(ARRAY_SIZE(roles))];
		if (rng_pct(8))
			local[0] = '1';
		source_id(src, sizeof(src), rng_pct(80) ? g->post_source[post] : rng_below(g->nsources));
		note[0] = '\0';
		if (rng_pct(35)) {
			slugify(mail, sizeof(mail), name, '.');
			make_phone(phone, sizeof(phone), i);
			if (rng_pct(50))
				snprintf(note, sizeof(note), "Contact: %s%lu@interieur.gouv.example, %s",
				         mail, i, phone);
			else
				snprintf(note, sizeof(note), "'The %s: %s %s (\"%s\") in the French "
				         "%s.' Tel. %s", role, rank[0] ? rank : "officer", name,
				         rank[0] ? rank : "officier", rng_pct(50) ? "Police" : "Gendarmerie",
				         phone);
		}
		snprintf(rank_name, sizeof(rank_name), "%s", rank);
		csv_row(fp, g->post_ids[post], role, rng_pct(3) ? "" : name, rank_name,
		        PICK(corps), local, rng_pct(70) ? random_date(date, sizeof(date)) : "",
		        src, note, (char *)NULL);
	}
	close_out(fp);
}

static void write_themes(struct gen *g)
{
	FILE *fp = open_out(g->dir, "themes.csv");
	unsigned long i, n = 40 + g->nposts / 5;

	fputs("post,kind,theme_en,theme_fr,source\n", fp);
	for (i = 0; i < n; i++) {
		size_t k = rng_below(ARRAY_SIZE(themes));
		char src[32];

		source_id(src, sizeof(src), rng_below(g->nsources));
		csv_row(fp, i < 40 || !g->nposts ? "" : g->post_ids[rng_below(g->nposts)],
		        PICK(theme_kinds), themes[k][0], themes[k][1], src, (char *)NULL);
	}
	close_out(fp);
}

/* ---- main ------------------------------------------------------------------ */

static unsigned long parse_count(const char *s, const char *opt)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || end == s) {
		fprintf(stderr, "gen_registry: %s: not a number: %s\n", opt, s);
		exit(64);
	}
	return v;
}

int main(int argc, char **argv)
{
	struct gen g;
	const char *refdir = "data";
	unsigned long seed = 20101;
	int a;

	memset(&g, 0, sizeof(g));
	g.nposts = 100000;
	g.nstaff = 1000000;
	for (a = 1; a < argc; a++) {
		if (strcmp(argv[a], "--posts") == 0 && a + 1 < argc)
			g.nposts = parse_count(argv[++a], "--posts");
		else if (strcmp(argv[a], "--staff") == 0 && a + 1 < argc)
			g.nstaff = parse_count(argv[++a], "--staff");
		else if (strcmp(argv[a], "--seed") == 0 && a + 1 < argc)
			seed = parse_count(argv[++a], "--seed");
		else if (strcmp(argv[a], "--ref") == 0 && a + 1 < argc)
			refdir = argv[++a];
		else if (argv[a][0] != '-' && !g.dir)
			g.dir = argv[a];
		else {
			fprintf(stderr, "usage: gen_registry DIR [--posts N] [--staff M] "
			        "[--seed S] [--ref REFDIR]\n");
			return 64;
		}
	}
	if (!g.dir) {
		fprintf(stderr, "usage: gen_registry DIR [--posts N] [--staff M] "
		        "[--seed S] [--ref REFDIR]\n");
		return 64;
	}
	if (g.nposts == 0 && g.nstaff > 0) {
		fprintf(stderr, "gen_registry: staff need at least one post\n");
		return 64;
	}
	if (mkdir(g.dir, 0755) != 0 && errno != EEXIST) {
		fprintf(stderr, "gen_registry: %s: %s\n", g.dir, strerror(errno));
		return 73;
	}
	rng_state = seed;
	g.countries = load_countries(refdir, g.dir, &g.ncountries);
	copy_ref(refdir, g.dir, "places.csv");
	copy_ref(refdir, g.dir, "cities.csv");
	g.nsources = NSOURCES_MIN + g.nposts / 50;
	g.post_ids = calloc(g.nposts ? g.nposts : 1, sizeof(*g.post_ids));
	g.post_source = calloc(g.nposts ? g.nposts : 1, sizeof(*g.post_source));
	g.post_host = calloc(g.nposts ? g.nposts : 1, sizeof(*g.post_host));
	if (!g.post_ids || !g.post_source || !g.post_host) {
		perror("gen_registry");
		return 71;
	}
	g.words = open_out(g.dir, "words.txt");
	g.words_every = (g.nstaff * 3 + g.nposts) / 20000;
	write_sources(&g);
	write_roles(&g);
	write_directorate(&g);
	write_network(&g);
	write_posts(&g);
	write_post_sources(&g);
	write_coverage(&g);
	write_staff(&g);
	write_themes(&g);
	close_out(g.words);
	fprintf(stderr, "gen_registry: %s: %lu posts, %lu staff, %lu sources\n", g.dir,
	        g.nposts, g.nstaff, g.nsources);
	free(g.countries);
	free(g.post_ids);
	free(g.post_source);
	free(g.post_host);
	return 0;
}
