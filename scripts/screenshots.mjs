#!/usr/bin/env node
// PNG screenshots of each screen at a phone's and a desktop's width, light and dark, from
// the release build in dist/. Writes target/screenshots/<screen>-<width>-<scheme>.png.
//
//   make screenshots            (builds dist/ first)
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';

const PORT = 4174;
const BASE = `http://127.0.0.1:${PORT}/diffdeck/`;
const OUT = 'target/screenshots';
const SCREENS = [
  ['browse', '#/', null],
  ['search', '#/', async (page) => page.getByRole('searchbox').fill('volume')],
  ['no-match', '#/', async (page) => page.getByRole('searchbox').fill('kubernetes')],
  ['comparison', '#/c/cmd-vs-entrypoint', null],
  ['corrected', '#/c/image-vs-container', null],
  ['deck-2', '#/d/docker-in-depth', null],
  ['deck-2-comparison', '#/c/docker-stop-vs-docker-kill', null],
  ['search-elsewhere', '#/', async (page) => page.getByRole('searchbox').fill('sigkill')],
  ['note', '#/c/docker-scan-vs-trivy', null],
  ['flash-setup', '#/flashcards', null],
  ['flash-front', '#/flashcards?c=cmd-vs-entrypoint', null],
  ['flash-back', '#/flashcards?c=cmd-vs-entrypoint', async (page) => page.getByRole('button', { name: /Show answer/ }).click()],
  ['flash-point', '#/flashcards?c=cmd-vs-entrypoint', async (page) => {
    for (let i = 0; i < 1; i++) {
      await page.getByRole('button', { name: /Show answer/ }).click();
      await page.getByRole('button', { name: /^Good/ }).click();
    }
  }],
  ['flash-plan', '#/flashcards', async (page) => {
    await page.getByLabel('Interview date').fill(isoDaysAhead(7));
    await page.getByLabel('Interview date').blur();
  }],
  ['flash-plan-too-much', '#/flashcards', async (page) => {
    await page.getByLabel('Study').selectOption('all');
    await page.getByLabel('Interview date').fill(isoDaysAhead(7));
    await page.getByLabel('Interview date').blur();
  }],
  ['flash-end', '#/settings', async (page) => {
    await page.getByLabel('New cards per day, each deck').fill('2');
    await page.getByLabel('New cards per day, each deck').blur();
    await page.goto(BASE + '#/flashcards?d=docker');
    for (let i = 0; i < 2; i++) {
      await page.getByRole('button', { name: /Show answer/ }).click();
      await page.getByRole('button', { name: /^Easy/ }).click();
    }
    await page.locator('.summary').waitFor();
  }],
  ['progress-plan', '#/progress', async (page) => {
    await page.getByLabel('Interview date').fill(isoDaysAhead(7));
    await page.getByLabel('Interview date').blur();
    await page.getByRole('heading', { name: 'Interview in 7 days' }).scrollIntoViewIfNeeded();
  }],
  ['match-setup', '#/match', null],
  ['match-wrong', '#/match', async (page) => {
    await page.getByRole('button', { name: 'Start' }).click();
    // A name and a description of another pair: descriptions in turn until one is wrong
    // (a right one clears its pair; the next name left is picked).
    const names = page.locator('.tile--name:not(.is-cleared)');
    const tiles = page.locator('.tile--description');
    for (let i = 0; i < (await tiles.count()); i++) {
      if (await tiles.nth(i).evaluate((t) => t.classList.contains('is-cleared'))) continue;
      await names.first().click();
      const before = await page.locator('.tile.is-cleared').count();
      await tiles.nth(i).click();
      if ((await page.locator('.tile.is-cleared').count()) === before) break;
    }
  }],
  ['match-board', '#/match', async (page) => {
    await page.getByRole('button', { name: 'Start' }).click();
    await page.locator('#tile-0').click();
  }],
  ['predict', '#/predict?c=cmd-vs-entrypoint', null],
  ['predict-verdict', '#/predict?c=cmd-vs-entrypoint', async (page) => page.locator('.choice').first().click()],
  ['explain', '#/explain?c=copy-vs-add', async (page) => page.getByLabel(/Your answer/).fill('COPY copies files from the build context; ADD also fetches URLs.')],
  ['explain-checklist', '#/explain?c=copy-vs-add', async (page) => {
    await page.getByLabel(/Your answer/).fill('COPY copies files from the build context; ADD also fetches URLs.');
    await page.getByRole('button', { name: 'Show the points' }).click();
    await page.locator('.checklist input').first().check();
  }],
  ['comparison-drills', '#/c/cmd-vs-entrypoint', async (page) => {
    await page.locator('.drills').scrollIntoViewIfNeeded();
    await page.locator('.drill__answer summary').first().click();
  }],
  ['quiz-setup', '#/quiz', null],
  ['quiz-question', '#/quiz', async (page) => page.getByRole('button', { name: 'Start' }).click()],
  ['quiz-feedback', '#/quiz', async (page) => {
    await page.getByRole('button', { name: 'Start' }).click();
    await page.keyboard.press('2');
  }],
  ['progress', '#/progress', null],
  ['settings', '#/settings', null],
  ['decks', '#/decks', null],
  ['decks-preview', '#/decks', async (page) => chooseDeck(page, EXAMPLE)],
  ['decks-faults', '#/decks', async (page) => chooseDeck(page, EXAMPLE.replace('git merge 🔀 vs git rebase 📏', 'git merge and git rebase'))],
  ['decks-added', '#/decks', async (page) => {
    await chooseDeck(page, EXAMPLE);
    await page.getByRole('button', { name: 'Add this deck' }).click();
  }],
  ['decks-shared', '#/decks', async (page) => {
    await chooseDeck(page, EXAMPLE);
    await page.getByRole('button', { name: 'Add this deck' }).click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.locator('.own__form input').waitFor();
  }],
  ['decks-rename', '#/decks', async (page) => {
    await chooseDeck(page, EXAMPLE);
    await page.getByRole('button', { name: 'Add this deck' }).click();
    await page.getByRole('button', { name: /^Rename/ }).click();
    await page.locator('.own__form input').fill('Docker in Depth');
    await page.getByRole('button', { name: 'Save title' }).click();
    await page.locator('.own__error').waitFor();
  }],
  ['decks-link', '#/decks', async (page) => {
    await chooseDeck(page, EXAMPLE);
    await page.getByRole('button', { name: 'Add this deck' }).click();
    await page.getByRole('button', { name: 'Copy link' }).click();
    const link = await page.locator('.own__form input').inputValue();
    await page.evaluate(() => localStorage.clear());
    await page.goto(link.slice(0, -10));
    await page.locator('[role="alert"]').waitFor();
  }],
  // Progress to another device: the link and its QR code; the link opened elsewhere.
  ['sync-send', '#/settings', async (page) => {
    await page.getByLabel('To which device?').fill('Laptop');
    await page.getByRole('button', { name: 'Make a sync link' }).click();
    await page.locator('.qr__code').scrollIntoViewIfNeeded();
  }],
  ['sync-open', '#/flashcards?c=cmd-vs-entrypoint', async (page) => {
    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: /Show answer/ }).click();
      await page.getByRole('button', { name: /^Good/ }).click();
    }
    await page.goto(BASE + '#/settings');
    await page.getByRole('button', { name: 'Make a sync link' }).click();
    const link = await page.getByRole('textbox', { name: 'Sync link' }).inputValue();
    await page.evaluate(() => localStorage.clear());
    await page.goto(BASE + '#/');
    await page.reload();
    await page.goto(link);
    await page.getByRole('region', { name: 'Import preview' }).waitFor();
  }],
  // A learner who comes back: the home page says what is due (no touch).
  ['home-returning', '#/flashcards?c=cmd-vs-entrypoint', async (page) => {
    for (let i = 0; i < 2; i++) {
      await page.getByRole('button', { name: /Show answer/ }).click();
      await page.getByRole('button', { name: /^Again/ }).click();
    }
    await page.goto(BASE);
    await page.locator('.start__lead', { hasText: 'Welcome back' }).waitFor();
  }],
  ['progress-reminders', '#/progress', async (page) => {
    await page.getByLabel('Study at').scrollIntoViewIfNeeded();
  }],
  // The pre-rendered pages (src/site.rs), as a visitor without JavaScript sees them.
  ['site-404', 'c/does-not-exist/', null],
  ['site-comparison', 'c/cmd-vs-entrypoint/', null],
  ['site-deck', 'd/docker-in-depth/', null],
  ['deck-own', '#/decks', async (page) => {
    await chooseDeck(page, EXAMPLE);
    await page.getByRole('button', { name: 'Add this deck' }).click();
    await page.getByRole('link', { name: 'Read it' }).click();
    await page.locator('article.card').first().waitFor();
  }],
  // Last: print media stays on in this context.
  ['site-print', 'd/docker/', async (page) => page.emulateMedia({ media: 'print' })],
];
const EXAMPLE = await readFile('content/example.md', 'utf8');
/** The date `days` from today, as a date field takes it. */
function isoDaysAhead(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
/** Chooses `text` as the deck file on the "Your decks" screen. */
async function chooseDeck(page, text) {
  await page.getByLabel('A Markdown file (.md or .txt)').setInputFiles({ name: 'deck.md', mimeType: 'text/markdown', buffer: Buffer.from(text) });
  await page.locator('.preview, [role="alert"]').first().waitFor();
}
const SIZES = [
  ['phone', { width: 360, height: 780 }, true],
  ['desktop', { width: 1280, height: 800 }, false],
];

const server = spawn('node', ['scripts/serve.mjs', '--port', String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 400));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
await mkdir(OUT, { recursive: true });
try {
  for (const [size, viewport, isMobile] of SIZES) {
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({ viewport, isMobile, hasTouch: isMobile, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const [name, hash, act] of SCREENS.filter(([n]) => !process.env.ONLY || n.startsWith(process.env.ONLY))) {
        await page.goto(BASE + hash);
        if (hash.startsWith('#/') && hash !== '#/' && !hash.startsWith('#/c/')) await page.evaluate(() => localStorage.clear());
        await page.reload();
        await page.locator('main h1').waitFor();
        // The app's screens: once it has taken over the pre-rendered page (site pages have no
        // app). On the home page it starts when the user reaches for it: a key press.
        if (hash === '#/') await page.keyboard.press('Shift');
        if (!/^(c|d)\//.test(hash)) await page.locator('html[data-app="running"]').waitFor({ state: 'attached' });
        if (act) await act(page);
        await page.waitForTimeout(500);
        const file = `${OUT}/${name}-${size}-${scheme}.png`;
        await page.screenshot({ path: file, fullPage: name !== 'browse' || size === 'desktop' ? false : false });
        console.log(file);
      }
      await context.close();
    }
  }
  // A study screen while its code is fetched, and when it cannot be (src/ui/lazy.rs).
  for (const [size, viewport, isMobile] of SIZES) {
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({ viewport, isMobile, hasTouch: isMobile, colorScheme: scheme, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.route(/split_progress_screen-[0-9a-f]+\.wasm$/, () => {}); // never answers
      await page.route(/split_test_screen-[0-9a-f]+\.wasm$/, (route) => route.abort());
      for (const [name, hash] of [['screen-loading', '#/progress'], ['screen-not-loaded', '#/quiz']]) {
        await page.goto(BASE + hash);
        await page.locator('.stand-in h1').waitFor();
        if (name === 'screen-not-loaded') await page.getByRole('alert').waitFor();
        const file = `${OUT}/${name}-${size}-${scheme}.png`;
        await page.screenshot({ path: file });
        console.log(file);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}
