#!/bin/sh
# SPDX-License-Identifier: MIT
# add-spdx.sh [-n] [FILE...]: give each source file an SPDX licence line
# (MIT, see LICENSE), once: a file that already has one in its first
# three lines is left alone, so running it again changes nothing.
#   C (.c, .h)                 /* SPDX-License-Identifier: MIT */ as line 1
#   JavaScript (.js)           // SPDX-License-Identifier: MIT as line 1
#   shell, Python, make,       # SPDX-License-Identifier: MIT as line 1, or
#   completions                line 2 after a #! or zsh's #compdef line
#   man pages (.1, .5)         .\" SPDX-License-Identifier: MIT as line 1
# Without FILE: every such file git tracks, less debian/ (debian/copyright
# holds the package's licences) and test data.  -n lists what it would
# change and changes nothing.  Prints each file it changes.
set -eu
cd "$(dirname "$0")/.."
dry=0
[ "${1:-}" = -n ] && { dry=1; shift; }
tag='SPDX-License-Identifier: MIT'

if [ $# -eq 0 ]; then
	set -- $(git ls-files -- '*.c' '*.h' '*.js' '*.sh' '*.py' '*.mk' Makefile \
		'man/*.[0-9]' 'completions/*' | grep -v -e '^debian/' -e '^tests/fixtures/' \
		-e '^tests/bad/' -e '^fuzz/regress/')
fi

for f in "$@"; do
	[ -f "$f" ] || { echo "add-spdx.sh: no file $f" >&2; exit 1; }
	head -n 3 "$f" | grep -q 'SPDX-License-Identifier' && continue
	case $f in
	*.c | *.h) line="/* $tag */" ;;
	*.js) line="// $tag" ;;
	*.[0-9]) line=".\\\" $tag" ;;
	*) line="# $tag" ;;
	esac
	first=$(head -n 1 "$f")
	case $first in
	'#!'* | '#compdef'*) after=1 ;;
	*) after=0 ;;
	esac
	echo "$f"
	[ "$dry" = 1 ] && continue
	tmp="$f.spdx.$$"
	LINE=$line AFTER=$after awk 'BEGIN { n = ENVIRON["AFTER"] + 1 }
		NR == n { print ENVIRON["LINE"] } { print } END { if (NR < n) print ENVIRON["LINE"] }' \
		"$f" >"$tmp"
	# keep the file's mode (scripts stay executable)
	chmod "$(stat -c %a "$f")" "$tmp"
	mv -f "$tmp" "$f"
done
