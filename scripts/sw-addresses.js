// The service worker's answer to a page address that is not the app: put before the
// generated worker (scripts/postbuild.mjs), so its fetch listener runs first. The app
// itself (the scope's root and index.html) is left to the precache and its fallback.
//
// A static host sends `c/<id>` to `c/<id>/` and anything it lacks to its 404.html; a
// returning visitor, whose pages come from this worker, gets the same, online or offline:
// - a pre-rendered page, from the precache (with or without its slash: without it, a
//   redirect first, so that the page's relative links resolve from its folder);
// - an address the precache lacks, from the network (a newer deploy may have it);
// - failing that (offline, or the host has no such page), the site's 404.html with a
//   <base> at the scope, so that its styles and links load at any depth. Its status is
//   200: the page says "Nothing here" itself, a browser logs a 404 document as an error,
//   and no search engine sees what a service worker answers (the host's real 404 is
//   what a first visit and a crawler get).

const scopePath = () => new URL(self.registration.scope).pathname;

/** The precached copy of `path` (the precache keys carry a revision query). */
const cached = (path) => caches.match(new URL(path, self.registration.scope).href, { ignoreSearch: true });

async function notFound() {
  const page = await cached('404.html');
  if (!page) return Response.error();
  const html = (await page.text()).replace('<head>', `<head><base href="${self.registration.scope}" />`);
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

async function answer(request, rel) {
  const page = await cached(rel.endsWith('/') ? `${rel}index.html` : rel);
  if (page) return page;
  if (!rel.endsWith('/') && (await cached(`${rel}/index.html`))) {
    const to = new URL(request.url);
    to.pathname += '/';
    return Response.redirect(to.href, 301);
  }
  try {
    const response = await fetch(request);
    if (response.status !== 404) return response;
  } catch {
    // Offline: the cached 404 page below.
  }
  return notFound();
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.mode !== 'navigate' || request.method !== 'GET') return;
  const url = new URL(request.url);
  const scope = scopePath();
  if (url.origin !== self.location.origin || !url.pathname.startsWith(scope)) return;
  const rel = decodeURIComponent(url.pathname.slice(scope.length));
  if (rel === '' || rel === 'index.html') return;
  event.respondWith(answer(request, rel));
});
