# Thin wrapper over the CMake presets and npm scripts. `make run` and `make test` do all
# set-up on a fresh Debian 12 machine (scripts/setup is idempotent).
SHELL := /bin/bash
JOBS ?= $(shell nproc)
HARBOUR := build/release/harbour
RUN_DB ?= var/harbour.db
RUN_RETURNS ?= var/demo-returns
LISTEN ?= 127.0.0.1:8080
export CCACHE_DIR ?= $(HOME)/.cache/ccache
export CCACHE_BASEDIR := $(CURDIR)

.PHONY: setup assets build build-all build-asan build-fuzz run test test-unit test-asan test-integration \
        test-e2e test-fuzz bench format tidy clean

setup:
	@scripts/setup

assets: setup
	@npm run --silent build:assets

# The program only (what `make run` needs); build-all adds the unit tests.
build: setup assets
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS) --target harbour

build-all: build
	@cmake --build --preset release -j $(JOBS)

build-asan: setup
	@cmake --preset debug-asan >/dev/null
	@cmake --build --preset debug-asan -j $(JOBS) --target harbour_tests

build-fuzz: setup
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz -j $(JOBS)

# Starts Harbour on an embedded SQLite database with synthetic demo data (made once). Migrating
# every time brings an existing var/harbour.db up to this build (and its shipped risk tools).
# The regional analyst's demo returns are made once too (scripts/demo-returns), and their
# harbour.toml is used unless there is a config/harbour.toml.
run: build
	@mkdir -p $(dir $(RUN_DB))
	@if [ ! -f $(RUN_DB) ]; then \
	  $(HARBOUR) migrate --db sqlite:///$(abspath $(RUN_DB)) && \
	  $(HARBOUR) demo-data --db sqlite:///$(abspath $(RUN_DB)) --children 300 --seed 1; \
	else \
	  $(HARBOUR) migrate --db sqlite:///$(abspath $(RUN_DB)); \
	fi
	@if [ ! -f $(RUN_RETURNS)/harbour.toml ]; then \
	  if [ -e $(RUN_RETURNS) ]; then \
	    echo "make run: $(RUN_RETURNS) is incomplete; remove it to make the demo returns again" >&2; \
	    exit 1; \
	  fi; \
	  echo "Making the regional analyst's demo returns in $(RUN_RETURNS) (once)"; \
	  scripts/demo-returns $(RUN_RETURNS) >$(RUN_RETURNS).log 2>&1 || \
	    { echo "make run: scripts/demo-returns failed; see $(RUN_RETURNS).log" >&2; exit 1; }; \
	fi
	@$(HARBOUR) demo-data --db sqlite:///$(abspath $(RUN_DB)) --print-logins
	@echo "Demo returns for demo.regional to upload: $(RUN_RETURNS)/*-return.json"
	@echo "Harbour: http://$(LISTEN)/"
	@$(HARBOUR) serve --db sqlite:///$(abspath $(RUN_DB)) --listen $(LISTEN) --demo-banner \
	  $(if $(wildcard config/harbour.toml),,--config $(RUN_RETURNS)/harbour.toml)

# Every suite; the sanitizer and fuzz builds overlap the integration and browser suites
# (scripts/test-all says how).
test: build-all
	@JOBS=$(JOBS) scripts/test-all
	@echo "make test: every suite passed"

test-unit: build-all
	@ctest --preset release -j $(JOBS)

test-integration: build
	@node --test --test-concurrency=1 tests/integration/

test-e2e: build
	@node --test --test-concurrency=1 tests/e2e/

test-asan: build-asan
	@ctest --preset debug-asan -j $(JOBS)

test-fuzz: build-fuzz
	@tests/fuzz/run-all build/fuzz 20000

bench: build
	@bench/run

format:
	@clang-format-16 -i $$(git ls-files 'src/*.cc' 'src/*.h' 'tests/fuzz/*.cc' 'tests/fuzz/*.h')

# clang-tidy 16 with the flags that let it read libstdc++ 12's <expected> (see
# docs/architecture.md); -std=c++23 in compile_commands.json is spelled c++2b for clang 16.
TIDY_ARGS := -extra-arg=-std=c++2b -extra-arg=-Wno-builtin-macro-redefined \
             -extra-arg=-U__cpp_concepts -extra-arg=-D__cpp_concepts=202002L
tidy: build-all
	@mkdir -p build
	@run-clang-tidy-16 -quiet -j $(JOBS) -p build/release $(TIDY_ARGS) \
	  $$(git ls-files 'src/*.cc') > build/tidy.log 2>&1 || true
	@if grep -E '(warning|error):' build/tidy.log | grep -v 'warnings generated' >/dev/null; then \
	  grep -E '(warning|error):' build/tidy.log | sort -u | head -60; exit 1; fi
	@echo "clang-tidy: clean ($$(git ls-files 'src/*.cc' | wc -l) files)"

clean:
	rm -rf build
