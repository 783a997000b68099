import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Records what `page` logs as an error, and its uncaught exceptions, into `errors`. */
export function watchErrors(page: Page, errors: string[]) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()} (${page.url()})`);
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message} (${page.url()})`));
}

/**
 * Every test fails on a console error or an uncaught exception in any page it opens: the
 * test's own page, a second tab (`context.newPage()`), and pages in a context the test
 * makes itself (`browser.newContext()`: a second device, a fresh browser). The journeys
 * in Firefox and WebKit collect theirs through the driver (engines.ts).
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ browser, context }, use) => {
      const errors: string[] = [];
      const watchContext = (c: BrowserContext) => {
        for (const p of c.pages()) watchErrors(p, errors);
        c.on('page', (p) => watchErrors(p, errors));
      };
      watchContext(context);
      const newContext = browser.newContext;
      browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
        const made = await newContext.apply(browser, args);
        watchContext(made);
        return made;
      };
      try {
        await use(errors);
      } finally {
        browser.newContext = newContext;
      }
      expect(errors, 'a page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** `n what` as a whole number in a text ("1 due" is not found in "11 due"). */
export const counted = (n: number, what: string) => new RegExp(`(?<![\\d,])${n} ${what}`);

/**
 * Opens a route of the app (a hash such as `#/c/copy-vs-add`) and waits for it to mount.
 * On the home page (`#/`), which is pre-rendered and reads without the app, the app starts
 * when the user reaches for it (scripts/wasm.mjs): here, a key press that does nothing
 * else. Any other route starts it at once.
 */
export async function open(page: Page, hash = '#/') {
  await page.goto(hash);
  await expect(page.locator('main h1')).toBeVisible();
  if (/^#\/?$/.test(hash)) await page.keyboard.press('Shift');
  // The app has taken the pre-rendered page's place (src/platform/document.rs).
  await expect(page.locator('html[data-app="running"]')).toHaveCount(1);
}

/**
 * A fresh browser (nothing stored, UTC, its clock at `time`) with the backup `file` chosen
 * on Settings: its context (close it), page and import preview.
 */
export async function importInFreshBrowser(browser: Browser, file: string, time: Date) {
  const context = await browser.newContext({ timezoneId: 'UTC' });
  const page = await context.newPage();
  await page.clock.install({ time });
  await open(page, '#/settings');
  await page.getByLabel('Import a backup file').setInputFiles(file);
  return { context, page, preview: page.getByRole('region', { name: 'Import preview' }) };
}

/** Runs axe (WCAG 2.2 A/AA) on the page and expects no violations. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, 'axe violations').toEqual([]);
}

/** True when the page scrolls sideways (content wider than the viewport). */
export async function scrollsSideways(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/**
 * The progress record as the app stores it, put together from its parts (see
 * src/storage/layout.rs): the head `diffdeck:progress`, the compacted history
 * `diffdeck:history` and one `diffdeck:log:<day>` per study day. Null when nothing is
 * stored.
 */
export async function stored(page: Page) {
  return page.evaluate(readStored);
}

/** What `stored` reads, run in the page (any engine's: see engines.ts). */
export function readStored() {
  const keys = Object.keys(localStorage).filter(
    (k) => k === 'diffdeck:progress' || k === 'diffdeck:history' || k.startsWith('diffdeck:log:'),
  );
  if (keys.length === 0) return null;
  const read = (k: string) => JSON.parse(localStorage.getItem(k) ?? '{}');
  const record = { ...read('diffdeck:progress'), log: [] as { t: number; c: string }[], confusions: [] as { t: number }[] };
  for (const k of keys) {
    const part = read(k);
    record.log.push(...(part.log ?? []));
    record.confusions.push(...(part.confusions ?? []));
    if (k === 'diffdeck:history') Object.assign(record, { base: part.base, compacted_days: part.compacted_days });
  }
  record.log.sort((a, b) => a.t - b.t || a.c.localeCompare(b.c));
  record.confusions.sort((a, b) => a.t - b.t);
  return record;
}

/** Resolves once the service worker controls the page (it claims it on first install); run
 * in the page (any engine's). */
export async function untilControlled() {
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
  }
  return true;
}
