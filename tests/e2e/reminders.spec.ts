import { test, expect, open } from './fixtures';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import ICAL from 'ical.js';
import { PDFDocument } from 'pdf-lib';

// Reminders without a push server (a calendar file, the installed app's badge) and the
// cheat sheet on paper.
const T0 = new Date('2026-03-25T10:00:00Z');

/** The calendar file Progress makes, parsed by a real iCalendar parser (ical.js). */
async function calendarFile(page: Page, studyAt: string) {
  await page.getByLabel('Study at').fill(studyAt);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Add to my calendar (.ics)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('diffdeck-study-plan.ics');
  const text = readFileSync((await file.path())!, 'utf8');
  // RFC 5545: CRLF line ends, lines of at most 75 octets.
  expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

test.describe('a calendar file', () => {
  test.use({ timezoneId: 'Europe/Berlin' });

  test('a session a day until the interview, at the chosen local time across a clock change, and the interview', async ({ page }) => {
    await page.clock.install({ time: T0 });
    await open(page, '#/progress');
    await page.getByLabel('Interview date').fill('2026-04-01');
    await expect(page.getByRole('heading', { name: 'Interview in 7 days' })).toBeVisible();
    const events = await calendarFile(page, '18:30');
    expect(events).toHaveLength(8);
    const sessions = events.filter((e) => e.summary.startsWith('diffdeck'));
    // 18:30 in Berlin: 17:30 UTC until the clocks go forward on 29 March, 16:30 after.
    expect(sessions.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      '2026-03-25T17:30:00.000Z',
      '2026-03-26T17:30:00.000Z',
      '2026-03-27T17:30:00.000Z',
      '2026-03-28T17:30:00.000Z',
      '2026-03-29T16:30:00.000Z',
      '2026-03-30T16:30:00.000Z',
      '2026-03-31T16:30:00.000Z',
    ]);
    // The first day brings the plan's new cards; each event links back to the app.
    expect(sessions[0].summary).toMatch(/^diffdeck: \d+ cards to study$/);
    expect(sessions[0].description).toContain('Open diffdeck: http://');
    expect(new Set(events.map((e) => e.uid)).size).toBe(8);
    const interview = events.find((e) => e.summary === 'Interview')!;
    expect(interview.startDate.isDate).toBe(true);
    expect(interview.startDate.toString()).toBe('2026-04-01');
  });

  test('without an interview date: thirty days of sessions with the reviews due', async ({ page }) => {
    await page.clock.install({ time: T0 });
    await open(page, '#/progress');
    const events = await calendarFile(page, '07:15');
    expect(events).toHaveLength(30);
    expect(events[0].startDate.toJSDate().toISOString()).toBe('2026-03-25T06:15:00.000Z');
    expect(events.every((e) => e.summary.startsWith('diffdeck'))).toBe(true);
  });
});

test('the installed app shows the cards due on its badge, and again when it is put away', async ({ page }) => {
  await page.addInitScript(() => {
    const real = window.matchMedia.bind(window);
    window.matchMedia = (query: string) =>
      query === '(display-mode: standalone)' ? ({ ...real(query), matches: true } as MediaQueryList) : real(query);
    const w = window as unknown as { badges: number[] };
    w.badges = [];
    Object.defineProperty(navigator, 'setAppBadge', {
      value: (n: number) => {
        w.badges.push(n);
        return Promise.resolve();
      },
    });
  });
  await page.clock.install({ time: T0 });
  await open(page, '#/flashcards?c=cmd-vs-entrypoint');
  const badges = () => page.evaluate(() => (window as unknown as { badges: number[] }).badges);
  await expect.poll(badges).toEqual([0]);
  // Good on a new card: it is learning, due again within minutes, so it counts as due.
  await page.getByRole('button', { name: /Show answer/ }).click();
  await page.getByRole('button', { name: /^Good/ }).click();
  await expect.poll(async () => (await badges()).at(-1)).toBe(1);
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(async () => (await badges()).length).toBeGreaterThanOrEqual(3);
  expect((await badges()).at(-1)).toBe(1);
});

test.describe('the cheat sheet', () => {
  test('the Docker deck prints on at most six A4 pages, without the navigation', async ({ page, browserName }) => {
    test.skip(browserName !== 'chromium', 'page.pdf is Chromium’s');
    await page.goto('d/docker/');
    await expect(page.getByRole('button', { name: 'Print a cheat sheet' })).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    // Nothing for the screen is shown: no navigation, search, deck switch or button.
    for (const css of ['.app-header', '.app-nav', '.decks', '.start', '.summary__actions', '.skip-link']) {
      await expect(page.locator(css).first()).toBeHidden();
    }
    // Both sides of a comparison side by side, and sources' addresses printed.
    const sides = await page.locator('.card').first().locator('.side').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    expect(sides[0]).toBe(sides[1]);
    const after = await page.locator('a.source').first().evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('https://');
    await page.screenshot({ path: test.info().outputPath('print.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    const pages = (await PDFDocument.load(pdf)).getPageCount();
    expect(pages).toBeLessThanOrEqual(6);
  });
});
