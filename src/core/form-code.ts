/**
 * The code a glossary form is compiled into, and matching one against text.
 * Pure: no DOM, no browser APIs.
 *
 * Each spelling of a form becomes one short string, its "code": the form's
 * characters with a few control characters as instructions. A word starts
 * with EXACT or FOLD (whether its letters must match in case), SEP stands for
 * any one separator, APOS for a straight or curly apostrophe, POSS for an
 * optional possessive ('s). The matcher (matcher.ts) files codes under their
 * first word, so at each word start of the text only a few are tried.
 */
import { escapeClass, SEPARATORS } from './separators.ts';

const SEP = '\u0001';
const APOS = '\u0002';
const POSS = '\u0003';
const EXACT = '\u0004';
const FOLD = '\u0005';

/** How a form's letters must match: by the word's own shape, exactly, or in any case. */
export type CaseMode = 'auto' | 'exact' | 'any';

const APOSTROPHES = "'\u2019";
const APOSTROPHE_ANY = /['\u2019]/g;
const SEPARATOR_SPLIT = new RegExp(`([${escapeClass(SEPARATORS)}])`);

/** Whether a character joins words the way a space does inside a form. */
function isSeparator(ch: string): boolean {
  return ch === ' ' || SEPARATORS.includes(ch) || /\s/.test(ch);
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

/** Whether a character belongs to a word (letters, digits, marks, underscore), ASCII first for speed. */
export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
  return WORD_CHAR.test(ch);
}

const UPPER = /\p{Lu}/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;

/**
 * Whether a word of a form must keep its exact capitalisation: abbreviations
 * ("MS", "EDSS", "NfL"), codes with digits ("T1", "9-HPT") and single capital
 * letters ("B cell"). Everything else matches in any case.
 */
export function isExactWord(word: string): boolean {
  let letters = 0;
  let uppers = 0;
  let digits = false;
  for (const ch of word) {
    // ASCII first: nearly every form is plain English.
    const c = ch.charCodeAt(0);
    const upper = c < 128 ? c >= 65 && c <= 90 : UPPER.test(ch);
    if (upper || (c < 128 ? c >= 97 && c <= 122 : LETTER.test(ch))) letters++;
    if (upper) uppers++;
    if (c < 128 ? c >= 48 && c <= 57 : DIGIT.test(ch)) digits = true;
  }
  if (uppers >= 2) return true;
  if (digits && letters > 0) return true;
  return letters === 1 && uppers === 1;
}

/** Compiles one spelling of a form, applying the case rule word by word. */
export function encodeForm(form: string, mode: CaseMode): string {
  // Built as an array and joined: a string grown by += is a chain of pieces in memory.
  const code: string[] = [];
  for (const part of form.split(SEPARATOR_SPLIT)) {
    if (part.length === 1 && SEPARATORS.includes(part)) {
      code.push(SEP);
      continue;
    }
    if (part === '') continue;
    const exact = mode === 'exact' || (mode === 'auto' && isExactWord(part));
    // Letters whose case does not change one for one ("ß") must match exactly.
    const fold = !exact && part.toLowerCase().length === part.length;
    // A possessive ending a word is optional: "Lhermitte's sign" also finds
    // "Lhermitte sign". Other apostrophes accept straight or curly.
    const possessive =
      part.length > 2 && APOSTROPHES.includes(part.at(-2) as string) && /s/i.test(part.at(-1) as string);
    const body = possessive ? part.slice(0, -2) : part;
    code.push(fold ? FOLD : EXACT, (fold ? body.toLowerCase() : body).replace(APOSTROPHE_ANY, APOS));
    if (possessive) code.push(POSS);
  }
  return code.join('');
}

/** Length of an optional possessive ('s or ’s) at `at`, or 0. */
function possessiveAt(text: string, at: number): number {
  return APOSTROPHES.includes(text[at] ?? '') && text[at + 1] === 's' ? 2 : 0;
}

/**
 * The end of the longest match at `at` in `text` of the code in
 * `codes[ci..end)`, ending at a word boundary, or -1. Only an optional
 * possessive branches.
 */
export function matchCode(codes: string, ci: number, end: number, text: string, at: number, fold = false): number {
  let ti = at;
  let folding = fold;
  for (; ci < end; ci++) {
    const op = codes[ci] as string;
    const t = text[ti];
    if (op === EXACT || op === FOLD) {
      folding = op === FOLD;
      continue;
    }
    if (op === POSS) {
      const poss = possessiveAt(text, ti);
      const withPoss = poss ? matchCode(codes, ci + 1, end, text, ti + poss, folding) : -1;
      return Math.max(withPoss, matchCode(codes, ci + 1, end, text, ti, folding));
    }
    if (t === undefined) return -1;
    if (op === SEP) {
      if (!isSeparator(t)) return -1;
    } else if (op === APOS) {
      if (!APOSTROPHES.includes(t)) return -1;
    } else if (t !== op && !(folding && t.toLowerCase() === op)) {
      return -1;
    }
    ti++;
  }
  // The form ends here: at a word boundary, or before a possessive that ends there.
  const poss = possessiveAt(text, ti);
  if (poss && !isWordChar(text[ti + poss])) return ti + poss;
  return isWordChar(text[ti]) ? -1 : ti;
}
