import { test, expect, open, expectNoAxeViolations } from './fixtures';
import { chromium, test as plainTest, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

// These tests run their own static server, so they can stop it (Playwright's offline mode
// does not cover service-worker fetches) or swap the build it serves.
const BASE = '/diffdeck/';
const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function serve(dir: string, port: number): Promise<ChildProcess> {
  const server = spawn('node', ['scripts/serve.mjs', '--dir', dir, '--base', BASE, '--port', String(port)], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 50; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}${BASE}`);
      if (res.ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

async function stop(server: ChildProcess) {
  const exited = new Promise((r) => server.once('exit', r));
  server.kill();
  await exited;
}

async function controlled(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}

test.describe.configure({ mode: 'serial' });

test('installable: Chromium reports no installability errors', async ({ baseURL, isMobile }) => {
  test.skip(isMobile, 'once is enough');
  const profile = mkdtempSync(join(tmpdir(), 'diffdeck-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: ARGS });
  try {
    const page = await context.newPage();
    await page.goto(baseURL!);
    await expect(page.locator('main h1')).toBeVisible();
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await (await page.request.get(new URL('manifest.webmanifest', baseURL).href)).json();
    expect(manifest.start_url).toBe('./');
    expect(manifest.icons.map((i: { purpose: string }) => i.purpose)).toContain('maskable');
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

plainTest('a browser without WebAssembly is told so, not left with a skeleton', async ({ page }) => {
  // No console-error check here: the app's loader fails in such a browser, as it must.
  await page.addInitScript(() => {
    delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
  });
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('This browser cannot run diffdeck');
  await expect(page.locator('.skeleton')).toHaveCount(0);
  await expect(page.locator('main')).not.toHaveAttribute('aria-busy', 'true');
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

test('works with the server gone: every screen and mode', async ({ page, isMobile }) => {
  const port = isMobile ? 4191 : 4192;
  const server = await serve('dist', port);
  await page.goto(`http://127.0.0.1:${port}${BASE}`);
  await expect(page.locator('article.card')).toHaveCount(21);
  await controlled(page);
  await stop(server);

  await page.reload();
  await expect(page.locator('article.card')).toHaveCount(21);
  await page.goto(`http://127.0.0.1:${port}${BASE}#/c/copy-vs-add`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('COPY vs ADD');
  // The second deck (a fetched file) and a comparison of it.
  await page.goto(`http://127.0.0.1:${port}${BASE}#/d/docker-in-depth`);
  await expect(page.locator('article.card')).toHaveCount(46);
  await page.goto(`http://127.0.0.1:${port}${BASE}#/c/docker-save-vs-docker-export`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('docker save vs docker export');
  await page.getByRole('link', { name: 'Flashcards' }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: /Show answer/ }).click();
  await page.getByRole('button', { name: /^Good/ }).click();
  await expect(page.locator('.counters')).toContainText('1 done today');
  await page.getByRole('link', { name: 'Match' }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.locator('.tile')).toHaveCount(isMobile ? 12 : 16);
  await page.getByRole('link', { name: 'Quiz' }).click();
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page.locator('#question-prompt')).toBeVisible();
  // A cold start offline, in a new tab.
  const second = await page.context().newPage();
  await second.goto(`http://127.0.0.1:${port}${BASE}#/flashcards`);
  await expect(second.getByRole('heading', { level: 1 })).toHaveText('Flashcards');
});

test('a new version offers to reload, and progress survives the update', async ({ page, isMobile }) => {
  // Two builds, a second postbuild run and two servers: more than the default on a slow machine.
  test.setTimeout(90_000);
  const port = isMobile ? 4193 : 4194;
  const root = mkdtempSync(join(tmpdir(), 'diffdeck-builds-'));
  const a = join(root, 'a');
  const b = join(root, 'b');
  cpSync('dist', a, { recursive: true });
  cpSync('dist', b, { recursive: true });
  const index = join(b, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<meta name="description" content="', '<meta name="description" content="Build B. '));
  execFileSync('node', ['scripts/postbuild.mjs', b], { stdio: 'ignore' });

  let server = await serve(a, port);
  try {
    await page.goto(`http://127.0.0.1:${port}${BASE}#/flashcards?c=cmd-vs-entrypoint`);
    await controlled(page);
    await page.getByRole('button', { name: /Show answer/ }).click();
    await page.getByRole('button', { name: /^Good/ }).click();
    await expect(page.locator('.counters')).toContainText('1 done today');

    await stop(server);
    server = await serve(b, port);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = page.getByRole('status').filter({ hasText: 'A new version of diffdeck is ready.' });
    await expect(prompt).toBeVisible({ timeout: 15_000 });
    // Not in the middle of a quiz: the prompt waits for the round to end.
    await page.getByRole('link', { name: 'Quiz' }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(prompt).toHaveCount(0);
    await page.getByRole('link', { name: 'Flashcards' }).click();
    await expect(prompt).toBeVisible();
    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /^Build B\./);
    await page.goto(`http://127.0.0.1:${port}${BASE}#/flashcards?c=cmd-vs-entrypoint`);
    await expect(page.locator('.counters')).toContainText('1 done today');
  } finally {
    await stop(server);
    rmSync(root, { recursive: true, force: true });
  }
});

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
  await page.route(/split_quiz_screen-[0-9a-f]+\.wasm$/, (route) => (offline ? route.abort() : route.continue()));
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
