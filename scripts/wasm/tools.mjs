// The build's small tools: running programs, naming files by content, minifying JS.
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { minify } from 'terser';

// wasm-opt must accept what rustc 1.95 emits (see ../shared/guide/toolchain.md).
export const WASM_OPT_FLAGS = [
  '--enable-bulk-memory',
  '--enable-bulk-memory-opt',
  '--enable-nontrapping-float-to-int',
  '--enable-sign-ext',
  '--enable-reference-types',
  '--enable-multivalue',
  '--enable-mutable-globals',
];

/** The first 16 hex digits of the SHA-256 of `parts`: names files by their content. */
export const hash = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 16);
};

/** Runs `cmd` to the end; throws if it fails. */
export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw new Error(`${cmd}: ${r.error.message} (run scripts/setup.sh)`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with status ${r.status}`);
}

/** Runs `cmd`; resolves when it succeeds. */
export function runAsync(cmd, args) {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`${cmd} ${args.join(' ')} failed with status ${code}`))));
  });
}

/** Runs the async `tasks`, `width` at a time. */
export async function inParallel(tasks, width) {
  const queue = [...tasks];
  await Promise.all(Array.from({ length: width }, async () => {
    while (queue.length) await queue.shift()();
  }));
}

/** wasm-bindgen's output is readable, not small: minified in a release build. */
export const small = async (code, release) => (release ? (await minify(code, { module: true, ecma: 2020 })).code : code);
