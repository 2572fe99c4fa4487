#!/bin/sh
# SPDX-License-Identifier: MIT
# Under LANG=C the browser still runs and shows ASCII stand-ins for
# accented letters: "Cote d'Ivoire", never mojibake or raw UTF-8.
. "$(dirname "$0")/tmuxlib.sh"

tl_start 100 30 LANG=C LC_ALL=C
tl_wait "2 Posts ("
tl_wait "Cote d'Ivoire"
tl_keys /
tl_type yaounde
tl_wait "Yaounde"
tl_keys Enter
tl_wait "3 Roster Yaounde"
screen=$(tl_screen)
for bad in "Côte" "Yaoundé" "Ã" "Â" "�"; do
	case $screen in
	*"$bad"*) tl_fail "LANG=C screen shows \"$bad\"" ;;
	esac
done
tl_keys q
status=$(tl_wait_exit)
[ "$status" = 0 ] || tl_fail "q exited $status"
exit 0
