/**
 * Where settings live: typed wxt/storage items in storage.sync, so they follow
 * the reader across their browsers. Term choices sit in their own item because
 * storage.sync limits each item to 8 KB. Every read goes through
 * repairSettings, so a corrupt stored value can never crash a page or the UI.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Repaired, repairSettings, type Settings } from '../core/settings.ts';

type Stored = Record<string, unknown>;

/** Everything but the term list. */
export const prefsItem = storage.defineItem<Stored>('sync:settings', {
  fallback: {},
  version: 1,
});

/** Ids of glossary entries the reader turned off (the first chunk of the list; see below). */
export const disabledTermsItem = storage.defineItem<unknown>('sync:disabledTerms', {
  fallback: [],
  version: 1,
});

/**
 * storage.sync refuses an item over 8 KB, and "Select none" turns off every
 * entry (about 12 KB of ids for 735 entries). So the list is kept in chunks:
 * the first in `disabledTerms`, the rest in `disabledTerms.1`, `.2`, ...
 */
const CHUNK_BYTES = 6000;
const MAX_CHUNKS = 16;
const extraChunkKeys = Array.from({ length: MAX_CHUNKS - 1 }, (_, i) => `sync:disabledTerms.${i + 1}` as const);

/** Splits ids into lists whose JSON stays under the per-item limit. */
export function chunkIds(ids: readonly string[], maxBytes = CHUNK_BYTES): string[][] {
  const chunks: string[][] = [[]];
  let size = 2;
  for (const id of ids) {
    const cost = id.length + 3;
    if (size + cost > maxBytes && (chunks.at(-1)?.length ?? 0) > 0) {
      chunks.push([]);
      size = 2;
    }
    chunks.at(-1)?.push(id);
    size += cost;
  }
  return chunks;
}

/** The whole stored list: the first chunk, then every further chunk until one is missing. */
async function readDisabledTerms(): Promise<unknown> {
  const [first, ...rest] = await storage.getItems([disabledTermsItem, ...extraChunkKeys]);
  const head = first?.value;
  if (!Array.isArray(head)) return head; // damaged: repairSettings deals with it
  const out: unknown[] = [...head];
  for (const chunk of rest) {
    if (!Array.isArray(chunk.value)) break;
    out.push(...chunk.value);
  }
  return out;
}

async function writeDisabledTerms(ids: readonly string[]): Promise<void> {
  const [head = [], ...tail] = chunkIds(ids);
  // Further chunks first and the first chunk last, so a reader woken by the
  // first chunk's change reads the whole new list.
  if (tail.length > 0) {
    await storage.setItems(
      tail.map((value, i) => ({ key: extraChunkKeys[i] as (typeof extraChunkKeys)[number], value })),
    );
  }
  await storage.removeItems(extraChunkKeys.slice(tail.length));
  await disabledTermsItem.setValue(head);
}

function combine(prefs: unknown, terms: unknown): Repaired {
  const isObject = prefs !== null && typeof prefs === 'object' && !Array.isArray(prefs);
  const repaired = repairSettings({ ...(isObject ? (prefs as Stored) : {}), disabledTerms: terms });
  if (!isObject && prefs != null) {
    repaired.problems.unshift('The stored settings were not readable; defaults were used for them.');
  }
  return repaired;
}

/** Reads and repairs the settings. Never throws: storage errors give defaults. */
export async function loadSettings(): Promise<Repaired> {
  try {
    const [prefs, terms] = await Promise.all([prefsItem.getValue(), readDisabledTerms()]);
    return combine(prefs, terms);
  } catch (err) {
    return {
      settings: structuredClone(DEFAULT_SETTINGS) as Settings,
      problems: [`Settings could not be read: ${String(err)}`],
    };
  }
}

/** Writes the given fields, keeping the rest. */
export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  const { settings } = await loadSettings();
  const next = { ...settings, ...patch };
  await writeSettings(next);
}

/**
 * Turns one term off or back on ("I know this word" and its Undo in the
 * popover). The options page shows it unticked, and can tick it again.
 */
export async function setTermOff(id: string, off: boolean): Promise<void> {
  const { settings } = await loadSettings();
  const next = new Set(settings.disabledTerms);
  if (off) next.add(id);
  else next.delete(id);
  await writeSettings({ ...settings, disabledTerms: [...next].sort() });
}

/** Replaces all settings (import, reset). Only items that change are written. */
export async function writeSettings(settings: Settings): Promise<void> {
  const { disabledTerms, ...prefs } = settings;
  const { settings: current } = await loadSettings();
  const { disabledTerms: currentTerms, ...currentPrefs } = current;
  const jobs: Promise<void>[] = [];
  if (JSON.stringify(currentPrefs) !== JSON.stringify(prefs)) jobs.push(prefsItem.setValue(prefs));
  if (JSON.stringify(currentTerms) !== JSON.stringify(disabledTerms)) jobs.push(writeDisabledTerms(disabledTerms));
  await Promise.all(jobs);
}

/** Calls `onChange` with repaired settings whenever either item changes. */
export function watchSettings(onChange: (repaired: Repaired) => void): () => void {
  const reload = () => {
    void loadSettings().then(onChange);
  };
  const unwatchPrefs = prefsItem.watch(reload);
  const unwatchTerms = [disabledTermsItem, ...extraChunkKeys].map((item) =>
    typeof item === 'string' ? storage.watch(item, reload) : item.watch(reload),
  );
  return () => {
    unwatchPrefs();
    for (const unwatch of unwatchTerms) unwatch();
  };
}

/** A random name, made once per install, for everything MS Lens puts in pages. */
export const pageKeyItem = storage.defineItem<string>('local:pageKey', {
  fallback: '',
});

const KEY_PATTERN = /^[a-z][a-z0-9]{7}$/;

function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const rest = Array.from(bytes.slice(1), (b) => alphabet[b % 36]).join('');
  return `${alphabet[(bytes[0] ?? 0) % 26]}${rest}`;
}

/** The install's page key, created on first use. */
export async function getPageKey(): Promise<string> {
  const existing = await pageKeyItem.getValue();
  if (KEY_PATTERN.test(existing)) return existing;
  await pageKeyItem.setValue(randomKey());
  // Read back: if two contexts raced to create it, both now use the stored one.
  return pageKeyItem.getValue();
}

/**
 * Test builds only (src/page/test-hooks.ts): lower limits and throttle for the
 * highlighter, set by a test in local storage, so that hours of a busy page
 * fit in seconds. Anything but an object of numbers is ignored.
 */
export async function loadTestLimits(key: string): Promise<Record<string, number>> {
  const stored = (await storage.getItem<unknown>(`local:${key}`).catch(() => null)) ?? {};
  if (typeof stored !== 'object' || Array.isArray(stored)) return {};
  return Object.fromEntries(Object.entries(stored).filter(([, v]) => typeof v === 'number' && v >= 0));
}
