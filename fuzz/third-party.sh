#!/bin/sh
# SPDX-License-Identifier: MIT
# third-party.sh OUT: the sources of SQLite and libcsv for the fuzz build,
# so that they are compiled with the fuzzer's instrumentation (coverage,
# ASan, UBSan) like the core.  Both come from Debian's source packages of
# the versions installed on this machine (the libraries the normal build
# links), fetched with apt-get source; nothing is vendored in git.
#
#   OUT/sqlite/sqlite3.c sqlite3.h   the amalgamation, made from Debian's
#                                    source tree (patches applied) with tclsh
#   OUT/libcsv/libcsv.c csv.h        libcsv (LGPL-2.1), as Debian ships it
#   OUT/VERSIONS                     which source packages they came from
#
# apt reads a sources list of its own, in OUT/apt/: the deb-src twin of
# every Debian entry of the system's lists.  Nothing under /etc/apt or
# /var/lib/apt is changed.  Needs dpkg-dev (dpkg-source), tcl (tclsh) and
# a C compiler: tools/install-deps.sh fuzz.
set -eu
out=${1:?usage: third-party.sh OUTDIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)
apt=$out/apt
rm -rf "$apt" "$out/src"
mkdir -p "$apt/parts" "$apt/lists/partial" "$apt/cache/archives/partial" "$out/src"

# deb-src entries for the system's Debian sources, in both formats
: >"$apt/sources.list"
if [ -f /etc/apt/sources.list ]; then
	sed -n 's/^[[:space:]]*deb[[:space:]]\(.*debian.*\)/deb-src \1/p' /etc/apt/sources.list \
		>>"$apt/sources.list"
fi
for f in /etc/apt/sources.list.d/*.sources; do
	[ -f "$f" ] && grep -q 'debian-archive-keyring' "$f" || continue
	sed 's/^Types:.*/Types: deb-src/' "$f" >"$apt/parts/$(basename "$f")"
done
for f in /etc/apt/sources.list.d/*.list; do
	[ -f "$f" ] || continue
	sed -n 's/^[[:space:]]*deb[[:space:]]\(.*debian.*\)/deb-src \1/p' "$f" \
		>>"$apt/sources.list"
done

aptget() {
	apt-get -q -o Dir::Etc::SourceList="$apt/sources.list" \
		-o Dir::Etc::SourceParts="$apt/parts" -o Dir::State::Lists="$apt/lists" \
		-o Dir::Cache="$apt/cache" -o APT::Sandbox::User="$(id -un)" "$@"
}
aptget update >"$apt/update.log" 2>&1 || { cat "$apt/update.log" >&2; exit 1; }

# the source package and version of an installed binary package
src_of() {
	dpkg-query -W -f='${source:Package}=${source:Version}' "$1" 2>/dev/null
}
fetch() {
	want=$(src_of "$1") || want=
	# the installed version if the archive still has it, else the newest
	(cd "$out/src" && { [ -n "$want" ] && aptget source "$want" || aptget source "${want%%=*}"; }) \
		>>"$apt/source.log" 2>&1 || { cat "$apt/source.log" >&2; exit 1; }
}
fetch libsqlite3-0
fetch libcsv3

# SQLite: one file from Debian's tree, as upstream makes it (tool/mksqlite3c.tcl)
tree=$(find "$out/src" -mindepth 1 -maxdepth 1 -type d -name 'sqlite3-*' | head -n 1)
mkdir -p "$out/src/bld" "$out/sqlite"
(cd "$out/src/bld" && "$tree/configure" --disable-tcl --enable-fts5 --disable-readline \
	&& make sqlite3.c) >"$out/src/amalgamation.log" 2>&1 \
	|| { tail -n 30 "$out/src/amalgamation.log" >&2; exit 1; }
cp "$out/src/bld/sqlite3.c" "$out/src/bld/sqlite3.h" "$out/sqlite/"

csv=$(find "$out/src" -mindepth 1 -maxdepth 1 -type d -name 'libcsv-*' | head -n 1)
mkdir -p "$out/libcsv"
cp "$csv/libcsv.c" "$csv/csv.h" "$out/libcsv/"

{
	echo "sqlite: $(basename "$(ls "$out"/src/sqlite3_*.dsc)" .dsc)" \
		"($(sed -n 's/^#define SQLITE_VERSION *"\(.*\)"/\1/p' "$out/sqlite/sqlite3.h"))"
	echo "libcsv: $(basename "$(ls "$out"/src/libcsv_*.dsc)" .dsc)"
} >"$out/VERSIONS"
rm -rf "$out/src" "$apt"
cat "$out/VERSIONS"
