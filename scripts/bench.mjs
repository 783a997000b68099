#!/usr/bin/env node
// Benchmark (not a test): how fast diffdeck loads and responds, on this machine.
//  - Lighthouse 12.2.3, mobile profile (its default: Moto G-class emulation, simulated slow
//    4G and 4x CPU), 5 runs each of the app's page and a pre-rendered comparison page,
//    against dist/ served with brotli under /diffdeck/: medians of the four categories and
//    of FCP, LCP, TBT (with each run's), CLS and Speed Index;
//  - navigation to first screen interactive (the app mounted), median of 5, with and
//    without 4x CPU throttling;
//  - opening Predict the first time (its code and styles fetched), and what it fetches;
//  - the first touches, at 1x and 4x CPU, 5 runs each (scripts/bench/touch.mjs): the page
//    quiet for 2 s, then a tap on Flashcards, typing into search, or a tap on a card, to
//    after the paint that shows the result usable; and a second tap (Match) once the app
//    runs;
//  - what the user waits for in a flip, a grade, an undo, a match pick, a quiz answer and a
//    Predict answer under 4x CPU throttling (and 1x, with no history): from the click to
//    after the next paint (a task posted from the next animation frame runs once that frame
//    is painted), median of 15 each; with empty progress and with a stored history of 5,000 and 20,000 reviews (written by
//    `cargo bench --bench history`, the app's own storage layout).
// Prints a table and writes bench/lighthouse.json. Needs `make dist` first.
// To time another build the same way (the figures of an older version, say):
//   BENCH_DIST=<its dist> BENCH_ONLY=interactions BENCH_STORE=v1 node scripts/bench.mjs
// BENCH_ONLY=lighthouse runs the Lighthouse part alone; BENCH_ONLY=touches the first
// touches (scripts/bench/touch.mjs) alone.
// (BENCH_STORE=v1: the stored history in the version-1 layout, one key.)
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { firstTouches, returningReader } from './bench/touch.mjs';

const PORT = 4300;
// Stored reviews before the interactions are timed.
const HISTORIES = [0, 5000, 20000];
// Timings per interaction and history (their median is printed): this machine is noisy.
const SAMPLES = 15;
const DIST = process.env.BENCH_DIST ?? 'dist';
const ONLY_INTERACTIONS = process.env.BENCH_ONLY === 'interactions';
const ONLY_LIGHTHOUSE = process.env.BENCH_ONLY === 'lighthouse';
const ONLY_TOUCHES = process.env.BENCH_ONLY === 'touches';
// Runs of each first touch, at each CPU rate (each run's figure is printed too).
const TOUCH_RUNS = 5;
const STORE = process.env.BENCH_STORE === 'v1' ? ['v1'] : [];
const URL_ = `http://127.0.0.1:${PORT}/diffdeck/`;
// The app's page and a pre-rendered comparison page (src/site.rs).
const LH_PAGES = [
  ['home', URL_],
  ['comparison page', `${URL_}c/cmd-vs-entrypoint/`],
];
const LH_RUNS = 5;
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const server = spawn('node', ['scripts/serve.mjs', '--dir', DIST, '--port', String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const results = { date: new Date().toISOString(), lighthouse: {}, load: {}, touches: {}, interactions: {} };

try {
  // Lighthouse, five runs of each page.
  for (const [page, url] of LH_PAGES) {
    results.lighthouse[page] = [];
    for (let run = 0; run < (ONLY_INTERACTIONS || ONLY_TOUCHES ? 0 : LH_RUNS); run++) {
      const out = mkdtempSync(join(tmpdir(), 'lh-'));
      execFileSync(
        'npx',
        ['--yes', 'lighthouse@12.2.3', url, '--quiet', '--output=json', `--output-path=${out}/r.json`, `--chrome-flags=${FLAGS.join(' ')}`],
        { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'inherit'] },
      );
      const r = JSON.parse(readFileSync(`${out}/r.json`, 'utf8'));
      rmSync(out, { recursive: true, force: true });
      const a = r.audits;
      results.lighthouse[page].push({
        performance: r.categories.performance.score * 100,
        accessibility: r.categories.accessibility.score * 100,
        bestPractices: r.categories['best-practices'].score * 100,
        seo: r.categories.seo.score * 100,
        fcp: a['first-contentful-paint'].numericValue,
        lcp: a['largest-contentful-paint'].numericValue,
        tbt: a['total-blocking-time'].numericValue,
        cls: a['cumulative-layout-shift'].numericValue,
        si: a['speed-index'].numericValue,
      });
    }
  }
  if (ONLY_LIGHTHOUSE) {
    server.kill();
    printLighthouse();
    process.exit(0);
  }

  // Playwright: load and interactions.
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS.slice(1) });
  if (!ONLY_INTERACTIONS) {
    for (const rate of [1, 4]) {
      results.touches[`${rate}x`] = await firstTouches(browser, URL_, rate, TOUCH_RUNS);
      results.touches[`${rate}x`].returning = await returningReader(browser, URL_, rate, TOUCH_RUNS);
    }
  }
  if (ONLY_TOUCHES) {
    await browser.close();
    server.kill();
    printTouches();
    process.exit(0);
  }
  // The home page reads without the app, which starts when the user reaches for it
  // (scripts/wasm.mjs). Two waits: a key pressed as soon as the page has loaded, timed
  // from navigation; and a key pressed once the page is quiet (its code fetched and
  // compiled), timed from the key. Both until the app has taken over the pre-rendered
  // page (search works from there).
  const measureLoad = async (rate, settled) => {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 780 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await page.goto(URL_);
      if (settled) await page.waitForLoadState('networkidle');
      const key = await page.evaluate(() => performance.now());
      await page.keyboard.press('Shift');
      await page.waitForSelector('html[data-app="running"] main h1');
      times.push((await page.evaluate(() => performance.now())) - (settled ? key : 0));
      await context.close();
    }
    return median(times);
  };
  // Opening Predict for the first time, once the app runs: from the click on "Practice"
  // to its set-up usable (its code, styles and every deck fetched, the screen built),
  // and what was fetched for it.
  const openPredict = async (rate) => {
    const times = [];
    const bytes = [];
    const requests = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 780 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await page.goto(URL_);
      await page.keyboard.press('Shift');
      await page.waitForSelector('html[data-app="running"] main h1');
      await page.waitForLoadState('networkidle');
      await cdp.send('Network.enable');
      let fetched = 0;
      let count = 0;
      cdp.on('Network.loadingFinished', (e) => {
        fetched += e.encodedDataLength;
        count += 1;
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const t0 = await page.evaluate(() => performance.now());
      await page.click('a[href="#/predict"]');
      await page.waitForSelector('.practice button[type=submit]:not([disabled])');
      times.push((await page.evaluate(() => performance.now())) - t0);
      await page.waitForLoadState('networkidle');
      bytes.push(fetched);
      requests.push(count);
      await context.close();
    }
    return { ms: median(times), kb: median(bytes) / 1024, requests: median(requests) };
  };
  if (!ONLY_INTERACTIONS) {
    results.load.predict = await openPredict(1);
    results.load.predict_4x_cpu = await openPredict(4);
    results.load.interactive_ms = await measureLoad(1, false);
    results.load.interactive_ms_4x_cpu = await measureLoad(4, false);
    results.load.start_ms = await measureLoad(1, true);
    results.load.start_ms_4x_cpu = await measureLoad(4, true);
  }

  for (const reviews of HISTORIES) {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(URL_);
    await page.keyboard.press('Shift'); // starts the app (see measureLoad)
    await page.waitForSelector('html[data-app="running"] main h1');
    if (reviews > 0) {
      // The stored record of a long history, ending now, in the app's storage layout.
      const parts = execFileSync('cargo', ['bench', '--quiet', '--bench', 'history', '--', String(reviews), String(Date.now()), ...STORE], {
        encoding: 'utf8',
        maxBuffer: 256 << 20,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await page.evaluate((text) => {
        localStorage.clear();
        for (const [key, value] of Object.entries(JSON.parse(text))) localStorage.setItem(key, value);
      }, parts);
    }
    // From the click to after the next paint: a task posted from the next animation frame
    // runs once that frame's style, layout and paint are done.
    const timeClick = (selector) =>
      page.evaluate(
        (sel) =>
          new Promise((resolve) => {
            const el = document.querySelector(sel);
            const t0 = performance.now();
            el.click();
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve(performance.now() - t0);
              channel.port2.postMessage(null);
            });
          }),
        selector,
      );
    const figures = {};
    const figures1x = {};
    // At 4x CPU; with no stored history, at 1x too (interleaved).
    const rates = reviews === 0 ? [4, 1] : [4];
    const sample = async (name, setup, selector) => {
      const xs = Object.fromEntries(rates.map((r) => [r, []]));
      for (let i = 0; i < SAMPLES; i++) {
        for (const rate of rates) {
          await setup();
          await cdp.send('Emulation.setCPUThrottlingRate', { rate });
          xs[rate].push(await timeClick(selector));
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        }
      }
      figures[name] = median(xs[4]);
      if (xs[1]) figures1x[name] = median(xs[1]);
    };
    const SHOW = '.flash__actions button.button--primary';
    const UNDO = '.flash__bar .button--quiet:not([disabled])';
    await page.goto(URL_ + '#/flashcards');
    await page.reload(); // reads the stored record afresh
    await page.waitForSelector('html[data-app="running"] main h1');
    // Every deck: room for the samples' new cards under each deck's daily limit.
    await page.getByLabel('Study').selectOption('all');
    await page.click('button[type=submit]');
    await sample('flip', async () => {
      if (!(await page.$('.flipcard:not(.is-flipped)'))) await page.click('button.grade--good');
      await page.waitForSelector(SHOW);
    }, SHOW);
    await sample('grade', async () => {
      if (!(await page.$('.flipcard.is-flipped'))) await page.click(SHOW);
      await page.waitForSelector('button.grade--good');
    }, 'button.grade--good');
    await sample('undo', async () => {
      if (!(await page.$('.flipcard.is-flipped'))) await page.click(SHOW);
      await page.click('button.grade--good');
      await page.waitForSelector(UNDO);
    }, UNDO);
    await page.goto(URL_ + '#/match');
    await page.waitForSelector('html[data-app="running"] main h1');
    await page.click('button[type=submit]');
    await sample('match_pick', async () => {
      await page.waitForSelector('#tile-0');
    }, '#tile-0');
    await page.goto(URL_ + '#/quiz');
    await page.waitForSelector('html[data-app="running"] main h1');
    await sample('quiz_answer', async () => {
      // Move on to a question waiting for an answer: start, next, or a new round.
      for (let step = 0; !(await page.$('.choice:not([disabled])')); step++) {
        if (step > 50) throw new Error('bench: the quiz never offered a question');
        if (await page.$('#quiz-summary')) await page.click('#quiz-summary button:nth-of-type(1)');
        else if (await page.$('.feedback button')) await page.click('.feedback button');
        else if (await page.$('button[type=submit]')) await page.click('button[type=submit]');
        await page.waitForTimeout(100);
      }
    }, '.choice');
    await page.goto(URL_ + '#/predict');
    await page.waitForSelector('html[data-app="running"] main h1');
    await sample('predict_answer', async () => {
      // On to a drill waiting for an answer: start, next, or a new session.
      for (let step = 0; !(await page.$('.choice:not([disabled])')); step++) {
        if (step > 50) throw new Error('bench: Predict never offered a drill with options');
        if (await page.$('#verdict .button--primary')) await page.click('#verdict .button--primary');
        else if (await page.$('#typed-answer:not([disabled])')) {
          await page.fill('#typed-answer', 'x');
          await page.press('#typed-answer', 'Enter');
        } else if (await page.$('.summary .button--primary')) await page.click('.summary .button--primary');
        else if (await page.$('button[type=submit]')) await page.click('button[type=submit]');
        await page.waitForTimeout(100);
      }
    }, '.choice');
    results.interactions[reviews] = figures;
    if (reviews === 0) results.interactions_1x = figures1x;
    await context.close();
  }
  await browser.close();
} finally {
  server.kill();
}

if (ONLY_INTERACTIONS) {
  printInteractions();
  process.exit(0);
}
const sizes = JSON.parse(execFileSync('node', ['scripts/sizes.mjs', '--json'], { encoding: 'utf8' }));
results.sizes = sizes.totals;
printLighthouse();
console.log('\n## Navigation to the app running, a key pressed on load (median of 5, 360 px)');
row('no throttling (ms)', Math.round(results.load.interactive_ms), '');
row('4x CPU (ms)', Math.round(results.load.interactive_ms_4x_cpu), '');
console.log('\n## A key pressed once the page is quiet, to the app running (median of 5, 360 px)');
row('no throttling (ms)', Math.round(results.load.start_ms), '');
row('4x CPU (ms)', Math.round(results.load.start_ms_4x_cpu), '');
console.log('\n## Opening Predict the first time, once the app runs: click to its set-up usable (median of 5, 360 px)');
for (const [label, r] of [['no throttling', results.load.predict], ['4x CPU', results.load.predict_4x_cpu]]) {
  row(`${label} (ms)`, Math.round(r.ms), `fetched: ${r.kb.toFixed(1)} KB in ${r.requests} requests`);
}
printTouches();
printInteractions();
console.log('\n## First-load size (KB, brotli)');
row('wasm + JS + CSS', (sizes.totals.all.brotli / 1024).toFixed(1), 'budget <= 110, aim 100');
mkdirSync('bench', { recursive: true });
writeFileSync('bench/lighthouse.json', JSON.stringify(results, null, 2) + '\n');

function row(name, value, goal) {
  console.log(`${name.padEnd(34)}${String(value).padStart(10)}   ${goal}`);
}

function printLighthouse() {
  for (const [page] of LH_PAGES) {
    const lh = results.lighthouse[page];
    const m = (k) => median(lh.map((r) => r[k]));
    console.log(`\n## Lighthouse 12.2.3, mobile, ${page}, median of ${lh.length}`);
    row('Performance', m('performance'), 'goal 100');
    row('Accessibility', m('accessibility'), 'goal 100');
    row('Best Practices', m('bestPractices'), 'goal 100');
    row('SEO', m('seo'), 'goal 100');
    row('First Contentful Paint (ms)', Math.round(m('fcp')), '');
    row('Largest Contentful Paint (ms)', Math.round(m('lcp')), 'goal <= 1500');
    row('Total Blocking Time (ms)', Math.round(m('tbt')), `goal <= 50; runs: ${lh.map((r) => Math.round(r.tbt)).join(', ')}`);
    row('Cumulative Layout Shift', m('cls').toFixed(3), 'goal <= 0.02');
    row('Speed Index (ms)', Math.round(m('si')), '');
  }
}

function printInteractions() {
  console.log(`\n## Interactions, click to after the next paint (median of ${SAMPLES}): at 1x CPU, and at 4x by stored reviews`);
  const by = results.interactions;
  console.log(`${''.padEnd(16)}${'1x, 0 reviews'.padStart(16)}${HISTORIES.map((n) => `4x, ${n}`.padStart(16)).join('')}   goal (4x)`);
  for (const name of Object.keys(by[0])) {
    const cells = [results.interactions_1x[name], ...HISTORIES.map((n) => by[n][name])].map((v) => `${v.toFixed(1)} ms`.padStart(16)).join('');
    const ratio = by[HISTORIES.at(-1)][name] / by[0][name];
    console.log(`${name.padEnd(16)}${cells}   <= 16 ms; ${HISTORIES.at(-1)} within 1.2x of 0: ${ratio.toFixed(2)}x`);
  }
}

function printTouches() {
  const goals = { flashcards: '<= 100 ms at 4x', search: '<= 100 ms at 4x', card: '<= 150 ms at 4x', second_tap: '<= 50 ms at 4x', returning: 'within 2 s of load' };
  const labels = {
    flashcards: 'tap Flashcards (Start shown)',
    search: 'type in search (list filtered)',
    card: 'tap a card (its page painted)',
    second_tap: 'a second tap (Match usable)',
    returning: 'returning: load to what is due shown',
  };
  console.log(`\n## First touches: the page quiet for 2 s, then one input to after the paint that shows it usable (median of ${TOUCH_RUNS}, each run's after it; 360 px)`);
  for (const name of Object.keys(goals)) {
    for (const rate of ['1x', '4x']) {
      const runs = results.touches[rate][name];
      const cell = `${labels[name]}, ${rate} (ms)`.padEnd(44) + String(Math.round(median(runs))).padStart(6);
      const goal = rate === '4x' || name === 'returning' ? `goal ${goals[name]}; ` : '';
      console.log(`${cell}   ${goal}runs: ${runs.map(Math.round).join(', ')}`);
    }
  }
}
