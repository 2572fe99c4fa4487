# SPDX-License-Identifier: MIT
# cli_views.sh: the readable views of a built database (dcinet-data(5),
# DATABASE VIEWS) have one row per row of their table, with the names.
. "$DCINET_SRC/tests/e2e/clilib.sh"

db="$TMP/r.db"
"$DCINET" --import data --db "$db" 2>/dev/null || fail "import"
q() { sqlite3 -batch "$db" "$1" || fail "sqlite3: $1"; }

for pair in "view_posts posts" "view_coverage coverage" "view_staff staff"; do
	set -- $pair
	[ "$(q "SELECT count(*) FROM $1")" = "$(q "SELECT count(*) FROM $2")" ] ||
		fail "$1 has not one row per row of $2"
done
[ "$(q "SELECT country_en || '|' || relation || '|' || source_date FROM view_coverage
        WHERE post = 'new-delhi' AND country = 'NP'")" = "Nepal|covers|2018-07-30" ] ||
	fail "view_coverage: Nepal"
[ "$(q "SELECT country_en || '|' || source_url FROM view_posts WHERE post = 'pretoria'")" = \
	"South Africa|https://na.ambafrance.org/Nouvel-article" ] || fail "view_posts: Pretoria"
[ "$(q "SELECT role_fr || '|' || as_of FROM view_staff WHERE name = 'Michel LEMEE'")" = \
	"attaché de sécurité intérieure (ASI)|2013-04-23" ] || fail "view_staff: LEMEE"
exit 0
