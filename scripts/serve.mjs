#!/usr/bin/env node
// A static file server that behaves like a plain static host: files only, no rewrites,
// the app under a sub-path, and precompressed `.br`/`.gz` siblings served when the
// browser accepts them. Used by `make serve`, the e2e tests and the benchmark.
//
//   node scripts/serve.mjs [--dir dist] [--base /diffdeck/] [--port 8080] [--host 127.0.0.1]
import { createServer } from 'node:http';
import { stat, readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const root = resolve(args.dir ?? 'dist');
const base = (args.base ?? '/diffdeck/').replace(/\/?$/, '/');
const port = Number(args.port ?? 8080);
const host = args.host ?? '127.0.0.1';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream',
};

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/' || url.pathname === base.slice(0, -1)) {
    res.writeHead(302, { Location: base });
    return res.end();
  }
  if (!url.pathname.startsWith(base)) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    return res.end('Not found (the app lives under ' + base + ')');
  }
  let rel = decodeURIComponent(url.pathname.slice(base.length)) || 'index.html';
  if (rel.endsWith('/')) rel += 'index.html';
  const path = normalize(join(root, rel));
  if (!path.startsWith(root + sep) || !(await isFile(path))) {
    // As GitHub Pages does: a folder asked for without its slash is sent to it, and any
    // other miss gets the site's 404.html.
    if (path.startsWith(root + sep) && (await isFile(join(path, 'index.html')))) {
      res.writeHead(301, { Location: `${url.pathname}/` });
      return res.end();
    }
    const notFound = join(root, '404.html');
    if (await isFile(notFound)) {
      res.writeHead(404, { 'Content-Type': TYPES['.html'], 'Cache-Control': 'no-cache' });
      return res.end(req.method === 'HEAD' ? undefined : await readFile(notFound));
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    return res.end('Not found');
  }
  const headers = {
    'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Encoding',
  };
  const accepts = String(req.headers['accept-encoding'] ?? '');
  let file = path;
  for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (accepts.includes(enc) && (await isFile(path + ext))) {
      file = path + ext;
      headers['Content-Encoding'] = enc;
      break;
    }
  }
  const body = await readFile(file);
  headers['Content-Length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
});

server.listen(port, host, () => {
  console.log(`diffdeck is served at http://${host}:${port}${base}  (Ctrl+C to stop)`);
});
