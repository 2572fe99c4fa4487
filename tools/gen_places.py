#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""gen_places.py: write data/places.csv from tzdata and Unicode CLDR.

Usage:
    python3 tools/gen_places.py data/places.csv

One row per time zone of tzdata's zone.tab (package tzdata): the zone's
city, in English and French (CLDR exemplar cities, package
unicode-cldr-core), the ISO 3166 country it lies in, and the zone name:

    tz,name_en,name_fr,country

These are the capitals and major cities a desk officer types
("Kathmandu", "Katmandou"): search resolves them to their country, and a
post's local time comes from its city's zone.  See dcinet-data(5).
"""

import sys
import xml.etree.ElementTree as ET

from refdata import clean, cldr_main, die, write_csv

ZONE_TAB = "/usr/share/zoneinfo/zone.tab"
CLDR_ALIASES = "/usr/share/unicode/cldr/common/bcp47/timezone.xml"
HEADER = ["tz", "name_en", "name_fr", "country"]


def exemplar_cities(lang):
    root = cldr_main(lang)
    cities = {}
    for zone in root.iter("zone"):
        city = zone.find("exemplarCity")
        if city is not None and city.text and city.get("alt") is None:
            cities[zone.get("type")] = clean(city.text)
    return cities


def zone_aliases():
    """{tzdata name: CLDR name}: CLDR keeps old ids (Asia/Katmandu)."""
    aliases = {}
    for t in ET.parse(CLDR_ALIASES).getroot().iter("type"):
        names = (t.get("alias") or "").split()
        for n in names[1:]:
            aliases[n] = names[0]
    return aliases


def zones():
    try:
        f = open(ZONE_TAB, encoding="utf-8")
    except OSError as e:
        die("%s: %s (install tzdata)" % (ZONE_TAB, e.strerror), 66)
    with f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 3:
                yield fields[0], fields[2]


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: gen_places.py output.csv\n")
        return 64
    en, fr = exemplar_cities("en"), exemplar_cities("fr")
    aliases = zone_aliases()
    rows = []
    for country, tz in zones():
        cldr = aliases.get(tz, tz)
        plain = clean(tz.rsplit("/", 1)[-1].replace("_", " "))
        name_en = en.get(cldr, en.get(tz, plain))
        rows.append([tz, name_en, fr.get(cldr, fr.get(tz, name_en)), country])
    rows.sort(key=lambda r: (r[3], r[0]))
    write_csv(argv[1], HEADER, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
