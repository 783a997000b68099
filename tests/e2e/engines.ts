// The journeys (journeys.spec.ts) run in three engines: Chromium through Playwright, and
// Firefox and WebKit through WebDriver (geckodriver; WebKitGTK's WebKitWebDriver), since
// Playwright 1.65 cannot drive Debian's Firefox ESR and downloads its own browsers from
// outside. A journey is written once, against `Driver`: what a user does (open, click,
// read, pick a file) and what a test reads from the page (a script). Waiting is the
// journey's: `expect.poll` over what the driver reads.
import { type Page } from '@playwright/test';
import { test as base, expect } from './fixtures';
import { spawn, type ChildProcess } from 'node:child_process';
import { Builder, type WebDriver, type WebElement } from 'selenium-webdriver';

export type Engine = 'chromium' | 'firefox' | 'webkit';

/** A function run in the page, with one JSON argument; it may return a promise. */
type InPage<A, R> = (arg: A) => R | Promise<R>;

export interface Driver {
  readonly engine: Engine;
  /** The app's address (ends in `/diffdeck/`), on the shared server. */
  readonly base: string;
  /** Opens `url`, absolute or relative to `base` (`#/flashcards`). */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Clicks the first visible element that matches `css` and whose text matches `text`. */
  click(css: string, text?: RegExp): Promise<void>;
  /** The text of the first element that matches `css` (as rendered), or null. */
  text(css: string): Promise<string | null>;
  count(css: string): Promise<number>;
  /** Types `value` into the field that matches `css`, replacing what it held. */
  fill(css: string, value: string): Promise<void>;
  /** Picks `value` in the `<select>` that matches `css`. */
  select(css: string, value: string): Promise<void>;
  /** Gives the file at `path` to the file input that matches `css`. */
  upload(css: string, path: string): Promise<void>;
  run<A, R>(fn: InPage<A, R>, arg: A): Promise<R>;
}

/** How long a click waits for its target to appear (lazily loaded screens, slow machines). */
const FIND_MS = 20_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class PlaywrightDriver implements Driver {
  readonly engine = 'chromium';
  constructor(
    private page: Page,
    readonly base: string,
  ) {}
  async goto(url: string) {
    await this.page.goto(new URL(url, this.base).href);
  }
  async reload() {
    await this.page.reload();
  }
  async click(css: string, text?: RegExp) {
    const all = this.page.locator(css).filter({ visible: true });
    await (text ? all.filter({ hasText: text }) : all).first().click({ timeout: FIND_MS });
  }
  async text(css: string) {
    const first = this.page.locator(css).first();
    return (await first.count()) ? first.innerText() : null;
  }
  count(css: string) {
    return this.page.locator(css).count();
  }
  async fill(css: string, value: string) {
    await this.page.locator(css).fill(value);
  }
  async select(css: string, value: string) {
    await this.page.locator(css).selectOption(value);
  }
  async upload(css: string, path: string) {
    await this.page.locator(css).setInputFiles(path);
  }
  run<A, R>(fn: InPage<A, R>, arg: A): Promise<R> {
    return this.page.evaluate(fn as (arg: A) => Promise<R>, arg);
  }
}

/** The first visible element matching `css` whose text matches (`source`, `flags`). */
function find(css: string, source: string | null, flags: string) {
  const re = source === null ? null : new RegExp(source, flags);
  return (
    Array.from(document.querySelectorAll<HTMLElement>(css)).find((el) => {
      const box = el.getBoundingClientRect();
      const shown = box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      return shown && (!re || re.test(el.innerText ?? el.textContent ?? ''));
    }) ?? null
  );
}

/**
 * Run in the page: records its console errors, uncaught exceptions and unhandled
 * rejections in `window.__diffdeckErrors` (once per document). WebDriver has no hook that
 * runs before a page's scripts, so what a document logs before the driver installs this
 * (right after it loads) is not seen; everything after is.
 */
function recordErrors() {
  const w = window as unknown as { __diffdeckErrors?: string[] };
  if (w.__diffdeckErrors) return;
  const errors: string[] = (w.__diffdeckErrors = []);
  addEventListener('error', (e) => errors.push(`uncaught: ${e.message} (${location.href})`));
  addEventListener('unhandledrejection', (e) => errors.push(`unhandled rejection: ${String(e.reason?.message ?? e.reason)} (${location.href})`));
  const log = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    errors.push(`console.error: ${args.map(String).join(' ')} (${location.href})`);
    log(...args);
  };
}

/** Run in the page: the errors recorded since the last call. */
function takeErrors() {
  const w = window as unknown as { __diffdeckErrors?: string[] };
  return (w.__diffdeckErrors ?? []).splice(0);
}

class WebDriverDriver implements Driver {
  /** What the pages logged as errors (see `recordErrors`); the fixture fails on any. */
  readonly errors: string[] = [];
  constructor(
    readonly engine: Engine,
    private driver: WebDriver,
    readonly base: string,
  ) {}
  /** Moves what the current document recorded into `errors`. */
  async collectErrors() {
    const taken = (await this.driver.executeScript(`return (${takeErrors.toString()})()`).catch(() => [])) as string[];
    this.errors.push(...taken);
  }
  // Navigation goes through the page, as a user's does (a link, the reload button): a
  // navigation by Firefox's WebDriver (Marionette) does not pass through the service
  // worker, so it fails offline where a user's reload does not.
  async goto(url: string) {
    const target = new URL(url, this.base);
    const current = new URL(await this.driver.getCurrentUrl());
    if (current.origin !== target.origin) {
      await this.driver.get(target.href);
      await this.driver.executeScript(`(${recordErrors.toString()})()`);
      return;
    }
    const sameDocument = current.pathname === target.pathname && current.search === target.search;
    await this.navigate(`location.assign(${JSON.stringify(target.href)})`, sameDocument && target.hash !== '');
  }
  reload() {
    return this.navigate('location.reload()', false);
  }
  /** Runs `script`, which navigates; waits for the new document unless `sameDocument`. */
  private async navigate(script: string, sameDocument: boolean) {
    await this.collectErrors();
    await this.driver.executeScript(`window.__left = true; ${script}`);
    if (sameDocument) return;
    const deadline = Date.now() + FIND_MS;
    for (;;) {
      await sleep(100);
      const loaded = await this.driver
        .executeScript('return !window.__left && document.readyState === "complete"')
        .catch(() => false); // between documents
      if (loaded) {
        await this.driver.executeScript(`(${recordErrors.toString()})()`);
        return;
      }
      if (Date.now() > deadline) throw new Error(`navigation did not finish: ${script}`);
    }
  }
  private async element(css: string, text?: RegExp): Promise<WebElement> {
    const deadline = Date.now() + FIND_MS;
    for (;;) {
      const el = (await this.driver.executeScript(
        `return (${find.toString()}).apply(null, arguments)`,
        css,
        text ? text.source : null,
        text ? text.flags : '',
      )) as WebElement | null;
      if (el) return el;
      if (Date.now() > deadline) throw new Error(`no visible ${css}${text ? ` with text ${text}` : ''}`);
      await sleep(100);
    }
  }
  async click(css: string, text?: RegExp) {
    // The element can be re-rendered between finding and clicking it: find it again.
    for (let attempt = 0; ; attempt++) {
      try {
        const el = await this.element(css, text);
        // Clear of the sticky header and the bottom navigation.
        await this.driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', el);
        await el.click();
        return;
      } catch (e) {
        const name = (e as Error).name;
        const retry = ['StaleElementReferenceError', 'ElementClickInterceptedError', 'ElementNotInteractableError'];
        if (attempt >= 20 || !retry.includes(name)) throw e;
        await sleep(150);
      }
    }
  }
  text(css: string) {
    return this.run(
      (css) => {
        const el = document.querySelector<HTMLElement>(css);
        return el ? el.innerText : null;
      },
      css,
    );
  }
  count(css: string) {
    return this.run((css) => document.querySelectorAll(css).length, css);
  }
  async fill(css: string, value: string) {
    const el = await this.element(css);
    await el.clear();
    await el.sendKeys(value);
  }
  async select(css: string, value: string) {
    await this.driver.executeScript(
      (el: HTMLSelectElement, value: string) => {
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      },
      await this.element(css),
      value,
    );
  }
  async upload(css: string, path: string) {
    // A file input is often hidden behind its label: found whether shown or not.
    const deadline = Date.now() + FIND_MS;
    while ((await this.count(css)) === 0 && Date.now() < deadline) await sleep(100);
    await (await this.driver.findElement({ css })).sendKeys(path);
  }
  async run<A, R>(fn: InPage<A, R>, arg: A): Promise<R> {
    // WebDriver awaits a returned promise.
    return (await this.driver.executeScript(`return (${fn.toString()})(arguments[0])`, arg)) as R;
  }
  quit() {
    return this.driver.quit();
  }
}

/** A WebDriver server for one engine, started once per worker. */
interface Remote {
  url: string;
  capabilities: Record<string, unknown>;
  /** Ends this worker's WebDriver server (and its browser) and starts a fresh one. */
  restart: () => Promise<void>;
}

/** How long a new WebDriver session may take before the server is restarted. */
const SESSION_MS = 45_000;

const FIREFOX = '/usr/bin/firefox-esr';
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

async function startRemote(
  engine: Exclude<Engine, 'chromium'>,
  port: number,
): Promise<{ remote: Omit<Remote, 'restart'>; process: ChildProcess }> {
  const process =
    engine === 'firefox'
      ? spawn('geckodriver', ['--port', String(port), '--log', 'fatal'], { stdio: 'ignore' })
      : // WebKitGTK needs a display: a virtual one of its own.
        spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', `--port=${port}`], {
          stdio: 'ignore',
          detached: true,
        });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/status`)).ok) break;
    } catch {
      // not up yet
    }
    if (i > 200) throw new Error(`${engine}'s WebDriver server did not start on port ${port}`);
    await sleep(100);
  }
  const capabilities =
    engine === 'firefox'
      ? {
          browserName: 'firefox',
          'moz:firefoxOptions': {
            binary: FIREFOX,
            args: ['-headless'],
            // No background traffic to hosts this machine cannot reach.
            prefs: {
              'app.update.enabled': false,
              'browser.shell.checkDefaultBrowser': false,
              'network.captive-portal-service.enabled': false,
              'network.connectivity-service.enabled': false,
            },
          },
        }
      : {
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        };
  return { remote: { url, capabilities }, process };
}

/** Ends a WebDriver server; resolves once it has exited (or after 5 s). */
function stopRemote(process: ChildProcess) {
  const exited = new Promise((done) => {
    if (process.exitCode !== null || process.signalCode !== null) return done(null);
    process.once('exit', done);
    setTimeout(done, 5_000);
  });
  try {
    // xvfb-run runs in its own process group: end the driver and Xvfb with it.
    if (process.pid) globalThis.process.kill(-process.pid);
  } catch {
    process.kill();
  }
  return exited;
}

/**
 * A new session on `remote`. Now and then (a loaded machine, WebKitGTK) creating one
 * never answers: then the server is restarted once and asked again.
 */
async function newSession(remote: Remote): Promise<WebDriver> {
  const build = () => new Builder().usingServer(remote.url).withCapabilities(remote.capabilities).build();
  const first = build();
  const driver = await Promise.race([first, sleep(SESSION_MS).then(() => null)]);
  if (driver) return driver;
  first.then((late) => late.quit()).catch(() => {});
  await remote.restart();
  return build();
}

/** Where each engine's WebDriver servers listen, one port per worker. */
const DRIVER_PORTS: Record<Exclude<Engine, 'chromium'>, number> = { firefox: 4440, webkit: 4460 };

/** A port for a server of a test's own, unique across projects and workers. */
export function ownPort(engine: Engine, phone: boolean, parallelIndex: number, slot: number) {
  const project = { chromium: phone ? 0 : 1, firefox: 2, webkit: 3 }[engine];
  return 4500 + project * 40 + parallelIndex * 10 + slot;
}

export const test = base.extend<
  { drive: Driver },
  { engine: Engine; windowSize: { width: number; height: number } | null; remote: Remote | null }
>({
  engine: ['chromium', { option: true, scope: 'worker' }],
  // The window size for a WebDriver engine (Playwright's projects set their own).
  windowSize: [null, { option: true, scope: 'worker' }],
  remote: [
    async ({ engine }, use, workerInfo) => {
      if (engine === 'chromium') return use(null);
      const port = DRIVER_PORTS[engine] + workerInfo.parallelIndex;
      let server = await startRemote(engine, port);
      const remote: Remote = {
        ...server.remote,
        restart: async () => {
          await stopRemote(server.process);
          server = await startRemote(engine, port);
        },
      };
      await use(remote);
      await stopRemote(server.process);
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  drive: async ({ engine, remote, windowSize, page, baseURL }, use) => {
    if (engine === 'chromium') return use(new PlaywrightDriver(page, baseURL!));
    const driver = await newSession(remote!);
    try {
      if (windowSize) await driver.manage().window().setRect({ x: 0, y: 0, ...windowSize });
      const drive = new WebDriverDriver(engine, driver, baseURL!);
      await use(drive);
      await drive.collectErrors();
      expect(drive.errors, `a page logged errors in ${engine}`).toEqual([]);
    } finally {
      await driver.quit();
    }
  },
});

export { expect };
