// The wasm half of the build, run by scripts/postbuild.mjs (trunk's post_build hook):
//   cargo build (feature `split`) → wasm-split → wasm-bindgen → short names → wasm-opt
//   → every file named by its content → the deck reader → the decks → the loader.
//
// Why not trunk's own Rust pipeline: trunk 0.21 cannot split a binary
// (trunk-rs/trunk#1022), and splitting must happen before wasm-bindgen. The split points
// are the screens declared in src/ui/lazy.rs; the first paint loads only the main module.
// The steps live in scripts/wasm/ (each with its tests: `node --test scripts/`).
import { homedir, cpus } from 'node:os';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { withOneFetcher, withPrecompile, withShortNames, withoutClasses } from './wasm/glue.mjs';
import { installLoader } from './wasm/loader.mjs';
import { buildReader } from './wasm/reader.mjs';
import { WASM_OPT_FLAGS, hash, inParallel, run, runAsync, small } from './wasm/tools.mjs';

export { hash };

const NAME = 'diffdeck';
// The split points whose code the loader compiles in idle time, before any tap: what a
// first tap is most likely to open (Flashcards, from the header or "Start studying"), and
// the storage code, which every study screen waits for (src/state/mod.rs).
const PRECOMPILED = ['flashcards_screen', 'open_storage'];

/** cargo: the app (with its split points) and the deck reader, for wasm32. */
function cargoBuild(root, release) {
  // Panic locations name source files: without the build machine's paths (the checkout,
  // cargo's registry) the wasm is smaller and the same wherever it is built. Added to the
  // rustflags in .cargo/config.toml (cargo merges the lists).
  const registry = join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'registry/src');
  const indexes = existsSync(registry) ? readdirSync(registry).map((d) => `${join(registry, d)}/`) : [];
  const remap = [...indexes, `${root}/`].map((p) => JSON.stringify(`--remap-path-prefix=${p}=`));
  // A release panics by stopping at once (`-Cpanic=immediate-abort`), with the standard
  // library rebuilt to match (`-Zbuild-std`, from the toolchain's rust-src): no panic
  // messages, no formatting of them, no panic hook. 13 KB less of the first load (of 119);
  // `panic = "abort"` already ended the app at a panic, so a user sees the same. Both
  // flags are unstable: RUSTC_BOOTSTRAP lets the pinned stable toolchain (1.95.0, see
  // ARCHITECTURE.md) take them, for this build only. Debug builds keep the messages.
  const abort = release ? ['"-Zunstable-options"', '"-Cpanic=immediate-abort"'] : [];
  const flags = `target.wasm32-unknown-unknown.rustflags=[${[...remap, ...abort].join(',')}]`;
  const std = release ? ['-Zbuild-std=std,panic_abort'] : [];
  const env = release ? { ...process.env, RUSTC_BOOTSTRAP: '1' } : process.env;
  run('cargo', ['build', ...std, '--config', flags, '--target', 'wasm32-unknown-unknown', '--bin', NAME, '--bin', 'reader', '--features', 'split', ...(release ? ['--release'] : [])], { cwd: root, env });
}

/** wasm-split and wasm-bindgen into `work`: the main module and its glue (lean, with short
 * names), the parts, and the split loader. Returns the parts' file names. */
function splitAndBind(linked, work) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'bindgen'), { recursive: true });
  // The main module, the parts (`split_<screen>`, and `chunk_<n>` for code that several
  // screens share) and the JS that fetches a part on first use.
  run('wasm-split-cli', [linked, work, '--target', 'web', '--out-name', NAME]);
  run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript', '--out-dir', join(work, 'bindgen'), '--out-name', NAME, join(work, `${NAME}.wasm`)]);
  if (existsSync(join(work, 'bindgen/snippets'))) throw new Error('wasm: JS snippets are not handled; add them here');
  const gluePath = join(work, 'bindgen', `${NAME}.js`);
  const wasmPath = join(work, 'bindgen', `${NAME}_bg.wasm`);
  const link = readFileSync(join(work, '__wasm_split.js'), 'utf8');
  const [lean, leanWasm] = withoutClasses(readFileSync(gluePath, 'utf8'), readFileSync(wasmPath));
  const used = (name) => new RegExp(`\\b${name}\\b`).test(link);
  const [glue, wasm] = withShortNames(lean, leanWasm, `./${NAME}_bg.js`, used);
  writeFileSync(gluePath, glue);
  writeFileSync(wasmPath, wasm);
  return readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== `${NAME}.wasm`);
}

/** wasm-opt on every module, side by side. The main module is what the first screen
 * waits for: optimized until the passes stop finding anything (--converge; a few seconds
 * more, a few hundred bytes less), and for speed and size (-Os) rather than size alone:
 * its brotli is 0.5 KB smaller so, as -Oz's smaller output repeats itself less. */
async function optimize(root, main, parts) {
  const wasmOpt = resolve(root, 'node_modules/.bin/wasm-opt');
  // DIFFDECK_WASM_NAMES=1 keeps the functions' names, for a profile that says where the
  // time goes (never in a release: they are a third of the bytes).
  const names = process.env.DIFFDECK_WASM_NAMES === '1' ? ['-g'] : [];
  const flags = (f) => [...(f === main ? ['-Os', '--converge'] : ['-Oz']), ...WASM_OPT_FLAGS, ...names];
  await inParallel([main, ...parts].map((f) => () => runAsync(wasmOpt, [...flags(f), f, '-o', f])), cpus().length);
}

/** Every file into `staging`, named by its content, references rewritten to match.
 * Returns the main module's names and size. */
async function nameByContent(work, staging, parts, release) {
  let link = withPrecompile(withOneFetcher(readFileSync(join(work, '__wasm_split.js'), 'utf8')), PRECOMPILED);
  for (const part of parts) {
    const data = readFileSync(join(work, part));
    // 8 hex digits, not 16: the loader names some 40 parts, and hex digits do not compress
    // (0.3 KB of the first load). A clash with an older part of the same name is a 1 in
    // 4 billion chance per part and release.
    const named = part.replace(/\.wasm$/, `-${hash(data).slice(0, 8)}.wasm`);
    writeFileSync(join(staging, named), data);
    link = link.replaceAll(`"./${part}"`, `"./${named}"`);
  }
  const wasm = readFileSync(join(work, 'bindgen', `${NAME}_bg.wasm`));
  let glue = readFileSync(join(work, 'bindgen', `${NAME}.js`), 'utf8');
  const h = hash(wasm, glue, link);
  const names = { glue: `${NAME}-${h}.js`, wasm: `${NAME}-${h}_bg.wasm`, link: `wasm-split-${h}.js` };
  link = link.replaceAll(`"./${NAME}.js"`, `"./${names.glue}"`);
  // Only the ES imports: the wasm's own import object keeps the module name it was linked with.
  glue = glue
    .replace(/^(import \* as \w+ from )"\.\/__wasm_split\.js"/gm, `$1"./${names.link}"`)
    .replaceAll(`'${NAME}_bg.wasm'`, `'${names.wasm}'`);
  if (!glue.includes(names.link) || !link.includes(names.glue)) throw new Error('wasm: wasm-split or wasm-bindgen output changed shape');
  writeFileSync(join(staging, names.glue), await small(glue, release));
  writeFileSync(join(staging, names.link), await small(link, release));
  writeFileSync(join(staging, names.wasm), wasm);
  return { ...names, size: wasm.length };
}

/** The bundled decks the app fetches (build.rs writes them, named by content, next to the
 * linked wasm) into `staging`; the first is the one the app opens on. */
function copyDecks(target, staging) {
  const wanted = readFileSync(join(target, 'decks.list'), 'utf8').split('\n').filter(Boolean);
  for (const file of wanted) writeFileSync(join(staging, file), readFileSync(join(target, 'decks', file)));
  return wanted;
}

/** Builds the wasm into `staging` and adds its loader to `staging`/index.html. */
export async function buildWasm({ root, staging, release }) {
  const profile = release ? 'release' : 'debug';
  const target = join(root, 'target/wasm32-unknown-unknown', profile);
  const work = join(root, 'target/split', profile);
  cargoBuild(root, release);
  const parts = splitAndBind(join(target, `${NAME}.wasm`), work);
  if (release) await optimize(root, join(work, 'bindgen', `${NAME}_bg.wasm`), parts.map((f) => join(work, f)));
  const main = await nameByContent(work, staging, parts, release);
  const reader = await buildReader({ root, work, staging, profile, release });
  const decks = copyDecks(target, staging);
  await installLoader(staging, { glue: main.glue, wasm: main.wasm, deck: decks[0], reader: reader.name });
  console.log(`wasm: main ${(main.size / 1024).toFixed(1)} KB, ${parts.length} lazily loaded parts, reader ${(reader.size / 1024).toFixed(1)} KB`);
}
