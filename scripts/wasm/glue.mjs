// Rewrites of wasm-bindgen's JS glue, with the matching change to the wasm: short names
// between the two, and the JS classes that a dependency exports but the app never uses
// taken out. Each fails the build loudly if wasm-bindgen's output changes shape.
// Tested in glue.test.mjs.
import { withExports, withImports } from './sections.mjs';

/** `text` with every character a regular expression would read as syntax escaped. */
export const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A short JS identifier for `i`: `$a` … `$Z`, `$aa` … */
export function shortName(i) {
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
 * files, they cost the first load 4 KB less of brotli. Exports that `keep(name)` (the
 * split loader uses them by name) stay as they are. `module` is the glue's module name in
 * the wasm's imports (`./<name>_bg.js`).
 */
export function withShortNames(glue, wasm, module, keep) {
  const imports = new Map();
  wasm = withImports(wasm, module, 'a', (name) => {
    const to = shortName(imports.size);
    imports.set(name, to);
    return to;
  });
  for (const [from, to] of imports) {
    const key = new RegExp(`^(\\s+)${escapeRegExp(from)}: function\\b`, 'm');
    if (!key.test(glue)) throw new Error(`wasm: the glue does not define the import ${from}`);
    glue = glue.replace(key, `$1${to}: function`);
  }
  const moduleKey = `"${module}": import0,`;
  if (!glue.includes(moduleKey)) throw new Error("wasm: the glue's import object changed shape");
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
    ...[...imports.keys()].filter((name) => new RegExp(`\\b${escapeRegExp(name)}:`).test(glue)),
    ...[...exports.keys()].filter((name) => new RegExp(`\\bwasm\\.${escapeRegExp(name)}\\b`).test(glue)),
  ];
  if (left.length) throw new Error(`wasm: still used by their long names: ${left.join(', ')}`);
  return [glue, wasm];
}

// wasm-streams (through Leptos's server_fn) exports three classes to JS with
// #[wasm_bindgen]. Exports are roots that no optimizer may drop, and this app never
// streams: their JS and the wasm behind them would cost every first load about a
// kilobyte.
export const UNUSED_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];

/** The glue without `classes` (and their finalization registries), the wasm without
 * their exports. */
export function withoutClasses(glue, wasm, classes = UNUSED_CLASSES) {
  for (const name of classes) {
    const n = escapeRegExp(name);
    const cls = new RegExp(`export class ${n} \\{[\\s\\S]*?\\n\\}\\nif \\(Symbol\\.dispose\\) ${n}\\.prototype\\[Symbol\\.dispose\\] = ${n}\\.prototype\\.free;\\n`);
    const registry = new RegExp(`const ${n}Finalization = [^;]*?_free\\(ptr, 1\\)\\);\\n`);
    if (!cls.test(glue) || !registry.test(glue)) throw new Error(`wasm: wasm-bindgen's ${name} changed shape`);
    glue = glue.replace(cls, '').replace(registry, '');
    if (glue.includes(name) || glue.includes(name.toLowerCase())) throw new Error(`wasm: ${name} is still used`);
  }
  const lower = classes.map((c) => c.toLowerCase());
  return [glue, withExports(wasm, (n) => (lower.some((c) => n.includes(c)) ? null : n))];
}

/**
 * wasm-split's loader (`__wasm_split.js`) with one fetching function for all its parts:
 * it writes the same five lines for each of some 60 parts and chunks, with only the
 * file name changing. Fails loudly if the loader changes shape.
 */
export function withOneFetcher(link) {
  const each = /makeLoad\(\(\) => \{\n\s*const src = fetch\(new URL\(("\.\/[\w.-]+\.wasm"), import\.meta\.url\)\);\n\s*src\.catch\(\(\) => \{\}\);\n\s*return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\n\}\n,/g;
  const parts = (link.match(/new URL\(/g) ?? []).length;
  let found = 0;
  const out = link.replace(each, (_, path) => {
    found += 1;
    return `makeLoad(fetchPart(${path}),`;
  });
  if (found === 0 || found !== parts) throw new Error(`wasm: wasm-split's loader changed shape (${found} of ${parts} parts matched)`);
  // Each part compiled once, from the first call for it: a part's load, or a
  // precompile (below) that got there first.
  const fetcher = `const compiled = new Map();
function compilePart(path) {
    let module = compiled.get(path);
    if (module === undefined) {
        module = WebAssembly.compileStreaming(fetch(new URL(path, import.meta.url)));
        module.catch(() => { if (compiled.get(path) === module) compiled.delete(path); });
        compiled.set(path, module);
    }
    return module;
}
function fetchPart(path) {
    return () => {
        const module = compilePart(path);
        module.catch(() => {});
        return async (imports) => {
            const m = await module;
            return { module: m, instance: await WebAssembly.instantiate(m, imports) };
        };
    };
}
`;
  if (!out.includes('function makeLoad(')) throw new Error("wasm: wasm-split's loader has no makeLoad");
  return out.replace('function makeLoad(', `${fetcher}function makeLoad(`);
}

/**
 * `globalThis.diffdeckPrecompile(later)`: fetches and compiles (off the main thread) the
 * parts that the split points `names` load, one each time `later` calls back, with the chunks they share, so that the first tap
 * that opens one of them waits for neither. The loader calls it in idle time. The parts
 * are read from the loader (after `withOneFetcher`); fails loudly if a name is not there.
 */
export function withPrecompile(link, names) {
  const chunks = new Map([...link.matchAll(/const (__chunk_\d+) = makeLoad\(fetchPart\(("\.\/[\w.-]+\.wasm")\)/g)].map((m) => [m[1], m[2]]));
  const splits = new Map([...link.matchAll(/export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(fetchPart\(("\.\/[\w.-]+\.wasm")\), \[([\w, ]*)\]\)\)/g)].map((m) => [m[1], m]));
  const paths = new Set();
  for (const name of names) {
    if (!splits.has(name)) throw new Error(`wasm: wasm-split's loader has no split point ${name} (changed shape?)`);
    const [, , path, deps] = splits.get(name);
    paths.add(path);
    for (const d of deps.split(',').map((x) => x.trim()).filter(Boolean)) {
      if (!chunks.has(d)) throw new Error(`wasm: ${name} needs ${d}, which the loader does not define`);
      paths.add(chunks.get(d));
    }
  }
  // One part per call of \`later\` (the loader's idle callback): starting a fetch and a
  // compile costs the main thread a few milliseconds each, too many for one task.
  return `${link}
globalThis.diffdeckPrecompile = (later) => {
    const paths = [${[...paths].join(', ')}];
    const next = () => {
        const path = paths.shift();
        if (path === undefined) return;
        compilePart(path).catch(() => {});
        later(next);
    };
    next();
};
`;
}
