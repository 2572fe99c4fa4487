#!/bin/sh
# SPDX-License-Identifier: MIT
# build-deb.sh TARBALL OUTDIR: build the Debian package of a release tarball
# (make dist) with the tree's debian/ directory, in OUTDIR (emptied first),
# as `dpkg-buildpackage -us -uc -b` does it on Debian 12; then
#  - lintian: any error, or any hardening tag, fails;
#  - the binary: hardening-check (PIE, stack protector, FORTIFY, relro,
#    bindnow) and its FORTIFY functions (__*_chk in nm -D);
#  - the package's files: the binary answers from the installed database,
#    the man pages name /usr (not /usr/local) and lint clean, completions.
# Needs the build, test and deb groups of tools/install-deps.sh.
set -eu
src=$(pwd)
tarball=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=$2
version=$(cat VERSION)
fail() { echo "build-deb: $*" >&2; exit 1; }

deb_version=$(dpkg-parsechangelog -l debian/changelog -S Version)
[ "${deb_version%-*}" = "$version" ] ||
	fail "debian/changelog is at $deb_version, VERSION at $version: add a changelog entry (dch -v $version-1)"

rm -rf "$out"
mkdir -p "$out"
out=$(cd "$out" && pwd)
cp "$tarball" "$out/dcinet_$version.orig.tar.gz"
tar -C "$out" -xzf "$tarball"
tree="$out/dcinet-$version"
[ -d "$tree" ] || fail "$tarball does not unpack to dcinet-$version/"
cp -R debian "$tree/debian"

echo "build-deb: dpkg-buildpackage -us -uc -b in $tree (log: $out/build.log)"
(cd "$tree" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u MAKEOVERRIDES \
	dpkg-buildpackage -us -uc -b) >"$out/build.log" 2>&1 ||
	{ tail -n 40 "$out/build.log" >&2; fail "dpkg-buildpackage failed (log above)"; }
arch=$(dpkg-architecture -qDEB_HOST_ARCH)
deb="$out/dcinet_${deb_version}_$arch.deb"
changes="$out/dcinet_${deb_version}_$arch.changes"
[ -f "$deb" ] || fail "no $deb"

# ---- lintian -------------------------------------------------------------
lintian --info --display-info "$changes" >"$out/lintian.txt" 2>&1 || true
echo "build-deb: lintian $(lintian --version | cut -d' ' -f2) on $(basename "$changes"):"
if [ -s "$out/lintian.txt" ]; then sed 's/^/    /' "$out/lintian.txt"; else echo "    (nothing)"; fi
! grep -q '^E: ' "$out/lintian.txt" || fail "lintian reports errors"
! grep -q 'hardening' "$out/lintian.txt" || fail "lintian reports hardening tags"

# ---- the binary's hardening -------------------------------------------------
root="$out/root"
dpkg-deb -x "$deb" "$root"
bin="$root/usr/bin/dcinet"
echo "build-deb: hardening-check usr/bin/dcinet:"
hardening-check "$bin" | sed 's/^/    /'
# Control-flow protection (CET) cannot reach a bookworm binary: glibc's
# start files (Scrt1.o, crti.o) lack the IBT/SHSTK property, so the linker
# drops it.  Everything else dpkg-buildflags gives is required.
hardening-check --quiet --nocfprotection "$bin" >/dev/null ||
	fail "hardening-check finds a protection missing"
chk=$(nm -D "$bin" | awk '$1 == "U" { sub(/@.*/, "", $2); if ($2 ~ /^__.*_chk$/) print $2 }' | sort -u)
[ -n "$chk" ] || fail "no __*_chk function in the binary: _FORTIFY_SOURCE did not reach it"
echo "build-deb: FORTIFY functions the binary calls: $(echo $chk)"

# ---- what the package installs ----------------------------------------------
for f in usr/bin/dcinet usr/share/dcinet/dcinet.db usr/share/man/man1/dcinet.1.gz \
	usr/share/man/man5/dcinet-data.5.gz usr/share/bash-completion/completions/dcinet \
	usr/share/zsh/vendor-completions/_dcinet usr/share/fish/vendor_completions.d/dcinet.fish \
	usr/share/locale/fr/LC_MESSAGES/dcinet.mo usr/share/doc/dcinet/copyright; do
	[ -e "$root/$f" ] || fail "the package lacks /$f"
done
grep -qa /usr/share/dcinet "$bin" || fail "the binary does not look in /usr/share/dcinet"
(cd / && "$bin" --db "$root/usr/share/dcinet/dcinet.db" --find nepal) >"$out/find.txt" ||
	fail "the packaged binary and database do not answer nepal"
for m in "$root"/usr/share/man/man*/*.gz; do
	! zgrep -q /usr/local "$m" || fail "$(basename "$m") names /usr/local"
	zcat "$m" | mandoc -Tlint -Wwarning || fail "$(basename "$m") is not lint clean"
done
echo "build-deb: $(basename "$deb") ($(du -k "$deb" | cut -f1) kB) in $out"
