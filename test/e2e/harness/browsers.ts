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
import { ROOT } from '../../tools/server.ts';

export type BrowserName = 'chromium' | 'firefox';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = '{7f3c2a8e-5b1d-4c9e-9a6f-2d8e1b4c7a30}';
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
  open(url: string): Promise<Tab>;
  /** An extension page (options.html by default) used to read and write extension state. */
  control(): Promise<Tab>;
  /** Opens an extension page such as "popup.html?tab=3" in a new tab. */
  openExtensionPage(path: string): Promise<Tab>;
  close(): Promise<void>;
}

/**
 * Polls with evaluate() rather than puppeteer's waitForFunction, which builds
 * its predicate with Function() and so is refused by the extension pages'
 * content security policy in some Firefox ESR versions (140 before its last
 * update: "EvalError: call to Function() blocked by CSP").
 */
async function pollUntil(check: () => Promise<unknown>, timeoutMs: number, what: string): Promise<void> {
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
    await new Promise((r) => setTimeout(r, 50));
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

function wrapPage(raw: PwPage | PpPage, goto: (url: string) => Promise<void>): Tab {
  const page = raw as unknown as CommonPage;
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    raw,
    errors,
    goto,
    url: () => page.url(),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: (fn, arg, timeoutMs = 10_000) =>
      pollUntil(() => page.evaluate(fn as never, arg), timeoutMs, `${fn.toString().slice(0, 120)}`),
    hover: (sel) => page.hover(sel),
    click: (sel) => page.click(sel),
    mouseMove: (x, y) => page.mouse.move(x, y),
    press: (key) => page.keyboard.press(key as never),
    type: (text) => page.keyboard.type(text),
    screenshot: async (path) => {
      await page.screenshot({ path: path as never });
    },
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

function wrapPlaywright(page: PwPage): Tab {
  return wrapPage(page, async (url) => {
    await page.goto(url, { waitUntil: 'load' });
  });
}

function wrapPuppeteer(page: PpPage): Tab {
  return wrapPage(page, async (url) => {
    try {
      await page.goto(url, { waitUntil: 'load' });
    } catch (err) {
      // Real pages embed frames from hosts the tests block; Firefox's BiDi can
      // report their refusal as a failed navigation. The page itself loaded if
      // it is where we asked.
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href !== url) throw err;
      await pollUntil(() => page.evaluate(() => document.readyState === 'complete'), 15_000, 'the page to load').catch(
        () => {},
      );
    }
  });
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
  await pollUntil(async () => context.pages().some((p) => p.url().includes('/welcome.html')), 10_000, 'welcome page');
  for (const p of context.pages()) if (p.url().includes('/welcome.html')) await p.close();
  let control: Tab | null = null;
  const open = async (url: string) => {
    const tab = wrapPlaywright(await context.newPage());
    await tab.goto(url);
    return tab;
  };
  return {
    name: 'chromium',
    context,
    extensionOrigin,
    open,
    openExtensionPage: (path) => open(`${extensionOrigin}/${path}`),
    control: async () => {
      control ??= await open(`${extensionOrigin}/options.html`);
      return control;
    },
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
  const findPage = async (match: (href: string) => boolean): Promise<PpPage> => {
    let found: PpPage | null = null;
    await pollUntil(
      async () => {
        for (const p of await browser.pages()) {
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
  const open = async (url: string) => {
    const tab = wrapPuppeteer(await browser.newPage());
    await tab.goto(url);
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
      await control.evaluate((u) => {
        void (
          globalThis as unknown as { browser: { tabs: { create(o: object): Promise<unknown> } } }
        ).browser.tabs.create({
          url: u,
        });
      }, url);
      const page = await findPage((href) => href === url);
      await pollUntil(
        () => page.evaluate(() => document.readyState === 'complete'),
        30_000,
        'the extension page to load',
      );
      return wrapPuppeteer(page);
    },
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
  for (let quiet = 0, i = 0; quiet < 2 && i < maxPolls; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const idle = await evalInContentScript<boolean>(
      context,
      page,
      'globalThis.msLensDiagnostics ? msLensDiagnostics().idle : false',
    ).catch(() => false);
    quiet = idle ? quiet + 1 : 0;
  }
}
