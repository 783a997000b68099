import { test, expect, open, expectNoAxeViolations } from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { solve } from './deck';

// A learner's first week: where to start, a plan to the interview, a deck added and
// studied the same day, games on what was studied.
const T0 = new Date('2026-03-02T10:00:00Z');
const EXAMPLE = readFileSync('content/example.md', 'utf8');

test.use({ timezoneId: 'UTC' });

/** Shows the answer and grades Easy: a new card seen and graduated at once. */
async function easy(page: Page) {
  await page.getByRole('button', { name: /Show answer/ }).click();
  await page.getByRole('button', { name: /^Easy/ }).click();
}

/** The percentages of a chart of bars (`#mastery`, `#readiness`). */
const percents = async (page: Page, id: string) =>
  (await page.locator(`#${id} .bar__value`).allInnerTexts()).map((t) => Number.parseInt(t, 10));

test('a fresh visitor sees what diffdeck is and where to start, and one tap reaches a card of this deck', async ({ page }) => {
  await page.clock.install({ time: T0 });
  await page.goto('./');
  const start = page.locator('.start');
  await expect(start).toContainText('Learn the Docker differences interviewers ask about');
  const go = start.getByRole('link', { name: 'Start studying' });
  await expect(go).toBeInViewport({ ratio: 1 });
  const box = (await go.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(24);
  await go.click();
  await expect(page).toHaveURL(/#\/flashcards\?d=docker$/);
  // The session has started: the deck's first card, not a set-up form.
  await expect(page.locator('#card-front')).toContainText('Image');
  await expect(page.locator('#card-front')).toContainText('What is the difference?');
  // The second deck's page starts that deck.
  await open(page, '#/d/docker-in-depth');
  await page.locator('.start').getByRole('link', { name: 'Start studying' }).click();
  await expect(page).toHaveURL(/#\/flashcards\?d=docker-in-depth$/);
  await expect(page.locator('#card-front')).toBeVisible();
  await expect(page.locator('.counters')).toContainText('20 new');
});

test('after a day’s new cards of one deck, a deck added from Markdown is studied the same day', async ({ page }) => {
  test.setTimeout(90_000);
  await page.clock.install({ time: T0 });
  await open(page, '#/flashcards?d=docker');
  for (let i = 0; i < 20; i++) await easy(page);
  const summary = page.locator('.summary');
  await expect(summary).toContainText('This session: 20 cards.');
  await expect(summary).toContainText("today's limit of new cards is reached");
  await expect(summary.getByRole('button', { name: '10 more new cards today' })).toBeVisible();
  await expectNoAxeViolations(page);

  await open(page, '#/decks');
  await page.getByLabel('A Markdown file (.md or .txt)').setInputFiles({
    name: 'git.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(EXAMPLE),
  });
  await page.getByRole('region', { name: 'Deck preview' }).getByRole('button', { name: 'Add this deck' }).click();
  await page.getByRole('link', { name: 'Study it now' }).click();
  await expect(page).toHaveURL(/#\/flashcards\?d=u-git-in-three-comparisons$/);
  await expect(page.locator('#card-front')).toContainText('git merge');
  await expect(page.locator('.counters')).toContainText(/[1-9]\d* new/);
});

test('“10 more new cards today” goes on with the session', async ({ page, isMobile }) => {
  test.skip(isMobile, 'the limit is the same on a phone; once is enough');
  test.setTimeout(90_000);
  await page.clock.install({ time: T0 });
  await open(page, '#/settings');
  await page.getByLabel('New cards per day, each deck').fill('2');
  await page.getByLabel('New cards per day, each deck').blur();
  await open(page, '#/flashcards?d=docker');
  await easy(page);
  await easy(page);
  await page.getByRole('button', { name: '10 more new cards today' }).click();
  await expect(page.locator('#card-front')).toBeVisible();
  await expect(page.locator('.counters')).toContainText('10 new');
});

test('with an interview a week out, Flashcards shows today’s plan and Progress’s forecast is above today', async ({ page }) => {
  await page.clock.install({ time: T0 });
  await open(page, '#/flashcards');
  // The set-up starts with the deck on screen (the first), and takes the date.
  await expect(page.getByLabel('Study')).toHaveValue('deck:docker');
  await page.getByLabel('Interview date').fill('2026-03-09');
  await page.getByLabel('Interview date').blur();
  const plan = page.getByRole('group', { name: 'Your plan' });
  await expect(plan).toContainText('Interview on Mon 9 Mar, in 7 days.');
  await expect(plan.locator('.plan__today')).toHaveText(/^Today: [1-9]\d* new cards, ~0 reviews$/);
  // New cards until two days before; the day before the interview is for review.
  await expect(plan).toContainText(/At \d+ a day, the \d+ cards not seen yet are all seen by (Wed 4|Thu 5|Fri 6|Sat 7) Mar/);
  await expectNoAxeViolations(page);
  // Five cards learned today; the plan's numbers move with them.
  await page.getByRole('button', { name: 'Start' }).click();
  for (let i = 0; i < 5; i++) await easy(page);
  await open(page, '#/progress');
  await expect(page.getByRole('heading', { name: 'Interview in 7 days' })).toBeVisible();
  await expect(page.locator('.plan').first()).toContainText(/Today: \d+ new cards?, ~\d+ reviews?/);
  const today = await percents(page, 'mastery');
  const forecast = await percents(page, 'readiness');
  expect(forecast).toHaveLength(today.length);
  // Keeping to the plan teaches the rest: the forecast is above today, deck by deck and
  // phase by phase (the first deck's first phase was started today).
  forecast.forEach((f, i) => expect(f, `bar ${i}`).toBeGreaterThanOrEqual(today[i]));
  expect(forecast[0]).toBeGreaterThan(today[0]);
});

test('a plan that cannot fit says so and names a smaller scope', async ({ page, isMobile }) => {
  test.skip(isMobile, 'the words are the same on a phone');
  await page.clock.install({ time: T0 });
  await open(page, '#/flashcards');
  await page.getByLabel('Study').selectOption('all');
  await page.getByLabel('Interview date').fill('2026-03-09');
  await page.getByLabel('Interview date').blur();
  const plan = page.getByRole('group', { name: 'Your plan' });
  await expect(plan).toContainText(/takes \d+ new a day: more than a plan can hold \(at most 50\)/);
  await expect(plan).toContainText(/A smaller scope fits: .*Docker/);
});

test('Match and Quiz after three comparisons studied ask only about those', async ({ page }) => {
  test.setTimeout(90_000);
  const studied = ['cmd-vs-entrypoint', 'copy-vs-add', 'bridge-vs-host'];
  await page.clock.install({ time: T0 });
  // Each comparison's difference card, learned.
  await open(page, `#/flashcards?c=${studied.join(',')}`);
  for (let i = 0; i < 3; i++) {
    await expect(page.locator('#card-front')).toContainText('What is the difference?');
    await easy(page);
  }
  const titles = ['CMD vs ENTRYPOINT', 'COPY vs ADD', 'bridge vs host'];
  await open(page, '#/match');
  await expect(page.getByLabel('Study')).toHaveValue('studied');
  await expect(page.getByLabel('Study').locator('option[value="studied"]')).toHaveText('What you have studied (3 comparisons)');
  await page.getByRole('button', { name: 'Start' }).click();
  const names = await page.locator('.tile--name').allInnerTexts();
  expect(names.length).toBeGreaterThanOrEqual(4);
  const sides = titles.flatMap((t) => t.split(' vs ')).map((s) => s.toLowerCase());
  for (const name of names) expect(sides, name).toContain(name.trim().toLowerCase());

  await open(page, '#/quiz');
  await expect(page.getByLabel('Study')).toHaveValue('studied');
  await page.getByRole('button', { name: 'Start' }).click();
  for (let i = 0; i < 10; i++) {
    await page.locator('.choices-list .choice').first().click();
    const about = (await page.locator('.feedback__context summary').innerText()).trim();
    expect(titles.map((t) => t.toLowerCase()), about).toContain(about.toLowerCase());
    await page.locator('#feedback .button--primary').click();
  }
  await expect(page.locator('#quiz-summary')).toBeVisible();
});

test('a wrong Match pair names the right side in words; the largest board fits a phone between header and tab bar', async ({ page, isMobile }) => {
  test.skip(!isMobile, 'the phone’s screen is the tight one');
  test.setTimeout(90_000);
  // Boards of every deck, each from another clock (another shuffle of the points).
  await page.clock.install({ time: T0 });
  const boards = [['deck:docker', 10], ['deck:docker-in-depth', 11], ['deck:docker-in-depth', 12], ['all', 13], ['all', 14], ['all', 15]] as const;
  for (const [deck, hour] of boards) {
    const board = `${deck} at ${hour}h`;
    await page.clock.setSystemTime(new Date(`2026-03-02T${hour}:00:00Z`));
    await page.goto('about:blank');
    await open(page, '#/match');
    await page.getByLabel('Study').selectOption(deck);
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.locator('.tile')).toHaveCount(12);
    // A wrong pair: the first name with a description of another pair.
    const pairs = solve(
      await page.locator('.tile').evaluateAll((els) =>
        els.map((el, i) => ({ i, name: el.classList.contains('tile--name'), text: (el.textContent ?? '').trim() })),
      ),
    );
    const [owner, description] = pairs[1];
    await page.locator(`#tile-${pairs[0][0]}`).click();
    await page.locator(`#tile-${description}`).click();
    const ownerName = (await page.locator(`#tile-${owner}`).innerText()).trim();
    const feedback = page.locator('.match__feedback');
    await expect(feedback, board).toContainText('+1 s');
    await expect(feedback, board).toContainText(`belongs to ${ownerName}.`);
    // The board and the feedback under it, between the header and the tab bar.
    const top = (await page.locator('.app-header').boundingBox())!;
    const tabs = (await page.locator('.app-nav').boundingBox())!;
    const tiles = (await page.locator('.tiles').boundingBox())!;
    const said = (await feedback.boundingBox())!;
    expect(tiles.y, board).toBeGreaterThanOrEqual(top.y + top.height);
    expect(said.y + said.height, `${board}: the feedback ends at ${said.y + said.height}, the tab bar starts at ${tabs.y}`).toBeLessThanOrEqual(tabs.y);
  }
});
