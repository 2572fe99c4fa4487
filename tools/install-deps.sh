#!/bin/sh
# SPDX-License-Identifier: MIT
# install-deps.sh GROUP...: make sure the Debian packages a make target needs
# are installed.  As root it installs them with apt-get; otherwise it prints
# the exact command and fails, so nothing is installed behind your back.
set -eu

pkgs_for() {
	case "$1" in
	build) echo "gcc make pkg-config libncurses-dev libsqlite3-dev libcsv-dev gettext" ;;
	test)  echo "libcmocka-dev tmux mandoc jq locales sqlite3 gdb" ;;
	bench) echo "sqlite3 time" ;;
	fuzz)  echo "clang libclang-rt-14-dev dpkg-dev tcl" ;;
	grind) echo "valgrind" ;;
	data)  echo "iso-codes unicode-cldr-core tzdata python3 nodejs libgeonames-common" ;;
	ssh)   echo "openssh-server openssh-client" ;;
	deb)   echo "debhelper dpkg-dev devscripts lintian fakeroot" ;;
	office) echo "libreoffice-calc-nogui" ;;
	*) echo "install-deps.sh: unknown group '$1'" >&2; exit 64 ;;
	esac
}

missing=""
for group in "$@"; do
	for p in $(pkgs_for "$group"); do
		status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
		case "$status" in
		*"install ok installed"*) ;;
		*) missing="$missing $p" ;;
		esac
	done
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
	echo "install-deps.sh: installing:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >&2
else
	echo "dcinet needs these Debian packages:$missing" >&2
	echo "Install them with:" >&2
	echo "    sudo apt-get install$missing" >&2
	exit 69
fi
