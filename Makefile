# SPDX-License-Identifier: MIT
# dcinet: a terminal browser of the DCI network of internal security services.
# make            build ./dcinet
# make run        build and open the browser on the shipped data
# make test       unit tests (cmocka), CLI tests and screen tests (tmux)
# make golden     refresh the whole screens tests/e2e/tui_golden.sh compares
# make install    PREFIX=/usr/local DESTDIR=
# make dist       dcinet-$(VERSION).tar.gz, a release tarball from git ls-files
# make deb        a Debian package in $(BUILD)/deb/, checked by lintian
#
# The build takes CC, CPPFLAGS, CFLAGS, LDFLAGS and PKG_CONFIG from the
# environment or the command line (dpkg-buildflags' hardening reaches every
# object).  A warning fails make test, never a release build: see WERROR.

# The version is the file VERSION, and only there (cli/ prints it).
VERSION := $(strip $(file < VERSION))
PREFIX  ?= /usr/local
BINDIR   = $(PREFIX)/bin
MANDIR   = $(PREFIX)/share/man
SHAREDIR = $(PREFIX)/share/dcinet
LOCALEDIR = $(PREFIX)/share/locale
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  = $(PREFIX)/share/zsh/vendor-completions
FISHCOMPDIR = $(PREFIX)/share/fish/vendor_completions.d
BUILD   ?= build

CC      ?= cc
CFLAGS  ?= -O2 -g
PKG_CONFIG ?= pkg-config
WARN     = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2
# The project's own test builds turn warnings into errors: the unit tests
# compile with $(WERROR), and make test fails when the objects it runs
# were compiled with a warning (check-warnings).  A release build (make,
# make install, the Debian package) prints warnings and goes on.
WERROR   = -Werror
PKGS     = ncursesw sqlite3
# Stamps that the Debian packages of a group of tools/install-deps.sh are
# installed (the build group's and the group's): one pattern rule makes
# them all, below.
DEPS_OK   = $(BUILD)/.deps-build-ok
DEPS_TEST = $(BUILD)/.deps-test-ok
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE% -D_DEFAULT_SOURCE,$(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
CORE_LIBS  = $(shell $(PKG_CONFIG) --libs sqlite3 2>/dev/null) -lcsv -pthread
CMOCKA_LIBS = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)
ALL_CFLAGS = -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE $(WARN) $(PKG_CFLAGS) \
             -DDCINET_SHAREDIR='"$(SHAREDIR)"' -DDCINET_LOCALEDIR='"$(LOCALEDIR)"' \
             -DDCINET_VERSION='"$(VERSION)"' \
             $(CPPFLAGS) $(CFLAGS)

CORE_SRC = $(wildcard core/*.c)
TUI_SRC  = $(wildcard tui/*.c)
CLI_SRC  = $(wildcard cli/*.c)
CORE_OBJ = $(CORE_SRC:%.c=$(BUILD)/%.o)
TUI_OBJ  = $(TUI_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  = $(CLI_SRC:%.c=$(BUILD)/%.o)
CORE_LIB = $(BUILD)/libdcicore.a
TUI_LIB  = $(BUILD)/libdcitui.a
CLI_MAIN = $(BUILD)/cli/main.o
CLI_LIB  = $(BUILD)/libdcicli.a

UNIT_SRC   = $(wildcard tests/unit/test_*.c)
UNIT_BIN   = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: FORCE all run test test-unit test-e2e test-cli golden check-layers check-warnings lint \
        install uninstall clean deps countries bench test-asan test-valgrind fuzz test-long \
        dist dist-check deb test-package test-office

all: dcinet $(BUILD)/dcinet.db

# The fragments: benchmarks, hardening (fuzz, sanitizers), the desk over
# SSH and the French catalogue.  Each defines its own targets, which the
# rules below name ($(MO_FR), i18n-check, install-locale): included here,
# after the variables they use and before the rules that use theirs.
include bench/bench.mk
include hardening.mk
include ssh.mk
include i18n.mk

# The binary of the build tree, and the catalogue it finds beside it.
dcinet: $(BUILD)/dcinet $(MO_FR)
	ln -sf $(BUILD)/dcinet dcinet

$(BUILD)/.deps-%-ok: tools/install-deps.sh
	@mkdir -p $(BUILD)
	@tools/install-deps.sh $(sort build $*)
	@touch $@

deps:
	tools/install-deps.sh build test

# Each object keeps its compiler's diagnostics beside it, in .warn:
# check-warnings (make test) fails when one is not empty.
$(BUILD)/%.o: %.c $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@ 2>$(@:.o=.warn) || { cat $(@:.o=.warn) >&2; exit 1; }
	@cat $(@:.o=.warn) >&2
$(CORE_OBJ) $(TUI_OBJ) $(CLI_OBJ): VERSION

# The objects that use SHAREDIR (cli/) and LOCALEDIR (tui/i18n.c): rebuild
# them when PREFIX changes ("make", then "make install PREFIX=/usr").
$(BUILD)/.sharedir: FORCE
	@mkdir -p $(BUILD)
	@echo '$(SHAREDIR)' | cmp -s - $@ || echo '$(SHAREDIR)' > $@
$(CLI_OBJ) $(BUILD)/tui/i18n.o: $(BUILD)/.sharedir
FORCE:

$(CORE_LIB): $(CORE_OBJ)
	$(AR) rcs $@ $^
$(TUI_LIB): $(TUI_OBJ)
	$(AR) rcs $@ $^
$(CLI_LIB): $(filter-out $(CLI_MAIN),$(CLI_OBJ))
	$(AR) rcs $@ $^

$(BUILD)/dcinet: $(CLI_MAIN) $(CLI_LIB) $(TUI_LIB) $(CORE_LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_MAIN) $(CLI_LIB) $(TUI_LIB) $(CORE_LIB) $(PKG_LIBS) -lcsv -pthread

run: dcinet
	./dcinet --data data

# ---- tests ---------------------------------------------------------------
$(BUILD)/tests/test_core_%: tests/unit/test_core_%.c $(CORE_LIB) tests/unit/testutil.h $(DEPS_TEST)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(WERROR) -Wno-missing-prototypes $(LDFLAGS) -o $@ $< $(CORE_LIB) $(CORE_LIBS) $(CMOCKA_LIBS)

# A test of tui/ (test_tui_*) or cli/ (test_cli_*) links the layers below.
UI_TEST_BIN = $(filter $(BUILD)/tests/test_tui_% $(BUILD)/tests/test_cli_%,$(UNIT_BIN))
$(UI_TEST_BIN): $(BUILD)/tests/%: tests/unit/%.c tests/unit/mancheck.h $(CLI_LIB) $(TUI_LIB) \
                $(CORE_LIB) $(DEPS_TEST)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(WERROR) -Wno-missing-prototypes $(LDFLAGS) -o $@ $< $(CLI_LIB) $(TUI_LIB) $(CORE_LIB) $(PKG_LIBS) -lcsv -pthread $(CMOCKA_LIBS)

# The replay tests of the fuzz targets' regressions include their sources.
$(filter $(BUILD)/tests/test_core_fuzz_%,$(UNIT_BIN)): $(BUILD)/tests/test_core_fuzz_%: \
	fuzz/fuzz_%.c fuzz/fuzzlib.h fuzz/replay.h
$(filter $(BUILD)/tests/test_tui_fuzz_%,$(UNIT_BIN)): $(BUILD)/tests/test_tui_fuzz_%: \
	fuzz/fuzz_%.c fuzz/fuzzlib.h fuzz/replay.h

test: check-layers lint check-warnings test-unit test-e2e i18n-check

test-unit: $(UNIT_BIN) dcinet
	@BUILD=$(BUILD) tests/run-unit.sh $(UNIT_BIN)

test-e2e: dcinet $(DEPS_TEST)
	@DCINET=$(CURDIR)/$(BUILD)/dcinet tests/run-e2e.sh tests/e2e/cli_*.sh tests/e2e/tui_*.sh

# Refresh tests/golden/ (the whole screens tui_golden.sh compares) after a
# change meant to change a screen; git diff tests/golden shows what did.
golden: dcinet $(DEPS_TEST)
	@DCINET_GOLDEN_UPDATE=1 DCINET=$(CURDIR)/$(BUILD)/dcinet tests/run-e2e.sh tests/e2e/tui_golden.sh

# The command-line tests alone, without tmux screens (the Debian package's
# build runs test-unit and this).
test-cli: dcinet $(DEPS_TEST)
	@DCINET=$(CURDIR)/$(BUILD)/dcinet tests/run-e2e.sh tests/e2e/cli_*.sh

# The shipped files round-tripped through LibreOffice in a French locale
# (installs libreoffice-calc-nogui; CI runs it after make test).
test-office: dcinet $(BUILD)/.deps-test-ok
	@tools/install-deps.sh office
	@DCINET=$(CURDIR)/$(BUILD)/dcinet tests/run-e2e.sh tests/office/roundtrip.sh

# A warning in an object make test runs fails it (the objects are shared
# with release builds, which must not fail on a newer compiler's warning).
OBJ_WARN = $(CORE_OBJ:.o=.warn) $(TUI_OBJ:.o=.warn) $(CLI_OBJ:.o=.warn)
check-warnings: $(BUILD)/dcinet
	@w=$$(for f in $(OBJ_WARN); do [ ! -s $$f ] || echo $$f; done); \
	if [ -n "$$w" ]; then cat $$w >&2; \
		echo "check-warnings: the compiler warned (warnings are errors in make test)" >&2; exit 1; fi

# core/ is a library for scripts and tests: no curses in it.
check-layers:
	@if grep -nE '#[[:space:]]*include[[:space:]]*[<"].*curses' core/*.c core/*.h; then \
		echo "check-layers: core/ must not use curses" >&2; exit 1; fi
	@if grep -nE '\b(SELECT|INSERT|UPDATE|DELETE)\b|sqlite3_' tui/*.c tui/*.h 2>/dev/null; then \
		echo "check-layers: tui/ must ask core/, never build SQL" >&2; exit 1; fi

# Man pages lint clean; in a git checkout, every source has its SPDX line.
lint: $(DEPS_TEST)
	@for m in man/*.[0-9]; do \
		out=$$(mandoc -Tlint -Wwarning "$$m" 2>&1); \
		if [ -n "$$out" ]; then echo "$$out" >&2; exit 1; fi; done
	@if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
		out=$$(tools/add-spdx.sh -n); if [ -n "$$out" ]; then \
		echo "lint: no SPDX line (run tools/add-spdx.sh):" $$out >&2; exit 1; fi; fi

# ---- data ----------------------------------------------------------------
# Reference data, regenerated from Debian's iso-codes, unicode-cldr-core and tzdata.
countries:
	tools/install-deps.sh data
	python3 tools/gen_countries.py data/countries.csv
	python3 tools/gen_places.py data/places.csv
	python3 tools/gen_cities.py data/cities.csv

# ---- install -------------------------------------------------------------
# The shipped registry, built once: ./dcinet without --data or --db opens
# it instead of loading data/ (cli/main.c), while it is newer than the
# binary and every file in data/.
$(BUILD)/dcinet.db: dcinet $(wildcard data/*.csv)
	./dcinet --import data --db $@

# The man pages name the default prefix's paths (man ./man/dcinet.1 reads
# right for make install); the installed copies name $(PREFIX)'s.
$(BUILD)/man/%: man/% $(BUILD)/.sharedir
	@mkdir -p $(dir $@)
	sed -e 's|/usr/local/|$(PREFIX)/|g' $< >$@

install: dcinet $(BUILD)/dcinet.db $(BUILD)/man/dcinet.1 $(BUILD)/man/dcinet-data.5 install-locale
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(SHAREDIR)/data $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) \
		$(DESTDIR)$(FISHCOMPDIR)
	install -m 755 $(BUILD)/dcinet $(DESTDIR)$(BINDIR)/dcinet
	install -m 644 $(BUILD)/man/dcinet.1 $(DESTDIR)$(MANDIR)/man1/dcinet.1
	install -m 644 $(BUILD)/man/dcinet-data.5 $(DESTDIR)$(MANDIR)/man5/dcinet-data.5
	install -m 644 completions/dcinet.bash $(DESTDIR)$(BASHCOMPDIR)/dcinet
	install -m 644 completions/_dcinet $(DESTDIR)$(ZSHCOMPDIR)/_dcinet
	install -m 644 completions/dcinet.fish $(DESTDIR)$(FISHCOMPDIR)/dcinet.fish
	install -m 444 $(BUILD)/dcinet.db $(DESTDIR)$(SHAREDIR)/.dcinet.db.new
	mv -f $(DESTDIR)$(SHAREDIR)/.dcinet.db.new $(DESTDIR)$(SHAREDIR)/dcinet.db
	install -m 644 data/*.csv $(DESTDIR)$(SHAREDIR)/data/

uninstall: uninstall-locale
	rm -f $(DESTDIR)$(BINDIR)/dcinet $(DESTDIR)$(MANDIR)/man1/dcinet.1 \
		$(DESTDIR)$(MANDIR)/man5/dcinet-data.5 $(DESTDIR)$(SHAREDIR)/dcinet.db \
		$(DESTDIR)$(SHAREDIR)/.dcinet.db.new $(DESTDIR)$(BASHCOMPDIR)/dcinet \
		$(DESTDIR)$(ZSHCOMPDIR)/_dcinet $(DESTDIR)$(FISHCOMPDIR)/dcinet.fish
	for f in data/*.csv; do rm -f "$(DESTDIR)$(SHAREDIR)/$$f"; done
	-rmdir $(DESTDIR)$(SHAREDIR)/data $(DESTDIR)$(SHAREDIR)

clean:
	rm -rf build build-* dcinet dcinet-*.tar.gz

# ---- release ---------------------------------------------------------------
# make dist         dcinet-$(VERSION).tar.gz: the files git tracks (as they
#                   are in the work tree), less debian/ and .ci/, under
#                   dcinet-$(VERSION)/; the same bytes for the same tree
# make dist-check   make dist, then make test in the unpacked tarball
# make deb          the Debian package (debian/, debhelper 13) built from
#                   that tarball in $(BUILD)/deb/, then lintian and a check
#                   that the hardening flags reached the binary
# make test-package dist-check and deb
DIST = dcinet-$(VERSION)

dist:
	@git rev-parse --is-inside-work-tree >/dev/null 2>&1 || \
		{ echo "make dist: needs the git checkout (it ships the files git tracks)" >&2; exit 1; }
	@grep -q '^dcinet $(VERSION)\b' NEWS || \
		{ echo "make dist: NEWS has no entry 'dcinet $(VERSION)'" >&2; exit 1; }
	@git diff --quiet HEAD -- || \
		echo "make dist: warning: the tarball takes the work tree's changes, not HEAD's" >&2
	git ls-files -z | grep -zv -e '^debian/' -e '^\.ci/' | \
		tar --null -T - --transform='s|^|$(DIST)/|' --sort=name --owner=0 --group=0 \
		--numeric-owner --mode='go-w' --mtime="@$$(git log -1 --format=%ct)" -cf - | \
		gzip -9n >$(DIST).tar.gz.tmp
	mv -f $(DIST).tar.gz.tmp $(DIST).tar.gz
	@echo "make dist: $(DIST).tar.gz"

dist-check: dist
	tools/dist-check.sh $(DIST).tar.gz

deb: dist
	@tools/install-deps.sh build test deb
	tools/build-deb.sh $(DIST).tar.gz $(BUILD)/deb

test-package: dist-check deb

-include $(CORE_OBJ:.o=.d) $(TUI_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
