/**
 * The page's orchestration (src/page/lens.ts) without a browser: fake
 * storage, messaging and navigation through `LensDeps`, a real highlighter in
 * jsdom. What the e2e tests see through the built extension, checked here
 * one rule at a time.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import { Highlighter } from '../../src/page/highlighter.ts';
import { Lens } from '../../src/page/lens.ts';
import type { LensDeps } from '../../src/page/lens-deps.ts';
import type { CreateSurface, PopoverSurface } from '../../src/page/popover/popover-surface.ts';
import { publishSurface } from '../../src/page/popover/surface-global.ts';
import type { BackgroundRequest, TabHandlers } from '../../src/platform/messages.ts';
import { INDEX, marks, NAMES } from './helpers.ts';

const KEY = 'ktest1234';
const PAGE = '<p>People with multiple sclerosis may notice myokymia, and some take gabapentin.</p>';

/** A browser made of plain objects: what the Lens asked, and handles to act as the browser would. */
function fakeBrowser(settings: Partial<Settings> = {}, url = 'https://news.example.org/ms') {
  const asked: BackgroundRequest[] = [];
  const browser = {
    asked,
    url,
    alive: true,
    /** Whether a background request fails (the extension went away). */
    failing: false,
    settingsChanged: null as ((s: Settings) => void) | null,
    tab: null as TabHandlers | null,
    navigation: new EventTarget(),
    /** Sends new settings the way storage.onChanged would. */
    change(patch: Partial<Settings>) {
      browser.settingsChanged?.({ ...DEFAULT_SETTINGS, ...settings, ...patch });
    },
    deps: null as unknown as LensDeps,
  };
  browser.deps = {
    readIndex: () => INDEX,
    pageKey: async () => KEY,
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
    testLimits: async () => ({}),
    watchSettings: (onChange) => {
      browser.settingsChanged = onChange;
      return () => {
        browser.settingsChanged = null;
      };
    },
    setTermOff: async () => undefined,
    askBackground: (async (request: BackgroundRequest) => {
      asked.push(request);
      if (browser.failing) throw new Error('Extension context invalidated.');
      if (request.type === 'load-popover') {
        publishSurface(fakeSurfaces);
        return true;
      }
      return request.type === 'get-entry' ? null : undefined;
    }) as LensDeps['askBackground'],
    listenTabRequests: (handlers) => {
      browser.tab = handlers;
      return () => {
        browser.tab = null;
      };
    },
    extensionAlive: () => browser.alive,
    words: { isSaved: async () => false, setSaved: async () => true, opened: () => undefined },
    url: () => browser.url,
    navigation: browser.navigation,
  };
  return browser;
}

/** Popover views the fake background "injects": they record what they were asked to show. */
const shown: (string | null)[] = [];
const fakeSurfaces: CreateSurface = () =>
  ({
    contains: () => false,
    activeElement: null,
    show: (_anchor: unknown, _container: unknown, _prefs: unknown, props: { startId: string | null }) => {
      shown.push(props.startId);
    },
    hide: () => undefined,
    freeze: () => undefined,
    atFocusEdge: () => false,
  }) as unknown as PopoverSurface;

let lens: Lens | null = null;

async function start(browser: ReturnType<typeof fakeBrowser>, domReady = Promise.resolve()): Promise<Lens> {
  lens = await Lens.start(document, browser.deps, 0, domReady);
  return lens;
}

/** Resolves once highlighting has nothing left to do. */
async function settled(l: Lens): Promise<void> {
  await vi.waitFor(() => expect(l.diagnostics().idle).toBe(true), { timeout: 3000, interval: 20 });
  // Work can schedule more work: a second look after a pause.
  await new Promise((r) => setTimeout(r, 40));
  await vi.waitFor(() => expect(l.diagnostics().idle).toBe(true), { timeout: 3000, interval: 20 });
}

const reports = (b: ReturnType<typeof fakeBrowser>) =>
  b.asked.filter((r) => r.type === 'page-terms').map((r) => (r as { ids: string[] }).ids);

beforeAll(() => {
  // jsdom lays nothing out; revealing a term scrolls to it.
  Element.prototype.scrollIntoView = () => undefined;
});

afterEach(() => {
  lens?.destroy();
  lens = null;
  shown.length = 0;
  delete (globalThis as Record<string, unknown>).__msLensCreateSurface;
  document.body.innerHTML = '';
});

describe('Lens', () => {
  it('highlights once the DOM is ready, takes over from an older copy, and reports the terms once', async () => {
    document.body.innerHTML = `${PAGE}<p>left by an old copy: <mark class="${NAMES.markClass}">spas</mark>ms</p>`;
    const heard = vi.fn();
    document.addEventListener(NAMES.handoverEvent, heard);
    let ready: () => void = () => undefined;
    const browser = fakeBrowser();
    const starting = start(
      browser,
      new Promise<void>((r) => {
        ready = r;
      }),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(heard).not.toHaveBeenCalled();
    ready();
    const l = await starting;
    await settled(l);
    document.removeEventListener(NAMES.handoverEvent, heard);
    expect(heard).toHaveBeenCalledTimes(1);
    // The old copy's highlight is gone, its text joined back into one node.
    expect(document.body.lastElementChild?.childNodes).toHaveLength(1);
    expect(marks().map((m) => m.textContent)).toEqual(['multiple sclerosis', 'myokymia', 'gabapentin']);
    await vi.waitFor(() => expect(reports(browser)).toHaveLength(1), { timeout: 2000 });
    expect(reports(browser)[0]).toEqual(['multiple-sclerosis', 'myokymia', 'gabapentin']);
    // Nothing changed on the page: nothing more is sent.
    document.body.append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 600));
    expect(reports(browser)).toHaveLength(1);
  });

  it('stays out of a site switched off, and follows the site rules live', async () => {
    document.body.innerHTML = PAGE;
    const browser = fakeBrowser({ disabledSites: ['example.org'] });
    const l = await start(browser);
    await new Promise((r) => setTimeout(r, 100));
    expect(l.active).toBe(false);
    expect(marks()).toHaveLength(0);
    expect(browser.tab?.['get-page-terms']({ type: 'get-page-terms' }, {})).toEqual({ active: false, terms: [] });

    browser.change({ disabledSites: [] });
    await vi.waitFor(() => expect(marks()).toHaveLength(3), { timeout: 3000 });
    expect(l.active).toBe(true);
    await vi.waitFor(() => expect(reports(browser)).toEqual([['multiple-sclerosis', 'myokymia', 'gabapentin']]), {
      timeout: 2000,
    });

    browser.change({ disabledSites: ['news.example.org'] });
    await vi.waitFor(() => expect(marks()).toHaveLength(0), { timeout: 3000 });
    expect(l.active).toBe(false);
    expect(document.body.innerHTML).toBe(PAGE);
    await vi.waitFor(() => expect(reports(browser).at(-1)).toEqual([]), { timeout: 2000 });
    expect(reports(browser)).toHaveLength(2);
  });

  it('answers the popup: the terms on the page, and revealing one loads the popover view on first use', async () => {
    document.body.innerHTML = PAGE;
    const browser = fakeBrowser();
    const l = await start(browser);
    await settled(l);
    const tab = browser.tab as TabHandlers;
    const terms = tab['get-page-terms']({ type: 'get-page-terms' }, {}) as { terms: { id: string }[] };
    expect(terms.terms.map((t) => t.id)).toEqual(['multiple-sclerosis', 'myokymia', 'gabapentin']);

    expect(tab['reveal-term']({ type: 'reveal-term', id: 'ocrelizumab' }, {})).toBe(false);
    expect(tab['reveal-term']({ type: 'reveal-term', id: 'myokymia' }, {})).toBe(true);
    await vi.waitFor(() => expect(shown).toEqual(['myokymia']), { timeout: 2000 });
    expect(browser.asked.filter((r) => r.type === 'load-popover')).toHaveLength(1);
    expect(document.activeElement?.textContent).toBe('myokymia');

    // The next term after the focused one; the view is already loaded.
    expect(tab['step-term']({ type: 'step-term', direction: 1 }, {})).toBe(true);
    await vi.waitFor(() => expect(shown).toEqual(['myokymia', 'gabapentin']), { timeout: 2000 });
    expect(browser.asked.filter((r) => r.type === 'load-popover')).toHaveLength(1);
  });

  it('leaves the page clean when a newer copy takes over', async () => {
    document.body.innerHTML = PAGE;
    const browser = fakeBrowser();
    const l = await start(browser);
    await settled(l);
    expect(marks()).toHaveLength(3);
    document.dispatchEvent(new CustomEvent(NAMES.handoverEvent));
    expect(l.active).toBe(false);
    expect(document.body.innerHTML).toBe(PAGE);
    expect(document.querySelectorAll('style')).toHaveLength(0);
    expect(browser.settingsChanged).toBeNull();
    expect(browser.tab).toBeNull();
  });

  it('leaves the page clean when the extension goes away under it, and not while it lives', async () => {
    document.body.innerHTML = PAGE;
    const browser = fakeBrowser();
    browser.failing = true;
    const l = await start(browser);
    await settled(l);
    // The report fails, but the extension still lives (a busy background): the highlights stay.
    await vi.waitFor(() => expect(reports(browser)).toHaveLength(1), { timeout: 2000 });
    await new Promise((r) => setTimeout(r, 20));
    expect(l.active).toBe(true);

    browser.alive = false;
    document.body.insertAdjacentHTML('beforeend', '<p>ocrelizumab</p>');
    await vi.waitFor(() => expect(reports(browser)).toHaveLength(2), { timeout: 3000 });
    await vi.waitFor(() => expect(l.active).toBe(false), { timeout: 1000 });
    expect(marks()).toHaveLength(0);
    expect(browser.tab).toBeNull();
  });

  it('starts over on a single-page app’s navigation, and only when the address changed', async () => {
    document.body.innerHTML = PAGE;
    const browser = fakeBrowser();
    const l = await start(browser);
    await settled(l);
    const navigated = vi.spyOn(Highlighter.prototype, 'onNavigate');
    browser.navigation.dispatchEvent(new Event('currententrychange'));
    await new Promise((r) => setTimeout(r, 20));
    expect(navigated).not.toHaveBeenCalled();
    browser.url = 'https://news.example.org/ms/page-2';
    browser.navigation.dispatchEvent(new Event('currententrychange'));
    await vi.waitFor(() => expect(navigated).toHaveBeenCalledTimes(1), { timeout: 1000 });
    navigated.mockRestore();
  });
});
