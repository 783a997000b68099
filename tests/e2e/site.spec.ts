import { test, expect } from './fixtures';
import { test as plain, type Page } from '@playwright/test';

// The pre-rendered site (src/site.rs, written by scripts/postbuild.mjs): with JavaScript
// off, every deck page and comparison page shows its full content, styled, and links
// between them work, under the /diffdeck/ sub-path. The native test (tests/prerender.rs)
// checks that every point, note and source is in the HTML; this one that a browser shows it.
test.use({ javaScriptEnabled: false });

const DECKS = ['docker', 'docker-in-depth'];

/** The cards a deck page lists: each comparison's link and title. */
async function cards(page: Page) {
  const links = page.locator('article.card .card__link');
  // textContent: cards far below the fold are not laid out yet (content-visibility).
  const found = await links.evaluateAll((as) => as.map((a) => [(a as HTMLAnchorElement).href, a.textContent ?? '']));
  return found.map(([href, title]) => ({ href, title: title.replace(/\s+/g, ' ').trim() }));
}

test('without JavaScript, every deck page and comparison page reads in full', async ({ page }) => {
  test.setTimeout(180_000);
  for (const deck of DECKS) {
    await page.goto(`d/${deck}/`);
    await expect(page.locator('main h1')).toBeVisible();
    await expect(page.locator('.app-header')).toHaveCSS('position', 'sticky');
    const listed = await cards(page);
    expect(listed.length, deck).toBeGreaterThanOrEqual(20);
    for (const { href, title } of listed) {
      expect(new URL(href).pathname).toMatch(/^\/diffdeck\/c\/[a-z0-9-]+\/$/);
      await page.goto(href);
      const h1 = (await page.locator('main h1').innerText()).replace(/\s+/g, ' ').trim();
      expect(h1, href).toBe(title);
      await expect(page.locator('.sides > .side')).toHaveCount(2);
      await expect(page.locator('.sides').first()).toHaveCSS('display', 'grid');
      expect(await page.locator('.side .points li').count(), href).toBeGreaterThanOrEqual(2);
      await expect(page.locator('.sources a').first()).toHaveAttribute('href', /^https:\/\//);
      await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
      const names = await page.locator('main h1 .title__name').allInnerTexts();
      expect(await page.title()).toBe(`${names.join(' vs ')} — diffdeck`);
    }
  }
});

test('without JavaScript, pages link to each other and into the app', async ({ page }) => {
  await page.goto('d/docker/');
  const [first, second] = await cards(page);
  await page.locator('article.card .card__link').first().click();
  await expect(page).toHaveURL(first.href);
  await page.getByRole('link', { name: /^Next/ }).click();
  await expect(page).toHaveURL(second.href);
  await page.getByRole('link', { name: /^Previous/ }).click();
  await expect(page).toHaveURL(first.href);
  await page.locator('.detail__back a').click();
  await expect(page).toHaveURL(/\/diffdeck\/d\/docker\/$/);
  // The second deck's comparisons link back to their own deck.
  await page.goto('d/docker-in-depth/');
  await page.locator('article.card .card__link').first().click();
  await page.locator('.detail__back a').click();
  await expect(page).toHaveURL(/\/diffdeck\/d\/docker-in-depth\/$/);
  // Into the app: its flashcards for this comparison, and the header's screens.
  await page.locator('article.card .card__link').first().click();
  const id = new URL(page.url()).pathname.split('/').at(-2);
  await expect(page.getByRole('link', { name: 'Study it with flashcards' })).toHaveAttribute('href', `../../#/flashcards?c=${id}`);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quiz' }).click();
  await expect(page).toHaveURL(/\/diffdeck\/#\/quiz$/);
});

// Without the fixture that fails on console errors: the browser logs the 404 it is shown.
plain.use({ javaScriptEnabled: false });
plain('without JavaScript, a page that does not exist says so, and a folder gets its slash', async ({ page }) => {
  const response = await page.goto('no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.locator('main h1')).toHaveText('Nothing here');
  await expect(page.locator('.app-header')).toHaveCSS('position', 'sticky');
  await page.getByRole('link', { name: 'Browse all comparisons' }).click();
  await expect(page).toHaveURL(/\/diffdeck\/#\/$/);
  await page.goto('c/copy-vs-add');
  await expect(page).toHaveURL(/\/diffdeck\/c\/copy-vs-add\/$/);
  await expect(page.locator('main h1')).toContainText('COPY');
});

test('without JavaScript, a comparison page shows its drills, the answer behind a disclosure', async ({ page }) => {
  await page.goto('c/cmd-vs-entrypoint/');
  const drills = page.locator('.drills .drill');
  expect(await drills.count()).toBeGreaterThanOrEqual(12);
  const first = drills.first();
  await expect(first.locator('.setup-code .code')).toBeVisible();
  await expect(first.locator('.drill__question')).toBeVisible();
  const answer = first.locator('.drill__answer .drill__exact');
  await expect(answer).toBeHidden();
  await first.locator('.drill__answer summary').click();
  await expect(answer).toBeVisible();
  await expect(first.locator('.drill__why a[href^="https://docs.docker.com/"]').first()).toBeVisible();
  // Styled by the study sheet the page links.
  await expect(first.locator('.code')).toHaveCSS('overflow-x', 'auto');
  await expect(page.locator('a', { hasText: 'Practise its drills' })).toHaveAttribute('href', '../../#/predict?c=cmd-vs-entrypoint');
});
