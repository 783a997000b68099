import { test, expect, open, expectNoAxeViolations, importInFreshBrowser, stored } from './fixtures';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

const T0 = new Date('2026-03-02T10:00:00Z');
test.use({ timezoneId: 'UTC' });

async function study(page: Page, n: number) {
  await open(page, '#/flashcards?c=cmd-vs-entrypoint');
  for (let i = 0; i < n; i++) {
    await page.getByRole('button', { name: /Show answer/ }).click();
    await page.getByRole('button', { name: /^Easy/ }).click();
  }
}

/** The value of the progress screen's figure labelled `label`, exactly (`1` is not `15`). */
const stat = (page: Page, label: string) => page.locator('.stat').filter({ hasText: label }).locator('.stat__value');

test.describe('Progress and settings', () => {
  test('a record stored by the version before (one key) loads with every review and is spread over days', async ({ page }) => {
    // The fixture: 3 reviews in its log and 12 compacted ones, one confusion.
    const v1 = readFileSync('tests/fixtures/progress-v1.json', 'utf8');
    await page.addInitScript((text) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('diffdeck:progress', text);
        sessionStorage.setItem('seeded', '1');
      }
    }, v1);
    await page.clock.install({ time: T0 });
    await open(page, '#/progress');
    await expect(stat(page, 'Reviews in all')).toHaveText('15');
    await expect(page.getByText('No mix-ups recorded yet')).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await study(page, 1);
    const record = await stored(page);
    expect(record.version).toBe(3);
    expect(record.log).toHaveLength(4);
    // The head keeps settings and records; the reviews moved to their days.
    const head = await page.evaluate(() => JSON.parse(localStorage.getItem('diffdeck:progress')!));
    expect(head.log).toEqual([]);
    expect(head.settings.new_per_day).toBe(15);
    await page.reload();
    await open(page, '#/progress');
    await expect(stat(page, 'Reviews in all')).toHaveText('16');
  });

  test('the progress screen shows reviews, mastery, the week ahead and mix-ups', async ({ page }) => {
    await page.clock.install({ time: T0 });
    await study(page, 3);
    await open(page, '#/progress');
    await expect(stat(page, 'Reviews today')).toHaveText('3');
    await expect(page.locator('#mastery .bar').nth(1)).toContainText('Phase 2');
    await expect(page.locator('#mastery .bar').nth(1).locator('.bar__value')).not.toHaveText('0 %');
    await expect(page.getByRole('img', { name: /Cards due — today: 0/ })).toBeVisible();
    await expect(page.getByRole('img', { name: /3 reviews on 1 of the last 84 days/ })).toBeVisible();
    await expect(page.getByText('No mix-ups recorded yet')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('an interview date caps intervals and shows projected readiness', async ({ page }) => {
    await page.clock.install({ time: T0 });
    await open(page, '#/settings');
    await page.getByLabel('Interview date').fill('2026-03-05');
    await page.getByLabel('Interview date').blur();
    await open(page, '#/flashcards?c=cmd-vs-entrypoint');
    await page.getByRole('button', { name: /Show answer/ }).click();
    // Easy would be 8 days; the interview is in 3, so the card comes back in 2.
    await expect(page.getByRole('button', { name: /^Easy/ })).toContainText('2d');
    await open(page, '#/progress');
    await expect(page.getByRole('heading', { name: 'Interview in 3 days' })).toBeVisible();
    // A bar per phase of each deck: 6 and 7.
    await expect(page.locator('#readiness .bar')).toHaveCount(13);
  });

  test('settings apply at once and persist', async ({ page }) => {
    await open(page, '#/settings');
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('radio', { name: /Reduced/ }).check();
    await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduced');
    await page.getByLabel('New cards per day, each deck').fill('3');
    await page.getByLabel('New cards per day, each deck').blur();
    await expectNoAxeViolations(page);
    // From the first paint on, the saved theme never drops out while the app starts.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { themes: string[] }).themes = seen;
      // Before any markup: <html> does not exist yet, so watch the whole document.
      new MutationObserver(() => seen.push(document.documentElement.dataset.theme ?? 'none')).observe(document, {
        attributes: true,
        subtree: true,
        attributeFilter: ['data-theme'],
      });
    });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByLabel('New cards per day, each deck')).toHaveValue('3');
    expect(await page.evaluate(() => (window as unknown as { themes: string[] }).themes)).not.toContain('none');
    await open(page, '#/flashcards');
    await expect(page.locator('.setup__preview')).toContainText('3 new today');
  });

  test('export, then import into a fresh browser, gives the same progress', async ({ page, browser }) => {
    await page.clock.install({ time: T0 });
    await study(page, 4);
    await open(page, '#/progress');
    // Day 1: no reminder yet (Settings says "Never exported").
    await expect(page.getByRole('heading', { name: 'Progress' })).toBeVisible();
    await expect(page.locator('.progress .update')).toHaveCount(0);
    // Over a week on, never exported, and reviews to lose: a reminder.
    await page.clock.setSystemTime(new Date(T0.getTime() + 8 * 86_400_000));
    await page.reload();
    await expect(page.getByText('A week of reviews and no backup yet')).toBeVisible();
    await page.clock.setSystemTime(T0);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Progress' })).toBeVisible();
    await expect(page.locator('.progress .update')).toHaveCount(0);
    await open(page, '#/settings');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export progress' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^diffdeck-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await download.path();
    await expect(page.getByText(/Last exported on/)).toBeVisible();
    await open(page, '#/progress');
    await expect(page.locator('.progress .update')).toHaveCount(0);
    const before = await page.locator('.progress').innerText();

    const { context: fresh, page: other, preview } = await importInFreshBrowser(browser, file, T0);
    await expect(preview).toContainText('4 reviews of 4 cards');
    await expectNoAxeViolations(other);
    await preview.getByRole('button', { name: 'Merge with my progress' }).click();
    await expect(other.locator('.done')).toContainText('merged');
    await open(other, '#/progress');
    expect(await other.locator('.progress').innerText()).toBe(before);
    await fresh.close();
  });

  test('a broken backup file is refused with a clear message', async ({ page }) => {
    await open(page, '#/settings');
    await page.getByLabel('Import a backup file').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"these are": "not my progress"'),
    });
    await expect(page.getByRole('alert')).toContainText('This file cannot be imported');
    await expect(page.getByRole('alert')).toContainText('not valid JSON');
    await page.getByLabel('Import a backup file').setInputFiles({
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": 1}'),
    });
    await expect(page.getByRole('alert')).toContainText('no version number');
  });

  test('reset needs a typed confirmation and can be undone', async ({ page }) => {
    await page.clock.install({ time: T0 });
    await study(page, 2);
    await open(page, '#/settings');
    const reset = page.getByRole('button', { name: 'Reset progress' });
    await expect(reset).toBeDisabled();
    await page.getByLabel('Type reset to confirm').fill('reset');
    await reset.click();
    await open(page, '#/progress');
    await expect(stat(page, 'Reviews in all')).toHaveText('0');
    await open(page, '#/settings');
    await page.getByRole('button', { name: 'Undo reset' }).click();
    await open(page, '#/progress');
    await expect(stat(page, 'Reviews in all')).toHaveText('2');
    await page.reload();
    await expect(stat(page, 'Reviews in all')).toHaveText('2');
  });
});

test('keyboard only: every mode, from the skip link on', async ({ page, isMobile }) => {
  test.skip(isMobile, 'keyboard flow');
  await page.clock.install({ time: T0 });
  await open(page);
  const tabTo = async (name: RegExp | string, role: 'link' | 'button' = 'link') => {
    const target = page.getByRole(role, { name }).first();
    for (let i = 0; i < 80; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${name}`);
  };
  // Flashcards: start, flip, grade.
  await tabTo('Flashcards');
  await page.keyboard.press('Enter');
  await tabTo('Start', 'button');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  await expect(page.locator('.counters')).toContainText('1 done today');
  // Match: start and pick a tile.
  await tabTo('Match');
  await page.keyboard.press('Enter');
  await tabTo('Start', 'button');
  await page.keyboard.press('Enter');
  await expect(page.locator('#tile-0')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.locator('#tile-1')).toHaveAttribute('aria-pressed', 'true');
  // Quiz: start, answer, next.
  await tabTo('Quiz');
  await page.keyboard.press('Enter');
  await tabTo('Start', 'button');
  await page.keyboard.press('Enter');
  await page.keyboard.press('1');
  await expect(page.locator('#feedback')).toBeFocused();
  await expectNoAxeViolations(page);
  await page.keyboard.press('Enter');
  await expect(page.locator('.quiz__bar')).toContainText('Question 2 of 10');
  // Progress and settings.
  await tabTo('Progress');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Progress');
  await tabTo('Settings');
  await page.keyboard.press('Enter');
  const dark = page.getByRole('radio', { name: 'Dark' });
  for (let i = 0; i < 60 && !(await dark.evaluate((el) => el === document.activeElement)); i++) {
    // Radios are one tab stop; arrows move within the group.
    const onRadio = await page.evaluate(() => (document.activeElement as HTMLInputElement)?.name === 'theme');
    await page.keyboard.press(onRadio ? 'ArrowDown' : 'Tab');
  }
  await expect(dark).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
