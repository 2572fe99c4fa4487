#!/bin/sh
# SPDX-License-Identifier: MIT
# One answer, two clients: every desk query of tests/answers/*.tsv goes
# through --find (JSON) and through the search box in tmux, and both must
# give the table's answer.  generated.tsv follows from the shipped data
# (every covered country by English and French name, ISO codes and
# capital; every named staff member), hand.tsv holds short and former
# names, cities, ambiguous and hostile texts.
#
# A row: query, status (one, ambiguous, nothing), kind (country, post,
# staff, theme), label (what the text names), where (the first post
# serving it, "City, Country", or "-" when none is known).
. "$(dirname "$0")/tmuxlib.sh"

db="$TL_TMP/registry.db"
"$DCINET" --import "$DCINET_SRC/data" --db "$db" >/dev/null 2>&1 ||
	tl_fail "cannot build the registry"
tab=$(printf '\t')
n=0

# --find: the answer object of the JSON document.
while IFS="$tab" read -r query status kind label where; do
	n=$((n + 1))
	got=$("$DCINET" --db "$db" --find "$query" --json | jq -r '
		.answer as $a
		| [$a.status, ($a.kind // "-"), ($a.label // "-"),
		   (if ($a.posts // []) | length > 0
		    then ($a.posts[0] | if .city != "" then .city + ", " + .country else .country end)
		    else "-" end)]
		| @tsv')
	if [ "$status" = one ]; then
		want="$status$tab$kind$tab$label$tab$where"
	elif [ "$status" = ambiguous ]; then
		want="$status$tab$kind$tab-$tab-"
	else
		want="nothing$tab-$tab-$tab-"
	fi
	[ "$got" = "$want" ] || tl_fail "--find \"$query\": want [$want], got [$got]"
done <<EOF
$(cat "$DCINET_SRC/tests/answers/generated.tsv" "$DCINET_SRC/tests/answers/hand.tsv")
EOF
[ "$n" -ge 150 ] || tl_fail "only $n queries in the table"

# The answer line's first row: the one above the facts, "Enter ..." or "? ...".
answer_head() {
	tl_screen | tail -n 4 | head -n 3 | grep -E '^(Enter|\?) ' | head -n 1 |
		sed -E 's/^(Enter|\?) +//'
}

# head_ok STATUS KIND LABEL WHERE HEAD: the head words the table's answer.
head_ok() {
	case "$1" in
	ambiguous) case "$5" in "Several "*) return 0 ;; esac; return 1 ;;
	nothing) return 1 ;;
	esac
	case "$2:$4" in
	country:-) [ "$5" = "$3: the registry does not know which post covers it" ] ;;
	country:*) case "$5" in "$3: the post in $4"* | "$3: covered from $4"*) return 0 ;; esac
	           return 1 ;;
	post:*) [ "$5" = "The post in $4" ] ;;
	staff:*) [ "$5" = "$3: at the post in $4" ] ;;
	theme:-) [ "$5" = "$3: a field of the whole network (see Overview)" ] ;;
	theme:*) [ "$5" = "$3: a speciality of the post in $4" ] ;;
	*) return 1 ;;
	esac
}

tl_start 200 30 -- --db "$db"
tl_wait "2 Posts ("
tl_keys /
tl_wait "type a country"
m=0
while IFS="$tab" read -r query status kind label where; do
	m=$((m + 1))
	tl_keys C-u
	tl_type "$query"
	if [ "$status" = nothing ]; then
		tl_wait "No match for \"$query\"." 3
		continue
	fi
	tl_poll 'head_ok "$status" "$kind" "$label" "$where" "$(answer_head)"' 3 ||
		tl_fail "search box \"$query\": want $status $kind [$label] [$where], got [$(answer_head)]"
done <<EOF
$(cat "$DCINET_SRC/tests/answers/generated.tsv" "$DCINET_SRC/tests/answers/hand.tsv")
EOF
[ "$m" = "$n" ] || tl_fail "the search box saw $m queries, --find $n"
tl_keys Escape
tl_wait "1 Overview"
tl_keys q
status=$(tl_wait_exit)
[ "$status" = 0 ] || tl_fail "q exited $status"
echo "tui_answers_agree: $n queries, the same answer from --find and the search box"
exit 0
