/**
 * The combined regex for the reader's selection of terms, built once when the
 * selection changes and kept in local storage, so pages never build it
 * themselves (building it takes tens of milliseconds; pages must not pay that
 * on every load). The regex for the default selection (every entry of the
 * default level) ships prebuilt in the bundle.
 */
import index, { defaultHidden, pattern as defaultPattern, version } from 'virtual:glossary-index';
import { storage } from 'wxt/utils/storage';
import { enabledIndex } from '../core/glossary-index.ts';
import { buildPattern } from '../core/matcher.ts';

interface CachedPattern {
  key: string;
  pattern: string;
}

const patternItem = storage.defineItem<CachedPattern | null>('local:patternCache', { fallback: null });
const DEFAULT_KEY = defaultHidden.join(',');

/** Whether `hidden` (sorted ids) is the default selection, whose regex is prebuilt. */
function isDefault(hidden: readonly string[]): boolean {
  return hidden.join(',') === DEFAULT_KEY;
}

/** Identifies a selection of terms for this glossary version. */
export function selectionKey(hidden: readonly string[]): string {
  return `${version}:${hidden.join(',')}`;
}

/** The regex source for every entry but the `hidden` ones (sorted ids), built now if need be. */
export function patternFor(hidden: readonly string[]): string {
  return isDefault(hidden) ? defaultPattern : buildPattern(enabledIndex(index, new Set(hidden)));
}

/** Builds and stores the regex for a selection, unless it is prebuilt or already stored. */
export async function cachePatternFor(hidden: readonly string[]): Promise<void> {
  if (isDefault(hidden)) return;
  const key = selectionKey(hidden);
  if ((await patternItem.getValue())?.key === key) return;
  await patternItem.setValue({ key, pattern: patternFor(hidden) });
}

/** The prebuilt or stored regex for a selection, or null if none is stored yet. */
export async function cachedPatternFor(hidden: readonly string[]): Promise<string | null> {
  if (isDefault(hidden)) return defaultPattern;
  const cached = await patternItem.getValue().catch(() => null);
  return cached?.key === selectionKey(hidden) ? cached.pattern : null;
}
