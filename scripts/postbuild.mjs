#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml): finishes dist/ for a static host.
//  0. the wasm: built, split into lazily loaded parts and named by content (wasm.mjs);
//  0b. two stylesheets instead of one per source file: the first screen's, and the study
//      screens' (loaded with their code);
//  1. a Content-Security-Policy meta tag allowing only this origin, with the hash of the
//     inline script trunk emits;
//  2. the service worker (Workbox generateSW), precaching every file the build emitted,
//     versioned by content;
//  2a. the pre-rendered site: every bundled deck and comparison as a page of its own
//     (src/bin/prerender.rs; SITE_URL adds canonical URLs, sitemap.xml and robots.txt);
//  3. precompressed .br and .gz siblings for hosts that serve them.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { generateSW } from 'workbox-build';
import { buildWasm, hash } from './wasm.mjs';
import { small } from './wasm/tools.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const indexPath = join(dir, 'index.html');

// 0. The wasm, and its loader in index.html (unless this dist already has them: the
//    update test re-runs this script on a copy of dist).
if (!/<script type="module">const glue\s*=/.test(readFileSync(indexPath, 'utf8'))) {
  await buildWasm({
    root: process.env.TRUNK_SOURCE_DIR ?? process.cwd(),
    staging: dir,
    release: (process.env.TRUNK_PROFILE ?? 'release') === 'release',
  });
}

let html = readFileSync(indexPath, 'utf8');

// 0b. Trunk emits each style/*.css as its own file: join them, in order, into two, without
// the comments (they are for the sources; a kilobyte of the first load). No string in
// style/ holds a comment marker. The first sheet is what the first screen and the
// pre-rendered pages use; the study screens' sheet (LATER) is loaded with their code
// (src/platform/styles.rs finds it through a meta tag) and precached.
const LATER = ['forms', 'flip', 'games', 'progress', 'own', 'practice', 'detail'];
const sheets = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>\s*/g)];
if (sheets.length > 1) {
  const join_ = (list) => {
    const joined = list.map((m) => readFileSync(join(dir, m[1]), 'utf8')).join('\n');
    if (/["'][^"'\n]*\/\*[^"'\n]*["']/.test(joined)) throw new Error('postbuild: a CSS string holds "/*"; strip comments another way');
    return joined.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\n\s*\n+/g, '\n');
  };
  const later = sheets.filter((m) => LATER.some((name) => m[1].startsWith(`${name}-`)));
  if (later.length !== LATER.length) throw new Error(`postbuild: expected the sheets ${LATER.join(', ')} in index.html`);
  const first = sheets.filter((m) => !later.includes(m));
  const css = join_(first);
  const name = `app-${hash(css)}.css`;
  writeFileSync(join(dir, name), css);
  const studyCss = join_(later);
  const study = `study-${hash(studyCss)}.css`;
  writeFileSync(join(dir, study), studyCss);
  for (const m of sheets) rmSync(join(dir, m[1]));
  html = html.replace(
    sheets[0][0],
    `<link rel="stylesheet" href="./${name}" />\n    <meta name="diffdeck-study-styles" content="./${study}" />\n    `,
  );
  for (const m of sheets.slice(1)) html = html.replace(m[0], '');
}

// 1. CSP: hash every inline <script> so nothing else inline can run.
const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`,
);
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, '');
html = html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`);
writeFileSync(indexPath, html);

// 2a. The pre-rendered pages, before the service worker so that it precaches them.
const stylesheet = html.match(/<link rel="stylesheet" href="\.\/(app-[0-9a-f]+\.css)"/)?.[1];
const studySheet = html.match(/<meta name="diffdeck-study-styles" content="\.\/(study-[0-9a-f]+\.css)"/)?.[1];
if (!stylesheet || !studySheet) throw new Error('postbuild: no app or study stylesheet in index.html');
const prerender = spawnSync('cargo', ['run', '--quiet', '--locked', '--bin', 'prerender', '--', dir, stylesheet, studySheet], {
  cwd: process.env.TRUNK_SOURCE_DIR ?? process.cwd(),
  stdio: 'inherit',
});
if (prerender.status !== 0) throw new Error(`postbuild: prerender failed (${prerender.error?.message ?? `status ${prerender.status}`})`);

// 2. The service worker.
const { count, size, warnings } = await generateSW({
  globDirectory: dir,
  globPatterns: ['**/*.{html,js,wasm,css,png,svg,webmanifest,bin}'],
  globIgnores: ['sw.js'],
  swDest: join(dir, 'sw.js'),
  inlineWorkboxRuntime: true,
  mode: 'production',
  sourcemap: false,
  navigateFallback: 'index.html',
  cleanupOutdatedCaches: true,
  // A new version waits until the user says "reload" (see src/platform/sw.rs).
  skipWaiting: false,
  clientsClaim: true,
  // Files named by their content (trunk's, the wasm parts, the decks) never change under
  // the same name.
  dontCacheBustURLsMatching: /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$|^(split|chunk)_.*-[0-9a-f]{8}\.wasm$|^deck-.*-[0-9a-f]{8}\.bin$/,
  maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
});
for (const w of warnings) console.warn(`postbuild: ${w}`);
// Page addresses that are not the app (a slash-less folder, an unknown page) are answered
// before the generated routes: see scripts/sw-addresses.js.
// In a function of its own: the generated worker's minified names share the top level.
const addresses = await small(`(() => {\n${readFileSync(new URL('./sw-addresses.js', import.meta.url), 'utf8')}\n})();`, true);
writeFileSync(join(dir, 'sw.js'), `${addresses}\n${readFileSync(join(dir, 'sw.js'), 'utf8')}`);
console.log(`postbuild: service worker precaches ${count} files, ${(size / 1024).toFixed(1)} KB`);

// 3. Precompressed siblings.
const compressible = new Set(['.html', '.js', '.wasm', '.css', '.svg', '.webmanifest', '.json', '.bin']);
for (const name of readdirSync(dir, { recursive: true })) {
  const path = join(dir, name);
  if (!statSync(path).isFile() || !compressible.has(extname(name))) continue;
  const data = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
}
