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

for (const scheme of ['light', 'dark'] as const) {
  test(`axe on every screen (${scheme})`, async ({ page, isMobile }) => {
    test.skip(isMobile && scheme === 'dark', 'the phone run covers light');
    await page.emulateMedia({ colorScheme: scheme });
    for (const [, hash] of SCREENS) {
      await open(page, hash);
      await expectNoAxeViolations(page);
    }
    // Game states: a match board half solved, a quiz question answered.
    await open(page, '#/match');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.locator('#tile-0').click();
    await expectNoAxeViolations(page);
    await open(page, '#/quiz');
    await page.getByRole('button', { name: 'Start' }).click();
    await page.keyboard.press('1');
    await page.locator('.feedback details summary').click();
    await expectNoAxeViolations(page);
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
