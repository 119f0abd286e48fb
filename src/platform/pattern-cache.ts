/**
 * The combined regex for the reader's selection of terms, built once when the
 * selection changes and kept in local storage, so pages never build it
 * themselves (building it takes tens of milliseconds; pages must not pay that
 * on every load). The whole glossary's regex ships prebuilt in the bundle.
 */
import index, { pattern as fullPattern, version } from 'virtual:glossary-index';
import { storage } from 'wxt/utils/storage';
import { enabledIndex } from '../core/glossary-index.ts';
import { buildPattern } from '../core/matcher.ts';

interface CachedPattern {
  key: string;
  pattern: string;
}

const patternItem = storage.defineItem<CachedPattern | null>('local:patternCache', { fallback: null });

/** Identifies a selection of terms for this glossary version. */
export function selectionKey(disabled: Iterable<string>): string {
  return `${version}:${[...disabled].sort().join(',')}`;
}

/** The regex source for everything but `disabled`, built now. */
export function patternFor(disabled: ReadonlySet<string>): string {
  return disabled.size === 0 ? fullPattern : buildPattern(enabledIndex(index, disabled));
}

/** Builds and stores the regex for a selection, unless it is already stored. */
export async function cachePatternFor(disabled: ReadonlySet<string>): Promise<void> {
  if (disabled.size === 0) return;
  const key = selectionKey(disabled);
  if ((await patternItem.getValue())?.key === key) return;
  await patternItem.setValue({ key, pattern: patternFor(disabled) });
}

/** The stored regex for a selection, or null if none is stored yet. */
export async function cachedPatternFor(disabled: ReadonlySet<string>): Promise<string | null> {
  if (disabled.size === 0) return fullPattern;
  const cached = await patternItem.getValue().catch(() => null);
  return cached?.key === selectionKey(disabled) ? cached.pattern : null;
}
