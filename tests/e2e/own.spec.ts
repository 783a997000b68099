import { test, expect, open, expectNoAxeViolations, stored } from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

// Your own decks (#/decks): a Markdown deck read in the browser by the same parser as the
// build (the deck reader, a wasm module of its own), previewed, added, studied, removed.
const EXAMPLE = readFileSync('content/example.md', 'utf8');
const T0 = new Date('2026-03-02T10:00:00Z');

test.use({ timezoneId: 'UTC' });

/** Chooses `text` as the file `name` in the deck file input. */
async function chooseFile(page: Page, name: string, text: string | Buffer) {
  await page.getByLabel('A Markdown file (.md or .txt)').setInputFiles({
    name,
    mimeType: 'text/markdown',
    buffer: typeof text === 'string' ? Buffer.from(text) : text,
  });
}

const storedDecks = (page: Page) => page.evaluate(() => localStorage.getItem('diffdeck:decks'));

test.describe('Your decks', () => {
  test('a deck from a file: preview, add, browse, study, reload, remove and undo', async ({ page }) => {
    await page.clock.install({ time: T0 });
    await open(page);
    await page.getByRole('navigation', { name: 'Decks' }).getByRole('link', { name: /Your decks/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your decks');
    await expect(page.getByText('You have not added a deck yet.')).toBeVisible();

    await chooseFile(page, 'git.md', EXAMPLE);
    const preview = page.getByRole('region', { name: 'Deck preview' });
    await expect(preview).toContainText('Git in three comparisons: 1 phase, 3 comparisons.');
    await expect(preview).toContainText('git merge vs git rebase, git fetch vs git pull, git reset vs git revert');
    expect(await storedDecks(page), 'nothing is stored before "Add"').toBeNull();
    await expectNoAxeViolations(page);
    await preview.getByRole('button', { name: 'Add this deck' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Added “Git in three comparisons”' })).toBeVisible();
    const saved = JSON.parse((await storedDecks(page))!);
    expect(saved.version).toBe(1);
    expect(saved.decks[0].deck.id).toBe('u-git-in-three-comparisons');

    // On Browse, in the deck switch, like a bundled deck.
    await page.getByRole('link', { name: 'Open it' }).click();
    await expect(page).toHaveURL(/#\/d\/u-git-in-three-comparisons$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Git in three comparisons/);
    await expect(page.locator('article.card')).toHaveCount(3);
    const decks = page.getByRole('navigation', { name: 'Decks' });
    await expect(decks.locator('[aria-current="page"]')).toContainText('Git in three comparisons');
    // Search finds it from the first deck too.
    await open(page, '#/');
    await page.getByLabel('Search comparisons').fill('rebase');
    await expect(page.locator('.elsewhere')).toContainText(/In Git in three comparisons.*git merge.*vs git rebase/);

    // A flashcard of it, graded.
    await open(page, '#/flashcards?c=u-git-in-three-comparisons--git-merge-vs-git-rebase');
    await expect(page.locator('#card-front')).toContainText('git merge');
    await page.getByRole('button', { name: /Show answer/ }).click();
    await page.getByRole('button', { name: /^Good/ }).click();
    await expect(page.locator('.counters')).toContainText('1 done today');
    const log = (await stored(page)).log;
    expect(log[0].c).toMatch(/^(pair|point):u-git-in-three-comparisons--git-merge-vs-git-rebase/);

    // A quiz on it alone.
    await open(page, '#/quiz');
    await page.getByLabel('Study').selectOption({ label: 'All of Git in three comparisons' });
    await page.getByLabel('Time per question').selectOption('off');
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.locator('.quiz__bar')).toContainText('Question 1 of');
    const asked = (await page.locator('.question').innerText()) + (await page.locator('.choice').allInnerTexts()).join(' ');
    expect(asked).toMatch(/git (merge|rebase|fetch|pull|reset|revert)/);

    // Still there after a reload, straight from its link.
    await open(page, '#/d/u-git-in-three-comparisons');
    await page.reload();
    await expect(page.locator('article.card')).toHaveCount(3);

    // Removed, then back with Undo; its review still counts.
    await open(page, '#/decks');
    await page.getByRole('button', { name: 'Remove Git in three comparisons' }).click();
    await expect(page.getByText('You have not added a deck yet.')).toBeVisible();
    expect(JSON.parse((await storedDecks(page))!).decks).toEqual([]);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('link', { name: 'Git in three comparisons' })).toBeVisible();
    expect(JSON.parse((await storedDecks(page))!).decks).toHaveLength(1);
  });

  test('a mistake names its line and nothing is stored; HTML never runs', async ({ page }) => {
    await open(page, '#/decks');
    const lines = EXAMPLE.split('\n');
    // Line 7 is the first comparison's title: make it not one.
    expect(lines[6]).toContain('git merge');
    lines[6] = 'git merge and git rebase';
    await chooseFile(page, 'broken.md', lines.join('\n'));
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Line 7:');
    await expect(alert).toContainText('is not a comparison title');
    await expect(alert.locator('code').first()).toHaveText('git merge and git rebase');
    await expect(page.getByRole('button', { name: 'Add this deck' })).toHaveCount(0);
    expect(await storedDecks(page)).toBeNull();

    // Raw HTML is refused at its line, and none of it reaches the page.
    await page.evaluate(() => ((window as unknown as { pwned: number }).pwned = 0));
    const hostile = EXAMPLE.replace(
      '- git fetch:',
      '- git fetch:\n  - <img src=x onerror="window.pwned=1">\n<script>window.pwned=2</script>',
    );
    await page.getByLabel('…or paste the deck here').fill(hostile);
    await page.getByRole('button', { name: 'Check the pasted deck' }).click();
    await expect(page.getByRole('alert')).toContainText('raw HTML is not supported');
    await expect(page.locator('main img, main script')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { pwned: number }).pwned)).toBe(0);
    expect(await storedDecks(page)).toBeNull();

    // Not a text file at all.
    await chooseFile(page, 'photo.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    await expect(page.getByRole('alert')).toContainText('Line 1: this is not a text file');
    await expectNoAxeViolations(page);
  });
});
