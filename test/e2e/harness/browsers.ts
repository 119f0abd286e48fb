/**
 * Starts Debian's Chromium (Playwright) or Firefox ESR (Puppeteer over WebDriver
 * BiDi) with the BUILT extension loaded, behind one small interface so that
 * the same end-to-end tests run in both browsers.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { GECKO_ID } from '../../../src/build/gecko-id.ts';
import { ROOT } from '../../tools/server.ts';

export type BrowserName = 'chromium' | 'firefox';

/** Every browser the end-to-end tests run in. */
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Fixed internal UUID for moz-extension:// URLs in tests (a Firefox pref). */
const FIREFOX_UUID = '6d1f2c9a-3b4e-4f5a-8c7d-9e0f1a2b3c4d';

/**
 * Both browsers run the test builds (test hooks; Chromium's has host access
 * required instead of optional; see wxt.config.ts for why).
 */
export function extensionDir(browser: BrowserName): string {
  const dir = join(ROOT, '.output', browser === 'chromium' ? 'chrome-mv3-e2e' : 'firefox-mv3-e2e');
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension in ${dir}: run "npm run build:e2e" first (npm test does).`);
  }
  return dir;
}

/** One browser tab, whichever browser drives it. */
export interface Tab {
  readonly raw: PwPage | PpPage;
  /** The browser's id of this tab (tabs API), or null when it could not be told apart from another new tab. */
  readonly tabId: number | null;
  goto(url: string): Promise<void>;
  url(): string;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Polls `fn` in the page until it returns a truthy value. */
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  hover(selector: string): Promise<void>;
  click(selector: string): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  type(text: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
  /** Errors thrown by page scripts (including content scripts, where the browser reports them). */
  readonly errors: string[];
}

export interface Driver {
  readonly name: BrowserName;
  readonly extensionOrigin: string;
  /** Opens `url` in a new tab; `loadMayFail` keeps the tab when the navigation reports an error (a PDF, say). */
  open(url: string, options?: { loadMayFail?: boolean }): Promise<Tab>;
  /** An extension page (options.html by default) used to read and write extension state. */
  control(): Promise<Tab>;
  /** Opens an extension page such as "popup.html?tab=3" in a new tab. */
  openExtensionPage(path: string): Promise<Tab>;
  /**
   * Starts remembering the tabs opened from now on, by the test or by the
   * extension (a glossary or reader tab); the returned function closes them
   * all (the session does this around every test, pass or fail).
   */
  trackTabs(): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Remembers the tabs a test opens, so that they are closed after it whatever happened. */
class TabTracker<P> {
  private current: Tab[] | null = null;

  constructor(
    /** Every page the browser has open. */
    private readonly pages: () => Promise<P[]>,
    /** Pages kept open across tests (the control page). */
    private readonly keep: () => P | null,
  ) {}

  add<T extends Tab>(tab: T): T {
    this.current?.push(tab);
    return tab;
  }

  async start(): Promise<() => Promise<void>> {
    const tabs: Tab[] = [];
    this.current = tabs;
    const before = new Set(await this.pages());
    return async () => {
      if (this.current === tabs) this.current = null;
      for (const tab of tabs.splice(0)) await tab.close();
      // Tabs the extension opened during the test (glossary, reader, options).
      for (const page of await this.pages()) {
        if (!before.has(page) && page !== this.keep()) {
          await (page as unknown as { close(): Promise<void> }).close().catch(() => {});
        }
      }
    };
  }
}

/** The ids of every open tab, asked from an extension page; null when that page is gone (after a reload). */
async function listTabIds(control: Tab): Promise<number[] | null> {
  return control
    .evaluate(async () => {
      const api = ((globalThis as unknown as { browser?: unknown }).browser ??
        (globalThis as unknown as { chrome: unknown }).chrome) as {
        tabs: { query(q: object): Promise<{ id?: number }[]> };
      };
      return (await api.tabs.query({})).flatMap((t) => (t.id === undefined ? [] : [t.id]));
    })
    .catch(() => null);
}

/** The one tab id in `after` that is not in `before`, or null when there is not exactly one. */
function newTabId(before: readonly number[] | null, after: readonly number[] | null): number | null {
  if (!before || !after) return null;
  const fresh = after.filter((id) => !before.includes(id));
  return fresh.length === 1 ? (fresh[0] as number) : null;
}

/**
 * The one way the tests wait: calls `check` every `intervalMs` until it
 * returns a truthy value, or throws after `timeoutMs`. Page conditions are
 * polled through evaluate() rather than puppeteer's waitForFunction, which
 * builds its predicate with Function() and so is refused by the extension
 * pages' content security policy in some Firefox ESR versions (140 before its
 * last update: "EvalError: call to Function() blocked by CSP").
 */
export async function waitUntil(
  check: () => unknown | Promise<unknown>,
  timeoutMs: number,
  what: string,
  intervalMs = 50,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      if (await check()) return;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** What Playwright's and Puppeteer's pages have in common, as the tests use them. */
interface CommonPage {
  on(event: 'pageerror', cb: (e: unknown) => void): unknown;
  url(): string;
  evaluate(fn: never, arg: unknown): Promise<unknown>;
  hover(selector: string): Promise<void>;
  click(selector: string): Promise<void>;
  mouse: { move(x: number, y: number): Promise<void> };
  keyboard: { press(key: never): Promise<void>; type(text: string): Promise<void> };
  screenshot(options: { path: never }): Promise<unknown>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

function wrapPage(raw: PwPage | PpPage, goto: (url: string) => Promise<void>, tabId: number | null): Tab {
  const page = raw as unknown as CommonPage;
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  let closed = false;
  return {
    raw,
    tabId,
    errors,
    goto,
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: (fn, arg, timeoutMs = 10_000) =>
      waitUntil(() => page.evaluate(fn as never, arg), timeoutMs, `${fn.toString().slice(0, 120)}`),
    hover: (sel) => page.hover(sel),
    click: (sel) => page.click(sel),
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key as never),
    type: (text) => page.keyboard.type(text),
    screenshot: async (path) => {
      await page.screenshot({ path: path as never });
    },
    bringToFront: () => page.bringToFront(),
    // Tests close their tabs, and the session closes them again after each test.
    close: async () => {
      if (closed) return;
      closed = true;
      await page.close().catch(() => {});
    },
  };
}

function wrapPlaywright(page: PwPage, tabId: number | null = null): Tab {
  return wrapPage(
    page,
    async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    tabId,
  );
}

function wrapPuppeteer(page: PpPage, tabId: number | null = null): Tab {
  return wrapPage(
    page,
    async (url) => {
      try {
        await page.goto(url, { waitUntil: 'load' });
      } catch (err) {
        // Real pages embed frames from hosts the tests block; Firefox's BiDi can
        // report their refusal as a failed navigation. The page itself loaded if
        // it is where we asked.
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (href !== url) throw err;
        await waitUntil(
          () => page.evaluate(() => document.readyState === 'complete'),
          15_000,
          'the page to load',
        ).catch(() => {});
      }
    },
    tabId,
  );
}

export interface LaunchOptions {
  /** Playwright context options for Chromium (e.g. hasTouch, colorScheme). */
  colorScheme?: 'light' | 'dark';
  hasTouch?: boolean;
  viewport?: { width: number; height: number };
}

/** Chromium with the extension, headless unless HEADED=1 and a display exist. */
export async function launchChromium(options: LaunchOptions = {}): Promise<Driver & { context: BrowserContext }> {
  const ext = extensionDir('chromium');
  const profile = mkdtempSync(join(tmpdir(), 'ms-lens-chromium-'));
  const headed = Boolean(process.env.HEADED && process.env.DISPLAY);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: !headed,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    hasTouch: options.hasTouch ?? false,
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      // Nothing but the local test server resolves: real pages' remote assets fail at once.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  // new URL().origin is "null" for chrome-extension: URLs in Node.
  const extensionOrigin = worker.url().split('/').slice(0, 3).join('/');
  // Close the welcome tab the extension opens on install, once it appears.
  await waitUntil(async () => context.pages().some((p) => p.url().includes('/welcome.html')), 10_000, 'welcome page');
  for (const p of context.pages()) if (p.url().includes('/welcome.html')) await p.close();
  let control: Tab | null = null;
  const getControl = async () => {
    // An extension reload closes extension pages.
    if (!control || (control.raw as PwPage).isClosed()) {
      control = wrapPlaywright(await context.newPage());
      await control.goto(`${extensionOrigin}/options.html`);
    }
    return control;
  };
  const tracker = new TabTracker(
    async () => context.pages(),
    () => (control?.raw as PwPage | undefined) ?? null,
  );
  const open = async (url: string, options: { loadMayFail?: boolean } = {}) => {
    const ctl = await getControl();
    const before = await listTabIds(ctl);
    const page = await context.newPage();
    const tab = tracker.add(wrapPlaywright(page, newTabId(before, await listTabIds(ctl))));
    await tab.goto(url).catch((err: unknown) => {
      if (!options.loadMayFail) throw err;
    });
    return tab;
  };
  return {
    name: 'chromium',
    context,
    extensionOrigin,
    open,
    openExtensionPage: (path) => open(`${extensionOrigin}/${path}`),
    control: getControl,
    trackTabs: () => tracker.start(),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Firefox ESR with the extension installed as a temporary add-on over WebDriver BiDi. */
export async function launchFirefox(
  options: { grantAllSites?: boolean } = {},
): Promise<Driver & { browser: PpBrowser }> {
  const ext = extensionDir('firefox');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: !(process.env.HEADED && process.env.DISPLAY),
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      // Optional permissions requested by the extension are granted without a prompt in tests.
      'extensions.webextOptionalPermissionPrompts': false,
      // Everything but the local test server goes to a closed port: remote assets fail at once.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': '127.0.0.1',
      'network.proxy.allow_hijacking_localhost': false,
    },
  });
  await browser.installExtension(ext);
  const extensionOrigin = `moz-extension://${FIREFOX_UUID}`;
  // Firefox refuses automation navigations to moz-extension:// URLs, so extension
  // pages are reached through the welcome tab the extension opens on install,
  // and extension tabs are found by asking each page where it is (BiDi reports
  // them as about:blank).
  const findPage = async (match: (href: string) => boolean, known: readonly PpPage[] = []): Promise<PpPage> => {
    let found: PpPage | null = null;
    await waitUntil(
      async () => {
        for (const p of await browser.pages()) {
          if (known.includes(p)) continue;
          const href = await p.evaluate(() => location.href).catch(() => '');
          if (match(href)) {
            found = p;
            return true;
          }
        }
        return false;
      },
      30_000,
      'an extension page',
    );
    return found as unknown as PpPage;
  };
  const control = wrapPuppeteer(await findPage((href) => href.includes('/welcome.html')));
  if (options.grantAllSites !== false) {
    // The reader's first choice on the welcome page; the pref above accepts the prompt.
    await control.waitFor(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Highlight on every site');
      button?.setAttribute('data-test-grant', '');
      return Boolean(button);
    });
    // A real click: the permission request needs the reader's gesture.
    await control.click('[data-test-grant]');
    await control.waitFor(() =>
      (
        globalThis as unknown as { browser: { permissions: { contains(p: object): Promise<boolean> } } }
      ).browser.permissions.contains({ origins: ['<all_urls>'] }),
    );
  }
  const tracker = new TabTracker(
    () => browser.pages(),
    () => control.raw as PpPage,
  );
  const open = async (url: string, options: { loadMayFail?: boolean } = {}) => {
    const before = await listTabIds(control);
    const page = await browser.newPage();
    const tab = tracker.add(wrapPuppeteer(page, newTabId(before, await listTabIds(control))));
    await tab.goto(url).catch((err: unknown) => {
      if (!options.loadMayFail) throw err;
    });
    return tab;
  };
  return {
    name: 'firefox',
    browser,
    extensionOrigin,
    open,
    control: async () => control,
    openExtensionPage: async (path) => {
      const url = `${extensionOrigin}/${path}`;
      // The new tab is the page that was not there before and shows `url`: never another tab at that address.
      const known = await browser.pages();
      const tabId = await control.evaluate(async (u) => {
        const api = (globalThis as unknown as { browser: { tabs: { create(o: object): Promise<{ id?: number }> } } })
          .browser;
        return (await api.tabs.create({ url: u })).id ?? null;
      }, url);
      const page = await findPage((href) => href === url, known);
      await waitUntil(
        () => page.evaluate(() => document.readyState === 'complete'),
        30_000,
        'the extension page to load',
      );
      return tracker.add(wrapPuppeteer(page, tabId));
    },
    trackTabs: () => tracker.start(),
    close: () => browser.close(),
  };
}

export async function launch(name: BrowserName): Promise<Driver> {
  return name === 'chromium' ? launchChromium() : launchFirefox();
}

/**
 * Evaluates an expression inside MS Lens's content-script world of a Chromium
 * page (its isolated world, invisible to the page), through the DevTools protocol.
 */
export async function evalInContentScript<T>(context: BrowserContext, page: PwPage, expression: string): Promise<T> {
  const cdp = await context.newCDPSession(page);
  const worlds: { id: number; frameId?: string }[] = [];
  cdp.on(
    'Runtime.executionContextCreated',
    (e: { context: { id: number; name: string; auxData?: { type?: string; frameId?: string } } }) => {
      if (e.context.auxData?.type === 'isolated' && e.context.name === 'MS Lens') {
        worlds.push({ id: e.context.id, frameId: e.context.auxData.frameId });
      }
    },
  );
  await cdp.send('Runtime.enable');
  const { frameTree } = await cdp.send('Page.getFrameTree');
  // The top frame's world first.
  worlds.sort((a, b) => Number(b.frameId === frameTree.frame.id) - Number(a.frameId === frameTree.frame.id));
  try {
    for (const { id } of worlds) {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression,
        contextId: id,
        returnByValue: true,
        awaitPromise: true,
      });
      if (!exceptionDetails && result.value !== undefined) return result.value as T;
    }
    throw new Error('MS Lens content script world not found');
  } finally {
    await cdp.detach();
  }
}

/**
 * Waits until MS Lens in a Chromium page says it has nothing left to do, twice
 * in a row, through the test build's diagnostics hook (at most `maxPolls` polls
 * 100 ms apart).
 */
export async function waitForLensIdle(context: BrowserContext, page: PwPage, maxPolls = 100): Promise<void> {
  let quiet = 0;
  await waitUntil(
    async () => {
      const idle = await evalInContentScript<boolean>(
        context,
        page,
        'globalThis.msLensDiagnostics ? msLensDiagnostics().idle : false',
      ).catch(() => false);
      quiet = idle ? quiet + 1 : 0;
      return quiet >= 2;
    },
    maxPolls * 100,
    'MS Lens to be idle',
    100,
  ).catch(() => {});
}
