// The loader (scripts/loader.js) with this build's file names, minified and inlined
// into index.html in place of trunk's skipped Rust link.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const SOURCE = new URL('../loader.js', import.meta.url);

/** The loader's text for `files` ({ glue, wasm, deck, reader }: names in dist/). */
export async function loaderScript(files) {
  let text = readFileSync(SOURCE, 'utf8');
  for (const [key, name] of Object.entries(files)) {
    const marker = `__${key.toUpperCase()}__`;
    if (!text.includes(marker)) throw new Error(`wasm: scripts/loader.js has no ${marker}`);
    text = text.replaceAll(marker, name);
  }
  const left = text.match(/__[A-Z]+__/);
  if (left) throw new Error(`wasm: scripts/loader.js still has ${left[0]}`);
  // Names kept where scripts/sizes.mjs and postbuild.mjs read them.
  const { code } = await minify(text, {
    module: true,
    ecma: 2022,
    compress: false,
    mangle: { reserved: ['glue', 'wasm', 'deck'] },
    format: { comments: false },
  });
  return code;
}

/** Puts the loader into `staging`/index.html. */
export async function installLoader(staging, files) {
  const indexPath = join(staging, 'index.html');
  const html = readFileSync(indexPath, 'utf8');
  // Trunk leaves its (skipped) rust link in place: the loader goes there.
  const skipped = /<link data-trunk rel="rust" data-trunk-skip[^>]*>/;
  if (!skipped.test(html)) throw new Error('wasm: index.html lacks <link data-trunk rel="rust" data-trunk-skip />');
  const script = `<script type="module">${await loaderScript(files)}</script>`;
  writeFileSync(indexPath, html.replace(skipped, () => script));
}
