import { test, expect, open, expectNoAxeViolations, importInFreshBrowser, stored } from './fixtures';
import { drillAsked } from './deck';
import type { Page } from '@playwright/test';

// Interview practice: Predict (drills answered by touch, click or keys) and Explain it
// (write, reveal the points, tick, grade; the answer kept and seen again).
const T0 = new Date('2026-03-02T10:00:00Z');

test.use({ timezoneId: 'UTC' });

/** The drill on screen, as the decks write it. */
async function shownDrill(page: Page) {
  const question = (await page.locator('#drill-question').innerText()).trim();
  const setup = (await page.locator('.setup-code .code').count()) ? await page.locator('.setup-code .code').innerText() : '';
  const drill = drillAsked(question, setup);
  const shown = (await page.locator('.choice__text').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  return { drill, shown, right: shown.indexOf(drill.options[drill.right]) };
}

/** Reviews stored for drills, oldest first. */
async function drillReviews(page: Page) {
  const record = await stored(page);
  return (record?.log ?? []).filter((r: { c: string }) => r.c.startsWith('drill:'));
}

test.describe('Predict', () => {
  test('a drill answered by touch: verdict, why, docs; a wrong one is a confusion; all kept after a reload', async ({ page }) => {
    await page.clock.install({ time: T0 });
    await open(page, '#/predict?c=cmd-vs-entrypoint');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Predict');
    await expect(page.locator('.setup-code .code')).toBeVisible();
    // The setup scrolls inside its box, never the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const first = await shownDrill(page);
    expect(first.right).toBeGreaterThanOrEqual(0);
    await page.locator('.choice').nth(first.right).click();
    const verdict = page.locator('#verdict');
    await expect(verdict.locator('.feedback__verdict')).toHaveText('Right!');
    await expect(verdict).toContainText(`The answer: ${first.drill.options[first.drill.right]}`);
    await expect(verdict.locator('.drill__why a[href^="https://docs.docker.com/"]').first()).toBeVisible();
    await expect(page.locator('.choice.is-right')).toHaveCount(1);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: /Next drill/ }).click();
    const second = await shownDrill(page);
    expect(second.drill.question).not.toBe(first.drill.question);
    const wrong = second.right === 0 ? 1 : 0;
    await page.locator('.choice').nth(wrong).click();
    await expect(verdict.locator('.feedback__verdict')).toHaveText('Not quite.');
    await expect(page.locator('.choice.is-wrong')).toHaveCount(1);

    const reviews = await drillReviews(page);
    expect(reviews.map((r: { g: number; s: string }) => [r.g, r.s])).toEqual([[3, 'p'], [1, 'p']]);
    const record = await stored(page);
    expect(record.confusions).toHaveLength(1);
    expect(record.confusions[0].c).toBe('cmd-vs-entrypoint');
    expect(record.confusions[0].r).toBe(second.drill.options[second.drill.right]);

    // A reload keeps both and the confusion, and Progress counts them.
    await page.reload();
    expect((await drillReviews(page)).length).toBe(2);
    expect((await stored(page)).confusions).toHaveLength(1);
    await open(page, '#/progress');
    const stat = (label: string) => page.locator('#practice-stats .stat').filter({ hasText: label }).locator('.stat__value');
    await expect(stat('Drills answered')).toHaveText('2');
    await expect(stat('Drills right')).toHaveText('50 %');
  });

  test('keyboard alone: a number picks an option, Enter goes on', async ({ page }) => {
    await page.clock.install({ time: T0 });
    await open(page, '#/predict?c=cmd-vs-entrypoint');
    await expect(page.locator('#drill')).toBeFocused();
    const first = await shownDrill(page);
    await page.keyboard.press(String(first.right + 1));
    await expect(page.locator('#verdict .feedback__verdict')).toHaveText('Right!');
    await expect(page.locator('#verdict')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#drill')).toBeFocused();
    const next = await shownDrill(page);
    expect(next.drill.question).not.toBe(first.drill.question);
    expect((await drillReviews(page)).map((r: { g: number }) => r.g)).toEqual([3]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no violations in set-up, drill and verdict (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await open(page, '#/predict');
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Start' }).click();
      await expect(page.locator('#drill')).toBeVisible();
      await expectNoAxeViolations(page);
      await page.locator('.choice').first().click();
      await expect(page.locator('#verdict')).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});

test.describe('Explain it', () => {
  test('write, reveal, tick, grade; the answer is seen again after a reload and in a fresh browser', async ({ page, browser, isMobile }) => {
    test.skip(isMobile, 'one layout is enough; the phone runs the same code');
    await page.clock.install({ time: T0 });
    await open(page, '#/explain?c=copy-vs-add');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Explain it');
    await expect(page.locator('#explain-prompt')).toContainText('COPY');
    const answer = 'COPY copies from the build context; ADD can also fetch URLs and unpack local tarballs.';
    await page.getByLabel(/Your answer/).fill(answer);
    await page.getByRole('button', { name: 'Show the points' }).click();
    const items = page.locator('.checklist input[type="checkbox"]');
    const total = await items.count();
    expect(total).toBeGreaterThanOrEqual(4);
    await items.nth(0).check();
    await items.nth(2).check();
    await expect(page.getByRole('status').filter({ hasText: 'Covered 2 of' })).toContainText(`Covered 2 of ${total}`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Grade my answer' }).click();
    await expect(page.locator('#explain-result')).toContainText(`2 of ${total} points`);
    await expect(page.locator('.history__text')).toHaveText(answer);
    const record = await stored(page);
    const review = record.log.find((r: { c: string }) => r.c === 'explain:copy-vs-add');
    expect(review.s).toBe('e');
    expect(review.w).toEqual({ x: answer, k: 2, n: total });

    // After a reload, on the comparison's screen.
    await page.reload();
    await open(page, '#/c/copy-vs-add');
    await expect(page.getByRole('heading', { name: 'Your answers to this one' })).toBeVisible();
    await expect(page.locator('.history__text')).toHaveText(answer);

    // Exported, then imported into a fresh browser: there too.
    await open(page, '#/settings');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export progress' }).click();
    const file = await (await download).path();
    const fresh = await importInFreshBrowser(browser, file!, T0);
    await fresh.preview.getByRole('button', { name: 'Replace my progress' }).click();
    await open(fresh.page, '#/c/copy-vs-add');
    await expect(fresh.page.locator('.history__text')).toHaveText(answer);
    await fresh.context.close();
  });

  test('on a phone, written and graded with taps', async ({ page, isMobile }) => {
    test.skip(!isMobile, 'the phone');
    await page.clock.install({ time: T0 });
    await open(page, '#/explain?c=bridge-vs-host');
    await page.getByLabel(/Your answer/).fill('Bridge gives a private IP; host shares the host network.');
    await page.getByRole('button', { name: 'Show the points' }).click();
    await page.locator('.checklist label').first().click();
    await page.getByRole('button', { name: 'Grade my answer' }).click();
    await expect(page.locator('#explain-result')).toContainText('points');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});

test('a quiz mixes in drills, with their setup', async ({ page }) => {
  await page.clock.install({ time: T0 });
  await open(page, '#/quiz');
  await page.getByLabel('Time per question').selectOption('off');
  await page.getByRole('button', { name: 'Start' }).click();
  for (let i = 0; i < 3; i++) {
    await page.locator('.choice').first().click();
    await page.getByRole('button', { name: /Next question/ }).click();
  }
  await expect(page.locator('.question__kind')).toHaveText('What does Docker do?');
  await expect(page.locator('.question .setup-code')).toBeVisible();
});
