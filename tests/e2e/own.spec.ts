import { test, expect, open, expectNoAxeViolations, importInFreshBrowser, stored } from './fixtures';
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
    expect(saved.version).toBe(2);
    expect(saved.decks[0].deck.id).toBe('u-git-in-three-comparisons');

    // On Browse, in the deck switch, like a bundled deck.
    await page.getByRole('link', { name: 'Read it' }).click();
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

  test('a backup carries the deck and its progress into a fresh browser', async ({ page, browser }) => {
    await page.clock.install({ time: T0 });
    await open(page, '#/decks');
    await chooseFile(page, 'git.md', EXAMPLE);
    await page.getByRole('button', { name: 'Add this deck' }).click();
    await open(page, '#/flashcards?c=u-git-in-three-comparisons--git-fetch-vs-git-pull');
    await page.getByRole('button', { name: /Show answer/ }).click();
    await page.getByRole('button', { name: /^Good/ }).click();
    await expect(page.locator('.counters')).toContainText('1 done today');
    await open(page, '#/settings');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export progress' }).click(),
    ]);
    const file = await download.path();
    expect(JSON.parse(readFileSync(file, 'utf8')).decks[0].deck.id).toBe('u-git-in-three-comparisons');

    const { context: fresh, page: other, preview } = await importInFreshBrowser(browser, file, T0);
    await expect(preview).toContainText('1 review of 1 card');
    await expect(preview).toContainText('It also holds 1 of your own deck: “Git in three comparisons”.');
    await preview.getByRole('button', { name: 'Replace my progress' }).click();
    await expect(other.locator('.done')).toContainText('replaced');
    expect(JSON.parse((await storedDecks(other))!).decks[0].deck.title).toBe('Git in three comparisons');
    // The deck is there, with its review counted.
    await open(other, '#/d/u-git-in-three-comparisons');
    await expect(other.locator('article.card')).toHaveCount(3);
    await open(other, '#/flashcards?c=u-git-in-three-comparisons--git-fetch-vs-git-pull');
    await expect(other.locator('.setup__preview, .counters').first()).toBeVisible();
    await open(other, '#/progress');
    await expect(other.locator('.progress')).toContainText('Git in three comparisons');
    expect((await stored(other)).log).toHaveLength(1);
    await fresh.close();
  });

  test('a deck shared as a link opens in a fresh browser, previewed, then added and studied', async ({
    page,
    browser,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await open(page, '#/decks');
    await chooseFile(page, 'git.md', EXAMPLE);
    await page.getByRole('button', { name: 'Add this deck' }).click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Link copied \(\d+ characters\)/ })).toBeVisible();
    const link = await page.getByLabel('Link to “Git in three comparisons”').inputValue();
    expect(link).toMatch(/#\/add\/1\.[A-Za-z0-9_-]+$/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await expectNoAxeViolations(page);

    const fresh = await browser.newContext({ timezoneId: 'UTC' });
    const other = await fresh.newPage();
    await other.goto(link);
    const preview = other.getByRole('region', { name: 'Deck preview' });
    await expect(preview).toContainText('Git in three comparisons: 1 phase, 3 comparisons.');
    expect(await storedDecks(other), 'nothing is stored before "Add"').toBeNull();
    await preview.getByRole('button', { name: 'Add this deck' }).click();
    await other.getByRole('link', { name: 'Read it' }).click();
    await expect(other.locator('article.card')).toHaveCount(3);
    await open(other, '#/flashcards?c=u-git-in-three-comparisons--git-reset-vs-git-revert');
    await other.getByRole('button', { name: /Show answer/ }).click();
    await other.getByRole('button', { name: /^Good/ }).click();
    await expect(other.locator('.counters')).toContainText('1 done today');

    // Cut short on its way: it says so, and offers nothing to add.
    await other.goto(link.slice(0, link.length - 40));
    await expect(other.getByRole('alert')).toContainText('This deck link is damaged');
    await expect(other.getByRole('button', { name: /Add this deck|Replace my deck/ })).toHaveCount(0);
    await fresh.close();
  });

  test('a deck is renamed, keeping its id and reviews; a taken title is refused', async ({ page }) => {
    await open(page, '#/decks');
    await chooseFile(page, 'git.md', EXAMPLE);
    await page.getByRole('button', { name: 'Add this deck' }).click();
    await page.getByRole('button', { name: 'Rename Git in three comparisons' }).click();
    const title = page.getByLabel('New title for “Git in three comparisons”');
    await expect(title).toBeFocused();
    await title.fill('docker in depth');
    await page.getByRole('button', { name: 'Save title' }).click();
    await expect(page.getByText('Another deck has this title: choose another.')).toBeVisible();
    await expect(title).toHaveAttribute('aria-invalid', 'true');
    await title.fill('Git basics');
    await title.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Renamed to “Git basics”.' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Git basics' })).toBeFocused();
    const saved = JSON.parse((await storedDecks(page))!);
    expect(saved.decks[0].deck).toMatchObject({ id: 'u-git-in-three-comparisons', title: 'Git basics' });
    await open(page, '#/d/u-git-in-three-comparisons');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Git basics/);
  });

  test('files past the limits get a clear message, at once', async ({ page }) => {
    await open(page, '#/decks');
    const head = '# Big\n\n## Phase 1 – All\n\n';
    const pair = (i: number) => `A${i} vs B${i}\n- A${i}:\n  - one\n- B${i}:\n  - two\n\n`;
    const cases: [string, string | Buffer, RegExp][] = [
      ['huge.md', Buffer.alloc(5 * 1024 * 1024, 'a'), /5,242,880 bytes; a deck may have at most 1 MB/],
      ['long-line.md', head + 'x'.repeat(100_000) + '\n', /Line 5: the line has 100,000 characters/],
      ['many.md', head + Array.from({ length: 10_000 }, (_, i) => pair(i)).join(''), /10,000 comparisons; a deck may have at most 1,000/],
      ['nested.md', head + Array.from({ length: 40 }, (_, i) => '  '.repeat(i) + '- x').join('\n'), /nested more than 8 deep/],
      ['empty.md', '', /the file is empty/],
    ];
    for (const [name, text, message] of cases) {
      await chooseFile(page, name, text);
      await expect(page.getByRole('alert'), name).toContainText(message);
      expect(await storedDecks(page)).toBeNull();
    }
    // A byte-order mark and CRLF line ends read as a deck.
    await chooseFile(page, 'windows.md', '\uFEFF' + EXAMPLE.replace(/\n/g, '\r\n'));
    await expect(page.getByRole('region', { name: 'Deck preview' })).toContainText('3 comparisons');
  });
});


test.describe('Your decks with drills', () => {
  test('a pasted deck with a drill: its fault by line, then fixed, added and practised', async ({ page }) => {
    await page.clock.install({ time: T0 });
    await open(page, '#/decks');
    // Two options marked right: refused, with the line.
    const broken = EXAMPLE.replace('- [ ] A merge commit joining the two', '- [x] A merge commit joining the two');
    await page.getByLabel('…or paste the deck here').fill(broken);
    await page.getByRole('button', { name: 'Check the pasted deck' }).click();
    const line = broken.split('\n').findIndex((l) => l.startsWith('- [x] The same commit')) + 1;
    await expect(page.locator('.faults')).toContainText(`Line ${line}: exactly one option is the answer`);
    // As written, it is a deck with a drill.
    await page.getByLabel('…or paste the deck here').fill(EXAMPLE);
    await page.getByRole('button', { name: 'Check the pasted deck' }).click();
    await page.getByRole('region', { name: 'Deck preview' }).getByRole('button', { name: 'Add this deck' }).click();
    await open(page, '#/predict?c=u-git-in-three-comparisons--git-fetch-vs-git-pull');
    await expect(page.locator('#drill-question')).toContainText('git log --oneline -1');
    await expect(page.locator('.setup-code .code')).toContainText('git fetch origin');
    await page.locator('.choice').filter({ hasText: 'The same commit as before the fetch' }).click();
    await expect(page.locator('#verdict .feedback__verdict')).toHaveText('Right!');
    await expect(page.locator('#verdict a[href="https://git-scm.com/docs/git-fetch"]')).toBeVisible();
    // The drill is stored with its deck.
    const saved = JSON.parse((await storedDecks(page))!);
    const fetchPull = saved.decks[0].deck.phases[0].comparisons[1];
    expect(fetchPull.drills).toHaveLength(1);
  });
});

test('a drill with an exact answer: typed, checked, and "I had it" counts it as right', async ({ page }) => {
  await page.clock.install({ time: T0 });
  const deck = [
    '# Shell quoting',
    '',
    '## Phase 1 – Basics',
    '',
    'Single quotes vs Double quotes',
    '- Single quotes:',
    '  - Keep every character as written.',
    '- Double quotes:',
    '  - Expand `$VAR` and command substitution.',
    '',
    'Drill: What does the last line print?',
    '',
    '```sh',
    'NAME=world',
    "echo 'hi $NAME'",
    '```',
    '',
    "Answer: `hi $NAME`",
    '',
    'Why: Single quotes keep `$` as it is. [Bash manual: Single Quotes](https://www.gnu.org/software/bash/manual/html_node/Single-Quotes.html)',
    '',
  ].join('\n');
  await open(page, '#/decks');
  await page.getByLabel('…or paste the deck here').fill(deck);
  await page.getByRole('button', { name: 'Check the pasted deck' }).click();
  await page.getByRole('region', { name: 'Deck preview' }).getByRole('button', { name: 'Add this deck' }).click();
  await open(page, '#/predict?c=u-shell-quoting--single-quotes-vs-double-quotes');
  const typed = page.getByLabel('Your answer');
  // Spacing, case and wrapping backticks are forgiven; the words are not.
  await typed.fill('  `HI   $name` ');
  await typed.press('Enter');
  await expect(page.locator('#verdict .feedback__verdict')).toHaveText('Right!');
  await page.getByRole('button', { name: /Next drill/ }).click();
  await expect(page.locator('.summary')).toContainText('You answered 1 drill, 1 right.');
  // Again, another day, typed differently: wrong, until the user says they had it.
  await page.clock.setSystemTime(new Date(T0.getTime() + 30 * 86400e3));
  await page.reload();
  await expect(typed).toBeVisible();
  await typed.fill('hi world');
  await typed.press('Enter');
  await expect(page.locator('#verdict .feedback__verdict')).toHaveText('Not quite.');
  await expect(page.locator('#verdict')).toContainText('(you wrote “hi world”)');
  await page.getByRole('button', { name: 'I had it: count it as right' }).click();
  await expect(page.locator('#verdict .feedback__verdict')).toHaveText('Counted as right.');
  const grades = (await stored(page)).log.map((r: { g: number }) => r.g);
  expect(grades, 'the Again was taken back; a Hard stands').toEqual([3, 2]);
});

test('a returning reader with a deck of their own sees it on the home page without a touch', async ({ page }) => {
  await open(page, '#/decks');
  await chooseFile(page, 'git.md', EXAMPLE);
  await page.getByRole('region', { name: 'Deck preview' }).getByRole('button', { name: 'Add this deck' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added' })).toBeVisible();
  // Back later: the home page, loaded afresh, and no key, tap or focus.
  await page.evaluate(() => history.replaceState(null, '', location.pathname));
  await page.reload();
  const switcher = page.getByRole('navigation', { name: 'Decks' });
  await expect(switcher).toBeVisible();
  await expect(page.locator('html[data-app="running"]')).toHaveCount(1);
  await expect(switcher).toContainText('Git in three comparisons');
  // A first-time visitor's home page still waits for a touch (nothing of theirs to show).
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(switcher).toBeVisible();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('html[data-app="running"]')).toHaveCount(0);
});
