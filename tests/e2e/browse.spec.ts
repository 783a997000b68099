import { test, expect, open, expectNoAxeViolations, scrollsSideways } from './fixtures';
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
    await expect(page.getByRole('note').filter({ hasText: 'Docker Scout' })).toHaveCount(1);
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
    // The deck switch comes first (two decks and "Your decks"), then search.
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
  await expect(page.locator('.skeleton')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('data-motion', 'reduced');
});

test('the first paint shows the name and a skeleton before the wasm runs', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.locator('.brand__name')).toHaveText('diffdeck');
  await expect(page.locator('.skeleton')).toBeVisible();
  await context.close();
});
