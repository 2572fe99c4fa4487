# dcinet: a terminal browser of the DCI network of internal security services.
# make            build ./dcinet
# make run        build and open the browser on the shipped data
# make test       unit tests (cmocka), CLI tests and screen tests (tmux)
# make install    PREFIX=/usr/local DESTDIR=

VERSION  = 0.1.0
PREFIX  ?= /usr/local
BINDIR   = $(PREFIX)/bin
MANDIR   = $(PREFIX)/share/man
SHAREDIR = $(PREFIX)/share/dcinet
BUILD   ?= build

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN     = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2
PKGS     = ncursesw sqlite3
DEPS_OK  = $(BUILD)/.deps-ok
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CORE_LIBS  = $(shell pkg-config --libs sqlite3 2>/dev/null) -lcsv -pthread
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null)
ALL_CFLAGS = -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE $(WARN) $(PKG_CFLAGS) \
             -DDCINET_SHAREDIR='"$(SHAREDIR)"' $(CFLAGS)

CORE_SRC = $(wildcard core/*.c)
TUI_SRC  = $(wildcard tui/*.c)
CLI_SRC  = $(wildcard cli/*.c)
CORE_OBJ = $(CORE_SRC:%.c=$(BUILD)/%.o)
TUI_OBJ  = $(TUI_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ  = $(CLI_SRC:%.c=$(BUILD)/%.o)
CORE_LIB = $(BUILD)/libdcicore.a
TUI_LIB  = $(BUILD)/libdcitui.a

UNIT_SRC   = $(wildcard tests/unit/test_*.c)
UNIT_BIN   = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: FORCE all run test test-unit test-e2e check-layers lint install uninstall clean \
        deps countries bench test-asan test-valgrind fuzz test-long

all: dcinet

dcinet: $(BUILD)/dcinet
	ln -sf $(BUILD)/dcinet dcinet

$(DEPS_OK): tools/install-deps.sh
	@mkdir -p $(BUILD)
	@tools/install-deps.sh build
	@touch $@

deps:
	tools/install-deps.sh build test

$(BUILD)/%.o: %.c $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

# The objects embed SHAREDIR: rebuild them when PREFIX changes
# ("make", then "make install PREFIX=/usr").
$(BUILD)/.sharedir: FORCE
	@mkdir -p $(BUILD)
	@echo '$(SHAREDIR)' | cmp -s - $@ || echo '$(SHAREDIR)' > $@
$(CLI_OBJ): $(BUILD)/.sharedir
FORCE:

$(CORE_LIB): $(CORE_OBJ)
	$(AR) rcs $@ $^
$(TUI_LIB): $(TUI_OBJ)
	$(AR) rcs $@ $^

$(BUILD)/dcinet: $(CLI_OBJ) $(TUI_LIB) $(CORE_LIB)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(TUI_LIB) $(CORE_LIB) $(PKG_LIBS) -lcsv -pthread

run: dcinet
	./dcinet --data data

# ---- tests ---------------------------------------------------------------
$(BUILD)/.deps-test-ok: tools/install-deps.sh
	@mkdir -p $(BUILD)
	@tools/install-deps.sh build test
	@touch $@

$(BUILD)/tests/test_core_%: tests/unit/test_core_%.c $(CORE_LIB) tests/unit/testutil.h $(BUILD)/.deps-test-ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes $(LDFLAGS) -o $@ $< $(CORE_LIB) $(CORE_LIBS) $(CMOCKA_LIBS)

$(BUILD)/tests/test_tui_%: tests/unit/test_tui_%.c $(TUI_LIB) $(CORE_LIB) $(BUILD)/.deps-test-ok
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes $(LDFLAGS) -o $@ $< $(TUI_LIB) $(CORE_LIB) $(PKG_LIBS) -lcsv -pthread $(CMOCKA_LIBS)

test: check-layers lint test-unit test-e2e

test-unit: $(UNIT_BIN) dcinet
	@BUILD=$(BUILD) tests/run-unit.sh $(UNIT_BIN)

test-e2e: dcinet $(BUILD)/.deps-test-ok
	@DCINET=$(CURDIR)/$(BUILD)/dcinet tests/run-e2e.sh tests/e2e/cli_*.sh tests/e2e/tui_*.sh

# core/ is a library for scripts and tests: no curses in it.
check-layers:
	@if grep -nE '#[[:space:]]*include[[:space:]]*[<"].*curses' core/*.c core/*.h; then \
		echo "check-layers: core/ must not use curses" >&2; exit 1; fi
	@if grep -nE '\b(SELECT|INSERT|UPDATE|DELETE)\b|sqlite3_' tui/*.c tui/*.h 2>/dev/null; then \
		echo "check-layers: tui/ must ask core/, never build SQL" >&2; exit 1; fi

lint: $(BUILD)/.deps-test-ok
	@for m in man/*.[0-9]; do \
		out=$$(mandoc -Tlint -Wwarning "$$m" 2>&1); \
		if [ -n "$$out" ]; then echo "$$out" >&2; exit 1; fi; done

# ---- data ----------------------------------------------------------------
# Reference data, regenerated from Debian's iso-codes, unicode-cldr-core and tzdata.
countries:
	tools/install-deps.sh data
	python3 tools/gen_countries.py data/countries.csv
	python3 tools/gen_places.py data/places.csv
	python3 tools/gen_cities.py data/cities.csv

# ---- install -------------------------------------------------------------
$(BUILD)/dcinet.db: dcinet $(wildcard data/*.csv)
	./dcinet --import data --db $@

install: dcinet $(BUILD)/dcinet.db
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(SHAREDIR)/data
	install -m 755 $(BUILD)/dcinet $(DESTDIR)$(BINDIR)/dcinet
	install -m 644 man/dcinet.1 $(DESTDIR)$(MANDIR)/man1/dcinet.1
	install -m 644 man/dcinet-data.5 $(DESTDIR)$(MANDIR)/man5/dcinet-data.5
	install -m 444 $(BUILD)/dcinet.db $(DESTDIR)$(SHAREDIR)/.dcinet.db.new
	mv -f $(DESTDIR)$(SHAREDIR)/.dcinet.db.new $(DESTDIR)$(SHAREDIR)/dcinet.db
	install -m 644 data/*.csv $(DESTDIR)$(SHAREDIR)/data/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/dcinet $(DESTDIR)$(MANDIR)/man1/dcinet.1 \
		$(DESTDIR)$(MANDIR)/man5/dcinet-data.5 $(DESTDIR)$(SHAREDIR)/dcinet.db \
		$(DESTDIR)$(SHAREDIR)/.dcinet.db.new
	for f in data/*.csv; do rm -f "$(DESTDIR)$(SHAREDIR)/$$f"; done
	-rmdir $(DESTDIR)$(SHAREDIR)/data $(DESTDIR)$(SHAREDIR)

clean:
	rm -rf build build-* dcinet

-include $(CORE_OBJ:.o=.d) $(TUI_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

# Benchmarks (issue: scale) and hardening (fuzz, sanitizers) live in their own fragments.
-include bench/bench.mk
-include hardening.mk
-include ssh.mk
-include i18n.mk
