/**
 * Plain-language checks of glossary text: sentences, words, reading grade,
 * and phrases that tell the reader what to do (entries say what a thing is
 * and how it is used in MS, never what to do). Used by glossary-check.ts.
 */
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

/**
 * Phrases that tell the reader what to do. Entries say what a thing is and how
 * it is used in MS; a labelled contraindication that needs one of these words
 * is listed, as an exact substring, in the entry's `allowAdvice`.
 */
export const ADVICE_PATTERN =
  /\b(?:should|must|ought to|it helps to|it is worth|it's worth|worth (?:telling|asking|mentioning)|(?:ask|talk to|tell|speak to|see|check with) your|make sure|be sure to|try to|remember to|you (?:may|might) want to|you need to)\b/gi;

/** A sentence that starts with an order ("Do not stop...", "Avoid hot baths", "Ask your nurse"). */
export const IMPERATIVE_START =
  /^["“(]?(?:Do not|Don['’]t|Never|Always|Avoid|Try|Ask|Tell|Talk|Keep|Make|Check|Remember|Consider|Stop|Take|Use|Call|Seek|Contact|Speak|See)\b/;
/** Advice phrases in `text` that no `allowed` substring covers. */
export function adviceIn(text: string, allowed: readonly string[] = []): string[] {
  const covered: [number, number][] = [];
  for (const a of allowed) {
    for (let at = text.indexOf(a); at >= 0; at = text.indexOf(a, at + 1)) covered.push([at, at + a.length]);
  }
  const isCovered = (at: number) => covered.some(([from, to]) => at >= from && at < to);
  const out: string[] = [];
  for (const m of text.matchAll(ADVICE_PATTERN)) {
    if (!isCovered(m.index ?? 0)) out.push(m[0]);
  }
  let from = 0;
  for (const sentence of sentences(text)) {
    const at = text.indexOf(sentence.slice(0, 20), from);
    from = Math.max(from, at);
    const m = IMPERATIVE_START.exec(sentence);
    if (m && !isCovered(at)) out.push(m[0]);
  }
  return out;
}

/** Splits prose into sentences; abbreviations such as "e.g." do not end one. */
export function sentences(text: string): string[] {
  return text
    .replace(/\b(?:e\.g|i\.e|etc|vs|Dr|St|approx)\./g, (m) => m.replace(/\./g, '\u2024'))
    .split(/(?<=[.!?])\s+(?=["“(]?[A-Z0-9])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** Flesch-Kincaid grade of a piece of prose. */
export function readingGrade(text: string): number {
  const ws = words(text);
  const syllables = ws.reduce((n, w) => n + syllable(w.replace(/[^\p{L}\p{N}'-]/gu, '')), 0);
  return fleschKincaid({ sentence: Math.max(1, sentences(text).length), word: ws.length, syllable: syllables });
}
