#!/usr/bin/env node
// First-load sizes of the release build: every file index.html loads (wasm, JS, CSS), raw,
// gzip -9 and brotli -q 11, as a table. With --json, prints JSON instead (used by the
// size-budget test).
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';

const dist = process.env.DIST ?? 'dist';
const files = readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f) && f !== 'sw.js');
const rows = files.map((name) => {
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
});
const total = (kind) =>
  rows
    .filter((r) => !kind || r.kind === kind)
    .reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const totals = { wasm: total('wasm'), js: total('js'), css: total('css'), all: total() };

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ files: rows, totals }, null, 2));
} else {
  const kb = (n) => (n / 1024).toFixed(1).padStart(7) + ' KB';
  console.log('what'.padEnd(10) + 'raw'.padStart(10) + 'gzip'.padStart(11) + 'brotli'.padStart(11));
  for (const [k, t] of Object.entries(totals)) console.log(k.padEnd(10) + kb(t.raw) + kb(t.gzip) + kb(t.brotli));
}
