import { test, expect, open, expectNoAxeViolations, untilControlled, watchErrors } from './fixtures';
import { ownPort } from './engines';
import { BASE, serve, stop } from './server';
import { chromium, test as plainTest, type Page } from '@playwright/test';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const controlled = (page: Page) => page.evaluate(untilControlled);

test.describe.configure({ mode: 'serial' });

test('installable: Chromium reports no installability errors', async ({ baseURL, isMobile }) => {
  test.skip(isMobile, 'once is enough');
  const profile = mkdtempSync(join(tmpdir(), 'diffdeck-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: ARGS });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    watchErrors(page, errors);
    await page.goto(baseURL!);
    await expect(page.locator('main h1')).toBeVisible();
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await (await page.request.get(new URL('manifest.webmanifest', baseURL).href)).json();
    expect(manifest.start_url).toBe('./');
    expect(manifest.icons.map((i: { purpose: string }) => i.purpose)).toContain('maskable');
    expect(errors, 'the installed page logged errors').toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`a browser without light-dark() gets the same colours (${scheme})`, async ({ page, context }) => {
    const colours = (p: Page) =>
      p.evaluate(() => {
        const style = getComputedStyle(document.body);
        return [style.backgroundColor, style.color];
      });
    await page.emulateMedia({ colorScheme: scheme });
    await open(page);
    const native = await colours(page);
    // A second tab whose browser says it has no light-dark().
    const old = await context.newPage();
    await old.emulateMedia({ colorScheme: scheme });
    await old.addInitScript(() => {
      const supports = CSS.supports.bind(CSS) as (...args: string[]) => boolean;
      CSS.supports = ((...args: string[]) => (args.join(' ').includes('light-dark') ? false : supports(...args))) as typeof CSS.supports;
    });
    await open(old);
    await expect(old.locator('link[href="colours-fallback.css"]')).toHaveCount(1);
    // The fallback's plain values win over the light-dark() pairs, for this scheme...
    const bg = () => old.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim());
    await expect.poll(bg).toBe(scheme === 'light' ? '#f6f7fb' : '#12151c');
    // ...and they are the same colours.
    expect(await colours(old)).toEqual(native);
  });
}

plainTest('a browser without WebAssembly is told so, and can still read the deck', async ({ page }) => {
  // No console-error check here: the app's loader fails in such a browser, as it must.
  await page.addInitScript(() => {
    delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
  });
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('This browser cannot run diffdeck’s search and study modes');
  await expect(page.locator('article.card')).toHaveCount(21);
});

test('the installed app starts at once, without waiting for a tap', async ({ page }) => {
  // Opened from the home screen (display-mode: standalone), diffdeck is there to study:
  // the loader starts the app as the page loads. Playwright cannot emulate the display
  // mode, so the page's matchMedia answers for it.
  await page.addInitScript(() => {
    const real = window.matchMedia.bind(window);
    window.matchMedia = (query: string) =>
      query === '(display-mode: standalone)' ? ({ ...real(query), matches: true } as MediaQueryList) : real(query);
  });
  await page.goto('./');
  await expect(page.locator('html[data-app="running"]')).toHaveCount(1);
  await expect(page.locator('article.card')).toHaveCount(21);
});

test.describe('the install offer in Settings', () => {
  test('where the browser offers to install: a button that shows its prompt', async ({ page }) => {
    await open(page, '#/settings');
    const install = page.locator('section.install');
    await expect(install).toContainText('look for “Install”');
    await expect(install.getByRole('button')).toHaveCount(0);
    // What Chromium fires, soon after loading, when the app can be installed (index.html
    // keeps it for Settings).
    await open(page, '#/');
    await page.evaluate(() => {
      const offer = new Event('beforeinstallprompt', { cancelable: true }) as Event & Record<string, unknown>;
      offer.prompt = () => {
        (window as unknown as Record<string, boolean>).prompted = true;
        return Promise.resolve();
      };
      offer.userChoice = Promise.resolve({ outcome: 'accepted' });
      dispatchEvent(offer);
    });
    await open(page, '#/settings');
    await install.getByRole('button', { name: 'Install diffdeck' }).click();
    await expect(install).toContainText('diffdeck is installed on this device');
    expect(await page.evaluate(() => (window as unknown as Record<string, boolean>).prompted)).toBe(true);
    await expectNoAxeViolations(page);
  });

  test.describe('on an iPhone', () => {
    test.use({
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
    });
    test('Add to Home Screen, and a calm word about Safari clearing data', async ({ page }) => {
      await open(page, '#/settings');
      const install = page.locator('section.install');
      await expect(install.getByRole('listitem')).toHaveCount(2);
      await expect(install).toContainText('Add to Home Screen');
      await expect(install).toContainText('seven days');
      await expectNoAxeViolations(page);
      const meta = (name: string) => page.locator(`meta[name="${name}"]`).getAttribute('content');
      expect(await meta('apple-mobile-web-app-title')).toBe('diffdeck');
      expect(await meta('apple-mobile-web-app-capable')).toBe('yes');
    });
  });
});

// Offline with the server stopped, and an update, are journeys: journeys.spec.ts runs them
// in every engine.

test('no request leaves the app’s origin, and the CSP allows only it', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http://127.0.0.1:4173/')) foreign.push(r.url());
  });
  const violations: string[] = [];
  await page.exposeFunction('reportCsp', (v: string) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportCsp: (v: string) => void }).reportCsp(`${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  await open(page);
  for (const hash of ['#/c/v-vs-mount', '#/flashcards', '#/match', '#/quiz']) await open(page, hash);
  // A running quiz sets its countdown's width through the CSSOM, which CSP allows.
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.locator('.countdown__bar')).toHaveAttribute('style', /width: \d+%/);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(csp).not.toContain('unsafe-inline');
  expect(foreign.filter((u) => !u.startsWith('data:'))).toEqual([]);
  expect(violations).toEqual([]);
});

// The study screens are fetched on first use (src/ui/lazy.rs). Offline before the service
// worker has cached them, the fetch fails: the screen says so, and a retry opens it. (The
// loader logs the failed fetch, so this test does not use the fixture that fails on
// console errors.)
plainTest('a screen whose code cannot be fetched says so, and opens on a retry', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const page = await context.newPage();
  const uncaught: string[] = [];
  page.on('pageerror', (err) => uncaught.push(err.message));
  let offline = true;
  await page.route(/split_test_screen-[0-9a-f]+\.wasm$/, (route) => (offline ? route.abort() : route.continue()));
  await open(page);
  await page.getByRole('link', { name: 'Quiz' }).click();
  await expect(page.getByRole('alert')).toContainText('Quiz could not be loaded');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quiz');
  await expectNoAxeViolations(page);
  offline = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(uncaught).toEqual([]);
  await context.close();
});

// The second deck is a file fetched after start-up. Offline before the service worker has
// cached it, its page says so (no endless "Loading"), and a retry opens it.
plainTest('a deck that cannot be fetched says so, and opens on a retry', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const page = await context.newPage();
  const uncaught: string[] = [];
  page.on('pageerror', (err) => uncaught.push(err.message));
  let offline = true;
  await page.route(/deck-docker-in-depth-[0-9a-f]+\.bin$/, (route) => (offline ? route.abort() : route.continue()));
  await page.goto('#/d/docker-in-depth');
  await expect(page.getByRole('alert')).toContainText('This deck could not be loaded');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Docker in Depth');
  await expectNoAxeViolations(page);
  offline = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('article.card')).toHaveCount(46);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(uncaught).toEqual([]);
  await context.close();
});

test('offline after one visit, every page opens: the app and every deck and comparison page', async ({ page, isMobile }, info) => {
  test.skip(isMobile, 'once is enough; the journeys open the app and two pages offline in every engine');
  test.setTimeout(180_000);
  const port = ownPort('chromium', false, info.parallelIndex, 8);
  const url = `http://127.0.0.1:${port}${BASE}`;
  const pages = readdirSync('dist', { recursive: true })
    .map(String)
    .filter((f) => /^[cd]\/[a-z0-9-]+\/index\.html$/.test(f))
    .map((f) => f.replace(/index\.html$/, ''));
  expect(pages.length).toBeGreaterThanOrEqual(69);
  const server = await serve('dist', port);
  try {
    await page.goto(url);
    await controlled(page);
    await stop(server);
    await page.reload();
    // The app starts when the user reaches for it (here, to search), offline too.
    await page.locator('#search-input').fill('volume orphaned');
    await expect(page.locator('html[data-app="running"]')).toHaveCount(1);
    await expect(page.locator('li:not([hidden]) > article.card')).toHaveCount(1);
    for (const path of pages) {
      await page.goto(`${url}${path}`);
      await expect(page.locator('main h1'), path).toBeVisible();
      expect(await page.title(), path).toMatch(/ — diffdeck$/);
    }
  } finally {
    await stop(server);
  }
});

test('for a returning visitor, a page address without its slash is the page, and an unknown one the styled 404, online and offline', async ({ page, isMobile }, info) => {
  // The service worker answers navigations it controls; with no answer of its own for
  // these, the app's shell came back at the wrong depth (unstyled, the app failing).
  const port = ownPort('chromium', isMobile, info.parallelIndex, 9);
  const url = `http://127.0.0.1:${port}${BASE}`;
  const server = await serve('dist', port);
  const styled = () => expect(page.locator('.app-header')).toHaveCSS('position', 'sticky');
  try {
    await page.goto(url);
    await controlled(page);
    for (const online of [true, false]) {
      if (!online) await stop(server);
      await page.goto(`${url}c/cmd-vs-entrypoint`);
      await expect(page, `online: ${online}`).toHaveURL(`${url}c/cmd-vs-entrypoint/`);
      await expect(page.locator('main h1')).toContainText('CMD');
      await styled();
      await page.goto(`${url}d/docker`);
      await expect(page).toHaveURL(`${url}d/docker/`);
      await expect(page.locator('main h1')).toBeVisible();
      await styled();
      await page.goto(`${url}c/does-not-exist/`);
      await expect(page.locator('main h1'), `online: ${online}`).toHaveText('Nothing here');
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
      await styled();
      await page.getByRole('link', { name: 'Browse all comparisons' }).click();
      await expect(page).toHaveURL(`${url}#/`);
      await expect(page.locator('article.card').first()).toBeVisible();
    }
  } finally {
    await stop(server);
  }
});
