import { test, expect, open, stored, expectNoAxeViolations } from './fixtures';
import type { Browser, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';

// Progress carried between two devices (two browser contexts) by a sync link, with no
// server: A grades and makes a link; B opens it, sees what it holds and adds, confirms.
const T0 = new Date('2026-03-02T10:00:00Z');

test.use({ timezoneId: 'UTC' });

/** A second device: a fresh browser context (nothing stored), its clock at `time`. */
async function device(browser: Browser, time: Date) {
  const context = await browser.newContext({ timezoneId: 'UTC' });
  const page = await context.newPage();
  await page.clock.install({ time });
  return { context, page };
}

/** Shows and grades `n` cards Good in the flashcards of `only`. */
async function grade(page: Page, only: string, n: number) {
  await open(page, `#/flashcards?c=${only}`);
  for (let i = 0; i < n; i++) {
    await page.getByRole('button', { name: /Show answer/ }).click();
    await page.getByRole('button', { name: /^Good/ }).click();
  }
}

/** Makes a sync link on Settings for the device `to` (`everything`: not only changes). */
async function makeLink(page: Page, to: string, everything = false) {
  await open(page, '#/settings');
  await page.getByLabel('To which device?').fill(to);
  if (everything) await page.getByLabel('Send everything, not only what changed').check();
  await page.getByRole('button', { name: 'Make a sync link' }).click();
  const field = page.getByRole('textbox', { name: 'Sync link' });
  await expect(field).toHaveValue(/#\/sync\/1\./);
  return field.inputValue();
}

/** Opens `link` and returns the import preview. */
async function openLink(page: Page, link: string) {
  await page.goto(link);
  await expect(page.locator('html[data-app="running"]')).toHaveCount(1);
  return page.getByRole('region', { name: 'Import preview' });
}

const keys = async (page: Page) => ((await stored(page))?.log ?? []).map((r: { t: number; c: string }) => `${r.t} ${r.c}`);

test('a sync link carries five reviews to another device, once, and both ways ends equal', async ({ page: a, browser }) => {
  await a.clock.install({ time: T0 });
  await grade(a, 'cmd-vs-entrypoint,copy-vs-add', 5);
  expect(await keys(a)).toHaveLength(5);
  const link = await makeLink(a, 'Laptop');
  // The QR code beside it decodes, with a real decoder, to exactly the link shown.
  const png = PNG.sync.read(await a.locator('.qr__code').screenshot());
  const decoded = jsQR(Uint8ClampedArray.from(png.data), png.width, png.height);
  expect(decoded?.data).toBe(link);
  // (From the top: the sticky header would cover the buttons scrolled under it, which axe
  // reports as targets too small.)
  await a.evaluate(() => window.scrollTo(0, 0));
  await expectNoAxeViolations(a);

  const b = await device(browser, new Date(T0.getTime() + 3_600_000));
  try {
    const preview = await openLink(b.page, link);
    await expect(preview).toContainText('This link holds 5 reviews of 5 cards');
    await expect(preview).toContainText('Docker');
    await expect(preview).toContainText('Merging adds 5 reviews and 1 new study day here.');
    // The preview takes focus, in view, even though the screen is Settings.
    await expect(preview).toBeFocused();
    await expect(preview).toBeInViewport();
    await expectNoAxeViolations(b.page);
    // Nothing changes until the learner confirms; a link offers no "Replace".
    expect(await stored(b.page)).toBeNull();
    await expect(preview.getByRole('button', { name: 'Replace my progress' })).toHaveCount(0);
    await preview.getByRole('button', { name: 'Merge with my progress' }).click();
    await expect(b.page.locator('.done')).toContainText('merged');
    expect(await keys(b.page)).toEqual(await keys(a));
    await open(b.page, '#/progress');
    await expect(b.page.getByRole('img', { name: /5 reviews on 1 of the last/ })).toBeVisible();

    // The same link again adds nothing.
    const again = await openLink(b.page, link);
    await expect(again).toContainText('You already have all of its reviews: merging adds none.');
    await again.getByRole('button', { name: 'Merge with my progress' }).click();
    expect(await keys(b.page)).toHaveLength(5);

    // Each grades more, then each sends to the other: A only what changed since its last
    // send to "Laptop", B everything (its first send to "Phone").
    await a.clock.fastForward('02:00:00');
    await grade(a, 'v-vs-mount', 2);
    await grade(b.page, 'copy-vs-add', 2);
    const toB = await makeLink(a, 'Laptop');
    await expect(a.getByText('Last sent to this device on 2026-03-02 at 12:00')).toBeVisible();
    const fromB = await makeLink(b.page, 'Phone');
    const intoB = await openLink(b.page, toB);
    await expect(intoB).toContainText('This link holds 2 reviews of 2 cards');
    await intoB.getByRole('button', { name: 'Merge with my progress' }).click();
    await expect(b.page.locator('.done')).toContainText('merged');
    const intoA = await openLink(a, fromB);
    await expect(intoA).toContainText('This link holds 7 reviews');
    await expect(intoA).toContainText('Merging adds 2 reviews');
    await intoA.getByRole('button', { name: 'Merge with my progress' }).click();
    await expect(a.locator('.done')).toContainText('merged');
    const [fromA, fromBoth] = [await keys(a), await keys(b.page)];
    expect(fromA).toHaveLength(9);
    expect(fromBoth).toEqual(fromA);
  } finally {
    await b.context.close();
  }
});

test('a damaged, cut, future or oversized sync link is refused, and nothing stored changes', async ({ page }) => {
  await page.clock.install({ time: T0 });
  await grade(page, 'cmd-vs-entrypoint', 1);
  const link = await makeLink(page, 'Laptop', true);
  const before = await stored(page);
  const at = link.indexOf('/sync/1.') + 20;
  const changed = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
  const base = link.slice(0, link.indexOf('#'));
  const cases: [string, RegExp][] = [
    [changed, /damaged/],
    [link.slice(0, -12), /damaged/],
    [`${base}#/sync/2.eJzLSM3JyVcozy_KSQEAGgQEXQ`, /newer version of diffdeck/],
    [`${base}#/sync/1.${'A'.repeat(320_001)}`, /too large for a link \(320001 characters/],
  ];
  for (const [url, message] of cases) {
    await page.goto(`${base}#/`);
    await page.goto(url);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('This link cannot be opened; nothing was changed');
    await expect(alert).toContainText(message);
    await expect(page.getByRole('region', { name: 'Import preview' })).toHaveCount(0);
    expect(await stored(page)).toEqual(before);
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
});

test('reviews of a deck the other device lacks are said so, and kept', async ({ page: a, browser }) => {
  await a.clock.install({ time: T0 });
  await open(a, '#/decks');
  await a.getByLabel('A Markdown file (.md or .txt)').setInputFiles({
    name: 'git.md',
    mimeType: 'text/markdown',
    buffer: readFileSync('content/example.md'),
  });
  await a.getByRole('region', { name: 'Deck preview' }).getByRole('button', { name: 'Add this deck' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Added' })).toBeVisible();
  await grade(a, 'u-git-in-three-comparisons--git-fetch-vs-git-pull', 1);
  const link = await makeLink(a, 'Laptop');
  const b = await device(browser, T0);
  try {
    const preview = await openLink(b.page, link);
    await expect(preview).toContainText('This link holds 1 review of 1 card');
    await expect(preview).toContainText('1 card is of a deck this device does not have');
    await preview.getByRole('button', { name: 'Merge with my progress' }).click();
    await expect(b.page.locator('.done')).toContainText('merged');
    expect(await keys(b.page)).toEqual(await keys(a));
  } finally {
    await b.context.close();
  }
});
