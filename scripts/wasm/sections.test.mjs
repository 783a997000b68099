// node --test: the wasm section walker on modules built byte by byte here, checked by
// the engine itself (WebAssembly.Module) as well as by `exportNames`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leb128, toLeb128, withExports, withImports, withoutRelocations, exportNames } from './sections.mjs';
import { module, engine } from './fixture.mjs';

test('LEB128 reads back what it writes, across byte boundaries', () => {
  for (const n of [0, 1, 127, 128, 255, 16383, 16384, 2 ** 21, 2 ** 32 + 5]) {
    const bytes = toLeb128(n);
    assert.deepEqual(leb128(bytes, 0), [n, bytes.length]);
  }
  assert.deepEqual([...toLeb128(624485)], [0xe5, 0x8e, 0x26]);
  assert.throws(() => leb128(Buffer.from([0x80, 0x80]), 0), /past the end/);
});

test('the hand-made module is valid, and exportNames() reads it as the engine does', () => {
  const wasm = module();
  assert.deepEqual(engine(wasm).exports, ['main', 'closure_long_mangled_name']);
  assert.deepEqual(exportNames(wasm), engine(wasm).exports);
  assert.deepEqual(
    engine(wasm).imports,
    ['./diffdeck_bg.js.__wbg_log_0123456789abcdef', 'env.other', './diffdeck_bg.js.table'],
  );
});

test('exports are renamed, kept or dropped, and the module stays valid', () => {
  const renamed = withExports(module(), (name) => (name === 'main' ? name : name === 'closure_long_mangled_name' ? '$a' : null));
  assert.deepEqual(engine(renamed).exports, ['main', '$a']);
  const dropped = withExports(module(), (name) => (name === 'main' ? null : name));
  assert.deepEqual(engine(dropped).exports, ['closure_long_mangled_name']);
});

test("one module's imports are renamed (with the module), others are left alone", () => {
  const seen = [];
  const renamed = withImports(module(), './diffdeck_bg.js', 'a', (name) => {
    seen.push(name);
    return `$${seen.length}`;
  });
  assert.deepEqual(seen, ['__wbg_log_0123456789abcdef', 'table']);
  assert.deepEqual(engine(renamed).imports, ['a.$1', 'env.other', 'a.$2']);
});

test('relocation sections go, other custom sections stay', () => {
  const wasm = withoutRelocations(module());
  const m = new WebAssembly.Module(wasm);
  assert.equal(WebAssembly.Module.customSections(m, 'linking').length, 0);
  assert.equal(WebAssembly.Module.customSections(m, 'reloc.CODE').length, 0);
  assert.equal(WebAssembly.Module.customSections(m, 'producers').length, 1);
  assert.ok(wasm.length < module().length);
});

test('what is not a module, or is cut short, is refused', () => {
  assert.throws(() => withoutRelocations(Buffer.from('not wasm at all')), /not a wasm module/);
  const cut = module().subarray(0, module().length - 3);
  assert.throws(() => withoutRelocations(cut), /past the end/);
});
