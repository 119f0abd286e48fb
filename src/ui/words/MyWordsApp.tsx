/**
 * "My words": saved terms with their explanations and a note per
 * term; prints as a one-page "Words to ask my MS team about" sheet. Options:
 * sync (off by default), a 30-day history of opened terms (off by default),
 * export, import, and clear all.
 */
import { useEffect, useState } from 'preact/hooks';
import type { GlossaryEntry } from '../../core/glossary-types.ts';
import { exportWords, type MyWords, mergeWords, parseWordsImport, removeWord, setNote } from '../../core/my-words.ts';
import { entryById, entryIds, termOf } from '../../platform/glossary-entries.ts';
import {
  clearWords,
  DEFAULT_WORDS_PREFS,
  loadWords,
  loadWordsPrefs,
  saveWordsPrefs,
  type WordsPrefs,
  watchWords,
  writeWords,
} from '../../platform/my-words-store.ts';
import { openGlossaryPage } from '../../platform/tabs.ts';
import { useSettings, useThemeOn } from '../use-settings.ts';

export function MyWordsApp({ skip }: { skip: string }) {
  const { settings } = useSettings();
  useThemeOn(document.documentElement, settings);
  const [list, setList] = useState<MyWords | null>(null);
  const [prefs, setPrefs] = useState<WordsPrefs>(DEFAULT_WORDS_PREFS);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const skipAttr = { [skip]: '' };

  useEffect(() => {
    const reload = () => {
      void loadWords().then(setList);
      void loadWordsPrefs().then(setPrefs);
    };
    reload();
    return watchWords(reload);
  }, []);

  const save = async (next: MyWords) => {
    setList(next);
    try {
      await writeWords(next);
    } catch (err) {
      setMessage({ ok: false, text: `Your change could not be saved: ${String(err)}` });
    }
  };

  const changePrefs = async (next: WordsPrefs) => {
    try {
      await saveWordsPrefs(next);
      setPrefs(next);
    } catch (err) {
      setMessage({ ok: false, text: `This could not be changed: ${String(err)}` });
    }
  };

  const exportFile = () => {
    if (!list) return;
    const blob = new Blob([exportWords(list)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'ms-lens-my-words.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };

  const importFile = async (file: File | undefined) => {
    if (!file || !list) return;
    const result = parseWordsImport(await file.text(), entryIds);
    if (!result.ok) {
      setMessage({ ok: false, text: result.error });
      return;
    }
    await save(mergeWords(list, result.list));
    const skipped =
      result.unknown > 0 ? ` ${result.unknown} term(s) this version of MS Lens does not know were left out.` : '';
    setMessage({ ok: true, text: `Imported ${result.list.words.length} word(s).${skipped}` });
  };

  const clearAll = async () => {
    await clearWords();
    setList({ words: [], history: [] });
    setMessage({ ok: true, text: 'All your saved words, notes and history were removed.' });
  };

  const words = (list?.words ?? []).filter((w) => entryIds.has(w.id));
  const history = prefs.history ? (list?.history ?? []).filter((h) => entryIds.has(h.id)).reverse() : [];

  return (
    <main class="words" aria-labelledby="words-title">
      <h1 id="words-title" {...skipAttr}>
        <span class="screen-only">My words</span>
        <span class="print-only">Words to ask my MS team about</span>
      </h1>
      <p class="muted screen-only" {...skipAttr}>
        Words you saved with the star in MS Lens explanations. Add a note to each, then print this page to take to your
        next appointment. Kept only in this browser unless you turn on sync.
      </p>
      {message && (
        <p class={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'} {...skipAttr}>
          {message.text}
        </p>
      )}
      <div class="words-actions screen-only" {...skipAttr}>
        <button type="button" class="tc-button primary" disabled={words.length === 0} onClick={() => window.print()}>
          Print “Words to ask my MS team about”
        </button>
      </div>
      {list && words.length === 0 && (
        <p class="words-empty" {...skipAttr}>
          No saved words yet. Open an explanation on any page or in the MS Lens reader and press “Save to My words”.
        </p>
      )}
      <ol class="words-list">
        {words.map((w) => {
          const entry = entryById(w.id) as GlossaryEntry;
          return (
            <li key={w.id} class="word" data-entry={w.id}>
              <h2 id={`word-${w.id}`} {...skipAttr}>
                {entry.term}
              </h2>
              <p class="word-short" {...skipAttr}>
                {entry.summary}
              </p>
              <label class="word-note-label screen-only" for={`note-${w.id}`} {...skipAttr}>
                My note or question
              </label>
              <textarea
                id={`note-${w.id}`}
                class="word-note screen-only"
                rows={2}
                maxLength={1000}
                value={w.note}
                onChange={(e) => list && void save(setNote(list, w.id, (e.currentTarget as HTMLTextAreaElement).value))}
              />
              {w.note && (
                <p class="print-only word-note-print" {...skipAttr}>
                  My question: {w.note}
                </p>
              )}
              <div class="word-buttons screen-only" {...skipAttr}>
                <button type="button" class="tc-button" onClick={() => openGlossaryPage(w.id)}>
                  Full explanation<span class="visually-hidden"> of {entry.term}</span>
                </button>
                <button type="button" class="tc-button" onClick={() => list && void save(removeWord(list, w.id))}>
                  Remove<span class="visually-hidden"> {entry.term}</span>
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {prefs.history && (
        <section class="screen-only" aria-labelledby="history-title" {...skipAttr}>
          <h2 id="history-title">Opened in the last 30 days</h2>
          {history.length === 0 ? (
            <p class="muted">Nothing yet.</p>
          ) : (
            <ul class="chips">
              {history.map((h) => (
                <li key={h.id}>
                  <button type="button" class="tc-button tc-chip" onClick={() => openGlossaryPage(h.id)}>
                    {termOf(h.id)}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section class="words-options screen-only" aria-labelledby="words-options-title" {...skipAttr}>
        <h2 id="words-options-title">Options</h2>
        <label class="switch">
          <input
            type="checkbox"
            checked={prefs.history}
            onChange={(e) => void changePrefs({ ...prefs, history: (e.currentTarget as HTMLInputElement).checked })}
          />
          Also list the words I opened in the last 30 days
        </label>
        <label class="switch">
          <input
            type="checkbox"
            checked={prefs.sync}
            onChange={(e) => void changePrefs({ ...prefs, sync: (e.currentTarget as HTMLInputElement).checked })}
          />
          Sync My words with my browser account
        </label>
        <div class="words-actions">
          <button type="button" class="tc-button" onClick={exportFile}>
            Export My words
          </button>
          <label class="tc-button file-button">
            Import My words
            <input
              type="file"
              accept=".json,application/json"
              class="visually-hidden"
              onChange={(e) => void importFile((e.currentTarget as HTMLInputElement).files?.[0])}
            />
          </label>
          <button type="button" class="tc-button danger" onClick={() => void clearAll()}>
            Clear all my words
          </button>
        </div>
      </section>
    </main>
  );
}
