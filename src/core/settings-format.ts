/**
 * How settings sit in storage.sync, and the numbered migrations between
 * formats. Pure: src/platform/settings-store.ts reads and writes the items.
 *
 * Format 2 (current) stores only what the reader changed, one item per field:
 * `setting.theme`, `setting.hoverDelayMs`, ... A field at its default has no
 * item, so a later change of a default reaches every reader who never chose
 * that field, and two devices changing different fields never overwrite each
 * other. The term list keeps its own items, in chunks (`disabledTerms`,
 * `disabledTerms.1`, ...), because storage.sync refuses an item over 8 KB and
 * "Select none" turns off about 12 KB of ids.
 *
 * Format 1 (MS Lens 0.1) kept every field but the term list, defaults
 * included, in one `settings` item, and the term list as in format 2.
 */
import {
  DEFAULT_SETTINGS,
  type Repaired,
  repairSettings,
  SETTINGS_KEYS,
  type Settings,
  type SettingsKey,
} from './settings.ts';

/** Stored items by key (without the storage area). */
export type Items = Record<string, unknown>;

/** What to write: items to set, then keys to remove. */
export interface ItemChanges {
  set: Items;
  remove: string[];
}

export const CURRENT_FORMAT = 2;
/** The format number of the stored settings. Absent before format 2. */
export const FORMAT_KEY = 'settingsFormat';
/** Format 1: every field but the term list, in one item. */
export const LEGACY_KEY = 'settings';
const FIELD_PREFIX = 'setting.';

type PrefKey = Exclude<SettingsKey, 'disabledTerms'>;
const PREF_KEYS = SETTINGS_KEYS.filter((k): k is PrefKey => k !== 'disabledTerms');

/** The item of one field (format 2). */
export function fieldKey(key: PrefKey): string {
  return `${FIELD_PREFIX}${key}`;
}

/** Bytes of JSON per chunk of the term list, well under storage.sync's 8 KB per item. */
const CHUNK_BYTES = 6000;
const MAX_CHUNKS = 16;
/** The term list's items, in order: the first chunk, then `disabledTerms.1`, `.2`, ... */
export const TERM_KEYS: readonly string[] = [
  'disabledTerms',
  ...Array.from({ length: MAX_CHUNKS - 1 }, (_, i) => `disabledTerms.${i + 1}`),
];

/** Every item that holds settings, in any format. */
export const SETTINGS_ITEM_KEYS: readonly string[] = [FORMAT_KEY, LEGACY_KEY, ...PREF_KEYS.map(fieldKey), ...TERM_KEYS];

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

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The stored format. Without a usable format number: 1 when a format-1 item
 * is there, else 2 (nothing stored yet, so nothing to migrate).
 */
export function formatOf(items: Items): number {
  const n = items[FORMAT_KEY];
  if (typeof n === 'number' && Number.isInteger(n) && n >= 1) return n;
  return items[LEGACY_KEY] !== undefined ? 1 : 2;
}

/** The whole stored term list: the first chunk, then every further chunk until one is missing. */
function storedTerms(items: Items): unknown {
  const [firstKey, ...restKeys] = TERM_KEYS;
  const head = items[firstKey as string];
  if (!Array.isArray(head)) return head; // absent, or damaged: repairSettings deals with it
  const out: unknown[] = [...head];
  for (const key of restKeys) {
    const chunk = items[key];
    if (!Array.isArray(chunk)) break;
    out.push(...chunk);
  }
  return out;
}

/**
 * Reads settings from stored items of any format, repaired. Never throws; bad
 * fields fall back to their defaults and are reported.
 */
export function readSettings(items: Items): Repaired {
  let prefs: Record<string, unknown> = {};
  let unreadable = false;
  if (formatOf(items) === 1) {
    const legacy = items[LEGACY_KEY];
    if (isPlainObject(legacy)) prefs = legacy;
    else unreadable = legacy != null;
  } else {
    for (const key of PREF_KEYS) {
      if (items[fieldKey(key)] !== undefined) prefs[key] = items[fieldKey(key)];
    }
  }
  const { disabledTerms: _ignored, ...withoutTerms } = prefs;
  const repaired = repairSettings({ ...withoutTerms, disabledTerms: storedTerms(items) });
  if (unreadable) repaired.problems.unshift('The stored settings were not readable; defaults were used for them.');
  return repaired;
}

/**
 * The changes that make the term list's items hold `ids`, or none when the
 * list as read (repaired) already is `ids`: a damaged list is rewritten only
 * when the reader changes it, never as a side effect of another change.
 */
function termChanges(items: Items, ids: readonly string[]): ItemChanges {
  if (same(readSettings(items).settings.disabledTerms, ids)) return { set: {}, remove: [] };
  const present = TERM_KEYS.filter((k) => items[k] !== undefined);
  // At its default (empty), the list has no items at all.
  if (ids.length === 0) return { set: {}, remove: present };
  const chunks = chunkIds(ids);
  const set: Items = {};
  chunks.forEach((chunk, i) => {
    set[TERM_KEYS[i] as string] = chunk;
  });
  return { set, remove: present.filter((k) => !(k in set)) };
}

/**
 * The changes that make format-2 `items` hold `next`: only fields that differ
 * from what is stored are written, and fields at their default lose their item.
 * The format number is written with the first change.
 */
export function planWrite(items: Items, next: Settings): ItemChanges {
  const changes = termChanges(items, next.disabledTerms);
  if (formatOf(items) === CURRENT_FORMAT && items[FORMAT_KEY] !== CURRENT_FORMAT) {
    changes.set[FORMAT_KEY] = CURRENT_FORMAT;
  }
  for (const key of PREF_KEYS) {
    const item = fieldKey(key);
    if (same(next[key], DEFAULT_SETTINGS[key])) {
      if (items[item] !== undefined) changes.remove.push(item);
    } else if (!same(items[item], next[key])) {
      changes.set[item] = next[key];
    }
  }
  return changes;
}

/**
 * Format 1 to 2: each field of the `settings` item that differs from its
 * default gets its own item, then `settings` goes. A `settings` item that was
 * not wholly readable is left where it is: nothing the reader stored is
 * deleted unless it was carried over.
 */
function toFormat2(items: Items): ItemChanges {
  const legacy = items[LEGACY_KEY];
  const set: Items = { [FORMAT_KEY]: 2 };
  if (!isPlainObject(legacy)) return { set, remove: [] };
  const { disabledTerms: _ignored, ...prefs } = legacy;
  const { settings, problems } = repairSettings(prefs);
  for (const key of PREF_KEYS) {
    if (!same(settings[key], DEFAULT_SETTINGS[key])) set[fieldKey(key)] = settings[key];
  }
  // WXT kept a version for the old item under `settings$`.
  return { set, remove: problems.length === 0 ? [LEGACY_KEY, `${LEGACY_KEY}$`] : [] };
}

/** Numbered migrations: `MIGRATIONS[n]` turns items of format n - 1 into format n. */
export const MIGRATIONS: Readonly<Record<number, (items: Items) => ItemChanges>> = { 2: toFormat2 };

/** Applies changes to a copy of `items`. */
export function applyChanges(items: Items, changes: ItemChanges): Items {
  const out = { ...items, ...changes.set };
  for (const key of changes.remove) if (!(key in changes.set)) delete out[key];
  return out;
}

/**
 * The changes that bring stored items to the current format, each migration
 * in turn, or null when they are current (or from a newer MS Lens, which are
 * left alone).
 */
export function migrate(items: Items): ItemChanges | null {
  const from = formatOf(items);
  if (from >= CURRENT_FORMAT) return null;
  let current = items;
  const total: ItemChanges = { set: {}, remove: [] };
  for (let n = from + 1; n <= CURRENT_FORMAT; n++) {
    const step = MIGRATIONS[n];
    if (!step) continue;
    const changes = step(current);
    current = applyChanges(current, changes);
    for (const key of changes.remove) delete total.set[key];
    Object.assign(total.set, changes.set);
    total.remove.push(...changes.remove.filter((k) => !(k in changes.set)));
  }
  return total;
}
