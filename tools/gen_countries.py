#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""gen_countries.py: write data/countries.csv from Debian's iso-codes.

Usage:
    python3 tools/gen_countries.py > data/countries.csv
    python3 tools/gen_countries.py data/countries.csv

Reads the ISO 3166-1 list shipped by the Debian "iso-codes" package and its
French translations, and writes one CSV row per country:

    iso2,iso3,name_en,name_fr,alt_names

name_en    the entry's "name" field.
name_fr    the French translation of "common_name" when the entry has one
           and the catalogue translates it ("Bolivie" rather than
           "Bolivie, état plurinational de"), otherwise the translation of
           "name"; the English name when neither is translated.
alt_names  other names people type, joined with ";": the entry's
           "official_name" and "common_name"; the English and French
           names and their short and variant forms from Unicode CLDR
           (package unicode-cldr-core: "UK", "Ivory Coast", "Birmanie");
           and former names from ISO 3166-3 whose code passed to this
           country ("Burma, Socialist Republic of the Union of").

Rows are sorted by iso2.  Output is UTF-8 without BOM, RFC 4180 quoting,
"\\n" line ends.  Standard library only.  See dcinet-data(5).
"""

import gettext
import json
import sys

from refdata import clean, cldr_main, die, write_csv

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
ISO3_JSON = "/usr/share/iso-codes/json/iso_3166-3.json"
FR_MO = "/usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo"
HEADER = ["iso2", "iso3", "name_en", "name_fr", "alt_names"]


def load_entries(path):
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except OSError as e:
        die("%s: %s (install the iso-codes package)" % (path, e.strerror), 66)
    except ValueError as e:
        die("%s: not valid JSON: %s" % (path, e), 65)
    entries = data.get("3166-1")
    if not isinstance(entries, list) or not entries:
        die("%s: no \"3166-1\" list" % path, 65)
    return entries


class _Missing(gettext.NullTranslations):
    """Fallback that records the message ids the catalogue lacks."""

    def __init__(self):
        super().__init__()
        self.missed = set()

    def gettext(self, message):
        self.missed.add(message)
        return message


def load_french(path):
    try:
        with open(path, "rb") as f:
            tr = gettext.GNUTranslations(f)
    except OSError as e:
        die("%s: %s (install the iso-codes package)" % (path, e.strerror), 66)
    missing = _Missing()
    tr.add_fallback(missing)
    return tr, missing


def translated(french, msgid):
    """The French text for msgid, or None when the catalogue lacks it."""
    tr, missing = french
    if not msgid:
        return None
    fr = tr.gettext(msgid)
    # A French name may equal the English one ("Côte d'Ivoire"): only a
    # trip to the fallback says that the catalogue lacks the message.
    if msgid in missing.missed:
        return None
    return fr


def cldr_territories(lang):
    """{iso2: [names]} from CLDR, the plain name first, then variants."""
    root = cldr_main(lang)
    names = {}
    for t in root.iter("territory"):
        code = t.get("type", "")
        if len(code) == 2 and code.isalpha() and t.text:
            names.setdefault(code, []).append(clean(t.text))
    return names


def former_names():
    """{iso2: [former names]} from ISO 3166-3 (alpha_4 ends with the new code)."""
    with open(ISO3_JSON, encoding="utf-8") as f:
        data = json.load(f)
    names = {}
    for e in data.get("3166-3", []):
        a4 = e.get("alpha_4", "")
        if len(a4) == 4 and a4[2:] != "HH":
            names.setdefault(a4[2:], []).append(clean(e.get("name", "")))
    return names


def rows(entries, tr):
    extra_en = cldr_territories("en")
    extra_fr = cldr_territories("fr")
    former = former_names()
    out = []
    for e in entries:
        iso2 = clean(e.get("alpha_2", ""))
        iso3 = clean(e.get("alpha_3", ""))
        name = clean(e.get("name", ""))
        if not (iso2 and iso3 and name):
            die("entry without alpha_2, alpha_3 or name: %r" % (e,), 65)
        common = clean(e.get("common_name", ""))
        official = clean(e.get("official_name", ""))

        fr = translated(tr, common) if common else None
        if fr is None:
            fr = translated(tr, name)
        if fr is None:
            fr = name
        fr = clean(fr)

        alts = []
        for alt in ([official, common] + extra_en.get(iso2, []) +
                    extra_fr.get(iso2, []) + former.get(iso2, [])):
            if alt and alt != name and alt != fr and alt not in alts:
                alts.append(alt)
        out.append([iso2, iso3, name, fr, ";".join(alts)])
    out.sort(key=lambda r: r[0])
    seen = set()
    for r in out:
        if r[0] in seen:
            die("duplicate alpha_2 %s" % r[0], 65)
        seen.add(r[0])
    return out


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1] in ("-h", "--help")):
        sys.stderr.write("usage: gen_countries.py [output.csv]\n")
        return 64
    table = rows(load_entries(ISO_JSON), load_french(FR_MO))
    write_csv(argv[1] if len(argv) == 2 else None, HEADER, table)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
