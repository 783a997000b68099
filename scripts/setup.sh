#!/usr/bin/env bash
# Installs every tool diffdeck needs, skipping what is already present at the right version.
# Safe to run again: a second run takes seconds. Used by `make serve` and `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
WASM_SPLIT_VERSION=0.2.4
GECKODRIVER_VERSION=0.37.1

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
SUDO=""
[ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && SUDO=sudo

# 1. Rust target for the browser.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
# The standard library's source: a release rebuilds it to stop at a panic (scripts/wasm.mjs).
rustup component list --installed 2>/dev/null | grep -q '^rust-src' || rustup component add rust-src

# 2. Debian packages: Chromium + driver for the browser tests, Firefox ESR and WebKitGTK's
#    WebDriver (and a virtual display for it) for the journeys in every engine, brotli for
#    precompressed files, an emoji font so screenshots show what a phone shows. Installed
#    in the background while cargo builds (step 3): downloads and compiles overlap.
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v firefox-esr >/dev/null || need_apt+=(firefox-esr)
command -v WebKitWebDriver >/dev/null || need_apt+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || need_apt+=(xvfb)
command -v brotli >/dev/null || need_apt+=(brotli)
[ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || need_apt+=(fonts-noto-color-emoji)
apt_pid=""
if [ ${#need_apt[@]} -gt 0 ]; then
  say "installing ${need_apt[*]} (apt, in the background)"
  (
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
  ) > target/setup-apt.log 2>&1 &
  apt_pid=$!
fi

# 3. Cargo-installed tools (slow the first time: about 10 minutes on 2 cores).
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
  say "installing trunk $TRUNK_VERSION (takes several minutes the first time)"
  # Trunk's release profile asks for fat LTO in one codegen unit: most of its build time on
  # 2 cores, for a tool that only orchestrates the build. Built without them instead.
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "$TRUNK_VERSION" --locked
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lock file pins a crate version the registry here does not serve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if ! cargo install --list | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION"
  # Trunk 0.21 cannot split a wasm binary (trunk-rs/trunk#1022); scripts/wasm.mjs does.
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

if ! geckodriver --version 2>/dev/null | grep -q "^geckodriver $GECKODRIVER_VERSION"; then
  say "installing geckodriver $GECKODRIVER_VERSION (Firefox's WebDriver server)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
fi

# 4. JS tools pinned in package-lock.json (Playwright, axe, binaryen's wasm-opt, workbox).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

if [ -n "$apt_pid" ]; then
  wait "$apt_pid" || { cat target/setup-apt.log; say "apt-get failed"; exit 1; }
fi

say "tools ready"
