import { test, expect, open, expectNoAxeViolations, stored, counted } from './fixtures';
import type { Page } from '@playwright/test';
import { owners } from './deck';

// Two bundled decks: the seed's (embedded) and Docker in Depth (fetched after start-up).
const T0 = new Date('2026-03-02T10:00:00Z');
const DEPTH = owners(['content/docker-in-depth.md']);
const SEED = owners(['content/docker.md']);
const BOTH = owners();

test.use({ timezoneId: 'UTC' });


test.describe('Decks', () => {
  test('Browse switches deck; a comparison of the new deck shows its sources', async ({ page }) => {
    await open(page);
    const decks = page.getByRole('navigation', { name: 'Decks' });
    // The two bundled decks, and the way to add one's own.
    await expect(decks.getByRole('link')).toHaveCount(3);
    await expect(decks.getByRole('link').last()).toHaveAccessibleName(/Your decks/);
    await expect(decks.locator('[aria-current="page"]')).toContainText('Docker Interview Differences');
    await decks.getByRole('link', { name: /Docker in Depth/ }).click();
    await expect(page).toHaveURL(/#\/d\/docker-in-depth$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Docker in Depth/);
    await expect(page.locator('section.phase')).toHaveCount(7);
    await expect(page.locator('article.card')).toHaveCount(46);
    await expect(decks.locator('[aria-current="page"]')).toContainText('Docker in Depth');

    await page.getByRole('link', { name: 'docker stop vs docker kill' }).click();
    await expect(page).toHaveURL(/#\/c\/docker-stop-vs-docker-kill$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('docker stop vs docker kill');
    const sources = page.locator('.sources a');
    expect(await sources.count()).toBeGreaterThan(0);
    for (const href of await sources.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      expect(href).toMatch(/^https:\/\/docs\.docker\.com\//);
    }
    // Back goes to the deck it belongs to.
    await page.getByRole('link', { name: /← Docker in Depth/ }).click();
    await expect(page).toHaveURL(/#\/d\/docker-in-depth$/);
    // An old link still opens the first deck's comparison.
    await open(page, '#/c/cmd-vs-entrypoint');
    await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('CMD vs ENTRYPOINT');
    // A deck link opened directly, then reloaded.
    await open(page, '#/d/docker-in-depth');
    await page.reload();
    await expect(page.locator('article.card')).toHaveCount(46);
    // Phases off screen are laid out when scrolled to (content-visibility), with an
    // estimated height until then; axe reads such estimates as overlapping targets. Scroll
    // through once, as a user would, so every phase has its real size.
    await page.evaluate(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
      for (let y = 0; y < document.body.scrollHeight; y += innerHeight) {
        scrollTo(0, y);
        await frame();
      }
      scrollTo(0, 0);
      await frame();
    });
    await expectNoAxeViolations(page);
  });

  test('corrections sit beside the seed words, marked and sourced', async ({ page }) => {
    await open(page);
    const fixes = page.locator('.point--corrected');
    await expect(fixes).toHaveCount(13);
    const first = fixes.filter({ hasText: 'Ephemeral by default' });
    await expect(first.locator('.said')).toContainText('Cheat sheet: Ephemeral by default → dies = gone');
    await expect(first.locator('.correction')).toContainText('Correction:');
    await expect(first.locator('.correction a').first()).toHaveAttribute('href', /^https:\/\/docs\.docker\.com\//);
    await open(page, '#/c/latest-vs-versioned-tags');
    await expect(page.locator('.correction')).toContainText('digest');
    await expectNoAxeViolations(page);
  });

  test('search looks across decks', async ({ page }) => {
    await open(page);
    const search = page.getByRole('searchbox', { name: 'Search comparisons' });
    await search.fill('sigkill');
    await expect(page.locator('#search-summary')).toContainText('No comparison in this deck matches “sigkill”');
    await expect(page.locator('#search-summary')).toContainText('more in');
    const elsewhere = page.getByRole('region', { name: 'Matches in other decks' });
    await elsewhere.getByRole('link', { name: 'docker stop vs docker kill' }).click();
    await expect(page).toHaveURL(/#\/c\/docker-stop-vs-docker-kill$/);
  });

  test('a card of the new deck studied in flashcards is kept across a reload', async ({ page }) => {
    await page.clock.install({ time: T0 });
    await open(page, '#/flashcards');
    await page.getByLabel('Study').selectOption({ label: 'All of Docker in Depth' });
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.locator('#card-front')).toContainText('What is the difference?');
    await expect(page.locator('#card-front')).toContainText(/RUN\W+vs CMD/);
    await page.getByRole('button', { name: /Show answer/ }).click();
    await page.getByRole('button', { name: /^Good/ }).click();
    await expect(page.locator('.counters')).toContainText(counted(1, 'done today'));
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const log = (await stored(page)).log;
    expect(log.map((r: { c: string }) => r.c)).toEqual(['pair:run-vs-cmd']);
    await open(page, '#/progress');
    await expect(page.locator('#mastery')).toContainText('Docker in Depth');
    await expect(page.locator('#mastery .deck-mastery__title')).toHaveCount(2);
  });

  test('a quiz over every deck asks from both, and only corrected wording', async ({ page }) => {
    // The quiz is seeded by the time it starts: a fixed time, so the same questions every
    // run (an installed clock keeps running, and one run in many drew all 20 from one deck).
    await page.clock.setFixedTime(T0);
    await open(page, '#/quiz');
    await page.getByLabel('Study').selectOption('all');
    await page.getByLabel('Time per question').selectOption('off');
    await page.getByRole('radio', { name: '20' }).check();
    await page.getByRole('button', { name: 'Start' }).click();
    const texts: string[] = [];
    for (let i = 0; i < 20; i++) {
      await expect(page.locator('.quiz__bar')).toContainText(`Question ${i + 1} of 20`);
      const prompt = (await page.locator('#question-prompt').innerText()).trim();
      const choices = (await page.locator('.choice__text').allInnerTexts()).map((c) => c.trim());
      texts.push(prompt, ...choices);
      await page.keyboard.press('1');
      await page.keyboard.press('Enter');
    }
    const all = texts.join('\n');
    const fromDepth = [...DEPTH.keys()].some((t) => all.includes(t));
    const fromSeed = [...SEED.keys()].some((t) => all.includes(t));
    expect(fromDepth && fromSeed, 'questions from both decks').toBe(true);
    // The seed's wrong wording is never asked.
    for (const wrong of ['Ephemeral by default', 'Safe, reproducible, traceable', 'Startup in minutes']) {
      expect(all).not.toContain(wrong);
    }
    expect(BOTH.size).toBeGreaterThan(DEPTH.size);
  });
});
