// The deck reader (src/bin/reader.rs): the parser as a wasm module of its own, which
// "Your decks" imports on first use through `diffdeckReader()` (scripts/loader.js).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { withoutRelocations } from './sections.mjs';
import { WASM_OPT_FLAGS, hash, run, small } from './tools.mjs';

/** Binds and optimizes the reader cargo built; writes it into `staging`. Returns its JS
 * file's name and its wasm's size. */
export async function buildReader({ root, work, staging, profile, release }) {
  const dir = join(work, 'reader');
  mkdirSync(dir, { recursive: true });
  const linked = join(dir, 'reader-linked.wasm');
  writeFileSync(linked, withoutRelocations(readFileSync(join(root, 'target/wasm32-unknown-unknown', profile, 'reader.wasm'))));
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', dir, '--out-name', 'reader', linked]);
  if (existsSync(join(dir, 'snippets'))) throw new Error('wasm: the reader has JS snippets; handle them here');
  const wasmPath = join(dir, 'reader_bg.wasm');
  if (release) run(resolve(root, 'node_modules/.bin/wasm-opt'), ['-Oz', ...WASM_OPT_FLAGS, wasmPath, '-o', wasmPath]);
  const wasm = readFileSync(wasmPath);
  let js = readFileSync(join(dir, 'reader.js'), 'utf8');
  const h = hash(wasm, js);
  js = js.replaceAll("'reader_bg.wasm'", `'reader-${h}_bg.wasm'`);
  if (!js.includes(`reader-${h}_bg.wasm`)) throw new Error('wasm: the reader glue changed shape');
  writeFileSync(join(staging, `reader-${h}.js`), await small(js, release));
  writeFileSync(join(staging, `reader-${h}_bg.wasm`), wasm);
  return { name: `reader-${h}.js`, size: wasm.length };
}
