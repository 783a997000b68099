#!/usr/bin/env node
// Sizes of the release build, raw, gzip -9 and brotli -q 11. "First load" is what the
// app needs before it runs: index.html's stylesheets and scripts, the app's JS and wasm
// (which the loader fetches once the page has painted: `glue =`, `wasm =`), and the
// modules those import. Listed apart: the page itself (the home screen, pre-rendered:
// what shows first) and the data the loader fetches with the app (`deck =`: the first
// deck, which the app needs to take over but the page does not). "Later" is every other
// wasm/JS file: the screens fetched on first use (and precached by the service worker).
// With --json, prints JSON (used by the size-budget test).
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';

const dist = process.env.DIST ?? 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');

// What index.html references, then what those scripts import, transitively.
const firstLoad = new Set();
const queue = [...html.matchAll(/(?:href|src|\bglue\s*|\bwasm\s*)=\s*["']\.\/([^"']+\.(?:wasm|js|css))["']/g)].map((m) => m[1]);
while (queue.length) {
  const name = queue.shift();
  if (firstLoad.has(name)) continue;
  firstLoad.add(name);
  if (name.endsWith('.js')) {
    const js = readFileSync(join(dist, name), 'utf8');
    for (const m of js.matchAll(/^\s*import\b[^'"]*["']\.\/([^"']+\.js)["']/gm)) queue.push(m[1]);
  }
}

const measure = (name) => {
  const data = readFileSync(join(dist, name));
  return {
    name,
    kind: name.split('.').pop(),
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  };
};
const files = [...firstLoad].map(measure);
const page = measure('index.html');
const data = [...html.matchAll(/\bdeck\s*=\s*["']\.\/([^"']+\.bin)["']/g)].map((m) => measure(m[1]));
const later = readdirSync(dist)
  .filter((f) => /\.(wasm|js)$/.test(f) && f !== 'sw.js' && !firstLoad.has(f))
  .map(measure);
const sum = (rows) =>
  rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const total = (kind) => sum(files.filter((r) => r.kind === kind));
const totals = { wasm: total('wasm'), js: total('js'), css: total('css'), all: sum(files), page, data: sum(data), later: sum(later) };

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ files, data, later, totals }, null, 2));
} else {
  const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';
  console.log('first load'.padEnd(12) + 'raw'.padStart(10) + 'gzip'.padStart(11) + 'brotli'.padStart(11));
  for (const k of ['wasm', 'js', 'css', 'all']) console.log(k.padEnd(12) + kb(totals[k].raw) + kb(totals[k].gzip) + kb(totals[k].brotli));
  console.log('and, apart');
  console.log('page'.padEnd(12) + kb(page.raw) + kb(page.gzip) + kb(page.brotli) + '   index.html: the home screen, pre-rendered');
  console.log('deck data'.padEnd(12) + kb(totals.data.raw) + kb(totals.data.gzip) + kb(totals.data.brotli) + '   fetched with the app: the first deck');
  console.log(`later (${later.length} files, fetched when a screen first opens; precached)`);
  console.log('wasm + JS'.padEnd(12) + kb(totals.later.raw) + kb(totals.later.gzip) + kb(totals.later.brotli));
}
