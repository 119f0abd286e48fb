/**
 * Where settings live: storage.sync, so they follow the reader across their
 * browsers, in the format of src/core/settings-format.ts (only what the
 * reader changed, one item per field). Every read goes through
 * repairSettings, so a corrupt stored value can never crash a page or the UI.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Repaired, type Settings } from '../core/settings.ts';
import {
  type ItemChanges,
  type Items,
  migrate,
  planWrite,
  readSettings,
  SETTINGS_ITEM_KEYS,
} from '../core/settings-format.ts';

export { chunkIds } from '../core/settings-format.ts';

const SETTINGS_ITEMS = new Set(SETTINGS_ITEM_KEYS);

async function readItems(): Promise<Items> {
  return browser.storage.sync.get([...SETTINGS_ITEM_KEYS]);
}

/** Sets first, then removes: a reader woken in between never finds fewer settings than before. */
async function applyChanges({ set, remove }: ItemChanges): Promise<void> {
  if (Object.keys(set).length > 0) await browser.storage.sync.set(set);
  if (remove.length > 0) await browser.storage.sync.remove(remove);
}

/** Brings stored settings to the current format; returns the stored items afterwards. */
async function migrated(): Promise<Items> {
  const items = await readItems();
  const changes = migrate(items);
  if (!changes) return items;
  await applyChanges(changes);
  return readItems();
}

/**
 * Runs the numbered migrations of the stored settings (the background does
 * this once it starts; until then reads understand every format).
 */
export async function migrateSettings(): Promise<void> {
  await migrated();
}

/** Reads and repairs the settings. Never throws: storage errors give defaults. */
export async function loadSettings(): Promise<Repaired> {
  try {
    return readSettings(await readItems());
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

/**
 * Replaces all settings (import, reset). Only fields that differ from what is
 * stored are written, and fields at their default are removed from storage.
 */
export async function writeSettings(settings: Settings): Promise<void> {
  await applyChanges(planWrite(await migrated(), settings));
}

/** Calls `onChange` with repaired settings whenever stored settings change. */
export function watchSettings(onChange: (repaired: Repaired) => void): () => void {
  // Loads can finish out of order: only the latest is reported.
  let latest = 0;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'sync' || !Object.keys(changes).some((key) => SETTINGS_ITEMS.has(key))) return;
    const mine = ++latest;
    void loadSettings().then((repaired) => {
      if (mine === latest) onChange(repaired);
    });
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
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
