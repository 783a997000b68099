// The journeys that matter, in every engine a phone uses: Chromium (the phone and desktop
// projects), Firefox and WebKit (projects of their own; see engines.ts). Each journey is
// written once against `Driver`. The Chromium-only specs go deeper (keyboard, axe, fake
// clocks); these prove the same release build works the same everywhere.
import { writeFileSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, ownPort, type Driver } from './engines';
import { readStored, untilControlled } from './fixtures';
import { answer, drillAsked, solve, type Tile } from './deck';
import { BASE, serve, stop, twoBuilds } from './server';

/** Polls `read` until it passes `check`, with room for a slow engine on a slow machine. */
const eventually = <T>(read: () => Promise<T>, timeout = 20_000) => expect.poll(read, { timeout });

const h1 = (d: Driver) => d.text('main h1');
const counters = (d: Driver) => d.text('.counters');
const alert = (d: Driver) => d.text('[role="alert"]');

/** Opens a route and waits until its screen has mounted (its code may arrive on demand)
 * and the app has taken the pre-rendered page's place. On the home page the app starts
 * when the user reaches for it (scripts/wasm.mjs): here, the search box. */
async function open(d: Driver, route: string) {
  await d.goto(route);
  if (['', '#', '#/'].includes(new URL(route, d.base).hash)) await d.click('#search-input');
  await eventually(() => d.run(() => !!document.querySelector('main h1') && document.documentElement.dataset.app === 'running', null)).toBe(true);
}

/** Opens a pre-rendered page (no app on it) and waits for its heading. */
async function openPage(d: Driver, url: string) {
  await d.goto(url);
  await eventually(() => d.run(() => !!document.querySelector('main h1'), null)).toBe(true);
}

async function grade(d: Driver, label: RegExp) {
  await d.click('button', /Show answer/);
  await d.click('.grades button', label);
}

const controlled = (d: Driver) => d.run(untilControlled, null);

test.describe.configure({ timeout: 120_000 });

test('Browse: the deck, a search that narrows it, a switch to the second deck', async ({ drive: d }) => {
  await open(d, '#/');
  await eventually(() => d.count('article.card')).toBe(21);
  expect(await d.count('section.phase')).toBe(6);
  await d.fill('input[type="search"]', 'volume orphaned');
  await eventually(() => d.count('li:not([hidden]) > article.card')).toBe(1);
  await eventually(() => d.text('#search-summary')).toMatch(/^1 of 21 comparisons match/);
  await d.fill('input[type="search"]', 'kubernetes');
  await eventually(() => d.count('li:not([hidden]) > article.card')).toBe(0);
  await d.click('button', /^clear the search$/);
  await eventually(() => d.count('li:not([hidden]) > article.card')).toBe(21);
  await open(d, '#/d/docker-in-depth');
  await eventually(() => d.count('article.card')).toBe(46);
});

test('before the app runs, a tap on Flashcards and keys typed into search are not lost', async ({ drive: d }) => {
  const running = () => d.run(() => document.documentElement.dataset.app === 'running', null);
  // The pre-rendered home page, the app not started: tap Flashcards in the header.
  await openPage(d, './');
  expect(await running()).toBe(false);
  await d.click('.app-nav a', /Flashcards/);
  await eventually(running).toBe(true);
  await eventually(() => h1(d)).toBe('Flashcards');
  await eventually(() => d.text('form.setup button[type="submit"]')).toMatch(/Start/);
  // Afresh, and type at once: the app starts, keeps every key and filters.
  await d.goto('./');
  await d.reload();
  await eventually(() => d.run(() => !!document.querySelector('main h1'), null)).toBe(true);
  await d.fill('input[type="search"]', 'volume orphaned');
  await eventually(running).toBe(true);
  await eventually(() => d.count('li:not([hidden]) > article.card')).toBe(1);
  expect(await d.run(() => (document.querySelector('input[type="search"]') as HTMLInputElement).value, null)).toBe('volume orphaned');
});

test('a deep link opens its comparison, with its sources, and survives a reload', async ({ drive: d }) => {
  await open(d, '#/c/copy-vs-add');
  await eventually(() => h1(d)).toContain('COPY');
  expect(await d.count('.sources a[href^="https://docs.docker.com/"]')).toBeGreaterThan(0);
  await d.reload();
  await eventually(() => h1(d)).toContain('COPY');
  await d.click('main a', /^←/);
  await eventually(() => d.count('article.card')).toBeGreaterThan(0);
});

test('every screen’s code arrives and mounts', async ({ drive: d }) => {
  for (const [route, title] of [
    ['#/flashcards', 'Flashcards'],
    ['#/match', 'Match'],
    ['#/quiz', 'Quiz'],
    ['#/progress', 'Progress'],
    ['#/settings', 'Settings'],
  ]) {
    await open(d, route);
    expect(await h1(d)).toBe(title);
  }
});

test('flashcards: flip, grade, undo, and the grade is kept across a reload', async ({ drive: d }) => {
  await open(d, '#/flashcards?c=cmd-vs-entrypoint');
  await eventually(() => counters(d)).toContain('0 done today');
  await grade(d, /^Good/);
  await eventually(() => counters(d)).toContain('1 done today');
  await grade(d, /^Again/);
  await eventually(() => counters(d)).toContain('2 done today');
  await d.click('button', /^Undo/);
  await eventually(() => counters(d)).toContain('1 done today');
  await eventually(async () => (await d.run(readStored, null))?.log.length).toBe(1);
  await d.reload();
  await eventually(() => counters(d)).toContain('1 done today');
});

test('match: a whole board solved, and its best time kept', async ({ drive: d }) => {
  await open(d, '#/match');
  await d.click('button', /^Start$/);
  await eventually(() => d.count('.tile')).toBeGreaterThanOrEqual(12);
  const tiles = await d.run(
    () =>
      Array.from(document.querySelectorAll('.tile')).map((el, i) => ({
        i,
        name: el.classList.contains('tile--name'),
        text: (el.textContent ?? '').trim(),
      })),
    null,
  );
  for (const [n, desc] of solve(tiles as Tile[])) {
    await d.click(`#tile-${n}`);
    await d.click(`#tile-${desc}`);
    // As a player does: the pair is seen to clear before the next one is picked.
    await eventually(() => d.count(`#tile-${n}.is-cleared`)).toBe(1);
  }
  await eventually(() => d.text('#match-result')).toContain('No wrong pairs.');
  await eventually(async () => Object.keys((await d.run(readStored, null))?.records.best_match ?? {}).length).toBe(1);
});

test('quiz: ten questions answered right score full marks', async ({ drive: d }) => {
  await open(d, '#/quiz');
  // Untimed: a slow engine on a slow machine must not run out of time.
  await d.select('#quiz-time', 'off');
  await d.click('button', /^Start$/);
  for (let i = 1; i <= 10; i++) {
    await eventually(() => d.text('.quiz__bar')).toContain(`Question ${i} of 10`);
    const prompt = (await d.text('#question-prompt'))!.trim();
    const choices = await d.run(
      () => Array.from(document.querySelectorAll<HTMLElement>('.choice__text')).map((c) => c.innerText.trim()),
      null,
    );
    const setup = (await d.text('.question .setup-code .code')) ?? '';
    const right = answer(prompt, choices, undefined, setup);
    expect(right, prompt).toBeGreaterThanOrEqual(0);
    await d.click(`.choices-list > li:nth-child(${right + 1}) .choice`);
    await eventually(() => d.text('.feedback__verdict')).toContain('Right!');
    await d.click('.feedback button', i < 10 ? /Next question/ : /See results/);
  }
  await eventually(() => d.text('#quiz-summary')).toContain('10 of 10 right');
});

test('predict: a drill answered, its verdict and source shown, the grade kept across a reload', async ({ drive: d }) => {
  await open(d, '#/predict?c=copy-vs-add');
  await eventually(() => d.count('#drill-question')).toBe(1);
  const question = (await d.text('#drill-question'))!.trim();
  const drill = drillAsked(question, (await d.text('.setup-code .code')) ?? '');
  const shown = await d.run(
    () => Array.from(document.querySelectorAll<HTMLElement>('.choice__text')).map((c) => c.innerText.replace(/\s+/g, ' ').trim()),
    null,
  );
  const right = shown.indexOf(drill.options[drill.right]);
  expect(right, question).toBeGreaterThanOrEqual(0);
  await d.click(`.choices-list > li:nth-child(${right + 1}) .choice`);
  await eventually(() => d.text('#verdict .feedback__verdict')).toBe('Right!');
  expect(await d.count('#verdict .drill__why a[href^="https://docs.docker.com/"]')).toBeGreaterThan(0);
  const drills = () => d.run(() => {
    const read = (k: string) => JSON.parse(localStorage.getItem(k) ?? '{}');
    return Object.keys(localStorage)
      .filter((k) => k.startsWith('diffdeck:log:'))
      .flatMap((k) => read(k).log ?? [])
      .filter((r: { c: string }) => r.c.startsWith('drill:'))
      .map((r: { g: number }) => r.g);
  }, null);
  expect(await drills()).toEqual([3]);
  await d.reload();
  await eventually(() => d.run(() => document.documentElement.dataset.app === 'running', null)).toBe(true);
  expect(await drills()).toEqual([3]);
});

test('a backup exported here imports into an empty browser and merges', async ({ drive: d }) => {
  await open(d, '#/flashcards?c=cmd-vs-entrypoint');
  await grade(d, /^Easy/);
  await grade(d, /^Easy/);
  await eventually(() => counters(d)).toContain('2 done today');
  await open(d, '#/settings');
  // The file the browser would save, caught on its way out.
  await d.run(() => {
    const w = window as unknown as { saved?: Blob };
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob) => {
      w.saved = blob;
      return create(blob);
    };
    HTMLAnchorElement.prototype.click = function () {};
  }, null);
  await d.click('button', /^Export progress$/);
  const text = await d.run(() => (window as unknown as { saved: Blob }).saved.text(), null);
  expect(JSON.parse(text).version).toBeGreaterThan(0);
  const dir = mkdtempSync(join(tmpdir(), 'diffdeck-backup-'));
  const file = join(dir, 'diffdeck-progress.json');
  writeFileSync(file, text);
  try {
    // An empty browser: no progress stored.
    await d.run(() => localStorage.clear(), null);
    await open(d, '#/settings');
    await d.upload('#import-file', file);
    await eventually(() => d.text('[aria-label="Import preview"]')).toContain('2 reviews');
    await d.click('button', /^Merge with my progress$/);
    await eventually(() => d.text('.done')).toContain('merged');
    await open(d, '#/flashcards?c=cmd-vs-entrypoint');
    await eventually(() => counters(d)).toContain('2 done today');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a sync link made here, opened in an empty browser, is previewed and merged', async ({ drive: d }) => {
  await open(d, '#/flashcards?c=cmd-vs-entrypoint');
  await grade(d, /^Good/);
  await grade(d, /^Good/);
  await eventually(() => counters(d)).toContain('2 done today');
  await open(d, '#/settings');
  await d.fill('#send-device', 'Laptop');
  await d.click('button', /^Make a sync link$/);
  await eventually(() => d.run(() => (document.querySelector('#sync-link') as HTMLInputElement | null)?.value ?? '', null)).toContain('#/sync/1.');
  const link = await d.run(() => (document.querySelector('#sync-link') as HTMLInputElement).value, null);
  // The other device: nothing stored.
  await d.run(() => localStorage.clear(), null);
  await open(d, link);
  await eventually(() => d.text('[aria-label="Import preview"]')).toContain('This link holds 2 reviews');
  await d.click('button', /^Merge with my progress$/);
  await eventually(() => d.text('.done')).toContain('merged');
  await open(d, '#/flashcards?c=cmd-vs-entrypoint');
  await eventually(() => counters(d)).toContain('2 done today');
});

test('Your decks: a deck shared as a link is previewed, added, studied and shared again', async ({ drive: d }) => {
  // The link another browser's "Copy link" makes: the deck's Markdown, zlib, base64url.
  const example = readFileSync('content/example.md');
  await open(d, `#/add/1.${deflateSync(example).toString('base64url')}`);
  await eventually(() => d.text('[aria-label="Deck preview"]')).toContain('Git in three comparisons: 1 phase, 3 comparisons.');
  expect(await d.run(() => localStorage.getItem('diffdeck:decks'), null)).toBeNull();
  await d.click('button', /^Add this deck$/);
  await eventually(() => d.text('.own__added')).toContain('Added “Git in three comparisons”');
  await d.click('.own__added + .summary__actions a:last-child', /Read it/);
  await eventually(() => d.count('article.card')).toBe(3);
  await open(d, '#/flashcards?c=u-git-in-three-comparisons--git-merge-vs-git-rebase');
  await grade(d, /^Good/);
  await eventually(() => counters(d)).toContain('1 done today');
  // Its own link, made here, opens the same deck.
  await open(d, '#/decks');
  await d.click('button', /^Copy link$/);
  const link = () => d.run(() => (document.querySelector('.own__form input') as HTMLInputElement | null)?.value ?? '', null);
  await eventually(link).toMatch(/#\/add\/1\.[A-Za-z0-9_-]+$/);
  await open(d, await link());
  await eventually(() => d.text('[aria-label="Deck preview"]')).toContain('This replaces your deck “Git in three comparisons”');
});

test('a deck just added is studied at once: “Study it now” leads to its first card', async ({ drive: d }) => {
  const example = readFileSync('content/example.md');
  await open(d, `#/add/1.${deflateSync(example).toString('base64url')}`);
  await d.click('button', /^Add this deck$/);
  await d.click('.own__added + .summary__actions a', /^Study it now$/);
  await eventually(() => d.run(() => location.hash, null)).toBe('#/flashcards?d=u-git-in-three-comparisons');
  await eventually(() => d.text('#card-front')).toContain('git merge');
  await grade(d, /^Good/);
  await eventually(() => counters(d)).toContain('1 done today');
});

test('offline: with the server gone every screen opens and grades are kept', async ({ drive: d, engine, isMobile }, info) => {
  const port = ownPort(engine, isMobile, info.parallelIndex, 0);
  const url = `http://127.0.0.1:${port}${BASE}`;
  const server = await serve('dist', port);
  try {
    await open(d, url);
    await controlled(d);
    // Everything precached (the service worker installs the second deck and every part).
    await stop(server);
    await d.reload();
    await eventually(() => d.count('article.card')).toBe(21);
    await open(d, `${url}#/d/docker-in-depth`);
    await eventually(() => d.count('article.card')).toBe(46);
    await open(d, `${url}#/flashcards?c=cmd-vs-entrypoint`);
    await grade(d, /^Good/);
    await eventually(() => counters(d)).toContain('1 done today');
    await open(d, `${url}#/match`);
    await d.click('button', /^Start$/);
    await eventually(() => d.count('.tile')).toBeGreaterThanOrEqual(12);
    await open(d, `${url}#/quiz`);
    await d.click('button', /^Start$/);
    await eventually(() => d.count('#question-prompt')).toBe(1);
    await d.reload();
    await open(d, `${url}#/flashcards?c=cmd-vs-entrypoint`);
    await eventually(() => counters(d)).toContain('1 done today');
    // The pre-rendered pages were precached too.
    await openPage(d, `${url}c/cmd-vs-entrypoint/`);
    await eventually(() => h1(d)).toContain('ENTRYPOINT');
    await openPage(d, `${url}d/docker-in-depth/`);
    await eventually(() => d.count('article.card')).toBe(46);
  } finally {
    await stop(server);
  }
});

test('a first visit: Start reaches the deck’s first card; a returning visitor’s slash-less or unknown address is styled, online and offline', async ({ drive: d, engine, isMobile }, info) => {
  const port = ownPort(engine, isMobile, info.parallelIndex, 2);
  const url = `http://127.0.0.1:${port}${BASE}`;
  const server = await serve('dist', port);
  const href = () => d.run(() => location.href, null);
  // The stylesheet applied: the header sticks (an unstyled page is the failure).
  const styled = () => d.run(() => getComputedStyle(document.querySelector('.app-header')!).position, null);
  try {
    await openPage(d, url);
    expect(await d.text('.start')).toContain('Learn the Docker differences interviewers ask about');
    await d.click('.start a', /^Start studying$/);
    await eventually(href).toBe(`${url}#/flashcards?d=docker`);
    await eventually(() => d.text('#card-front')).toContain('What is the difference?');
    await controlled(d);
    for (const online of [true, false]) {
      if (!online) await stop(server);
      await openPage(d, `${url}c/cmd-vs-entrypoint`);
      await eventually(href).toBe(`${url}c/cmd-vs-entrypoint/`);
      await eventually(() => h1(d)).toContain('CMD');
      expect(await styled()).toBe('sticky');
      await openPage(d, `${url}c/does-not-exist/`);
      await eventually(() => h1(d)).toBe('Nothing here');
      expect(await styled()).toBe('sticky');
    }
  } finally {
    await stop(server);
  }
});

test('a new version offers to reload, and progress survives the update', async ({ drive: d, engine, isMobile }, info) => {
  const port = ownPort(engine, isMobile, info.parallelIndex, 1);
  const url = `http://127.0.0.1:${port}${BASE}`;
  const builds = twoBuilds();
  let server = await serve(builds.a, port);
  try {
    await open(d, `${url}#/flashcards?c=cmd-vs-entrypoint`);
    await controlled(d);
    await grade(d, /^Good/);
    await eventually(() => counters(d)).toContain('1 done today');
    await stop(server);
    server = await serve(builds.b, port);
    await d.run(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    }, null);
    const prompt = () => d.text('.update');
    await eventually(() => prompt(), 30_000).toContain('A new version of diffdeck is ready.');
    // Not in the middle of a quiz: the prompt waits for the round to end.
    await open(d, `${url}#/quiz`);
    await d.click('button', /^Start$/);
    await eventually(() => d.count('#question-prompt')).toBe(1);
    expect(await d.count('.update')).toBe(0);
    await open(d, `${url}#/flashcards?c=cmd-vs-entrypoint`);
    await eventually(() => prompt()).toContain('A new version of diffdeck is ready.');
    await d.click('.update button', /^Reload$/);
    const description = () =>
      d.run(() => document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '', null).catch(() => '');
    await eventually(description, 30_000).toMatch(/^Build B\./);
    await open(d, `${url}#/flashcards?c=cmd-vs-entrypoint`);
    await eventually(() => counters(d)).toContain('1 done today');
  } finally {
    await stop(server);
    rmSync(builds.root, { recursive: true, force: true });
  }
});

test('storage faults: unreadable data is kept aside with a notice; a full storage keeps the app working', async ({
  drive: d,
}) => {
  await open(d, '#/');
  const original = '{"version":1,"log":[{"c":"pair:copy-vs-add","t":"broken"}';
  await d.run((text) => localStorage.setItem('diffdeck:progress', text), original);
  // The app as it starts next time.
  await d.goto('#/flashcards?c=cmd-vs-entrypoint');
  await d.reload();
  await eventually(() => alert(d)).toContain('could not be read');
  const backups = await d.run(
    () => Object.keys(localStorage).filter((k) => k.startsWith('diffdeck:progress:backup:')).map((k) => localStorage.getItem(k)),
    null,
  );
  expect(backups).toEqual([original]);
  await grade(d, /^Good/);
  await eventually(() => counters(d)).toContain('1 done today');
  await d.click('[role="alert"] button', /^Dismiss$/);

  // Fill the storage to its quota, then grade: the app says so and goes on in memory.
  await d.run(() => {
    let chunk = 'x'.repeat(1 << 20);
    for (let i = 0; chunk.length > 0; ) {
      try {
        localStorage.setItem(`filler:${i++}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
  }, null);
  await grade(d, /^Good/);
  await eventually(() => alert(d)).toContain('storage is full');
  await eventually(() => counters(d)).toContain('2 done today');
});
