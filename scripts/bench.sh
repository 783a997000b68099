#!/usr/bin/env bash
# Benchmark: prints numbers and saves them in bench/. Not part of the test run.
#  1. parse/load time of the embedded deck, and what a simulated year of study stores
#     (native, cargo bench);
#  2. first-load sizes of the release build (raw, gzip -9, brotli -q 11);
#  3. Lighthouse (mobile, 3 runs), load-to-interactive and interaction timings
#     (scripts/bench.mjs; fetches lighthouse@12.2.3 with npx on first use).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out=bench/results.txt
mkdir -p bench

{
  echo "# diffdeck benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "# machine: $(nproc) cores, $(rustc --version)"
  echo
  echo "## Deck load (native, release profile)"
  cargo bench --quiet --bench parse 2>/dev/null
  echo
  echo "## Storage after a simulated year (native)"
  cargo bench --quiet --bench history 2>/dev/null
  echo
  trunk build --release --offline >/dev/null 2>&1
  echo "## Sizes (dist/): the first load (what index.html loads) and the parts fetched later"
  node scripts/sizes.mjs
  node scripts/bench.mjs
} | tee "$out"
echo
echo "saved to $out"
