// node --test: the glue rewrites, on glue written in wasm-bindgen's shape and the
// hand-made module of fixture.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeRegExp, shortName, withOneFetcher, withPrecompile, withShortNames, withoutClasses } from './glue.mjs';
import { module, engine } from './fixture.mjs';

const GLUE = `function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        __wbg_log_0123456789abcdef: function(arg0) {
            console.log(arg0);
        },
    };
    return {
        __proto__: null,
        "./diffdeck_bg.js": import0,
    };
}
export function start() {
    wasm.main();
    wasm.closure_long_mangled_name();
}
`;

test('short names count through the alphabet, then grow', () => {
  assert.deepEqual([0, 1, 25, 26, 51, 52, 53].map(shortName), ['$a', '$b', '$z', '$A', '$Z', '$aa', '$ab']);
  const all = new Set(Array.from({ length: 3000 }, (_, i) => shortName(i)));
  assert.equal(all.size, 3000, 'every name is different');
});

test('a name is matched as itself, never as a pattern', () => {
  const name = '__wbg_f$1.x(y)';
  assert.ok(new RegExp(`^${escapeRegExp(name)}$`).test(name));
  assert.ok(!new RegExp(`^${escapeRegExp('a.c')}$`).test('abc'));
});

test('the glue and the module get the same short names; kept exports keep theirs', () => {
  const [glue, wasm] = withShortNames(GLUE, module({ table: false }), './diffdeck_bg.js', (n) => n === 'main');
  assert.match(glue, /^\s+\$a: function\(arg0\)/m);
  assert.match(glue, /"a": import0,/);
  assert.match(glue, /wasm\.main\(\);\n\s+wasm\.\$a\(\);/);
  assert.doesNotMatch(glue, /__wbg_log_|closure_long|diffdeck_bg/);
  const { imports, exports } = engine(wasm);
  assert.deepEqual(imports, ['a.$a', 'env.other']);
  assert.deepEqual(exports, ['main', '$a']);
});

test('glue of another shape fails the build', () => {
  assert.throws(
    () => withShortNames(GLUE.replace('__wbg_log_0123456789abcdef: function', 'log: function'), module({ table: false }), './diffdeck_bg.js', () => false),
    /does not define the import __wbg_log_0123456789abcdef/,
  );
  assert.throws(
    () => withShortNames(GLUE.replace('"./diffdeck_bg.js": import0,', '"./other.js": import0,'), module({ table: false }), './diffdeck_bg.js', () => false),
    /import object changed shape/,
  );
});

test('an unused class goes from the glue and the module, or the build fails', () => {
  const base = 'export function start() {}\n';
  const glue = `${base}const MainFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_main_free(ptr, 1));
export class Main {
    free() {}
}
if (Symbol.dispose) Main.prototype[Symbol.dispose] = Main.prototype.free;
`;
  const [lean, wasm] = withoutClasses(glue, module(), ['Main']);
  assert.equal(lean, base);
  assert.deepEqual(engine(wasm).exports, ['closure_long_mangled_name'], "the class's export is dropped");
  assert.throws(() => withoutClasses(base, module(), ['Main']), /Main changed shape/);
  assert.throws(() => withoutClasses(`${glue}wasm.main_new();\n`, module(), ['Main']), /Main is still used/);
});

test("wasm-split's loader gets one fetching function for all its parts", async () => {
  const part = (name, deps) => `const __${name} = makeLoad(() => {
    const src = fetch(new URL("./${name}.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [${deps}]);
`;
  const link = `function makeLoad(fetcher, deps) {\n  return fetcher;\n}\n${part('chunk_9', '')}${part('split_quiz_screen', '__chunk_9')}`;
  const out = withOneFetcher(link);
  assert.match(out, /makeLoad\(fetchPart\("\.\/chunk_9\.wasm"\), \[\]\)/);
  assert.match(out, /makeLoad\(fetchPart\("\.\/split_quiz_screen\.wasm"\), \[__chunk_9\]\)/);
  assert.equal(out.match(/compileStreaming/g).length, 1);
  // It still runs: each part's loader fetches its own file.
  const fetched = [];
  globalThis.fetch = (url) => { fetched.push(String(url)); return Promise.resolve('response'); };
  const loaders = new Function(`${out.replaceAll('import.meta.url', '"https://x.test/a/"').replaceAll('const __', 'globalThis.__')}; return [__chunk_9, __split_quiz_screen];`)();
  for (const load of loaders) load();
  assert.deepEqual(fetched, ['https://x.test/a/chunk_9.wasm', 'https://x.test/a/split_quiz_screen.wasm']);
  // A loader of another shape fails the build.
  assert.throws(() => withOneFetcher(link.replace('src.catch(() => {});', '')), /changed shape/);
});

test('a split point\'s parts can be compiled ahead, each once, whoever asks first', async () => {
  const chunk = (n) => `const __chunk_${n} = makeLoad(() => {
    const src = fetch(new URL("./chunk_${n}.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
`;
  const split = (name, deps) => `export const __wasm_split_load_${name} = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_${name}.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [${deps}]));
`;
  const link = `function wrapAsyncCb(f) {\n  return f;\n}\nfunction makeLoad(fetcher, deps) {\n  return fetcher;\n}\n${chunk(8)}${chunk(9)}${split('flashcards_screen', '__chunk_8, __chunk_9')}${split('test_screen', '__chunk_9')}`;
  const out = withPrecompile(withOneFetcher(link), ['flashcards_screen']);
  const fetched = [];
  globalThis.fetch = (url) => { fetched.push(String(url)); return Promise.resolve(new Response('')); };
  const body = out.replaceAll('import.meta.url', '"https://x.test/a/"').replaceAll('export const', 'const');
  const loadTest = new Function(`${body}; return __wasm_split_load_test_screen;`)();
  const queue = [];
  globalThis.diffdeckPrecompile((f) => queue.push(f));
  assert.equal(fetched.length, 1, 'one part at a time');
  while (queue.length) queue.shift()();
  assert.deepEqual(fetched, ['https://x.test/a/split_flashcards_screen.wasm', 'https://x.test/a/chunk_8.wasm', 'https://x.test/a/chunk_9.wasm']);
  // A load after it fetches only what was not compiled yet.
  loadTest();
  assert.deepEqual(fetched.slice(3), ['https://x.test/a/split_test_screen.wasm']);
  globalThis.diffdeckPrecompile((f) => f());
  assert.equal(fetched.length, 4, 'each part fetched once');
  delete globalThis.diffdeckPrecompile;
  // A loader without split points fails the build.
  assert.throws(() => withPrecompile(withOneFetcher(link), ['quiz_screen']), /no split point quiz_screen/);
});
