// The wasm half of the build, run by scripts/postbuild.mjs (trunk's post_build hook):
//   cargo build (feature `split`) → wasm-split → wasm-bindgen → wasm-opt
// then every file is named by its content hash and index.html gets the loader.
//
// Why not trunk's own Rust pipeline: trunk 0.21 cannot split a binary
// (trunk-rs/trunk#1022), and splitting must happen before wasm-bindgen. The split points
// are the screens declared in src/ui/lazy.rs; the first paint loads only the main module.
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { cpus, homedir } from 'node:os';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { minify } from 'terser';

const NAME = 'diffdeck';
// wasm-opt must accept what rustc 1.95 emits (see ../shared/guide/toolchain.md).
const WASM_OPT_FLAGS = [
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

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw new Error(`${cmd}: ${r.error.message} (run scripts/setup.sh)`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with status ${r.status}`);
}

function runAsync(cmd, args) {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`${cmd} ${args.join(' ')} failed with status ${code}`))));
  });
}

async function inParallel(tasks, width) {
  const queue = [...tasks];
  await Promise.all(Array.from({ length: width }, async () => {
    while (queue.length) await queue.shift()();
  }));
}

/** Reads an unsigned LEB128 number at `at`: [value, next offset]. */
function leb128(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

/** `n` as unsigned LEB128. */
function toLeb128(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
}

/**
 * `wasm` with each section replaced by what `edit(id, content, whole)` returns: the bytes
 * to keep in its place, or null to drop it.
 */
function mapSections(wasm, edit) {
  const out = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const start = at;
    const [size, body] = leb128(wasm, at + 1);
    at = body + size;
    const kept = edit(wasm[start], wasm.subarray(body, at), wasm.subarray(start, at));
    if (kept) out.push(kept);
  }
  return Buffer.concat(out);
}

/** `name` as a wasm name: its UTF-8 length (LEB128), then its bytes. */
const wasmName = (name) => {
  const bytes = Buffer.from(name, 'utf8');
  return Buffer.concat([toLeb128(bytes.length), bytes]);
};

/**
 * `wasm` with its exports renamed by `rename(name)`: a new name, the same name, or null
 * to drop the export (wasm-opt then drops the code only it reached).
 */
function withExports(wasm, rename) {
  return mapSections(wasm, (id, content, whole) => {
    if (id !== 7) return whole;
    let [count, p] = leb128(content, 0);
    const kept = [];
    for (let i = 0; i < count; i++) {
      const [length, nameAt] = leb128(content, p);
      const name = content.subarray(nameAt, nameAt + length).toString('utf8');
      const kindAt = nameAt + length;
      [, p] = leb128(content, kindAt + 1);
      const to = rename(name);
      if (to !== null) kept.push(wasmName(to), content.subarray(kindAt, p));
    }
    const rebuilt = Buffer.concat([toLeb128(kept.length / 2), ...kept]);
    return Buffer.concat([Buffer.from([7]), toLeb128(rebuilt.length), rebuilt]);
  });
}

/** `wasm` with the imports of `module` renamed by `rename(name)`, and that module by
 * `renameModule`. */
function withImports(wasm, module, renameModule, rename) {
  return mapSections(wasm, (id, content, whole) => {
    if (id !== 2) return whole;
    let [count, p] = leb128(content, 0);
    const entries = [toLeb128(count)];
    for (let i = 0; i < count; i++) {
      const [moduleLength, moduleAt] = leb128(content, p);
      const from = content.subarray(moduleAt, moduleAt + moduleLength).toString('utf8');
      const [nameLength, nameAt] = leb128(content, moduleAt + moduleLength);
      const name = content.subarray(nameAt, nameAt + nameLength).toString('utf8');
      const kindAt = nameAt + nameLength;
      p = kindAt + 1;
      const kind = content[kindAt];
      if (kind === 0) [, p] = leb128(content, p); // a function: its type
      else if (kind === 1 || kind === 2) {
        if (kind === 1) p++; // a table: its element type
        const flags = content[p++];
        [, p] = leb128(content, p);
        if (flags & 1) [, p] = leb128(content, p);
      } else if (kind === 3) p += 2; // a global: its type and mutability
      else throw new Error(`wasm.mjs: an import of kind ${kind} is not handled`);
      const ours = from === module;
      entries.push(wasmName(ours ? renameModule : from), wasmName(ours ? rename(name) : name), content.subarray(kindAt, p));
    }
    const rebuilt = Buffer.concat(entries);
    return Buffer.concat([Buffer.from([2]), toLeb128(rebuilt.length), rebuilt]);
  });
}

/** A short JS identifier for `i`: `$a` … `$Z`, `$aa` … */
function shortName(i) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let name = '';
  do {
    name = letters[i % letters.length] + name;
    i = Math.floor(i / letters.length) - 1;
  } while (i >= 0);
  return `$${name}`;
}

/**
 * The glue and the main module with short names between them. wasm-bindgen names each
 * JS function the wasm imports `__wbg_<name>_<16 hex digits>`, and each closure it exports
 * with its mangled Rust path: about 170 names that no minifier may shorten (they are
 * property keys shared by two files) and whose hashes do not compress. Renamed in both
 * files, they cost the first load 4 KB less of brotli. Exports that the split loader
 * (`keep`) uses by name stay as they are.
 */
function withShortNames(glue, wasm, keep) {
  const module = `./${NAME}_bg.js`;
  const imports = new Map();
  wasm = withImports(wasm, module, 'a', (name) => {
    const to = shortName(imports.size);
    imports.set(name, to);
    return to;
  });
  for (const [from, to] of imports) {
    const key = new RegExp(`^(\\s+)${from}: function\\b`, 'm');
    if (!key.test(glue)) throw new Error(`wasm.mjs: the glue does not define the import ${from}`);
    glue = glue.replace(key, `$1${to}: function`);
  }
  const moduleKey = `"${module}": import0,`;
  if (!glue.includes(moduleKey)) throw new Error('wasm.mjs: the glue\'s import object changed shape');
  glue = glue.replace(moduleKey, '"a": import0,');
  const used = new Set([...glue.matchAll(/\bwasm\.(\w+)/g)].map((m) => m[1]));
  const exports = new Map();
  wasm = withExports(wasm, (name) => {
    if (!used.has(name) || keep(name)) return name;
    exports.set(name, shortName(exports.size));
    return exports.get(name);
  });
  glue = glue.replace(/\bwasm\.(\w+)\b/g, (whole, name) => (exports.has(name) ? `wasm.${exports.get(name)}` : whole));
  const left = [
    ...[...imports.keys()].filter((name) => new RegExp(`\\b${name}:`).test(glue)),
    ...[...exports.keys()].filter((name) => new RegExp(`\\bwasm\\.${name}\\b`).test(glue)),
  ];
  if (left.length) throw new Error(`wasm.mjs: still used by their long names: ${left.join(', ')}`);
  return [glue, wasm];
}

// wasm-streams (through Leptos's server_fn) exports three classes to JS with
// #[wasm_bindgen]. Exports are roots that no optimizer may drop, and this app never
// streams: their JS and the wasm behind them would cost every first load about a
// kilobyte. If wasm-bindgen's output changes shape, the build fails here, loudly.
const UNUSED_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

function withoutUnusedClasses(glue, wasm) {
  for (const name of UNUSED_CLASSES) {
    const cls = new RegExp(`export class ${name} \\{[\\s\\S]*?\\n\\}\\nif \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = ${name}\\.prototype\\.free;\\n`);
    const registry = new RegExp(`const ${name}Finalization = [^;]*?_free\\(ptr, 1\\)\\);\\n`);
    if (!cls.test(glue) || !registry.test(glue)) throw new Error(`wasm.mjs: wasm-bindgen's ${name} changed shape`);
    glue = glue.replace(cls, '').replace(registry, '');
    if (glue.includes(name) || glue.includes(name.toLowerCase())) throw new Error(`wasm.mjs: ${name} is still used`);
  }
  const lower = UNUSED_CLASSES.map((c) => c.toLowerCase());
  return [glue, withExports(wasm, (n) => (lower.some((c) => n.includes(c)) ? null : n))];
}

/**
 * `wasm` without the custom sections that `--emit-relocs` (.cargo/config.toml, for
 * wasm-split) adds: `linking` and `reloc.*`. wasm-split drops them from the app; the
 * deck reader is not split, and wasm-opt would keep them.
 */
function withoutRelocations(wasm) {
  return mapSections(wasm, (id, content, whole) => {
    if (id !== 0) return whole;
    const [length, nameAt] = leb128(content, 0);
    const name = content.subarray(nameAt, nameAt + length).toString('utf8');
    return name === 'linking' || name.startsWith('reloc.') ? null : whole;
  });
}

/**
 * Builds the wasm into `staging` and adds its loader to `staging`/index.html.
 * Returns the names of the files index.html loads.
 */
export async function buildWasm({ root, staging, release }) {
  const profile = release ? 'release' : 'debug';
  // Panic locations name source files: without the build machine's paths (the checkout,
  // cargo's registry) the wasm is smaller and the same wherever it is built. Added to the
  // rustflags in .cargo/config.toml (cargo merges the lists).
  const registry = join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'registry/src');
  const indexes = existsSync(registry) ? readdirSync(registry).map((d) => `${join(registry, d)}/`) : [];
  const remap = [...indexes, `${root}/`].map((p) => JSON.stringify(`--remap-path-prefix=${p}=`));
  const flags = `target.wasm32-unknown-unknown.rustflags=[${remap.join(',')}]`;
  run('cargo', ['build', '--config', flags, '--target', 'wasm32-unknown-unknown', '--bin', NAME, '--bin', 'reader', '--features', 'split', ...(release ? ['--release'] : [])], { cwd: root });
  const linked = join(root, 'target/wasm32-unknown-unknown', profile, `${NAME}.wasm`);

  const work = join(root, 'target/split', profile);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'bindgen'), { recursive: true });

  // Split: the main module, the parts (`split_<screen>`, and `chunk_<n>` for code that
  // several screens share) and the JS that fetches a part on first use.
  run('wasm-split-cli', [linked, work, '--target', 'web', '--out-name', NAME]);
  run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript', '--out-dir', join(work, 'bindgen'), '--out-name', NAME, join(work, `${NAME}.wasm`)]);
  if (existsSync(join(work, 'bindgen/snippets'))) throw new Error('wasm.mjs: JS snippets are not handled; add them here');
  {
    const gluePath = join(work, 'bindgen', `${NAME}.js`);
    const wasmPath = join(work, 'bindgen', `${NAME}_bg.wasm`);
    const link = readFileSync(join(work, '__wasm_split.js'), 'utf8');
    const [lean, leanWasm] = withoutUnusedClasses(readFileSync(gluePath, 'utf8'), readFileSync(wasmPath));
    const [glue, wasm] = withShortNames(lean, leanWasm, (name) => new RegExp(`\\b${name}\\b`).test(link));
    writeFileSync(gluePath, glue);
    writeFileSync(wasmPath, wasm);
  }

  const parts = readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== `${NAME}.wasm`);
  const wasmFiles = [join(work, 'bindgen', `${NAME}_bg.wasm`), ...parts.map((f) => join(work, f))];
  if (release) {
    const wasmOpt = resolve(root, 'node_modules/.bin/wasm-opt');
    // The main module is what the first screen waits for: it is optimized until the passes
    // stop finding anything (--converge; a few seconds more, a few hundred bytes less), and
    // for speed and size (-Os) rather than size alone: its brotli is 0.5 KB smaller so, as
    // -Oz's smaller output repeats itself less.
    const flags = (f) => (f === wasmFiles[0] ? ['-Os', '--converge', ...WASM_OPT_FLAGS] : ['-Oz', ...WASM_OPT_FLAGS]);
    await inParallel(wasmFiles.map((f) => () => runAsync(wasmOpt, [...flags(f), f, '-o', f])), cpus().length);
  }

  // Name every file by its content; rewrite the references to match.
  let link = readFileSync(join(work, '__wasm_split.js'), 'utf8');
  for (const part of parts) {
    const data = readFileSync(join(work, part));
    // 8 hex digits, not 16: the loader names some 40 parts, and hex digits do not compress
    // (0.3 KB of the first load). A clash with an older part of the same name is a 1 in
    // 4 billion chance per part and release.
    const named = part.replace(/\.wasm$/, `-${hash(data).slice(0, 8)}.wasm`);
    writeFileSync(join(staging, named), data);
    link = link.replaceAll(`"./${part}"`, `"./${named}"`);
  }
  const mainWasm = readFileSync(join(work, 'bindgen', `${NAME}_bg.wasm`));
  let glue = readFileSync(join(work, 'bindgen', `${NAME}.js`), 'utf8');
  const h = hash(mainWasm, glue, link);
  const names = { js: `${NAME}-${h}.js`, wasm: `${NAME}-${h}_bg.wasm`, link: `wasm-split-${h}.js` };
  link = link.replaceAll(`"./${NAME}.js"`, `"./${names.js}"`);
  // Only the ES imports: the wasm's own import object keeps the module name it was linked with.
  glue = glue
    .replace(/^(import \* as \w+ from )"\.\/__wasm_split\.js"/gm, `$1"./${names.link}"`)
    .replaceAll(`'${NAME}_bg.wasm'`, `'${names.wasm}'`);
  if (!glue.includes(names.link) || !link.includes(names.js)) throw new Error('wasm.mjs: wasm-split or wasm-bindgen output changed shape');
  // wasm-bindgen's output is readable, not small.
  const small = async (code) => (release ? (await minify(code, { module: true, ecma: 2020 })).code : code);
  writeFileSync(join(staging, names.js), await small(glue));
  writeFileSync(join(staging, names.link), await small(link));
  writeFileSync(join(staging, names.wasm), mainWasm);

  // The deck reader (src/bin/reader.rs): the parser as a module of its own, imported by
  // the import screen on first use through `diffdeckReader()` (defined by the loader).
  const readerDir = join(work, 'reader');
  mkdirSync(readerDir, { recursive: true });
  const readerLinked = join(readerDir, 'reader-linked.wasm');
  writeFileSync(readerLinked, withoutRelocations(readFileSync(join(root, 'target/wasm32-unknown-unknown', profile, 'reader.wasm'))));
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', readerDir, '--out-name', 'reader', readerLinked]);
  if (existsSync(join(readerDir, 'snippets'))) throw new Error('wasm.mjs: the reader has JS snippets; handle them here');
  if (release) run(resolve(root, 'node_modules/.bin/wasm-opt'), ['-Oz', ...WASM_OPT_FLAGS, join(readerDir, 'reader_bg.wasm'), '-o', join(readerDir, 'reader_bg.wasm')]);
  const readerWasm = readFileSync(join(readerDir, 'reader_bg.wasm'));
  let readerJs = readFileSync(join(readerDir, 'reader.js'), 'utf8');
  const rh = hash(readerWasm, readerJs);
  names.reader = `reader-${rh}.js`;
  readerJs = readerJs.replaceAll(`'reader_bg.wasm'`, `'reader-${rh}_bg.wasm'`);
  if (!readerJs.includes(`reader-${rh}_bg.wasm`)) throw new Error('wasm.mjs: the reader glue changed shape');
  writeFileSync(join(staging, names.reader), await small(readerJs));
  writeFileSync(join(staging, `reader-${rh}_bg.wasm`), readerWasm);

  // The bundled decks the app fetches (build.rs writes them, named by content, next to the
  // linked wasm); the first, which the app opens on, as it starts.
  const decks = join(root, 'target/wasm32-unknown-unknown', profile, 'decks');
  const wanted = readFileSync(join(root, 'target/wasm32-unknown-unknown', profile, 'decks.list'), 'utf8').split('\n').filter(Boolean);
  for (const file of wanted) writeFileSync(join(staging, file), readFileSync(join(decks, file)));

  // The loader. The home page is the first deck, pre-rendered: it reads, links and works
  // offline without the app. So before the first paint the page loads nothing but itself
  // and its stylesheet; once that paint is on screen (its largest-contentful-paint entry,
  // or 300 ms at most), the loader fetches what the app needs (its JS, its wasm, compiled
  // off the main thread, and the first deck) and nothing runs. The app starts when the
  // reader reaches for the page (a tap, a key, focus, a hash link followed), so its
  // start-up never delays reading; on any other route, and in the installed app (opened
  // to study), it starts at once. The service worker is registered here, so a reader who
  // never touches the page still gets it offline; the app watches it for updates
  // (src/platform/sw.rs). `glue =`, `wasm =` and `deck =` are read by scripts/sizes.mjs.
  const indexPath = join(staging, 'index.html');
  const html = readFileSync(indexPath, 'utf8');
  const loader = [
    `<script type="module">const glue = './${names.js}', wasm = './${names.wasm}', deck = './${wanted[0]}';` +
      `globalThis.diffdeckReader = () => import('./${names.reader}').then(async (m) => { await m.default(); return m; });` +
      // The study screens' stylesheet (src/platform/styles.rs), once; a failure may be retried.
      `let styles; globalThis.diffdeckStyles = () => (styles ??= new Promise((ok, fail) => { const l = document.createElement('link'); l.rel = 'stylesheet'; l.href = document.querySelector('meta[name="diffdeck-study-styles"]').content; l.onload = ok; l.onerror = () => { l.remove(); styles = undefined; fail(); }; document.head.append(l); }));` +
      `let code; const fetched = () => (code ??= [import(glue), WebAssembly.compileStreaming(fetch(wasm)).catch(() => wasm)]);` +
      `const wakes = ['pointerdown', 'keydown', 'focusin', 'hashchange'];` +
      `let started; const start = () => { if (started) return; started = true; for (const w of wakes) removeEventListener(w, start, true); const [app, compiled] = fetched(); app.then((m) => m.default({ module_or_path: compiled })); };` +
      `if (!/^(#\\/?|#main)?$/.test(location.hash) || matchMedia('(display-mode: standalone)').matches) start(); else for (const w of wakes) addEventListener(w, start, true);` +
      `addEventListener('load', () => navigator.serviceWorker?.register('./sw.js').catch(() => {}));` +
      `await new Promise((go) => { setTimeout(go, 300); try { new PerformanceObserver(go).observe({ type: 'largest-contentful-paint', buffered: true }); } catch { go(); } });` +
      // The first deck, into the HTTP cache for the app's fetch (a preload this late would
      // warn when the app starts minutes later).
      `fetched(); const l = document.createElement('link'); l.rel = 'prefetch'; l.href = deck; document.head.append(l);</script>`,
  ].join('\n    ');
  // Trunk leaves its (skipped) rust link in place: the loader goes there.
  const skipped = /<link data-trunk rel="rust" data-trunk-skip[^>]*>/;
  if (!skipped.test(html)) throw new Error('wasm.mjs: index.html lacks <link data-trunk rel="rust" data-trunk-skip />');
  writeFileSync(indexPath, html.replace(skipped, loader));

  console.log(`wasm: main ${(mainWasm.length / 1024).toFixed(1)} KB, ${parts.length} lazily loaded parts, reader ${(readerWasm.length / 1024).toFixed(1)} KB`);
  return names;
}
