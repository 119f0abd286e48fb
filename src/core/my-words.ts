/**
 * "My words": terms the reader saved, each with a free-text note,
 * and optionally the terms they opened in the last 30 days. Pure: the list's
 * schema, changes, repair of bad stored values and the export/import format.
 */
import * as v from 'valibot';
import { ENTRY_ID_PATTERN } from './glossary-types.ts';

export const MAX_WORDS = 500;
export const MAX_NOTE_CHARS = 1000;
export const MAX_HISTORY = 500;
export const HISTORY_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

const id = v.pipe(v.string(), v.maxLength(64), v.regex(ENTRY_ID_PATTERN));
const time = v.pipe(v.number(), v.integer(), v.minValue(0));

export const SavedWordSchema = v.object({
  id,
  savedAt: time,
  note: v.pipe(v.string(), v.maxLength(MAX_NOTE_CHARS)),
});
export const OpenedSchema = v.object({ id, at: time });

export type SavedWord = v.InferOutput<typeof SavedWordSchema>;
export type Opened = v.InferOutput<typeof OpenedSchema>;

export interface MyWords {
  words: SavedWord[];
  history: Opened[];
}

export const EMPTY_WORDS: Readonly<MyWords> = Object.freeze({ words: [], history: [] });

/** Keeps the good items of whatever is stored, one per id; never throws. */
export function repairWords(raw: unknown): MyWords {
  const source = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const seen = new Set<string>();
  const words = (Array.isArray(source.words) ? source.words : [])
    .filter((w): w is SavedWord => v.is(SavedWordSchema, w))
    .filter((w) => !seen.has(w.id) && seen.add(w.id))
    .slice(0, MAX_WORDS);
  const history = (Array.isArray(source.history) ? source.history : [])
    .filter((h): h is Opened => v.is(OpenedSchema, h))
    .slice(-MAX_HISTORY);
  return {
    words: words.map((w) => ({ id: w.id, savedAt: w.savedAt, note: w.note })),
    history: history.map((h) => ({ id: h.id, at: h.at })),
  };
}

export function isSaved(list: MyWords, entryId: string): boolean {
  return list.words.some((w) => w.id === entryId);
}

/** Saves a term (newest first); saving one already saved changes nothing. */
export function saveWord(list: MyWords, entryId: string, now = Date.now()): MyWords {
  if (isSaved(list, entryId)) return list;
  return { ...list, words: [{ id: entryId, savedAt: now, note: '' }, ...list.words].slice(0, MAX_WORDS) };
}

export function removeWord(list: MyWords, entryId: string): MyWords {
  return { ...list, words: list.words.filter((w) => w.id !== entryId) };
}

export function setNote(list: MyWords, entryId: string, note: string): MyWords {
  const text = note.slice(0, MAX_NOTE_CHARS);
  return { ...list, words: list.words.map((w) => (w.id === entryId ? { ...w, note: text } : w)) };
}

/** Drops history older than 30 days. */
export function recentHistory(history: readonly Opened[], now = Date.now()): Opened[] {
  return history.filter((h) => h.at > now - HISTORY_DAYS * DAY_MS && h.at <= now + DAY_MS);
}

/** Records that a term was opened (one record per term: its latest opening). */
export function recordOpened(list: MyWords, entryId: string, now = Date.now()): MyWords {
  const history = recentHistory(list.history, now).filter((h) => h.id !== entryId);
  history.push({ id: entryId, at: now });
  return { ...list, history: history.slice(-MAX_HISTORY) };
}

export const WORDS_FORMAT = 'ms-lens-my-words';
export const WORDS_VERSION = 1;
/** Larger files are refused before parsing. */
export const MAX_WORDS_IMPORT_BYTES = 1024 * 1024;

/** Serialises My words for the export file. */
export function exportWords(list: MyWords, now = new Date()): string {
  return `${JSON.stringify(
    { format: WORDS_FORMAT, version: WORDS_VERSION, exportedAt: now.toISOString(), ...list },
    null,
    2,
  )}\n`;
}

export type WordsImportResult = { ok: true; list: MyWords; unknown: number } | { ok: false; error: string };

const ImportSchema = v.object({
  format: v.literal(WORDS_FORMAT),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  words: v.pipe(v.array(SavedWordSchema), v.maxLength(MAX_WORDS)),
  history: v.optional(v.pipe(v.array(OpenedSchema), v.maxLength(MAX_HISTORY * 2)), []),
});

/**
 * Reads an exported My words file. Anything malformed, foreign or from a newer
 * version is refused with a message a reader can act on; a refused import
 * changes nothing. Terms this glossary does not know are left out and counted.
 */
export function parseWordsImport(text: string, knownIds: ReadonlySet<string>): WordsImportResult {
  if (text.length > MAX_WORDS_IMPORT_BYTES) {
    return { ok: false, error: 'This file is too large to be an MS Lens "My words" file.' };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not an MS Lens "My words" file (it is not valid JSON).' };
  }
  if (data !== null && typeof data === 'object' && (data as { format?: unknown }).format !== WORDS_FORMAT) {
    return { ok: false, error: 'This file is not an MS Lens "My words" file.' };
  }
  const parsed = v.safeParse(ImportSchema, data);
  if (!parsed.success) {
    const version = (data as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version > WORDS_VERSION) {
      return { ok: false, error: 'This file comes from a newer version of MS Lens. Update MS Lens and try again.' };
    }
    const issue = parsed.issues[0];
    const where = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
    return {
      ok: false,
      error: `This "My words" file is damaged${where ? ` (at ${where})` : ''}; nothing was changed.`,
    };
  }
  if (parsed.output.version > WORDS_VERSION) {
    return { ok: false, error: 'This file comes from a newer version of MS Lens. Update MS Lens and try again.' };
  }
  const repaired = repairWords(parsed.output);
  const words = repaired.words.filter((w) => knownIds.has(w.id));
  const history = repaired.history.filter((h) => knownIds.has(h.id));
  return { ok: true, list: { words, history }, unknown: repaired.words.length - words.length };
}

/** Adds imported words to the current list: current notes win unless empty. */
export function mergeWords(current: MyWords, incoming: MyWords): MyWords {
  const byId = new Map(current.words.map((w) => [w.id, w]));
  for (const w of incoming.words) {
    const mine = byId.get(w.id);
    if (!mine) byId.set(w.id, w);
    else if (!mine.note && w.note) byId.set(w.id, { ...mine, note: w.note });
  }
  const history = [...current.history, ...incoming.history].sort((a, b) => a.at - b.at);
  const latest = new Map(history.map((h) => [h.id, h]));
  return repairWords({ words: [...byId.values()], history: [...latest.values()] });
}
