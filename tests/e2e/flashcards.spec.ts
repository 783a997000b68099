import { test, expect, open, expectNoAxeViolations, stored, counted } from './fixtures';
import type { Page } from '@playwright/test';

// Time is injected: the page's clock starts here and only moves when a test moves it.
const T0 = new Date('2026-03-02T10:00:00Z');
const KEY = 'diffdeck:progress';

test.use({ timezoneId: 'UTC' });

async function start(page: Page, hash = '#/flashcards?c=cmd-vs-entrypoint') {
  await page.clock.install({ time: T0 });
  await open(page, hash);
}

const front = (page: Page) => page.locator('#card-front');
const back = (page: Page) => page.locator('#card-back');
const counters = (page: Page) => page.locator('.counters');


test.describe('Flashcards', () => {
  test('flip and grade with the keyboard, then undo', async ({ page, isMobile }) => {
    test.skip(isMobile, 'keyboard flow');
    await start(page);
    await expect(front(page)).toContainText('What is the difference?');
    await expect(counters(page)).toContainText(counted(0, 'done today'));
    await page.keyboard.press('Space');
    await expect(back(page)).not.toHaveAttribute('inert');
    await expect(back(page)).toBeFocused();
    await expect(back(page)).toContainText('Provides default command/args.');
    // Grade buttons show when each grade brings the card back (FSRS-6 defaults).
    await expect(page.getByRole('button', { name: /^Again/ })).toContainText('1m');
    await expect(page.getByRole('button', { name: /^Good/ })).toContainText('10m');
    await expect(page.getByRole('button', { name: /^Easy/ })).toContainText('8d');
    await page.keyboard.press('3');
    await expect(counters(page)).toContainText(counted(1, 'done today'));
    await expect(front(page)).toContainText('Provides default command/args.');
    await expect(front(page)).toContainText('CMD or ENTRYPOINT?');
    await page.keyboard.press('Enter');
    await expect(page.locator('.flipcard__answer')).toHaveText('CMD');
    await page.keyboard.press('1');
    await expect(counters(page)).toContainText(counted(2, 'done today'));
    expect((await stored(page)).log).toHaveLength(2);
    // Undo twice: u, then Ctrl+Z.
    await page.keyboard.press('u');
    await expect(counters(page)).toContainText(counted(1, 'done today'));
    await expect(front(page)).toContainText('Provides default command/args.');
    await page.keyboard.press('Control+z');
    await expect(counters(page)).toContainText(counted(0, 'done today'));
    await expect(front(page)).toContainText('What is the difference?');
    expect((await stored(page)).log).toHaveLength(0);
  });

  test('tap to flip, swipe right for Good and left for Again', async ({ page }) => {
    await start(page);
    const card = page.locator('.flipcard');
    await card.click();
    await expect(card).toHaveClass(/is-flipped/);
    const box = (await card.boundingBox())!;
    const y = box.y + 40;
    const swipe = async (dx: number) => {
      await page.mouse.move(box.x + box.width / 2, y);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 + dx, y, { steps: 5 });
      await page.mouse.up();
    };
    await swipe(120);
    await expect(counters(page)).toContainText(counted(1, 'done today'));
    await card.click();
    await swipe(-120);
    await expect(counters(page)).toContainText(counted(2, 'done today'));
    const log = (await stored(page)).log;
    expect(log.map((r: { g: number }) => r.g)).toEqual([3, 1]);
  });

  test('progress survives a reload, and a graded card waits until it is due', async ({ page }) => {
    await start(page);
    // Five cards in this comparison (one difference card, four which-side cards): Easy on each.
    for (let i = 0; i < 5; i++) {
      await page.getByRole('button', { name: /Show answer/ }).click();
      await page.getByRole('button', { name: /^Easy/ }).click();
    }
    await expect(page.getByRole('heading', { name: 'All done for now' })).toBeVisible();
    await expect(page.getByText('This session: 5 cards.')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'All done for now' })).toBeVisible();
    await expect(counters(page)).toContainText(counted(5, 'done today'));
    // A week later nothing is due yet (Easy on a new card: 8 days); on day 8 all are.
    await page.clock.setSystemTime(new Date(T0.getTime() + 7 * 86400e3));
    await page.reload();
    await expect(page.getByRole('heading', { name: 'All done for now' })).toBeVisible();
    await page.clock.setSystemTime(new Date(T0.getTime() + 8 * 86400e3));
    await page.reload();
    await expect(counters(page)).toContainText(counted(5, 'due'));
    await expect(front(page)).toBeVisible();
  });

  test('several days of study follow the schedule', async ({ page }) => {
    await start(page, '#/flashcards?c=copy-vs-add');
    const at = async (ms: number) => {
      await page.clock.setSystemTime(new Date(T0.getTime() + ms));
      await page.reload();
    };
    const due = async (n: number) => expect(counters(page)).toContainText(counted(n, 'due'));
    // Day 0: the difference card, Good: its first learning step is 10 minutes.
    await page.getByRole('button', { name: /Show answer/ }).click();
    await page.getByRole('button', { name: /^Good/ }).click();
    expect((await stored(page)).log[0].c).toBe('pair:copy-vs-add');
    await due(0);
    // In learning (the header counts it apart), not due for review.
    await expect(counters(page)).toContainText(counted(1, 'learning'));
    // Eleven minutes later it is due again and comes before new cards.
    await at(11 * 60e3);
    await expect(counters(page)).toContainText(counted(1, 'learning'));
    await expect(front(page)).toContainText('What is the difference?');
    await page.getByRole('button', { name: /Show answer/ }).click();
    const label = await page.getByRole('button', { name: /^Good/ }).innerText();
    const days = Number(/(\d+)d/.exec(label)![1]);
    await page.getByRole('button', { name: /^Good/ }).click();
    // Graduated: FSRS's short-term stability gives a whole number of days.
    expect(days).toBeGreaterThanOrEqual(1);
    await due(0);
    await expect(counters(page)).toContainText(counted(0, 'learning'));
    // Not due the study day before (for a 1-day interval: later today); due on the day,
    // and shown first.
    await at((days - 1) * 86400e3 + 12 * 60e3);
    await due(0);
    await at(days * 86400e3);
    await due(1);
    await expect(front(page)).toContainText('What is the difference?');
  });

  test('cram goes through every card without touching the schedule', async ({ page }) => {
    await start(page, '#/flashcards');
    await page.getByLabel('Study').selectOption({ label: 'Phase 1 – Basics' });
    await page.getByRole('checkbox', { name: /Cram/ }).check();
    await expect(page.locator('.setup__preview')).toContainText('cards to go through');
    await page.getByRole('button', { name: 'Start' }).click();
    const left = async () => Number(/(\d+) left in cram/.exec(await counters(page).innerText())?.[1]);
    await expect(counters(page)).toContainText('left in cram');
    const before = await left();
    expect(before).toBeGreaterThan(1);
    await page.getByRole('button', { name: /Show answer/ }).click();
    await page.getByRole('button', { name: /^Good/ }).click();
    // The grade moved the cram on (one card fewer, the next card's front shown) ...
    await expect(counters(page)).toContainText(counted(before - 1, 'left in cram'));
    await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
    // ... and wrote nothing to the schedule.
    expect(await stored(page)).toBeNull();
  });

  test('a reduced-motion user gets a cross-fade, not a turn', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await start(page);
    await page.getByRole('button', { name: /Show answer/ }).click();
    const transform = await page.locator('.flipcard__inner').evaluate((el) => getComputedStyle(el).transform);
    expect(transform).toBe('none');
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no violations in any state (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await start(page, '#/flashcards');
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Start' }).click();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: /Show answer/ }).click();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: /^Easy/ }).click();
      await page.getByRole('button', { name: 'Undo' }).click();
      await page.getByRole('button', { name: 'Study something else' }).waitFor({ state: 'detached' });
      await page.goto('#/flashcards?c=v-vs-mount');
      // A pair card and five which-side cards.
      for (let i = 0; i < 6; i++) {
        await page.getByRole('button', { name: /Show answer/ }).click();
        await page.getByRole('button', { name: /^Easy/ }).click();
      }
      await expect(page.getByRole('heading', { name: 'All done for now' })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});

test.describe('Stored progress', () => {
  test('corrupt data opens the app with a notice and keeps the original', async ({ page }) => {
    const original = '{"version":1,"log":[{"c":"pair:copy-vs-add","t":"broken"}';
    await page.addInitScript(
      ([key, text]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(key, text);
          sessionStorage.setItem('seeded', '1');
        }
      },
      [KEY, original],
    );
    await start(page);
    const notice = page.getByRole('alert');
    await expect(notice).toContainText('could not be read');
    await notice.getByText('What was wrong').click();
    await expect(notice).toContainText('not valid JSON');
    await expectNoAxeViolations(page);
    const backups = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('diffdeck:progress:backup:')),
    );
    expect(backups).toHaveLength(1);
    expect(await page.evaluate((k) => localStorage.getItem(k), backups[0])).toBe(original);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      notice.getByRole('button', { name: 'Download the original' }).click(),
    ]);
    const path = await download.path();
    expect(require('node:fs').readFileSync(path, 'utf8')).toBe(original);
    // The app works: grading saves a fresh record; the backup stays.
    await page.getByRole('button', { name: /Show answer/ }).click();
    await page.getByRole('button', { name: /^Good/ }).click();
    expect((await stored(page)).log).toHaveLength(1);
    expect(await page.evaluate((k) => localStorage.getItem(k), backups[0])).toBe(original);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    // The unreadable record was written afresh by that save: no notice the next time.
    await page.reload();
    await expect(counters(page)).toContainText(counted(1, 'done today'));
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('without storage the app works in memory and says so once', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await start(page);
    await expect(page.getByRole('alert')).toHaveCount(1);
    await expect(page.getByRole('alert')).toContainText('kept only until this tab closes');
    await page.getByRole('button', { name: /Show answer/ }).click();
    await page.getByRole('button', { name: /^Good/ }).click();
    await expect(counters(page)).toContainText(counted(1, 'done today'));
    await expect(page.getByRole('alert')).toHaveCount(1);
  });

  test('when storage is full the app keeps working and says so', async ({ page }) => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('Quota exceeded', 'QuotaExceededError');
      };
    });
    await start(page);
    await page.getByRole('button', { name: /Show answer/ }).click();
    await page.getByRole('button', { name: /^Good/ }).click();
    await expect(page.getByRole('alert')).toContainText('storage is full');
    await expect(counters(page)).toContainText(counted(1, 'done today'));
  });

  test('a grade in one tab is merged into the other', async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    for (const p of [a, b]) await start(p);
    await a.getByRole('button', { name: /Show answer/ }).click();
    await a.getByRole('button', { name: /^Good/ }).click();
    await expect(counters(b)).toContainText(counted(1, 'done today'));
    await b.getByRole('button', { name: /Show answer/ }).click();
    await b.getByRole('button', { name: /^Hard/ }).click();
    await expect(counters(a)).toContainText(counted(2, 'done today'));
    const log = (await stored(a)).log;
    expect(log).toHaveLength(2);
    await a.reload();
    await expect(counters(a)).toContainText(counted(2, 'done today'));
  });

  test('two tabs grading at the same moment lose nothing', async ({ context }) => {
    const tabs = [await context.newPage(), await context.newPage()];
    // Each tab its own comparison: both clocks start at T0, and a review is known by its
    // time and card, so the same card graded in the same millisecond would be one review.
    await start(tabs[0]);
    await start(tabs[1], '#/flashcards?c=copy-vs-add');
    const grade = async (p: Page) => {
      await p.getByRole('button', { name: /Show answer/ }).click();
      await p.getByRole('button', { name: /^Good/ }).click();
    };
    for (let round = 0; round < 3; round++) await Promise.all(tabs.map(grade));
    await expect.poll(async () => (await stored(tabs[0])).log.length).toBe(6);
    for (const p of tabs) {
      await p.reload();
      await expect(counters(p)).toContainText(counted(6, 'done today'));
    }
  });
});
