import { describe, expect, it } from 'vitest';
import {
  EMPTY_WORDS,
  exportWords,
  MAX_NOTE_CHARS,
  type MyWords,
  mergeWords,
  parseWordsImport,
  recentHistory,
  recordOpened,
  removeWord,
  repairWords,
  saveWord,
  setNote,
} from '../../src/core/my-words.ts';

const DAY = 24 * 60 * 60 * 1000;
const known = new Set(['myokymia', 'edss', 'ocrelizumab']);

describe('My words', () => {
  it('saves a term once, newest first, with an empty note; removes it', () => {
    let list = saveWord(EMPTY_WORDS, 'edss', 1);
    list = saveWord(list, 'myokymia', 2);
    list = saveWord(list, 'edss', 3);
    expect(list.words.map((w) => w.id)).toEqual(['myokymia', 'edss']);
    expect(list.words[1]).toEqual({ id: 'edss', savedAt: 1, note: '' });
    expect(removeWord(list, 'edss').words.map((w) => w.id)).toEqual(['myokymia']);
  });

  it('keeps a note per term, cut to the limit', () => {
    const list = setNote(saveWord(EMPTY_WORDS, 'edss'), 'edss', 'x'.repeat(MAX_NOTE_CHARS + 50));
    expect(list.words[0]?.note.length).toBe(MAX_NOTE_CHARS);
  });

  it('keeps only the last 30 days of history, one record per term', () => {
    const now = 100 * DAY;
    let list: MyWords = { words: [], history: [{ id: 'edss', at: now - 31 * DAY }] };
    list = recordOpened(list, 'myokymia', now - DAY);
    list = recordOpened(list, 'myokymia', now);
    expect(list.history).toEqual([{ id: 'myokymia', at: now }]);
    expect(recentHistory([{ id: 'edss', at: now - 29 * DAY }], now)).toHaveLength(1);
  });

  it('repairs damaged stored values, keeping the good items', () => {
    expect(repairWords('junk')).toEqual({ words: [], history: [] });
    const repaired = repairWords({
      words: [
        { id: 'edss', savedAt: 1, note: 'ask' },
        { id: 'BAD ID', savedAt: 1, note: '' },
        7,
        { id: 'edss', savedAt: 2, note: '' },
      ],
      history: [{ id: 'edss', at: -1 }],
    });
    expect(repaired).toEqual({ words: [{ id: 'edss', savedAt: 1, note: 'ask' }], history: [] });
  });
});

describe('export and import', () => {
  const list: MyWords = { words: [{ id: 'edss', savedAt: 5, note: 'What is my score?' }], history: [] };

  it('round-trips', () => {
    const result = parseWordsImport(exportWords(list, new Date(0)), known);
    expect(result).toEqual({ ok: true, list, unknown: 0 });
  });

  it('refuses bad input with a clear message', () => {
    const refuse = (text: string) => {
      const r = parseWordsImport(text, known);
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.error;
    };
    expect(refuse('{nope')).toMatch(/not valid JSON/);
    expect(refuse(JSON.stringify({ format: 'ms-lens-settings', version: 1 }))).toMatch(
      /not an MS Lens "My words" file/,
    );
    expect(refuse(JSON.stringify({ format: 'ms-lens-my-words', version: 9, words: [] }))).toMatch(/newer version/);
    expect(refuse(JSON.stringify({ format: 'ms-lens-my-words', version: 1, words: [{ id: 'edss' }] }))).toMatch(
      /damaged \(at words\.0/,
    );
    expect(refuse('x'.repeat(2 * 1024 * 1024))).toMatch(/too large/);
  });

  it('leaves out and counts terms this glossary does not know', () => {
    const text = exportWords({ words: [...list.words, { id: 'not-a-term', savedAt: 1, note: '' }], history: [] });
    const r = parseWordsImport(text, known);
    expect(r.ok && r.unknown).toBe(1);
    expect(r.ok && r.list.words.map((w) => w.id)).toEqual(['edss']);
  });

  it('merges without losing notes already written', () => {
    const incoming: MyWords = {
      words: [
        { id: 'edss', savedAt: 9, note: 'other note' },
        { id: 'myokymia', savedAt: 9, note: '' },
      ],
      history: [],
    };
    const merged = mergeWords(list, incoming);
    expect(merged.words.find((w) => w.id === 'edss')?.note).toBe('What is my score?');
    expect(merged.words.map((w) => w.id)).toEqual(['edss', 'myokymia']);
    const empty = mergeWords({ words: [{ id: 'edss', savedAt: 1, note: '' }], history: [] }, incoming);
    expect(empty.words.find((w) => w.id === 'edss')?.note).toBe('other note');
  });
});
