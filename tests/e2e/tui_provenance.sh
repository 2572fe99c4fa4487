#!/bin/sh
# SPDX-License-Identifier: MIT
# Provenance on every fact: dates older than DCINET_STALE_YEARS (5 by
# default) carry a mark, "†" (or "!" under LANG=C), a character and not
# only a colour; the help screen explains it; S shows the source id and
# date beside staff, coverage, contact fields, the post list and the
# network snapshots, and hides them again; network figures that disagree
# are said to, with their range, and every claim keeps its row.
. "$(dirname "$0")/tmuxlib.sh"

open_pretoria() {
	tl_keys /
	tl_type pretoria
	tl_wait "Enter South Africa: the post in Pretoria"
	tl_keys Enter
	tl_wait "3 Roster Pretoria"
}

tl_start 200 100            # room for the whole roster of Pretoria
tl_wait "2 Posts ("
open_pretoria
# The evidence behind the post: its best source's kind and date; each
# source's kind.
tl_wait "Evidence     attested by an embassy page, 2015-07-23"
tl_screen | grep -A1 "\[fact-za-police-2014\] Police cooperation" | grep -q "an embassy page" ||
	tl_fail "the roster does not give a source's kind"
# The 2013 staff list: "as of 2013-04-23†" beside the name.
tl_wait "Michel LEMEE"
tl_wait "2013-04-23†"
tl_screen | grep -q "Pretoria .*2013-04-23†" || tl_fail "no stale mark in the post list"
tl_screen | grep -q "2023-09-18†" && tl_fail "a 2023 date marked stale"
# Disagreeing network figures: a line says so, each claim keeps its row.
tl_wait "Sources disagree: Staff 243 to ~400"
tl_keys "?" G
tl_wait "Beside a date: the fact is older than 5 years"
tl_keys Escape
tl_wait_gone "Beside a date"

# S: sources beside staff, coverage and contact; S again hides them.
tl_keys S
tl_wait "Sources shown beside each fact"
tl_wait "[seed-namibia-2013 (seed), 2013-04-23†]"
tl_wait "Source"                       # the post list's column
tl_screen | grep -q "^> Pretoria .*seed-namibia-2013" ||
	tl_fail "the post list shows no source with S"
tl_wait "Phone        +27 12 425 1740 [seed-namibia-2013 (seed), 2013-04-23†]"
tl_wait "Non-resident Namibia (Namibie) [seed-namibia-2013 (seed), 2013-04-23†]"
# The Overview's snapshots add the source's own date.
tl_wait "seed-namibia-2013, 2013-04-23†"
tl_keys S
tl_wait "Sources hidden"
tl_wait_gone "[seed-namibia-2013 (seed), 2013-04-23†]"
tl_keys q
tl_wait_exit >/dev/null

# A longer threshold marks nothing of the 2010s; 0 marks nothing at all.
tl_start 120 40 DCINET_STALE_YEARS=100
tl_wait "2 Posts ("
open_pretoria
tl_wait "Michel LEMEE"
tl_screen | grep -q "†" && tl_fail "a stale mark with DCINET_STALE_YEARS=100"
tl_keys q
tl_wait_exit >/dev/null
tl_start 120 40 DCINET_STALE_YEARS=0
tl_wait "2 Posts ("
tl_keys "?" G
tl_wait "Not used: DCINET_STALE_YEARS is 0"
tl_keys Escape
tl_wait_gone "Not used"
tl_screen | grep -q "†" && tl_fail "a stale mark with DCINET_STALE_YEARS=0"
tl_keys q
tl_wait_exit >/dev/null

# Under LANG=C the mark is "!".
tl_start 120 40 LANG=C LC_ALL=C
tl_wait "2 Posts ("
open_pretoria
tl_wait "2013-04-23!"
tl_keys q
status=$(tl_wait_exit)
[ "$status" = 0 ] || tl_fail "q exited $status"
exit 0
