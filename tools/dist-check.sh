#!/bin/sh
# SPDX-License-Identifier: MIT
# dist-check.sh TARBALL: unpack a release tarball (make dist) in a new
# directory under /tmp, outside any git checkout, and run make test there:
# the tarball alone must build and pass.  The directory is removed after,
# unless KEEP=1.
set -eu
tarball=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
name=$(basename "$tarball" .tar.gz)
dir=$(mktemp -d /tmp/dcinet-dist-XXXXXX)
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$dir"' EXIT
trap 'exit 1' HUP INT TERM

tar -C "$dir" -xzf "$tarball"
[ -f "$dir/$name/Makefile" ] || { echo "dist-check: no $name/Makefile in $tarball" >&2; exit 1; }
# Nothing in it may be a build output or a git file.
leftover=$(cd "$dir/$name" && find . \( -name .git -o \( -name build -o -name 'build-*' \) -type d \
	-o -name '*.o' -o -name '*.a' -o -path ./dcinet \) -print)
[ -z "$leftover" ] || { echo "dist-check: the tarball holds $leftover" >&2; exit 1; }

# make test as a fresh checkout would run it, without the calling make's
# variables, and with no git above the tree (GIT_CEILING_DIRECTORIES).
export GIT_CEILING_DIRECTORIES="$dir"
if env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u MAKEOVERRIDES \
	make -C "$dir/$name" test >"$dir/make.log" 2>&1; then
	tail -n 3 "$dir/make.log"
	echo "dist-check: $name builds and passes make test from the tarball"
else
	tail -n 40 "$dir/make.log" >&2
	echo "dist-check: make test failed in the unpacked $name (log above)" >&2
	exit 1
fi
