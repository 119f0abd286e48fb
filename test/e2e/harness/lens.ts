/**
 * End-to-end helpers that know MS Lens: read and write its settings through an
 * extension page, find its highlights and popover in a page by the install's
 * random names, and wait for them.
 */
import { DEFAULT_SETTINGS, type Settings } from '../../../src/core/settings.ts';
import { CURRENT_FORMAT, FORMAT_KEY, fieldKey, readSettings, TERM_KEYS } from '../../../src/core/settings-format.ts';
import type { LIMITS } from '../../../src/page/highlighter.ts';
import { TEST_LIMITS_KEY } from '../../../src/page/test-names.ts';
import type { Driver, Tab } from './browsers.ts';

export interface Names {
  key: string;
  mark: string;
  idAttr: string;
  host: string;
}

/** The few extension APIs the tests call from an extension page. */
interface Api {
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(key: string): Promise<void>;
    };
    sync: {
      get(key: string | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string[]): Promise<void>;
      clear(): Promise<void>;
    };
  };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  scripting: { getRegisteredContentScripts(filter: object): Promise<{ excludeMatches?: string[] }[]> };
}
declare const chrome: Api;

/** The install's page names, read from extension storage. */
export async function lensNames(driver: Driver): Promise<Names> {
  const control = await driver.control();
  await control.waitFor(async () => {
    const api = ((globalThis as unknown as { browser?: Api }).browser ?? chrome) as Api;
    return (await api.storage.local.get('pageKey')).pageKey;
  });
  const key = await control.evaluate(async () => {
    const api = ((globalThis as unknown as { browser?: Api }).browser ?? chrome) as Api;
    return (await api.storage.local.get('pageKey')).pageKey as string;
  });
  return { key, mark: `mark.${key}`, idAttr: `data-${key}`, host: `${key}-box` };
}

/** Merges settings into storage in its current format (src/core/settings-format.ts), as the options page would. */
export async function setSettings(driver: Driver, patch: Partial<Settings>): Promise<void> {
  const set: Record<string, unknown> = { [FORMAT_KEY]: CURRENT_FORMAT };
  const remove: string[] = [];
  const { disabledTerms, ...prefs } = patch;
  for (const [key, value] of Object.entries(prefs) as [Exclude<keyof Settings, 'disabledTerms'>, unknown][]) {
    if (JSON.stringify(value) === JSON.stringify(DEFAULT_SETTINGS[key])) remove.push(fieldKey(key));
    else set[fieldKey(key)] = value;
  }
  // Test lists are short: one chunk.
  if (disabledTerms?.length) set.disabledTerms = disabledTerms;
  else if (disabledTerms) remove.push(...TERM_KEYS);
  await writeSyncItems(driver, set, remove);
}

/** Sets and removes items in storage.sync directly (for damaged values that no MS Lens code would write). */
export async function writeSyncItems(
  driver: Driver,
  set: Record<string, unknown>,
  remove: string[] = [],
): Promise<void> {
  const control = await driver.control();
  await control.evaluate(
    async (items: { set: Record<string, unknown>; remove: string[] }) => {
      const api = ((globalThis as unknown as { browser?: Api }).browser ?? chrome) as Api;
      await api.storage.sync.set(items.set);
      if (items.remove.length > 0) await api.storage.sync.remove(items.remove);
    },
    { set, remove },
  );
}

/**
 * Waits until the background has registered the content script with `host`
 * excluded (a site switched off): pages loaded before that still get the script.
 */
export async function waitForSiteExcluded(driver: Driver, host: string): Promise<void> {
  const control = await driver.control();
  await control.waitFor(async (site: string) => {
    const api = ((globalThis as unknown as { browser?: Api }).browser ?? chrome) as Api;
    const scripts = await api.scripting.getRegisteredContentScripts({});
    return scripts.some((s) => (s.excludeMatches ?? []).some((p) => p.includes(`//${site}/`)));
  }, host);
}

/** The settings as stored, read as MS Lens reads them. */
export async function storedSettings(driver: Driver): Promise<Settings> {
  const control = await driver.control();
  const items = await control.evaluate(async () => {
    const api = ((globalThis as unknown as { browser?: Api }).browser ?? chrome) as Api;
    return api.storage.sync.get(null);
  });
  return readSettings(items).settings;
}

/**
 * Runs `fn` with the highlighter's limits and throttle lowered (test builds
 * read them when MS Lens starts in a page, so open the pages inside `fn`), so
 * that minutes of a busy page fit in seconds.
 */
export async function withTestLimits<T>(
  driver: Driver,
  limits: Partial<typeof LIMITS>,
  fn: () => Promise<T>,
): Promise<T> {
  const control = await driver.control();
  await control.evaluate(
    (items: Record<string, unknown>) =>
      (((globalThis as unknown as { browser?: Api }).browser ?? chrome) as Api).storage.local.set(items),
    { [TEST_LIMITS_KEY]: limits },
  );
  try {
    return await fn();
  } finally {
    await control.evaluate(
      (key: string) =>
        (((globalThis as unknown as { browser?: Api }).browser ?? chrome) as Api).storage.local.remove(key),
      TEST_LIMITS_KEY,
    );
  }
}

/** Back to defaults. */
export async function resetSettings(driver: Driver): Promise<void> {
  const control = await driver.control();
  await control.evaluate(async () => {
    const api = ((globalThis as unknown as { browser?: Api }).browser ?? chrome) as Api;
    // Everything in sync is settings: the preferences, and the term list in its chunks.
    await api.storage.sync.clear();
  });
}

/** The browser's id of a tab the driver opened (as the popup's `?tab=` takes it). */
export function tabIdOf(tab: Tab): number {
  if (tab.tabId === null) throw new Error(`the browser's id of the tab showing ${tab.url()} is not known`);
  return tab.tabId;
}

/** "entry-id:text" for every highlight in the page, in document order. */
export function markedIds(tab: Tab, names: Names): Promise<string[]> {
  return tab.evaluate(
    (n: Names) => [...document.querySelectorAll(n.mark)].map((m) => `${m.getAttribute(n.idAttr)}:${m.textContent}`),
    names,
  );
}

/** Waits until the page has a highlight for `entryId`. */
export async function waitForMark(tab: Tab, names: Names, entryId: string, timeoutMs = 10_000): Promise<void> {
  await tab.waitFor(
    ([n, id]: [Names, string]) => document.querySelector(`${n.mark}[${n.idAttr}="${id}"]`) !== null,
    [names, entryId] as [Names, string],
    timeoutMs,
  );
}

/** Waits until the page has no highlights at all. */
export async function waitForNoMarks(tab: Tab, names: Names, timeoutMs = 10_000): Promise<void> {
  await tab.waitFor((n: Names) => document.querySelectorAll(n.mark).length === 0, names, timeoutMs);
}

/** CSS selector of the first highlight of an entry. */
export function markSelector(names: Names, entryId: string): string {
  return `${names.mark}[${names.idAttr}="${entryId}"]`;
}

export interface PopoverState {
  open: boolean;
  /** Text of the term heading. */
  term: string | null;
  /** All visible text. */
  text: string;
  /** Accessible name source of the dialog. */
  dialogLabel: string | null;
  /** Which element has focus inside the popover (tag.class), if any. */
  focused: string | null;
}

/** What the popover shows right now. */
export function popover(tab: Tab, names: Names): Promise<PopoverState> {
  return tab.evaluate((n: Names) => {
    const host = document.querySelector(n.host);
    const root = host?.shadowRoot;
    if (!root) return { open: false, term: null, text: '', dialogLabel: null, focused: null };
    const dialog = root.querySelector('[role="dialog"]');
    const labelId = dialog?.getAttribute('aria-labelledby');
    const active = root.activeElement;
    return {
      open: true,
      term: root.querySelector('.tc-term')?.textContent ?? null,
      text: root.querySelector('.pop-panel')?.textContent ?? '',
      dialogLabel: labelId
        ? (root.getElementById(labelId)?.textContent ?? null)
        : (dialog?.getAttribute('aria-label') ?? null),
      focused: active ? `${active.localName}.${active.className}` : null,
    };
  }, names);
}

export async function waitForPopover(tab: Tab, names: Names, term: string, timeoutMs = 10_000): Promise<void> {
  await tab.waitFor(
    ([n, t]: [Names, string]) =>
      document.querySelector(n.host)?.shadowRoot?.querySelector('.tc-term')?.textContent === t,
    [names, term] as [Names, string],
    timeoutMs,
  );
}

export async function waitForNoPopover(tab: Tab, names: Names, timeoutMs = 10_000): Promise<void> {
  await tab.waitFor((n: Names) => document.querySelector(n.host) === null, names, timeoutMs);
}

/** Clicks a button inside the popover by its visible text or aria-label. */
export async function clickInPopover(tab: Tab, names: Names, label: string): Promise<void> {
  const rect = await tab.evaluate(
    ([n, l]: [Names, string]) => {
      const root = document.querySelector(n.host)?.shadowRoot;
      const button = [...(root?.querySelectorAll('button') ?? [])].find(
        (b) => b.textContent?.trim().endsWith(l) || b.getAttribute('aria-label') === l,
      );
      if (!button) return null;
      button.scrollIntoView({ block: 'nearest' }); // the popover scrolls when its content is long
      const r = button.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    },
    [names, label] as [Names, string],
  );
  if (!rect) throw new Error(`no "${label}" button in the popover`);
  await tab.mouseMove(rect.x, rect.y);
  const raw = tab.raw as { mouse: { down(): Promise<void>; up(): Promise<void> } };
  await raw.mouse.down();
  await raw.mouse.up();
}
