import { test, expect, open, stored, expectNoAxeViolations, scrollsSideways } from './fixtures';
import { test as plainTest } from '@playwright/test';

const cards = 'article.card';
const visibleCards = 'li:not([hidden]) > article.card';

test.describe('Browse', () => {
  test('shows the whole deck: 6 phases, 21 comparisons, both sides of each', async ({ page }) => {
    await open(page);
    await expect(page).toHaveTitle(/diffdeck/);
    await expect(page.locator('section.phase')).toHaveCount(6);
    await expect(page.locator(cards)).toHaveCount(21);
    await expect(page.locator('.side--left')).toHaveCount(21);
    await expect(page.locator('.side--right')).toHaveCount(21);
    await expect(page.getByRole('heading', { level: 3, name: 'CMD vs ENTRYPOINT' })).toBeVisible();
    // Rich text survives: inline code, bold and update notes.
    await expect(page.locator('.points code', { hasText: 'docker run image echo hi' })).toHaveCount(1);
    await expect(page.locator('.points strong', { hasText: 'data gone' })).toHaveCount(1);
    // The update note, and the correction of "Built-in (powered by Snyk)".
    await expect(page.getByRole('note').filter({ hasText: 'Docker Scout' })).toHaveCount(2);
    await expect(page.locator('#search-summary')).toHaveText('21 comparisons in 6 phases');
  });

  test('search narrows the deck as you type and can be cleared', async ({ page }) => {
    await open(page);
    const search = page.getByRole('searchbox', { name: 'Search comparisons' });
    await search.fill('volume');
    // Names, points and update notes all count: these six mention volumes.
    await expect(page.locator(visibleCards).getByRole('heading', { level: 3 })).toHaveText([
      'Image 🖼️ vs Container 📦',
      'Bind Mount 🔗 vs Named Volume 📦',
      '-v vs --mount',
      'Anonymous Volume ❓ vs Named Volume 🏷️',
      'Docker Run 🏃 vs Docker Compose 🛠️',
      'docker-compose down ⚡ vs docker-compose down -v 💣',
    ]);
    await expect(page.locator('#search-summary')).toHaveText(/^6 of 21 comparisons match · \d+ more in Docker in Depth$/);
    await search.fill('volume orphaned');
    await expect(page.locator(visibleCards)).toHaveCount(1);
    await expect(page.locator(visibleCards).getByRole('heading', { level: 3 })).toHaveAccessibleName(
      'Anonymous Volume vs Named Volume',
    );
    await expect(page.locator('section.phase:not([hidden])')).toHaveCount(1);

    await search.fill('kubernetes');
    await expect(page.locator(visibleCards)).toHaveCount(0);
    await expect(page.locator('#search-summary')).toHaveText(/^No comparison in this deck matches “kubernetes” · \d+ more in Docker in Depth$/);
    await page.getByRole('button', { name: 'clear the search' }).click();
    await expect(page.locator(visibleCards)).toHaveCount(21);
    await expect(search).toHaveValue('');
  });

  test('a card link opens its comparison, and back returns to the card', async ({ page }) => {
    await open(page);
    await page.getByRole('link', { name: 'COPY vs ADD' }).click();
    await expect(page).toHaveURL(/#\/c\/copy-vs-add$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('COPY vs ADD');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(page).toHaveTitle('COPY vs ADD — diffdeck');
    await page.goBack();
    await expect(page.locator(cards)).toHaveCount(21);
    await expect(page.getByRole('link', { name: 'COPY vs ADD' })).toBeFocused();
  });

  test('a deep link opens its comparison directly and survives a reload', async ({ page }) => {
    await open(page, '#/c/cmd-vs-entrypoint');
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toHaveAccessibleName('CMD vs ENTRYPOINT');
    await expect(page.getByText('Phase 2 – Images & Dockerfile')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Best practice' })).toBeVisible();
    await page.reload();
    await expect(h1).toHaveAccessibleName('CMD vs ENTRYPOINT');
    // Previous and next walk the deck in order.
    await page.getByRole('link', { name: /Next.*COPY vs ADD/ }).click();
    await expect(h1).toHaveAccessibleName('COPY vs ADD');
    await page.getByRole('link', { name: /Previous.*CMD vs ENTRYPOINT/ }).click();
    await expect(h1).toHaveAccessibleName('CMD vs ENTRYPOINT');
    await page.getByRole('link', { name: '← Docker Interview Differences' }).click();
    await expect(page.locator(cards)).toHaveCount(21);
  });

  test('an unknown link says so and leads back to the deck', async ({ page }) => {
    await open(page, '#/c/no-such-comparison');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nothing here');
    await page.getByRole('link', { name: 'Browse all comparisons' }).click();
    await expect(page.locator(cards)).toHaveCount(21);
  });

  test('emoji are hidden from screen readers', async ({ page }) => {
    await open(page);
    const emoji = page.locator('.emoji');
    expect(await emoji.count()).toBeGreaterThan(40);
    await expect(page.locator('.emoji:not([aria-hidden="true"])')).toHaveCount(0);
  });

  test('the keyboard reaches search, then the cards, with a skip link first', async ({ page, isMobile }) => {
    test.skip(isMobile, 'keyboard navigation is a desktop concern');
    await open(page);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    // Where to start comes first, then the deck switch (two decks and "Your decks"), then
    // search.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Start studying' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('navigation', { name: 'Decks' }).getByRole('link').first()).toBeFocused();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await expect(page.getByRole('searchbox')).toBeFocused();
    await page.keyboard.type('bridge');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Bridge vs Host' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveAccessibleName('Bridge vs Host');
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await open(page);
      await expectNoAxeViolations(page);
      await page.getByRole('searchbox').fill('zzz');
      await expect(page.locator('#search-summary')).toHaveText(/No comparison/);
      await expectNoAxeViolations(page);
      await open(page, '#/c/docker-scan-vs-trivy');
      await expectNoAxeViolations(page);
      await open(page, '#/c/nope');
      await expectNoAxeViolations(page);
    });
  }

  test('nothing scrolls sideways, on the deck or a comparison', async ({ page }) => {
    await open(page);
    expect(await scrollsSideways(page)).toBe(false);
    await open(page, '#/c/v-vs-mount');
    expect(await scrollsSideways(page)).toBe(false);
  });
});

// The aborted wasm fetch is logged: not the fixture that fails on console errors.
plainTest('the saved theme applies before the wasm runs', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.abort());
  await page.addInitScript(() =>
    localStorage.setItem('diffdeck:progress', JSON.stringify({ version: 1, settings: { theme: 'dark', motion: 'reduced' } })),
  );
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduced');
});

test('the home page reads without JavaScript: every comparison, with links to their pages', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.locator('.brand__name')).toHaveText('diffdeck');
  await expect(page.locator('main h1')).toContainText('Docker Interview Differences');
  await expect(page.locator('article.card')).toHaveCount(21);
  await expect(page.locator('section.phase')).toHaveCount(6);
  // Search needs the app: shown, inactive.
  await expect(page.locator('#search-input')).toBeDisabled();
  await expect(page.locator('#search-summary')).toHaveText('21 comparisons in 6 phases');
  await page.locator('article.card a', { hasText: 'ENTRYPOINT' }).click();
  await expect(page).toHaveURL(/\/c\/cmd-vs-entrypoint\/$/);
  await expect(page.locator('main h1')).toContainText('ENTRYPOINT');
  await context.close();
});

test('loading the home page moves nothing, from the first paint to the app', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: number };
    w.shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number }[]) w.shifts += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await open(page);
  await expect(page.locator('#search-input')).toBeEnabled();
  await expect(page.locator('article.card')).toHaveCount(21);
  expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBeLessThanOrEqual(0.02);
});

test('on the home page the app starts when the user reaches for it, and keeps what they typed', async ({ page }) => {
  const parts: string[] = [];
  page.on('request', (r) => parts.push(r.url()));
  // The app's code arrives and compiles once the page has painted, and in idle time the
  // code a first tap is likely to need (Flashcards', the storage code: each once); the app
  // does not run, however long the page is read: a minute of the page's timers is run,
  // not waited for.
  await page.clock.install();
  const code = page.waitForResponse(/\/diffdeck-[0-9a-f]+_bg\.wasm$/);
  await page.goto('./');
  await page.clock.runFor(1_000);
  await code;
  await page.waitForLoadState('networkidle');
  await page.clock.runFor(60_000);
  await page.waitForLoadState('networkidle');
  await expect(page.locator('html[data-app]')).toHaveCount(0);
  expect(parts.filter((u) => /split_open_storage/.test(u))).toHaveLength(1);
  expect(parts.filter((u) => /split_flashcards_screen/.test(u))).toHaveLength(1);
  // The search box works at once: typing starts the app, which takes the text over.
  await expect(page.locator('#search-input')).toBeEnabled();
  await page.locator('#search-input').click();
  await page.keyboard.type('volume orphaned');
  await expect(page.locator('html[data-app="running"]')).toHaveCount(1);
  await expect(page.locator('#search-input')).toBeFocused();
  await expect(page.locator('#search-input')).toHaveValue('volume orphaned');
  await expect(page.locator('li:not([hidden]) > article.card')).toHaveCount(1);
  await expect(page.locator('#search-summary')).toContainText(/^1 of 21 comparisons match/);
});

test('the app takes over the pre-rendered home page in place: no shift, scroll and focus kept', async ({ page, isMobile }) => {
  test.skip(isMobile, 'one layout is enough; the phone runs the same code');
  // The app waits until the page is read, scrolled and a link focused.
  let release = () => {};
  const held = new Promise<void>((go) => (release = go));
  await page.route('**/*_bg.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: number };
    w.shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!e.hadRecentInput) w.shifts += e.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('./');
  await expect(page.locator('html[data-app]')).toHaveCount(0);
  const link = page.locator('.card__link', { hasText: 'Bridge' }).first();
  const name = await link.textContent();
  // Focus starts the app (scripts/wasm.mjs); its code is held above.
  await link.focus();
  await page.evaluate(() => window.scrollBy(0, 200));
  // Let the page settle first: phases it skipped (content-visibility) are laid out as they
  // come near the screen, and the browser's scroll anchoring then moves the scroll position.
  const settled = () =>
    page.evaluate(() => new Promise<number>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(window.scrollY)))));
  let y = await settled();
  for (let i = 0; i < 20; i++) {
    const next = await settled();
    if (next === y) break;
    y = next;
  }
  expect(y).toBeGreaterThan(500);
  const box = await link.boundingBox();
  // What moves when the app takes over (the jump above laid out phases the page had
  // skipped: content-visibility, the page's own business).
  await page.evaluate(() => ((window as unknown as { shifts: number }).shifts = 0));
  release();
  await expect(page.locator('html[data-app="running"]')).toHaveCount(1);
  await expect(page.locator('#search-input')).toBeEnabled();
  // The app's link, where the page's was, with focus and the scroll position.
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('href', /^#\/c\//);
  expect(await focused.textContent()).toBe(name);
  expect(await page.evaluate(() => window.scrollY)).toBe(y);
  expect(await focused.boundingBox()).toEqual(box);
  expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBeLessThanOrEqual(0.02);
  await expect(page.locator('article.card')).toHaveCount(21);
  await expect(page.locator('#app')).toHaveCount(1);
});

test('a learner who comes back sees on the home page, with no touch, what is due', async ({ page }) => {
  await open(page, '#/flashcards');
  await page.locator('main button[type=submit]').click();
  // Two cards answered Again: both are learning cards, due again within minutes.
  for (let i = 0; i < 2; i++) {
    await page.locator('.flash__actions button.button--primary').click();
    await page.locator('button.grade--again').click();
  }
  await expect.poll(async () => (await stored(page)).log.length).toBe(2);
  // Back later: the home page, loaded afresh, and no key, tap or focus.
  await page.goto('./');
  const lead = page.locator('.start__lead');
  await expect(page.locator('html[data-app="running"]')).toHaveCount(1);
  await expect(lead).toHaveText('Welcome back. 2 cards of this deck are due for review.');
  // A newcomer's page says what diffdeck is, and waits for a touch.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForLoadState('networkidle');
  await expect(page.locator('html[data-app="running"]')).toHaveCount(0);
  await expect(lead).toHaveText(/^Learn the Docker differences interviewers ask about/);
});

test('a tap on a card link before the app runs does not start it: the page it opens is not held up', async ({ page }) => {
  await page.goto('./');
  await page.waitForLoadState('networkidle');
  const link = page.locator('a.card__link').first();
  await link.dispatchEvent('pointerdown', { bubbles: true, pointerType: 'touch' });
  await page.waitForTimeout(1000);
  await expect(page.locator('html[data-app="running"]')).toHaveCount(0);
  // A tap anywhere else does.
  await page.locator('main h1').dispatchEvent('pointerdown', { bubbles: true, pointerType: 'touch' });
  await expect(page.locator('html[data-app="running"]')).toHaveCount(1);
  // And the tap on the link, followed through, opens the comparison's own page.
  await page.goto('./');
  await page.locator('a.card__link').first().click();
  await expect(page).toHaveURL(/\/c\/image-vs-container\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Image');
});
