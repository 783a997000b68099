// Sizes are deterministic, so they are asserted; times are measured by `make bench`.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

// The goal (issue: offline-first PWA) is 120 KB of brotli for the first load; with six
// screens in one Leptos bundle the app is far from it (see bench/results.txt and the
// issue's notes). This ceiling only stops it from growing meanwhile: lower it whenever
// the build shrinks.
const CEILING_BROTLI_KB = 165;

test('first-load size stays under the ceiling', ({ isMobile }) => {
  test.skip(isMobile, 'one build, measured once');
  const { totals, files } = JSON.parse(execFileSync('node', ['scripts/sizes.mjs', '--json'], { encoding: 'utf8' }));
  expect(files.map((f: { kind: string }) => f.kind).sort()).toEqual(expect.arrayContaining(['css', 'js', 'wasm']));
  expect(totals.all.brotli / 1024).toBeLessThan(CEILING_BROTLI_KB);
});

test('every file a static host serves has brotli and gzip siblings; no web fonts', ({ isMobile }) => {
  test.skip(isMobile, 'one build, checked once');
  const files = readdirSync('dist');
  expect(files.filter((f) => /\.(woff2?|ttf|otf)$/.test(f))).toEqual([]);
  for (const f of files.filter((f) => /\.(html|js|wasm|css|svg|webmanifest)$/.test(f))) {
    expect(existsSync(`dist/${f}.br`), `${f}.br`).toBe(true);
    expect(existsSync(`dist/${f}.gz`), `${f}.gz`).toBe(true);
  }
  // Every URL in index.html is relative: the app works under any sub-path.
  const html = readFileSync('dist/index.html', 'utf8');
  const urls = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]);
  expect(urls.filter((u) => u.startsWith('/') || /^https?:/.test(u))).toEqual([]);
});
