# The commands a newcomer needs. Each one installs what is missing first (scripts/setup.sh).
.PHONY: setup serve test dist bench fuzz screenshots

PORT ?= 8080
BASE ?= /diffdeck/
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

setup:
	@scripts/setup.sh

## Build the release and serve it like a static host, at http://127.0.0.1:$(PORT)$(BASE)
serve: dist
	@node scripts/serve.mjs --dir dist --base $(BASE) --port $(PORT)

## Every check CI runs: format, lints (native + wasm32), native tests, browser tests, e2e.
test: setup
	@scripts/test.sh

## The static files for hosting, in dist/ (relative URLs: any host, any sub-path).
dist: setup
	@trunk build --release --offline

## Numbers, not a test: parse time of the embedded deck, first-load sizes.
bench: setup
	@scripts/bench.sh

## A long search for parser faults, not a test: crates/content/tests/parse_props.rs with FUZZ_CASES cases each.
FUZZ_CASES ?= 100000
fuzz: setup
	@FUZZ_CASES=$(FUZZ_CASES) cargo test --release -p diffdeck-content --test parse_props

## PNG screenshots of every screen (phone and desktop, light and dark) in target/screenshots.
screenshots: dist
	@node scripts/screenshots.mjs
