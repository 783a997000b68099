import { test, expect, open, expectNoAxeViolations, stored } from './fixtures';
import type { Page } from '@playwright/test';
import { owners, solve, answer } from './deck';

const T0 = new Date('2026-03-02T10:00:00Z');
const OWNERS = owners();

test.use({ timezoneId: 'UTC' });


/** The board as tiles: index, kind, text. */
async function tiles(page: Page) {
  return page.locator('.tile').evaluateAll((els) =>
    els.map((el, i) => ({
      i,
      name: el.classList.contains('tile--name'),
      text: (el.textContent ?? '').trim(),
      cleared: el.classList.contains('is-cleared'),
    })),
  );
}

/** Pairs of tile indices (name, description) that a person who knows the deck would make. */
async function solution(page: Page) {
  return solve(await tiles(page), OWNERS);
}

async function focusTile(page: Page, target: number) {
  for (let guard = 0; guard < 40; guard++) {
    const at = await page.evaluate(() => Number(document.activeElement?.id.replace('tile-', '')));
    if (at === target) return;
    await page.keyboard.press(target > at ? 'ArrowRight' : 'ArrowLeft');
  }
  throw new Error(`could not reach tile ${target}`);
}

test.describe('Match', () => {
  test('a full board solved by clicks, with a best time kept after reload', async ({ page, isMobile }) => {
    await page.clock.install({ time: T0 });
    await open(page, '#/match');
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.locator('.tile')).toHaveCount(isMobile ? 12 : 16);
    for (const [n, d] of await solution(page)) {
      await page.locator(`#tile-${n}`).click();
      await page.locator(`#tile-${d}`).click();
    }
    await expect(page.getByRole('heading', { name: 'Board cleared' })).toBeVisible();
    await expect(page.locator('#match-result')).toContainText('your first time');
    await expect(page.locator('#match-result')).toContainText('No wrong pairs.');
    const s = await stored(page);
    expect(s.log).toHaveLength(isMobile ? 6 : 8);
    expect(s.log.every((r: { s: string }) => r.s === 'm')).toBe(true);
    expect(Object.keys(s.records.best_match)).toHaveLength(1);
    await page.reload();
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.locator('.match__best')).toContainText(/^Best \d+\.\d s$/);
    await expectNoAxeViolations(page);
  });

  test('keyboard only: arrows to move, Enter to pick; a wrong pair shakes, costs a second and is recorded', async ({
    page,
    isMobile,
  }) => {
    test.skip(isMobile, 'keyboard flow');
    await page.clock.install({ time: T0 });
    await open(page, '#/match');
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.locator('#tile-0')).toBeFocused();
    const pairs = await solution(page);
    // One deliberate mistake: the first name with the second pair's description.
    await focusTile(page, pairs[0][0]);
    await page.keyboard.press('Enter');
    await expect(page.locator(`#tile-${pairs[0][0]}`)).toHaveAttribute('aria-pressed', 'true');
    // The shake lasts 450 ms: hold the clock so a slow machine still sees it, then let it end.
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1_000);
    await focusTile(page, pairs[1][1]);
    await page.keyboard.press('Enter');
    await expect(page.locator('.tile.is-wrong')).toHaveCount(2);
    await page.clock.runFor(500);
    await expect(page.locator('.tile.is-wrong')).toHaveCount(0);
    await page.clock.resume();
    await expect(page.locator('.match [aria-live="polite"]')).toContainText('Not a pair');
    for (const [n, d] of pairs) {
      await focusTile(page, n);
      await page.keyboard.press('Enter');
      await focusTile(page, d);
      await page.keyboard.press(' ');
    }
    await expect(page.getByRole('heading', { name: 'Board cleared' })).toBeVisible();
    await expect(page.locator('#match-result')).toContainText('1 wrong pair');
    const s = await stored(page);
    expect(s.confusions).toHaveLength(1);
    // The two pairs in the mistake are graded Again, the rest Good or Hard.
    expect(s.log.filter((r: { g: number }) => r.g === 1)).toHaveLength(2);
  });

  test('practice only records nothing', async ({ page }) => {
    await open(page, '#/match');
    await page.getByRole('checkbox', { name: /Practice only/ }).check();
    await page.getByRole('button', { name: 'Start' }).click();
    for (const [n, d] of await solution(page)) {
      await page.locator(`#tile-${n}`).click();
      await page.locator(`#tile-${d}`).click();
    }
    await expect(page.getByRole('heading', { name: 'Board cleared' })).toBeVisible();
    const s = await stored(page);
    expect(s.log).toHaveLength(0);
    expect(s.confusions ?? []).toHaveLength(0);
  });
});

/** The right choice for the question on screen, as someone who knows the deck. */
async function rightChoice(page: Page): Promise<number> {
  const prompt = (await page.locator('#question-prompt').innerText()).trim();
  const choices = (await page.locator('.choice__text').allInnerTexts()).map((t) => t.trim());
  const setup = (await page.locator('.question .setup-code .code').count()) ? await page.locator('.question .setup-code .code').innerText() : '';
  return answer(prompt, choices, OWNERS, setup);
}

test.describe('Quiz', () => {
  test('a full quiz answered by keys scores full marks, and the best score is kept', async ({ page }) => {
    await page.clock.install({ time: T0 });
    await open(page, '#/quiz');
    // Time is an input: it stands still but for the test's steps, so each answer takes
    // exactly 2 s of the 15 s a question has, however slow the machine.
    await page.clock.pauseAt(new Date(T0.getTime() + 60_000));
    await page.getByRole('button', { name: 'Start' }).click();
    for (let i = 0; i < 10; i++) {
      await expect(page.locator('.quiz__bar')).toContainText(`Question ${i + 1} of 10`);
      await expect(page.locator('.choice').first()).toBeEnabled();
      const right = await rightChoice(page);
      expect(right).toBeGreaterThanOrEqual(0);
      await page.clock.fastForward(2_000);
      await page.keyboard.press(String(right + 1));
      await expect(page.locator('.feedback__verdict')).toContainText('Right!');
      await page.keyboard.press('Enter');
    }
    const summary = page.locator('#quiz-summary');
    await expect(summary).toContainText('10 of 10 right');
    // Each answer: 100 points, a speed bonus of 50 × 13/15 (43, rounded down; the 4th and 8th
    // questions are drills, with twice the time: 50 × 28/30, 46), and a streak bonus of 0,
    // 10, … 50 (capped): 8 × 143 + 2 × 146 + 350 = 1,786 of 10 × 150 + 350 = 1,850.
    const text = (await summary.innerText()).replace(/\s+/g, ' ');
    expect(/Score (\d[\d,]*) of (\d[\d,]*) possible/.exec(text)?.slice(1).map((n) => n.replace(',', ''))).toEqual(['1786', '1850']);
    await expect(summary.getByRole('link', { name: 'Study these in flashcards' })).toHaveCount(0);
    // axe waits on the page's timers: let time run again.
    await page.clock.resume();
    await expectNoAxeViolations(page);
    await page.reload();
    await page.getByRole('button', { name: 'Start' }).click();
    for (let i = 0; i < 10; i++) {
      await expect(page.locator('.quiz__bar')).toContainText(`Question ${i + 1} of 10`);
      await page.keyboard.press(String((await rightChoice(page)) === 0 ? 2 : 1));
      await page.keyboard.press('Enter');
    }
    await expect(page.locator('#quiz-summary')).toContainText(/Your best: 1,?786(?!\d)/);
  });

  test('mistakes are listed, recorded as confusions, and come back in flashcards', async ({ page }) => {
    await page.clock.install({ time: T0 });
    await open(page, '#/quiz');
    await page.getByLabel('Time per question').selectOption('off');
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.locator('.countdown')).toHaveCount(0);
    let wrongPrompt = '';
    for (let i = 0; i < 10; i++) {
      await expect(page.locator('.quiz__bar')).toContainText(`Question ${i + 1} of 10`);
      await expect(page.locator('.choice').first()).toBeEnabled();
      const right = await rightChoice(page);
      const choice = i === 0 ? (right === 0 ? 1 : 0) : right;
      if (i === 0) wrongPrompt = (await page.locator('#question-prompt').innerText()).trim();
      await page.locator('.choice').nth(choice).click();
      // A statement chosen wrongly names the side it is true of; nothing more when right.
      // (Its text as written: the label is shown in capitals.)
      const trueOf = (await page.locator('.question__kind').textContent())?.trim() === 'Which is true?';
      await expect(page.locator('.feedback__side')).toHaveCount(i === 0 && trueOf ? 1 : 0);
      if (i === 0 && trueOf) await expect(page.locator('.feedback__side')).toContainText(/^What you chose is true of .+\.$/);
      await page.getByRole('button', { name: /Next question|See results/ }).click();
    }
    const summary = page.locator('#quiz-summary');
    await expect(summary).toContainText('9 of 10 right');
    await expect(summary.locator('.mistake')).toHaveCount(1);
    await expect(summary.locator('.mistake__prompt')).toHaveText(wrongPrompt);
    const s = await stored(page);
    expect(s.confusions).toHaveLength(1);
    const comparison = s.confusions[0].c;
    expect(s.log.filter((r: { g: number }) => r.g === 1)).toHaveLength(1);
    const point0 = (await summary.locator('.mistake strong').innerText()).trim();
    await summary.getByRole('link', { name: 'Study these in flashcards' }).click();
    await expect(page).toHaveURL(new RegExp(`#/flashcards\\?c=${comparison}$`));
    // The missed point was graded Again: a learning card due in a minute, ahead of the points
    // answered right (Good: due in ten). A quarter of an hour later it comes first.
    const quoted = /“(.*)”/.exec(wrongPrompt);
    const point = quoted ? quoted[1] : point0;
    await page.clock.setSystemTime(new Date(T0.getTime() + 15 * 60e3));
    await page.reload();
    await expect(page.locator('.counters')).toContainText(/[1-9]\d* learning/);
    await expect(page.locator('#card-front .flipcard__kind')).toContainText('Which side?');
    await expect(page.locator('#card-front .flipcard__prompt')).toHaveText(point);
  });

  test('a question that runs out of time counts as wrong', async ({ page }) => {
    await page.clock.install({ time: T0 });
    await open(page, '#/quiz');
    // Time stands still but for the test's own steps: a slow machine must not see the
    // countdown move before the first look.
    await page.clock.pauseAt(new Date(T0.getTime() + 60_000));
    await page.getByLabel('Time per question').selectOption('10');
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.locator('.countdown__text')).toHaveText('10 s');
    await page.clock.fastForward(5_500);
    await expect(page.locator('.countdown')).toHaveClass(/countdown--short/);
    await page.clock.fastForward(5_000);
    await expect(page.locator('.feedback__verdict')).toHaveText('Time is up.');
    const s = await stored(page);
    expect(s.log[0].g).toBe(1);
    expect(s.confusions[0].w).toBe('(no answer in time)');
  });
});
