// A wasm module built byte by byte, for the tests of the build's wasm rewrites.
import { toLeb128, wasmName } from './sections.mjs';

const section = (id, ...parts) => {
  const content = Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p))));
  return Buffer.concat([Buffer.from([id]), toLeb128(content.length), content]);
};
const custom = (name, bytes = []) => section(0, wasmName(name), Buffer.from(bytes));

/** A valid module: two function imports (one from the glue, one from `env`), a table
 * import, two functions exported, and the custom sections a relocatable link leaves. */
export function module({ table = true } = {}) {
  return Buffer.concat([
    Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]),
    section(1, [1, 0x60, 0, 0]), // one type: () -> ()
    section(2, toLeb128(table ? 3 : 2),
      wasmName('./diffdeck_bg.js'), wasmName('__wbg_log_0123456789abcdef'), [0, 0],
      wasmName('env'), wasmName('other'), [0, 0],
      ...(table ? [wasmName('./diffdeck_bg.js'), wasmName('table'), [1, 0x70, 0, 1]] : [])),
    section(3, [2, 0, 0]), // two functions of type 0
    section(7, toLeb128(2), wasmName('main'), [0, 2], wasmName('closure_long_mangled_name'), [0, 3]),
    section(10, [2, 2, 0, 0x0b, 2, 0, 0x0b]),
    custom('linking', [2]),
    custom('reloc.CODE', [1, 2, 3]),
    custom('producers', [0]),
  ]);
}

export const engine = (wasm) => {
  const m = new WebAssembly.Module(wasm);
  return {
    imports: WebAssembly.Module.imports(m).map((i) => `${i.module}.${i.name}`),
    exports: WebAssembly.Module.exports(m).map((e) => e.name),
  };
};

