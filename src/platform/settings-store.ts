/**
 * Where settings live: typed wxt/storage items in storage.sync, so they follow
 * the reader across their browsers. Term choices sit in their own item because
 * storage.sync limits each item to 8 KB. Every read goes through
 * repairSettings, so a corrupt stored value can never crash a page or the UI.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Repaired, repairSettings, type Settings } from '../core/settings.ts';
import { cachePatternFor } from './pattern-cache.ts';

type Stored = Record<string, unknown>;

/** Everything but the term list. */
export const prefsItem = storage.defineItem<Stored>('sync:settings', {
  fallback: {},
  version: 1,
});

/** Ids of glossary entries the reader turned off. */
export const disabledTermsItem = storage.defineItem<unknown>('sync:disabledTerms', {
  fallback: [],
  version: 1,
});

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
    const [prefs, terms] = await Promise.all([prefsItem.getValue(), disabledTermsItem.getValue()]);
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

/** Replaces all settings (import, reset). Only items that change are written. */
export async function writeSettings(settings: Settings): Promise<void> {
  const { disabledTerms, ...prefs } = settings;
  const { settings: current } = await loadSettings();
  const { disabledTerms: currentTerms, ...currentPrefs } = current;
  const jobs: Promise<void>[] = [];
  if (JSON.stringify(currentPrefs) !== JSON.stringify(prefs)) jobs.push(prefsItem.setValue(prefs));
  if (JSON.stringify(currentTerms) !== JSON.stringify(disabledTerms)) {
    // Pages pick up the new selection's regex from the cache, so write it first.
    await cachePatternFor(new Set(disabledTerms));
    jobs.push(disabledTermsItem.setValue(disabledTerms));
  }
  await Promise.all(jobs);
}

/** Calls `onChange` with repaired settings whenever either item changes. */
export function watchSettings(onChange: (repaired: Repaired) => void): () => void {
  const reload = () => {
    void loadSettings().then(onChange);
  };
  const unwatchPrefs = prefsItem.watch(reload);
  const unwatchTerms = disabledTermsItem.watch(reload);
  return () => {
    unwatchPrefs();
    unwatchTerms();
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
