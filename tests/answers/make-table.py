#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""make-table.py: write tests/answers/generated.tsv, the desk queries that
follow from the shipped data, with the answer each must give.

Usage (from the top of the tree, after a change of data/):
    python3 tests/answers/make-table.py > tests/answers/generated.tsv

For every host country of a post and every country a post covers: its
English and French names, its ISO codes and its capital when cities.csv
names one; for every named staff member of an official page: the name.
The expected answer is worked out here from the CSV files, independently
of dcinet: the country (or person), and the first post serving it, host
posts first, then the most recently updated (undated last), then by city
(dcinet(1), The answer line).  Hand-written queries (short
and former names, ambiguous and hostile texts) are in tests/answers/
hand.tsv.
"""
import csv
import sys

D = "data/"


def rows(name):
    with open(D + name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


countries = {r["iso2"]: r for r in rows("countries.csv")}
posts = {r["id"]: r for r in rows("posts.csv")}
coverage = rows("coverage.csv")
capitals = {}
for r in rows("cities.csv"):
    if r["capital"] == "1":
        capitals.setdefault(r["country"], r["name_en"])


def place(p):
    country = countries[p["country"]]["name_en"]
    return f'{p["city"]}, {country}' if p["city"] else country


def first_post(iso2):
    cov = [c for c in coverage if c["country"] == iso2]
    cov.sort(key=lambda c: (posts[c["post"]]["city"], c["post"]))
    cov.sort(key=lambda c: posts[c["post"]]["updated"], reverse=True)   # stable
    cov.sort(key=lambda c: (c["relation"] != "host", posts[c["post"]]["updated"] == ""))
    return posts[cov[0]["post"]] if cov else None


out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
seen = set()


def emit(query, kind, label, where):
    if query.lower() in seen:
        return
    seen.add(query.lower())
    out.writerow([query, "one", kind, label, where])


covered = sorted({c["country"] for c in coverage}, key=lambda i: countries[i]["name_en"])
for iso2 in covered:
    c = countries[iso2]
    p = first_post(iso2)
    where = place(p)
    for q in (c["name_en"], c["name_fr"], iso2, c["iso3"]):
        emit(q, "country", c["name_en"], where)
    if iso2 in capitals:
        emit(capitals[iso2], "country", c["name_en"], where)

official = {r["id"] for r in rows("sources.csv")
            if r["kind"] in ("seed", "embassy", "ministry", "gendarmerie", "foreign-government")}
names = {}
for s in rows("staff.csv"):
    if s["name"] and s["source"] in official:
        names.setdefault(s["name"].casefold(), []).append(s)
for key, staff in sorted(names.items()):
    ps = {s["post"] for s in staff}
    if len(ps) == 1:
        emit(staff[0]["name"], "staff", staff[0]["name"], place(posts[staff[0]["post"]]))
    else:
        # one name at several posts (a rotation): the desk must choose
        if staff[0]["name"].lower() not in seen:
            seen.add(staff[0]["name"].lower())
            out.writerow([staff[0]["name"], "ambiguous", "staff", "-", "-"])
