#!/bin/sh
# build.sh CASE OUT: lay out the registry directory of one bad-input case.
# OUT gets a copy of the mini fixture; then the case's NAME.csv files
# replace the fixture's, its NAME.csv.append files are added to the end of
# the fixture's, and its gen.sh (if any) runs inside OUT.  Each case also
# holds `about` (one line: what it is), `expect` (the exact standard error
# of `dcinet --check OUT`, OUT written @DIR@) and optionally `status` (the
# exit code, 65 when absent).  Used by tests/e2e/cli_bad_corpus.sh and
# fuzz/make-corpus.sh; run from the top of the source tree.
set -eu
case=${1:?usage: build.sh CASE OUT}
out=${2:?usage: build.sh CASE OUT}
top=$(pwd)
mkdir -p "$out"
cp tests/fixtures/mini/*.csv "$out/"
for f in "$case"/*.csv; do
	[ -f "$f" ] && cp "$f" "$out/"
done
for f in "$case"/*.csv.append; do
	[ -f "$f" ] && cat "$f" >>"$out/$(basename "$f" .append)"
done
if [ -f "$case/gen.sh" ]; then
	(cd "$out" && sh "$top/$case/gen.sh")
fi
exit 0
