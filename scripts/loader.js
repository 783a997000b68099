// The app's loader, inlined into index.html by scripts/wasm.mjs, which fills in the
// `__…__` names of this build's files (`glue =`, `wasm =` and `deck =` are also read by
// scripts/sizes.mjs). Linted in `make test` (eslint.config.mjs).
//
// The home page is the first deck, pre-rendered: it reads, links and works offline without
// the app. So before the first paint the page loads nothing but itself and its stylesheet;
// once that paint is on screen (its largest-contentful-paint entry, or 300 ms at most),
// the loader fetches what the app needs (its JS, its wasm, compiled off the main thread,
// and the first deck) and nothing runs. The app starts when the user reaches for the page
// (a tap, a key, focus, a hash link followed), so its start-up never delays reading; on
// any other route, and in the installed app (opened to study), it starts at once. The
// service worker is registered here, so a visitor who never touches the page still gets it
// offline; the app watches it for updates (src/platform/sw.rs).
const glue = './__GLUE__', wasm = './__WASM__', deck = './__DECK__';

// The deck reader (src/bin/reader.rs), imported by "Your decks" on first use.
globalThis.diffdeckReader = () => import('./__READER__').then(async (m) => {
  await m.default();
  return m;
});

// The study screens' stylesheet (src/platform/styles.rs), once; a failure may be retried.
let styles;
globalThis.diffdeckStyles = () => (styles ??= new Promise((ok, fail) => {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = document.querySelector('meta[name="diffdeck-study-styles"]').content;
  link.onload = ok;
  link.onerror = () => {
    link.remove();
    styles = undefined;
    fail();
  };
  document.head.append(link);
}));

// The app's code, fetched once: its JS, and its wasm compiled off the main thread (the
// path itself if compiling fails, so that the glue reports why).
let code;
const fetched = () => (code ??= [import(glue), WebAssembly.compileStreaming(fetch(wasm)).catch(() => wasm)]);

const wakes = ['pointerdown', 'keydown', 'focusin', 'hashchange'];
// A tap on a link that leaves this page (a comparison's or a deck's own page, a source)
// does not start the app: its start-up would hold up the navigation the tap begins.
const leaves = (e) => e?.type === 'pointerdown'
  && e.target?.closest?.('a[href]:not([href^="#"]):not([href^="./#"])');
let started;
const start = (e) => {
  if (started || leaves(e)) return;
  started = true;
  for (const w of wakes) removeEventListener(w, start, true);
  const [app, compiled] = fetched();
  app.then((m) => m.default({ module_or_path: compiled }));
};
if (!/^(#\/?|#main)?$/.test(location.hash) || matchMedia('(display-mode: standalone)').matches) start();
else for (const w of wakes) addEventListener(w, start, true);

addEventListener('load', () => navigator.serviceWorker?.register('./sw.js').catch(() => {}));

// The update flow (src/platform/sw.rs asks for it): a new version installs in the
// background and waits while this page is controlled by the old one. The app hears of it
// (`diffdeckUpdateReady()`, then a `diffdeck-update` event), and `diffdeckUpdate()` lets
// the new version take over; the page reloads once it has. Here rather than in the wasm:
// the service worker's bindings would be imports of the app's first download.
let updateReady = false;
const controlled = () => Boolean(navigator.serviceWorker.controller);
const announce = () => {
  updateReady = true;
  dispatchEvent(new Event('diffdeck-update'));
};
globalThis.diffdeckUpdateReady = () => updateReady;
globalThis.diffdeckUpdate = async () => {
  const sw = navigator.serviceWorker;
  if (!sw) return;
  sw.addEventListener('controllerchange', () => location.reload());
  (await sw.getRegistration())?.waiting?.postMessage({ type: 'SKIP_WAITING' });
};
navigator.serviceWorker?.ready.then((registration) => {
  if (registration.waiting && controlled()) announce();
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && controlled()) announce();
    });
  });
});

await new Promise((go) => {
  setTimeout(go, 300);
  try {
    new PerformanceObserver(go).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch {
    go();
  }
});
// The first deck, into the HTTP cache for the app's fetch (a preload this late would
// warn when the app starts minutes later).
const [glueLoaded] = fetched();
// Then, in idle time, what a first tap is most likely to open: Flashcards' code and the
// storage code (scripts/wasm.mjs, PRECOMPILED), fetched and compiled off the main thread,
// so that the tap waits for neither; and the study screens' stylesheet, into the HTTP cache.
const idle = (f) => (globalThis.requestIdleCallback ? requestIdleCallback(f, { timeout: 2000 }) : setTimeout(f, 100));
glueLoaded.then(() => idle(() => {
  globalThis.diffdeckPrecompile?.(idle);
  const css = document.createElement('link');
  css.rel = 'prefetch';
  css.href = document.querySelector('meta[name="diffdeck-study-styles"]').content;
  document.head.append(css);
}));
const prefetch = document.createElement('link');
prefetch.rel = 'prefetch';
prefetch.href = deck;
document.head.append(prefetch);

// A returning reader: their home page should show what only the app knows, the decks
// of their own in the deck switch and what is due for review (src/ui/browse). So the app
// starts by itself, once the page is idle, rather than on the first touch, for anyone with
// decks of their own or a stored history (its compacted part or a day's reviews; see
// src/storage/layout.rs). Everyone else's home page is the same as the pre-rendered one:
// for them the app waits for a touch.
let returning = false;
try {
  returning = /"added_ms"/.test(localStorage.getItem('diffdeck:decks') ?? '')
    || Object.keys(localStorage).some((k) => k === 'diffdeck:history' || k.startsWith('diffdeck:log:'));
} catch {
  // Storage refused (a privacy mode): nothing of theirs to show.
}
if (returning) {
  if (globalThis.requestIdleCallback) requestIdleCallback(start, { timeout: 1000 });
  else setTimeout(start, 0);
}
