# SPDX-License-Identifier: MIT
# bench.mk: the scale benchmark (make bench), included by the Makefile.
# Not part of make test: it writes a 200 MB registry into bench/out/ and
# runs for a few minutes.  BENCH_POSTS and BENCH_STAFF choose the size.

BENCH_BIN = $(BUILD)/bench/gen_registry $(BUILD)/bench/import_bench \
            $(BUILD)/bench/search_bench $(BUILD)/bench/pty_bench

$(BUILD)/bench/gen_registry: bench/gen_registry.c $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< -lcsv

$(BUILD)/bench/import_bench: bench/import_bench.c $(CORE_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(CORE_LIB) $(CORE_LIBS)

$(BUILD)/bench/search_bench: bench/search_bench.c $(CORE_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(CORE_LIB) $(CORE_LIBS)

$(BUILD)/bench/pty_bench: bench/pty_bench.c $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< -lutil

bench: dcinet $(BUILD)/dcinet.db $(BENCH_BIN) $(BUILD)/.deps-bench-ok
	@BUILD=$(BUILD) bench/run.sh
