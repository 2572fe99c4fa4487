#!/bin/sh
# SPDX-License-Identifier: MIT
# L switches the interface (gettext, po/fr.po) and the data (the
# registry's French columns, French order) between English and French,
# and back; search covers both languages either way.  LANG=fr_FR.UTF-8
# starts in French even where that locale is not installed (the browser
# falls back to C.UTF-8 and keeps the accents); so does LANGUAGE=fr.
. "$(dirname "$0")/tmuxlib.sh"

tl_start 100 30
tl_wait "2 Posts (71, by city)"
tl_wait "Enter roster"
tl_keys 2 j j j j
tl_wait "3 Roster Baghdad, Iraq"

# To French: titles, key bar, post list, roster, Overview.
tl_keys L
tl_wait "2 Postes (71, par ville)"
tl_wait "Interface et données en français"
tl_wait "3 Fiche Bagdad, Irak"
tl_wait "Philippe G., attaché de sécurité intérieure"     # the role, from roles.csv
tl_wait "1 Vue d'ensemble"
tl_wait "Pays hôte"
tl_wait "Allemagne"
tl_wait "Direction de la coopération internationale · Directorate"
tl_wait "71 postes enregistrés (les sources disent"
tl_screen | grep -q '^> Bagdad' || tl_fail "the selection did not follow the post into French"
# French order: Le Caire (Cairo) sorts under L.
tl_keys g
tl_wait "> Abidjan"
tl_wait "L English"     # the key bar, once the message has gone
tl_screen | grep -q "Cairo" && tl_fail "an English city name in the French list"
# The help screen is in French too, key names unchanged.
tl_keys "?"
tl_wait "Touches de dcinet"
tl_wait "Passer l'écran et les données"
tl_keys Escape
tl_wait_gone "Touches de dcinet"
# Search covers both languages: an English name in the French screen.
tl_keys /
tl_type nepal
tl_wait "Enter Népal : couvert depuis New Delhi, Inde"
tl_wait "heure locale"
# the candidates of an ambiguous answer, by their French names
tl_keys C-u
tl_type korea
tl_wait "Corée du Sud · Corée du Nord"
tl_keys Escape
tl_wait "1 Vue d'ensemble"
# S tags the sources with their kind, in French
tl_keys S
tl_wait "(presse), "
tl_keys S

# And back to English.
tl_keys L
tl_wait "2 Posts (71, by city)"
tl_wait "Interface and data in English"
tl_wait "71 posts on record (sources state"
tl_wait "Host country"
tl_keys 2
tl_wait "L français"
tl_screen | grep -q "Allemagne" && tl_fail "a French country name left in the English list"
tl_keys q
status=$(tl_wait_exit)
[ "$status" = 0 ] || tl_fail "q exited $status"

# LANG=fr_FR.UTF-8 starts in French, with accents, installed or not.
tl_start 100 30 LANG=fr_FR.UTF-8
tl_wait "2 Postes (71, par ville)"
tl_wait "Pays hôte"
tl_wait "Côte d'Ivoire"
tl_keys L
tl_wait "2 Posts (71, by city)"
tl_keys q
tl_wait_exit >/dev/null

# LANGUAGE=fr asks for French over an English LANG; LC_ALL too.
tl_start 100 30 LANGUAGE=fr
tl_wait "2 Postes (71, par ville)"
tl_keys q
tl_wait_exit >/dev/null
tl_start 100 30 LC_ALL=fr_FR.UTF-8
tl_wait "2 Postes (71, par ville)"
tl_wait "Côte d'Ivoire"
tl_keys q
tl_wait_exit >/dev/null

# Under LANG=C, French shows without accents, never as mojibake.
tl_start 100 30 LANG=C LC_ALL=C
tl_wait "2 Posts (71, by city)"
tl_keys L
tl_wait "2 Postes (71, par ville)"
tl_wait "Pays hote"
screen=$(tl_screen)
for bad in "ô" "é" "Ã" "�"; do
	case $screen in
	*"$bad"*) tl_fail "LANG=C French screen shows \"$bad\"" ;;
	esac
done
tl_keys q
status=$(tl_wait_exit)
[ "$status" = 0 ] || tl_fail "q exited $status"
exit 0
