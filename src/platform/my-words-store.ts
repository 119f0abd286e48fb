/**
 * Where "My words" live: storage.local, or storage.sync when the reader turns
 * sync on (off by default, as My words are health notes). The two choices are stored locally.
 */
import { storage } from 'wxt/utils/storage';
import {
  EMPTY_WORDS,
  type MyWords,
  recentHistory,
  recordOpened,
  removeWord,
  repairWords,
  saveWord,
} from '../core/my-words.ts';

export interface WordsPrefs {
  /** Keep My words in the browser's sync storage (follows the reader's account). */
  sync: boolean;
  /** Also list the terms opened in the last 30 days. */
  history: boolean;
}

export const DEFAULT_WORDS_PREFS: Readonly<WordsPrefs> = Object.freeze({ sync: false, history: false });

const prefsItem = storage.defineItem<unknown>('local:myWordsPrefs', { fallback: null });
const localItem = storage.defineItem<unknown>('local:myWords', { fallback: null });
const syncItem = storage.defineItem<unknown>('sync:myWords', { fallback: null });

export async function loadWordsPrefs(): Promise<WordsPrefs> {
  const raw = (await prefsItem.getValue()) as Partial<WordsPrefs> | null;
  return {
    sync: typeof raw?.sync === 'boolean' ? raw.sync : false,
    history: typeof raw?.history === 'boolean' ? raw.history : false,
  };
}

async function itemFor(prefs?: WordsPrefs) {
  return (prefs ?? (await loadWordsPrefs())).sync ? syncItem : localItem;
}

export async function loadWords(): Promise<MyWords> {
  const prefs = await loadWordsPrefs();
  const list = repairWords(await (await itemFor(prefs)).getValue());
  return { ...list, history: prefs.history ? recentHistory(list.history) : [] };
}

export async function writeWords(list: MyWords): Promise<void> {
  await (await itemFor()).setValue(list);
}

/** Turns sync or history on or off; the list moves with sync, and history is forgotten when turned off. */
export async function saveWordsPrefs(prefs: WordsPrefs): Promise<void> {
  const before = await loadWordsPrefs();
  const list = repairWords(await (await itemFor(before)).getValue());
  const kept = prefs.history ? list : { ...list, history: [] };
  await (await itemFor(prefs)).setValue(kept);
  if (before.sync !== prefs.sync) await (await itemFor(before)).removeValue();
  await prefsItem.setValue(prefs);
}

/** Saves or removes one term; returns whether it is saved afterwards. */
export async function setWordSaved(id: string, saved: boolean): Promise<boolean> {
  const list = await loadWords();
  await writeWords(saved ? saveWord(list, id) : removeWord(list, id));
  return saved;
}

export async function isWordSaved(id: string): Promise<boolean> {
  return (await loadWords()).words.some((w) => w.id === id);
}

/** Notes that a term's explanation was opened, if the reader keeps a history. */
export async function noteOpened(id: string): Promise<void> {
  const prefs = await loadWordsPrefs();
  if (!prefs.history) return;
  await writeWords(recordOpened(await loadWords(), id));
}

/** Removes every saved word, note and history entry, wherever kept. */
export async function clearWords(): Promise<void> {
  await localItem.removeValue();
  await syncItem.removeValue();
}

/** Calls `onChange` when the list or its options change (another tab, a popover). */
export function watchWords(onChange: () => void): () => void {
  const stops = [localItem.watch(onChange), syncItem.watch(onChange), prefsItem.watch(onChange)];
  return () => {
    for (const stop of stops) stop();
  };
}

export { EMPTY_WORDS };
