#!/usr/bin/env node
// Benchmark (not a test): how fast diffdeck loads and responds, on this machine.
//  - Lighthouse 12.2.3, mobile profile (its default: Moto G-class emulation, simulated slow
//    4G and 4x CPU), 3 runs against dist/ served with brotli under /diffdeck/: medians of
//    the four categories and of FCP, LCP, TBT, CLS and Speed Index;
//  - navigation to first screen interactive (the app mounted), median of 5, with and
//    without 4x CPU throttling;
//  - main-thread time of a flip, a grade, a match pick and a quiz answer under 4x CPU
//    throttling (event dispatch to the next frame), median of 9 each.
// Prints a table and writes bench/lighthouse.json. Needs `make dist` first.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';

const PORT = 4300;
const URL_ = `http://127.0.0.1:${PORT}/diffdeck/`;
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const server = spawn('node', ['scripts/serve.mjs', '--dir', 'dist', '--port', String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const results = { date: new Date().toISOString(), lighthouse: [], load: {}, interactions: {} };

try {
  // Lighthouse, three runs.
  for (let run = 0; run < 3; run++) {
    const out = mkdtempSync(join(tmpdir(), 'lh-'));
    execFileSync(
      'npx',
      ['--yes', 'lighthouse@12.2.3', URL_, '--quiet', '--output=json', `--output-path=${out}/r.json`, `--chrome-flags=${FLAGS.join(' ')}`],
      { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const r = JSON.parse(readFileSync(`${out}/r.json`, 'utf8'));
    rmSync(out, { recursive: true, force: true });
    const a = r.audits;
    results.lighthouse.push({
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

  // Playwright: load and interactions.
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS.slice(1) });
  const measureLoad = async (rate) => {
    const times = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 780 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await page.goto(URL_);
      await page.waitForSelector('main:not([aria-busy]) h1');
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    return median(times);
  };
  results.load.interactive_ms = await measureLoad(1);
  results.load.interactive_ms_4x_cpu = await measureLoad(4);

  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  // Time from dispatching a click to the next frame, in the page.
  const timeClick = (selector) =>
    page.evaluate(
      (sel) =>
        new Promise((resolve) => {
          const el = document.querySelector(sel);
          const t0 = performance.now();
          el.click();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        }),
      selector,
    );
  const sample = async (name, setup, selector) => {
    const xs = [];
    for (let i = 0; i < 9; i++) {
      await setup();
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      xs.push(await timeClick(selector));
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
    results.interactions[name] = median(xs);
  };
  await page.goto(URL_ + '#/flashcards');
  await page.waitForSelector('main h1');
  await page.click('button[type=submit]');
  await sample('flip', async () => {
    if (!(await page.$('.flipcard:not(.is-flipped)'))) await page.click('button.grade--good');
    await page.waitForSelector('.flash__actions button.button--primary');
  }, '.flash__actions button.button--primary');
  await sample('grade', async () => {
    if (!(await page.$('.flipcard.is-flipped'))) await page.click('.flash__actions button.button--primary');
    await page.waitForSelector('button.grade--good');
  }, 'button.grade--good');
  await page.goto(URL_ + '#/match');
  await page.waitForSelector('main h1');
  await page.click('button[type=submit]');
  await sample('match_pick', async () => {
    await page.waitForSelector('#tile-0');
  }, '#tile-0');
  await page.goto(URL_ + '#/quiz');
  await page.waitForSelector('main h1');
  await sample('quiz_answer', async () => {
    if (await page.$('button[type=submit]')) await page.click('button[type=submit]');
    else if (await page.$('.feedback button')) await page.click('.feedback button');
    if (await page.$('#quiz-summary')) await page.click('#quiz-summary button:nth-of-type(1)');
    await page.waitForSelector('.choice:not([disabled])');
  }, '.choice');
  await browser.close();
} finally {
  server.kill();
}

const lh = results.lighthouse;
const m = (k) => median(lh.map((r) => r[k]));
const sizes = JSON.parse(execFileSync('node', ['scripts/sizes.mjs', '--json'], { encoding: 'utf8' }));
results.sizes = sizes.totals;
const row = (name, value, goal) => console.log(`${name.padEnd(34)}${String(value).padStart(10)}   ${goal}`);
console.log(`\n## Lighthouse 12.2.3, mobile, median of ${lh.length}`);
row('Performance', m('performance'), 'goal 100');
row('Accessibility', m('accessibility'), 'goal 100');
row('Best Practices', m('bestPractices'), 'goal 100');
row('SEO', m('seo'), 'goal 100');
row('First Contentful Paint (ms)', Math.round(m('fcp')), '');
row('Largest Contentful Paint (ms)', Math.round(m('lcp')), 'goal <= 1500');
row('Total Blocking Time (ms)', Math.round(m('tbt')), 'goal <= 50');
row('Cumulative Layout Shift', m('cls').toFixed(3), 'goal <= 0.02');
row('Speed Index (ms)', Math.round(m('si')), '');
console.log('\n## Navigation to first screen interactive (median of 5, 360 px)');
row('no throttling (ms)', Math.round(results.load.interactive_ms), '');
row('4x CPU (ms)', Math.round(results.load.interactive_ms_4x_cpu), '');
console.log('\n## Interactions, 4x CPU, click to next frame (median of 9)');
for (const [k, v] of Object.entries(results.interactions)) row(`${k} (ms)`, v.toFixed(1), 'goal <= 16');
console.log('\n## First-load size (KB, brotli)');
row('wasm + JS + CSS', (sizes.totals.all.brotli / 1024).toFixed(1), 'budget <= 120, aim 90');
mkdirSync('bench', { recursive: true });
writeFileSync('bench/lighthouse.json', JSON.stringify(results, null, 2) + '\n');
