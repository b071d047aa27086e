# ctip-screen. The two commands a newcomer needs:
#   make demo   builds everything and serves the demo page on http://127.0.0.1:$(PORT)
#   make test   runs every test suite
# Both install what is missing first (scripts/setup.sh) and skip work already done.

SHELL := /bin/bash
# rustup's tools, for shells that lack them on PATH (CI, cron).
export PATH := $(PATH):$(HOME)/.cargo/bin
.SHELLFLAGS := -eu -o pipefail -c
PORT ?= 8080

WASM := pkg/ctip_screen_wasm_bg.wasm
RUST_SOURCES := $(shell find src -name '*.rs' -o -name '*.json') Cargo.toml Cargo.lock $(wildcard data/*.csv)
JS_SOURCES := $(wildcard js/*) scripts/package.mjs scripts/build-pkg.sh scripts/wasm-env.sh
NODE_STAMP := node_modules/.package-lock.json

.PHONY: all demo test bench fuzz setup pkg serve clean help

all: pkg

help:
	@echo "make demo    build the wasm package and serve the demo on http://127.0.0.1:$(PORT)"
	@echo "make test    run every test suite (Rust, wasm in Node and Chromium, JS, types, browser)"
	@echo "make bench   benchmarks: native and wasm speed, module size (target/bench/results.json)"
	@echo "make pkg     build only the npm package in pkg/"
	@echo "make fuzz    run each fuzz target for FUZZ_SECONDS (default 300); findings go to tests/fuzz-regressions/"

setup:
	@scripts/setup.sh all

$(NODE_STAMP): package.json package-lock.json
	@scripts/setup.sh node

pkg: $(WASM)

$(WASM): $(RUST_SOURCES) $(JS_SOURCES) | $(NODE_STAMP)
	@scripts/setup.sh wasm
	@scripts/build-pkg.sh

demo: setup pkg
	@node scripts/serve.mjs --port $(PORT)

serve: pkg
	@node scripts/serve.mjs --port $(PORT)

test: setup pkg
	@scripts/test.sh

bench: setup pkg
	@scripts/bench.sh

fuzz:
	@scripts/fuzz.sh

clean:
	rm -rf target pkg/*.js pkg/*.ts pkg/*.wasm pkg/*.css pkg/package.json pkg/integrity.json
