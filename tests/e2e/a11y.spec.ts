import { test, expect, open, expectNoAxeViolations, scrollsSideways } from './fixtures';

// Every screen, in both colour schemes: axe finds nothing; and with text at 200 % on a
// 360 px screen nothing is cut off sideways.
const SCREENS: [string, string][] = [
  ['browse', '#/'],
  ['comparison', '#/c/docker-compose-down-vs-docker-compose-down-v'],
  ['flashcards', '#/flashcards'],
  ['match', '#/match'],
  ['quiz', '#/quiz'],
  ['progress', '#/progress'],
  ['settings', '#/settings'],
  ['not found', '#/nowhere'],
];

// One test per screen and scheme: each a few seconds, spread over the workers, none near
// the timeout on a slow machine.
for (const scheme of ['light', 'dark'] as const) {
  test.describe(`axe (${scheme})`, () => {
    test.beforeEach(async ({ page, isMobile }) => {
      test.skip(isMobile && scheme === 'dark', 'the phone run covers light');
      await page.emulateMedia({ colorScheme: scheme });
    });
    for (const [name, hash] of SCREENS) {
      test(name, async ({ page }) => {
        await open(page, hash);
        await expectNoAxeViolations(page);
      });
    }
    test('a match board half solved', async ({ page }) => {
      await open(page, '#/match');
      await page.getByRole('button', { name: 'Start' }).click();
      await page.locator('#tile-0').click();
      await expectNoAxeViolations(page);
    });
    test('a quiz question answered, its context open', async ({ page }) => {
      await open(page, '#/quiz');
      await page.getByRole('button', { name: 'Start' }).click();
      await page.keyboard.press('1');
      await page.locator('.feedback details summary').click();
      await expectNoAxeViolations(page);
    });
  });
}

test('text at 200 % reflows without sideways scrolling', async ({ page, isMobile }) => {
  test.skip(!isMobile, 'the narrow screen is the hard case');
  for (const [name, hash] of SCREENS) {
    await open(page, hash);
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    if (name === 'flashcards') {
      await page.getByRole('button', { name: 'Start' }).click();
      await page.getByRole('button', { name: /Show answer/ }).click();
    }
    if (name === 'match' || name === 'quiz') await page.getByRole('button', { name: 'Start' }).click();
    expect(await scrollsSideways(page), `${name} scrolls sideways at 200 %`).toBe(false);
  }
});

test('a keyboard navigation to a screen still loading lands on its title when it arrives', async ({ browser, baseURL }) => {
  // No service worker, and a slow network for the quiz's code: the screen arrives late.
  const context = await browser.newContext({ baseURL, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.route(/split_test_screen-[0-9a-f]+\.wasm$/, async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  await open(page);
  await page.locator('a[href="#/quiz"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.stand-in__status')).toHaveText('Loading…');
  await expect(page.getByRole('button', { name: 'Start' })).toBeVisible();
  await expect(page.locator('#screen-title')).toBeFocused();
  await expect(page.locator('#screen-title')).toHaveText('Quiz');
  await context.close();
});
