# SPDX-License-Identifier: MIT
# hardening.mk: fuzzing, sanitizers and valgrind (issue 5), included by the
# Makefile, whose variables it uses ($(BUILD), $(CORE_SRC), $(CORE_LIBS),
# $(ALL_CFLAGS)).
#
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_TARGETS='query ...']
#                        build the libFuzzer targets, seed them, run each for
#                        FUZZ_SECONDS; a crash fails the run and is kept in
#                        fuzz/crashes/ (fix it, then move it to fuzz/regress/NAME/,
#                        which `make test` replays through tests/unit/test_*_fuzz_*)
#   make fuzz-build      only build them, in $(FUZZ_BUILD)/, with SQLite and
#                        libcsv compiled from source and instrumented too
#                        (fuzz/third-party.sh fetches Debian's sources once)
#   make fuzz-corpus     seed corpora from data/, the fixture and tests/bad/
#   make test-asan       the whole suite (unit and e2e) built with clang under
#                        ASan and UBSan, in build-asan/; any report fails it
#                        (LeakSanitizer suppressions: tests/lsan.supp)
#   make test-valgrind   the unit tests, and the e2e suite with dcinet run under
#                        valgrind (memcheck, leaks), suppressions in tests/valgrind.supp
#   make test-long       test-asan, test-valgrind, then fuzz (FUZZ_SECONDS a target)

FUZZ_BUILD   ?= build-fuzz
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= import_file import_dir query sanitize osc
FUZZ_SAN      = -fsanitize=fuzzer-no-link,address,undefined
FUZZ_CFLAGS   = -O1 -g -fno-sanitize-recover=all -fno-omit-frame-pointer \
                -DFUZZ_FIXTURE='"$(CURDIR)/tests/fixtures/mini"'
# The importer reads a file in a thread of its own from THREAD_MIN_BYTES
# (4 MB) on.  In the fuzz build that limit is a variable, so that a
# target turns the thread on for the few inputs that ask for it
# (fuzz_import_file: a first byte from 0xF0 on) and keeps the rest in one
# thread, fast: fuzz/hooks.h, fuzz_threads() in fuzz/fuzzlib.h.
FUZZ_CORE_CFLAGS = -include fuzz/hooks.h -DTHREAD_MIN_BYTES=fuzz_thread_min_bytes \
                -DFUZZ_THREAD_HOOK -I$(FUZZ_TP)/sqlite -I$(FUZZ_TP)/libcsv
FUZZ_CORE_OBJ = $(CORE_SRC:%.c=$(FUZZ_BUILD)/%.o)
FUZZ_BIN      = $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)
# what a target needs besides the core: fuzz_osc tests tui/osc.c
FUZZ_EXTRA_osc = $(FUZZ_BUILD)/tui/osc.o

# SQLite and libcsv, built from source with the same instrumentation as
# the core, so that coverage counts their edges and ASan/UBSan check
# their insides; the normal build and the replay tests keep the system
# libraries.  The sources are Debian's of the installed versions, fetched
# by fuzz/third-party.sh into $(FUZZ_TP) (not into git).  SQLite gets the
# options of Debian's build that change what the core sees (FTS5,
# THREADSAFE=1, URIs, LIKE and blobs, no lookaside, the limits); Debian's
# other extensions (FTS3/4, R*Tree, session, dbstat...), which no core code
# reaches, are left out, so that the edge count is of reachable code.
FUZZ_TP       = $(FUZZ_BUILD)/third_party
FUZZ_SQLITE_DEFS = -DSQLITE_ENABLE_FTS5 -DSQLITE_THREADSAFE=1 -DSQLITE_USE_URI=1 \
                -DSQLITE_SECURE_DELETE -DSQLITE_OMIT_LOOKASIDE=1 -DSQLITE_ALLOW_ROWID_IN_VIEW \
                -DSQLITE_LIKE_DOESNT_MATCH_BLOBS -DSQLITE_ENABLE_LOAD_EXTENSION \
                -DSQLITE_MAX_SCHEMA_RETRY=25 -DSQLITE_MAX_VARIABLE_NUMBER=250000 \
                -DSQLITE_TEMP_STORE=1 -DHAVE_USLEEP=1 -DHAVE_ISNAN=1
FUZZ_TP_OBJ   = $(FUZZ_TP)/sqlite3.o $(FUZZ_TP)/libcsv.o
FUZZ_LIBS     = $(FUZZ_TP_OBJ) -lm -ldl -pthread

ASAN_BUILD   ?= build-asan
ASAN_CC      ?= clang
ASAN_FLAGS    = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
                -fno-omit-frame-pointer
ASAN_LOGS     = $(CURDIR)/$(ASAN_BUILD)/sanitizer-logs

VG_LOGS       = $(CURDIR)/$(BUILD)/valgrind-logs
VALGRIND      = valgrind --error-exitcode=99 --leak-check=full \
                --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
                --track-fds=no --suppressions=$(CURDIR)/tests/valgrind.supp

.PHONY: fuzz fuzz-build fuzz-corpus test-asan test-valgrind test-long

# ---- fuzzing --------------------------------------------------------------
$(FUZZ_TP)/.sources: fuzz/third-party.sh $(BUILD)/.deps-fuzz-ok
	fuzz/third-party.sh $(FUZZ_TP)
	@touch $@

$(FUZZ_TP)/sqlite3.o: $(FUZZ_TP)/.sources
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) $(FUZZ_SQLITE_DEFS) -w -c $(FUZZ_TP)/sqlite/sqlite3.c -o $@
$(FUZZ_TP)/libcsv.o: $(FUZZ_TP)/.sources
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(FUZZ_SAN) -w -c $(FUZZ_TP)/libcsv/libcsv.c -o $@

$(FUZZ_BUILD)/%.o: %.c fuzz/hooks.h $(FUZZ_TP)/.sources
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CORE_CFLAGS) $(ALL_CFLAGS) $(FUZZ_CFLAGS) $(FUZZ_SAN) -MMD -MP -c $< -o $@

$(FUZZ_BUILD)/fuzz_%: fuzz/fuzz_%.c fuzz/fuzzlib.h fuzz/hooks.h $(FUZZ_CORE_OBJ) $(FUZZ_TP_OBJ)
	$(FUZZ_CC) $(FUZZ_CORE_CFLAGS) $(ALL_CFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer,address,undefined \
		-o $@ $< $(FUZZ_CORE_OBJ) $(FUZZ_EXTRA_$*) $(FUZZ_LIBS)
$(FUZZ_BUILD)/fuzz_osc: $(FUZZ_EXTRA_osc)

fuzz-build: $(FUZZ_BIN)
.SECONDARY: $(FUZZ_CORE_OBJ) $(FUZZ_EXTRA_osc) $(FUZZ_TP_OBJ)

fuzz-corpus:
	fuzz/make-corpus.sh fuzz

# One target after the other (2 cores: run two `make fuzz FUZZ_TARGETS=x`
# side by side to go faster).  fuzz/run.sh prints execs/s and coverage.
fuzz: fuzz-build fuzz-corpus
	@for t in $(FUZZ_TARGETS); do \
		fuzz/run.sh $(FUZZ_BUILD)/fuzz_$$t $(FUZZ_SECONDS) || exit 1; done

-include $(FUZZ_CORE_OBJ:.o=.d) $(FUZZ_EXTRA_osc:.o=.d)

# ---- sanitizers -------------------------------------------------------------
# The whole suite again, built with clang in its own tree.  Reports go to
# log files (so that no test's stderr comparison hides one), and any log
# fails the run.  ./dcinet is pointed back at $(BUILD) afterwards.
test-asan:
	@tools/install-deps.sh build test fuzz
	@rm -rf $(ASAN_LOGS); mkdir -p $(ASAN_LOGS)
	ASAN_OPTIONS=log_path=$(ASAN_LOGS)/asan:detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
	UBSAN_OPTIONS=log_path=$(ASAN_LOGS)/ubsan:print_stacktrace=1:halt_on_error=1 \
	$(MAKE) BUILD=$(ASAN_BUILD) CC=$(ASAN_CC) CFLAGS='$(ASAN_FLAGS)' LDFLAGS='-fsanitize=address,undefined' test; \
	rc=$$?; ln -sf $(BUILD)/dcinet dcinet; \
	if [ -n "$$(ls -A $(ASAN_LOGS))" ]; then \
		cat $(ASAN_LOGS)/* >&2; echo "test-asan: sanitizer reports above" >&2; exit 1; fi; \
	[ $$rc -eq 0 ] && echo "test-asan: clean"; exit $$rc

# Valgrind: every unit test binary, then the e2e suite with $DCINET a
# wrapper that runs the real binary under valgrind (tests/valgrind-dcinet.sh).
# One log a process, in a directory of this run's own.
test-valgrind: $(UNIT_BIN) dcinet
	@tools/install-deps.sh grind
	@mkdir -p $(VG_LOGS); logs=$$(mktemp -d $(VG_LOGS)/run-XXXXXX); fail=0; \
	for t in $(UNIT_BIN); do \
		$(VALGRIND) --log-file=$$logs/$$(basename $$t).%p.log $$t >/dev/null 2>&1 \
			|| { echo "FAILED under valgrind: $$t" >&2; fail=1; }; done; \
	VALGRIND='$(VALGRIND)' VG_LOGS=$$logs DCINET_REAL=$(CURDIR)/$(BUILD)/dcinet \
	DCINET=$(CURDIR)/tests/valgrind-dcinet.sh tests/run-e2e.sh tests/e2e/cli_*.sh tests/e2e/tui_*.sh \
		|| fail=1; \
	if grep -lE 'ERROR SUMMARY: [1-9]|(definitely|indirectly) lost: [1-9]' $$logs/*; then \
		grep -hE -A30 'Invalid|uninitialised|lost in|Mismatched' $$logs/* | head -200 >&2; \
		echo "test-valgrind: errors in the logs above ($$logs)" >&2; fail=1; fi; \
	[ $$fail -eq 0 ] && echo "test-valgrind: clean ($$(ls $$logs | wc -l) processes, logs in $$logs)"; \
	exit $$fail

test-long: test-asan test-valgrind fuzz
