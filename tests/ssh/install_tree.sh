# SPDX-License-Identifier: MIT
# install_tree.sh: make install and make uninstall, from a copy of the
# source tree (tracked and new files, no build outputs) so the tree under
# test is never touched.
#  1. Staged, as a package build does it: PREFIX=/usr DESTDIR=$TMP/stage
#     installs exactly the binary, both man pages, the read-only database
#     and the CSVs it was built from; installing again replaces the
#     database by rename (open sessions keep theirs); uninstall leaves no
#     file behind.
#  2. For real under PREFIX=$TMP/usr: the installed binary, run from /,
#     finds the installed registry; DCINET_DB and --db override it.
#  3. "make" then "make install PREFIX=..." (another prefix than the
#     build's): the installed binary looks in the prefix it was installed to.
set -u
: "${DCINET_SRC:?DCINET_SRC must name the source tree}"
unset DCINET_DB
export LANG=C.UTF-8

TMP=$(mktemp -d /tmp/dcinet-install-XXXXXX)
trap 'cd /; rm -rf "$TMP"' EXIT
trap 'exit 1' HUP INT TERM
SRC="$TMP/src"

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# mk ARGS...: make in the copy, without the calling make's flags and
# variables (MAKEFLAGS would pass on BUILD=, PREFIX= ...).
mk() {
	env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u MAKEOVERRIDES \
		make -C "$SRC" "$@" >>"$TMP/make.log" 2>&1 ||
		fail "make $*: $(tail -n 25 "$TMP/make.log")"
}

# run CMD...: run it from /, keeping stdout, stderr and the status.
run() {
	(cd / && "$@") >"$TMP/out" 2>"$TMP/err" </dev/null
	status=$?
}

# ---- the copy --------------------------------------------------------------
mkdir "$SRC"
if git -C "$DCINET_SRC" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	(cd "$DCINET_SRC" && git ls-files -z -co --exclude-standard) |
		tar -C "$DCINET_SRC" --null --ignore-failed-read -T - -cf - 2>/dev/null |
		tar -C "$SRC" -xf - || fail "copying the source tree"
else
	tar -C "$DCINET_SRC" --exclude=./build --exclude='./build-*' --exclude=./dcinet \
		-cf - . | tar -C "$SRC" -xf - || fail "copying the source tree"
fi
[ -f "$SRC/Makefile" ] || fail "no Makefile in the copy"
[ -f "$SRC/man/dcinet.1" ] || fail "man/dcinet.1 is missing: make install needs it"
jobs=$(nproc 2>/dev/null || echo 2)

# ---- 1. staged install, PREFIX=/usr ------------------------------------------
STAGE="$TMP/stage"
mk -j"$jobs" PREFIX=/usr
mk install PREFIX=/usr DESTDIR="$STAGE"

(cd "$SRC/data" && ls ./*.csv) | sed 's|^\./|usr/share/dcinet/data/|' >"$TMP/want"
printf '%s\n' usr/bin/dcinet usr/share/man/man1/dcinet.1 usr/share/man/man5/dcinet-data.5 \
	usr/share/dcinet/dcinet.db usr/share/locale/fr/LC_MESSAGES/dcinet.mo \
	usr/share/bash-completion/completions/dcinet usr/share/zsh/vendor-completions/_dcinet \
	usr/share/fish/vendor_completions.d/dcinet.fish >>"$TMP/want"
sort -o "$TMP/want" "$TMP/want"
(cd "$STAGE" && find . ! -type d | sed 's|^\./||' | sort) >"$TMP/got"
cmp -s "$TMP/want" "$TMP/got" ||
	fail "installed files differ from the expected list: $(diff "$TMP/want" "$TMP/got")"

mode() { stat -c %a "$STAGE/$1"; }
[ "$(mode usr/bin/dcinet)" = 755 ] || fail "binary mode $(mode usr/bin/dcinet), want 755"
[ "$(mode usr/share/dcinet/dcinet.db)" = 444 ] ||
	fail "database mode $(mode usr/share/dcinet/dcinet.db), want 444 (read-only)"
for f in usr/share/man/man1/dcinet.1 usr/share/man/man5/dcinet-data.5; do
	[ "$(mode "$f")" = 644 ] || fail "$f mode $(mode "$f"), want 644"
done
for f in "$SRC"/data/*.csv; do
	cmp -s "$f" "$STAGE/usr/share/dcinet/data/${f##*/}" || fail "installed ${f##*/} differs"
done
# The installed man pages name the installed paths, not the default prefix's.
for f in usr/share/man/man1/dcinet.1 usr/share/man/man5/dcinet-data.5; do
	! grep -n /usr/local "$STAGE/$f" || fail "installed $f names /usr/local"
done
grep -q '^\.It Pa /usr/share/dcinet/dcinet\.db$' "$STAGE/usr/share/man/man1/dcinet.1" ||
	fail "installed dcinet.1 does not name /usr/share/dcinet/dcinet.db in FILES"
grep -qa '/usr/share/dcinet' "$STAGE/usr/bin/dcinet" ||
	fail "the binary does not look for its registry in /usr/share/dcinet"

# The database answers, and says what its CSVs say.
bin="$STAGE/usr/bin/dcinet"
share="$STAGE/usr/share/dcinet"
run "$bin" --check "$share/data"
[ "$status" = 0 ] || fail "--check on the installed CSVs: $(cat "$TMP/err")"
for q in namibie nepal lemee securite; do
	run "$bin" --db "$share/dcinet.db" --find "$q" --format tsv
	cp "$TMP/out" "$TMP/from-db"
	db_status=$status
	run "$bin" --data "$share/data" --find "$q" --format tsv
	{ [ "$status" = "$db_status" ] && cmp -s "$TMP/out" "$TMP/from-db"; } ||
		fail "--find $q: the installed database and CSVs disagree"
done
run "$bin" --db "$share/dcinet.db" --find namibie
grep -q Pretoria "$TMP/out" || fail "the installed database does not answer namibie"

# Installing again (an upgrade) replaces the database with a new file, never
# rewrites it in place: desks that have it open keep reading a whole one.
inode=$(stat -c %i "$share/dcinet.db")
mk install PREFIX=/usr DESTDIR="$STAGE"
[ "$(stat -c %i "$share/dcinet.db")" != "$inode" ] ||
	fail "make install rewrote the installed database in place (install it beside, then mv)"
[ "$(mode usr/share/dcinet/dcinet.db)" = 444 ] || fail "reinstalled database is not mode 444"
(cd "$STAGE" && find . ! -type d | sed 's|^\./||' | sort) >"$TMP/got"
cmp -s "$TMP/want" "$TMP/got" || fail "a second install left extra files: $(diff "$TMP/want" "$TMP/got")"

mk uninstall PREFIX=/usr DESTDIR="$STAGE"
left=$(cd "$STAGE" && find . ! -type d)
[ -z "$left" ] || fail "uninstall left files: $left"
left=$(cd "$STAGE" && find . -name '*dcinet*')
[ -z "$left" ] || fail "uninstall left directories: $left"

# ---- 2. a real install under PREFIX=$TMP/usr, run from outside the tree ----------
P="$TMP/usr"
mk -j"$jobs" BUILD=build-prefix PREFIX="$P"
mk install BUILD=build-prefix PREFIX="$P"
bin="$P/bin/dcinet"
share="$P/share/dcinet"

run "$bin" --find namibie
{ [ "$status" = 0 ] && grep -q Pretoria "$TMP/out"; } ||
	fail "installed dcinet, run from /, did not answer from its registry: $(cat "$TMP/err")"
# It is the database that answers: without the CSVs nothing changes.
mv "$share/data" "$TMP/data.away"
run "$bin" --find namibie
[ "$status" = 0 ] || fail "without the installed CSVs, the installed database was not used"
mv "$TMP/data.away" "$share/data"
# DCINET_DB wins over the installed registry ...
run env DCINET_DB="$TMP/none.db" "$bin" --find namibie
{ [ "$status" = 66 ] && grep -q none.db "$TMP/err"; } ||
	fail "DCINET_DB did not override the installed registry (status $status)"
# ... and --db over DCINET_DB.
run env DCINET_DB="$TMP/none.db" "$bin" --db "$share/dcinet.db" --find namibie
[ "$status" = 0 ] || fail "--db did not override DCINET_DB: $(cat "$TMP/err")"
# Without the database, the installed CSVs serve.
mv "$share/dcinet.db" "$TMP/db.away"
run "$bin" --find namibie
{ [ "$status" = 0 ] && grep -q Pretoria "$TMP/out"; } ||
	fail "without the database, the installed CSVs did not serve: $(cat "$TMP/err")"
mv "$TMP/db.away" "$share/dcinet.db"

mk uninstall BUILD=build-prefix PREFIX="$P"
left=$(find "$P" ! -type d)
[ -z "$left" ] || fail "uninstall left files: $left"
[ ! -e "$share" ] || fail "uninstall left $share"

# ---- 3. built for one prefix, installed to another -----------------------------
# The build/ of part 1 was made with PREFIX=/usr.
P="$TMP/other"
mk install PREFIX="$P"
grep -qa "$P/share/dcinet" "$P/bin/dcinet" ||
	fail "make install PREFIX=$P installed a binary built for another prefix" \
		"(it looks for /usr/share/dcinet): SHAREDIR changes must rebuild cli/main.o"
run "$P/bin/dcinet" --find namibie
[ "$status" = 0 ] || fail "dcinet installed with PREFIX=$P does not find its registry"
mk uninstall PREFIX="$P"
exit 0
