// The wasm binary format, as far as the build needs it: walk a module's sections, and
// rewrite its import and export names, or drop custom sections. Tested in
// sections.test.mjs over hand-made modules.

/** Reads an unsigned LEB128 number at `at`: [value, next offset]. */
export function leb128(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= bytes.length) throw new Error('wasm: a number runs past the end of the module');
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

/** `n` as unsigned LEB128. */
export function toLeb128(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
}

/** `name` as a wasm name: its UTF-8 length (LEB128), then its bytes. */
export const wasmName = (name) => {
  const bytes = Buffer.from(name, 'utf8');
  return Buffer.concat([toLeb128(bytes.length), bytes]);
};

/** Reads a wasm name at `at`: [name, next offset]. */
function readName(bytes, at) {
  const [length, nameAt] = leb128(bytes, at);
  return [bytes.subarray(nameAt, nameAt + length).toString('utf8'), nameAt + length];
}

/** A section of id `id` holding `content`. */
const section = (id, content) => Buffer.concat([Buffer.from([id]), toLeb128(content.length), content]);

/**
 * `wasm` with each section replaced by what `edit(id, content, whole)` returns: the bytes
 * to keep in its place, or null to drop it.
 */
export function mapSections(wasm, edit) {
  if (wasm.subarray(0, 4).toString('latin1') !== '\0asm') throw new Error('wasm: not a wasm module');
  const out = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const start = at;
    const [size, body] = leb128(wasm, at + 1);
    at = body + size;
    if (at > wasm.length) throw new Error('wasm: a section runs past the end of the module');
    const kept = edit(wasm[start], wasm.subarray(body, at), wasm.subarray(start, at));
    if (kept) out.push(kept);
  }
  return Buffer.concat(out);
}

/**
 * `wasm` with its exports renamed by `rename(name)`: a new name, the same name, or null
 * to drop the export (wasm-opt then drops the code only it reached).
 */
export function withExports(wasm, rename) {
  return mapSections(wasm, (id, content, whole) => {
    if (id !== 7) return whole;
    let [count, p] = leb128(content, 0);
    const kept = [];
    for (let i = 0; i < count; i++) {
      const [name, kindAt] = readName(content, p);
      [, p] = leb128(content, kindAt + 1);
      const to = rename(name);
      if (to !== null) kept.push(wasmName(to), content.subarray(kindAt, p));
    }
    return section(7, Buffer.concat([toLeb128(kept.length / 2), ...kept]));
  });
}

/** `wasm` with the imports of `module` renamed by `rename(name)`, and that module by
 * `renameModule`. */
export function withImports(wasm, module, renameModule, rename) {
  return mapSections(wasm, (id, content, whole) => {
    if (id !== 2) return whole;
    let [count, p] = leb128(content, 0);
    const entries = [toLeb128(count)];
    for (let i = 0; i < count; i++) {
      const [from, nameAt] = readName(content, p);
      const [name, kindAt] = readName(content, nameAt);
      p = kindAt + 1;
      const kind = content[kindAt];
      if (kind === 0) [, p] = leb128(content, p); // a function: its type
      else if (kind === 1 || kind === 2) {
        if (kind === 1) p++; // a table: its element type
        const flags = content[p++];
        [, p] = leb128(content, p);
        if (flags & 1) [, p] = leb128(content, p);
      } else if (kind === 3) p += 2; // a global: its type and mutability
      else throw new Error(`wasm: an import of kind ${kind} is not handled`);
      const ours = from === module;
      entries.push(wasmName(ours ? renameModule : from), wasmName(ours ? rename(name) : name), content.subarray(kindAt, p));
    }
    return section(2, Buffer.concat(entries));
  });
}

/**
 * `wasm` without the custom sections that `--emit-relocs` (.cargo/config.toml, for
 * wasm-split) adds: `linking` and `reloc.*`. wasm-split drops them from the app; the
 * deck reader is not split, and wasm-opt would keep them.
 */
export function withoutRelocations(wasm) {
  return mapSections(wasm, (id, content, whole) => {
    if (id !== 0) return whole;
    const [name] = readName(content, 0);
    return name === 'linking' || name.startsWith('reloc.') ? null : whole;
  });
}

/** The names of `wasm`'s exports, in order (for checks and tests). */
export function exportNames(wasm) {
  const out = [];
  mapSections(wasm, (id, content, whole) => {
    if (id !== 7) return whole;
    let [count, p] = leb128(content, 0);
    for (let i = 0; i < count; i++) {
      const [name, kindAt] = readName(content, p);
      out.push(name);
      [, p] = leb128(content, kindAt + 1);
    }
    return whole;
  });
  return out;
}
