# EduLedger — the README's commands. Each target sets up what is missing first.
#   make build   configure and build (binary: build/eduledger)
#   make demo    build, then generate the example county (示例县), print its basic figures and
#                its enrolment and dropout indicators of statistics year 2026
#   make test    build and run the whole test suite (ctest)
#   make bench   Release build, then the benchmarks against their peers (bench/README.md)
#   make sanitize  Debug build with ASan + UBSan (build-asan/), then the fast suites and the
#                  fuzz corpus replay under it (CI runs it after make test)
#   make fuzz    clang libFuzzer build (build-fuzz/), every fuzz target for FUZZ_SECONDS each
BUILD_DIR  ?= build
BUILD_TYPE ?= Release
WERROR     ?= OFF
DEMO_DB    ?= demo/示例县.db
JOBS       ?= 2

CMAKE_FLAGS = -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DEDULEDGER_WERROR=$(WERROR)

ASAN_DIR   ?= build-asan
FUZZ_SECONDS ?= 60

.PHONY: all setup build demo test test-quick sanitize fuzz bench format lint clean

all: build

setup:
	@scripts/setup build

$(BUILD_DIR)/build.ninja:
	@cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS) >/dev/null

build: setup $(BUILD_DIR)/build.ninja
	@cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD_DIR) -j$(JOBS)

demo: build
	@mkdir -p $(dir $(DEMO_DB))
	@$(BUILD_DIR)/eduledger --db $(DEMO_DB) demo --force
	@$(BUILD_DIR)/eduledger --db $(DEMO_DB) indicators --year 2026 --category 入学与控辍保学

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j$(JOBS)

test-quick: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j$(JOBS) -LE slow

# The suites labelled slow run the CLI end to end; they stay out of the sanitizer run.
sanitize: setup
	@cmake -S . -B $(ASAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DEDULEDGER_SANITIZE=ON \
	  -DEDULEDGER_BUILD_BENCH=OFF -DEDULEDGER_BUILD_CLI_TESTS=OFF -DEDULEDGER_WERROR=$(WERROR) >/dev/null
	@cmake --build $(ASAN_DIR) -j$(JOBS)
	@cd $(ASAN_DIR) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j$(JOBS) -LE slow

fuzz:
	@FUZZ_SECONDS=$(FUZZ_SECONDS) JOBS=$(JOBS) scripts/fuzz

bench:
	@scripts/setup bench
	@$(MAKE) --no-print-directory build BUILD_TYPE=Release
	@bench/run $(BUILD_DIR)

format:
	@git ls-files '*.h' '*.cc' | xargs clang-format -i

lint: build
	@git ls-files 'src/*.cc' | xargs clang-tidy -p $(BUILD_DIR) --quiet

clean:
	@rm -rf $(BUILD_DIR) $(ASAN_DIR) build-fuzz
