// What a reader waits for at a first touch: the page loaded, quiet for 2 s (its code
// fetched and compiled in idle time, the app not started), then one thing done; timed
// from that input event to after the paint that shows its result usable (the screen's
// first control on screen, nothing saying "Loading"). Used by scripts/bench.mjs.
//
// The watch runs in the page: every animation frame it checks whether the result is on
// screen; the frame that first shows it is painted before a task posted from that frame
// runs, whose time is the end. The start is the input event's own time stamp, recorded by
// a listener installed before the page's scripts.

/** Records the page's first pointerdown or keydown (capture, before the loader's), and
 * again after `globalThis.__input` is reset to undefined (the next touch). */
export const RECORD_INPUT = () => {
  const record = (e) => {
    if (globalThis.__input !== undefined) return;
    globalThis.__input = e.timeStamp;
    // For a touch that navigates: the same moment on a clock the next page shares.
    sessionStorage.setItem('bench-input', String(performance.timeOrigin + e.timeStamp));
  };
  addEventListener('pointerdown', record, { capture: true });
  addEventListener('keydown', record, { capture: true });
};

/** Starts watching for `ready` (a function's source, run in the page each frame);
 * `globalThis.__usable` is then the time from the first input to after its paint. */
async function watch(page, ready) {
  await page.evaluate((source) => {
    const isReady = new Function(`return (${source})();`);
    globalThis.__usable = undefined;
    const frame = () => {
      if (globalThis.__input !== undefined && isReady()) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { globalThis.__usable = performance.now() - globalThis.__input; };
        channel.port2.postMessage(null);
      } else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }, ready.toString());
}

const usable = (page) => page.waitForFunction(() => globalThis.__usable, null, { timeout: 60_000 }).then((h) => h.jsonValue());

// In the page: the app runs, the screen titled `title` is on, `main` says nothing is
// loading, and `selector` is shown.
const screenReady = (title, selector) => new Function(`return () => {
  const main = document.querySelector('main');
  const el = document.querySelector(${JSON.stringify(selector)});
  return document.documentElement.dataset.app === 'running' && el && el.getClientRects().length > 0
    && main.querySelector('h1')?.textContent.trim() === ${JSON.stringify(title)}
    && !/Loading/.test(main.textContent);
};`)();

/** A fresh visitor's home page at `rate`x CPU, loaded and quiet for 2 s. */
async function quietHome(browser, url, rate) {
  const context = await browser.newContext({ viewport: { width: 360, height: 780 }, serviceWorkers: 'block' });
  await context.addInitScript(RECORD_INPUT);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(2000);
  return { context, page, cdp };
}

/** The first touches: each in a fresh browser context, `runs` times. Returns each
 * touch's times in ms, in run order. */
export async function firstTouches(browser, url, rate, runs) {
  const times = { flashcards: [], search: [], card: [], second_tap: [] };
  for (let run = 0; run < runs; run++) {
    // Flashcards in the header, then (once the app has settled) Match: the second tap.
    {
      const { context, page } = await quietHome(browser, url, rate);
      await watch(page, screenReady('Flashcards', 'main button[type=submit]'));
      await page.click('header a[href$="#/flashcards"]');
      times.flashcards.push(await usable(page));
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(2000);
      await page.evaluate(() => { globalThis.__input = undefined; });
      await watch(page, screenReady('Match', 'main button[type=submit]'));
      await page.click('header a[href$="#/match"]');
      times.second_tap.push(await usable(page));
      await context.close();
    }
    // Typing into search: a tap on the field, then a word typed at once; usable when the
    // list and its summary show that word's matches.
    {
      const { context, page } = await quietHome(browser, url, rate);
      await watch(page, () => {
        const summary = document.querySelector('.search__summary');
        return document.documentElement.dataset.app === 'running' && /^\d+ of \d+ comparisons? match/.test(summary?.textContent ?? '')
          && document.querySelector('.search__input').value === 'volume';
      });
      await page.click('.search__input');
      await page.keyboard.type('volume');
      times.search.push(await usable(page));
      await context.close();
    }
    // A comparison card: a link to its pre-rendered page; painted at that page's first
    // contentful paint (the whole comparison is in its HTML). Across two documents, so
    // both times are taken from the same clock (time origin + time stamp).
    {
      const { context, page } = await quietHome(browser, url, rate);
      const link = page.locator('a.card__link').nth(2);
      await link.scrollIntoViewIfNeeded();
      await page.waitForTimeout(500);
      await Promise.all([page.waitForURL(/\/c\/[^/]+\/$/), link.click()]);
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
      const [input, painted] = await page.evaluate(() => [
        Number(sessionStorage.getItem('bench-input')),
        performance.timeOrigin + performance.getEntriesByName('first-contentful-paint')[0].startTime,
      ]);
      times.card.push(painted - input);
      await context.close();
    }
  }
  return times;
}

/** A returning reader (two cards studied, due again): from navigation to the home page
 * saying what is due, with no touch (the app starts in idle time), `runs` times. */
export async function returningReader(browser, url, rate, runs) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${url}#/flashcards`);
    await page.locator('main button[type=submit]').click();
    for (let i = 0; i < 2; i++) {
      await page.locator('.flash__actions button.button--primary').click();
      await page.locator('button.grade--again').click();
    }
    await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('diffdeck:log:')));
    await context.addInitScript(() => {
      const frame = () => {
        if (/^Welcome back/.test(document.querySelector('.start__lead')?.textContent ?? '')) {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => { globalThis.__dueShown = performance.now(); };
          channel.port2.postMessage(null);
        } else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(url);
    times.push(await page.waitForFunction(() => globalThis.__dueShown, null, { timeout: 60_000 }).then((h) => h.jsonValue()));
    await context.close();
  }
  return times;
}
