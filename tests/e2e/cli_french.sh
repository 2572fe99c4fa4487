#!/bin/sh
# SPDX-License-Identifier: MIT
# The command line speaks the user's language too: --help, usage errors,
# --check's framing and the --plain sentences go through gettext, as the
# browser does (LANG=fr_FR.UTF-8 is French whether or not that locale is
# installed).  An unknown option is named, in either language.  The text,
# TSV and JSON formats stay as they are, for scripts.
. "$DCINET_SRC/tests/e2e/clilib.sh"

run env LANG=fr_FR.UTF-8 LC_ALL= LANGUAGE= "$DCINET" --help
expect_status 0
expect_out "usage : dcinet"
expect_out "parcourir le registre"
expect_out "Formats de --export"

run env LANG=C.UTF-8 LC_ALL= LANGUAGE= "$DCINET" --fnd
expect_status 64
expect_err "dcinet: unknown option '--fnd'"
run env LANG=fr_FR.UTF-8 LC_ALL= LANGUAGE= "$DCINET" --fnd=x
expect_status 64
expect_err "option inconnue « --fnd »"
expect_err "Essayez « dcinet --help »."
run env LANG=fr_FR.UTF-8 LC_ALL= LANGUAGE= "$DCINET" --import data
expect_status 64
expect_err "--import demande --db FICHIER"

run env LANG=fr_FR.UTF-8 LC_ALL= LANGUAGE= "$DCINET" --check tests/fixtures/mini
expect_status 0
expect_err "mini : 48 lignes, aucune erreur"

run env LANG=fr_FR.UTF-8 LC_ALL= LANGUAGE= "$DCINET" --find namibie --plain
expect_status 0
expect_out "Réponse : Namibie (Namibia, NA) est couvert, en non-résident, par Pretoria, Afrique du Sud ;"
expect_out "attesté par une page d'ambassade"
# the sentences name things as a French reader does, the data's French names
expect_out "Namibie (Namibia) est couvert, en non-résident, par le poste de Pretoria, Afrique du Sud ;"
run env LANG=fr_FR.UTF-8 LC_ALL= LANGUAGE= "$DCINET" --find korea --plain
expect_status 2
expect_out "Réponse : le texte est ambigu ; il désigne Corée du Sud, Corée du Nord."
expect_out "Le poste de Corée du Sud est le Service de sécurité intérieure, ambassade de France en Corée du Sud ;"
run env LANG=fr_FR.UTF-8 LC_ALL= LANGUAGE= "$DCINET" --find colonel --plain
expect_status 2
expect_out "(Londres, Royaume-Uni)"
run env LANG=fr_FR.UTF-8 LC_ALL= LANGUAGE= "$DCINET" --find korea --plain
grep -q "Korea" "$TMP/out" && grep -v "(Korea" "$TMP/out" | grep -q "Korea" &&
	fail "English names in French sentences: $(cat "$TMP/out")"

# Scripts keep their formats whatever the language.
run env LANG=fr_FR.UTF-8 LC_ALL= LANGUAGE= "$DCINET" --find namibie
expect_out "answer: Namibia (Namibie, NA): covered, non-resident, by Pretoria"
run env LANG=fr_FR.UTF-8 LC_ALL= LANGUAGE= "$DCINET" --find namibie --json
[ "$(jq -r .answer.status "$TMP/out")" = one ] || fail "JSON changed with the language"
exit 0
