/**
 * Finds glossary forms in plain text: every form of the enabled entries is
 * compiled into a short code filed under its first word, and the text is
 * walked word start by word start.
 * Pure: no DOM, no browser APIs.
 *
 * Why not one combined regular expression: with 735 entries it was about
 * 150 KB of source, and the browser compiles a regex on its first use in one
 * uninterruptible task (measured in Node: 180 to 260 ms, then 90 to 150 ms
 * more for two-byte strings) on every page load, MS page or not. Why not a
 * character trie (the next version): its ~21,000 nodes took about 5 MB of
 * heap in every tab and 57 ms to build (Node). The codes take a few hundred
 * kilobytes and a few milliseconds, need no compilation, and each word start
 * costs one map lookup and a handful of short string comparisons. Case rules
 * are part of each code (exact letters for abbreviations, folded letters
 * elsewhere), so the candidates are exactly what this module reports.
 */
import type { IndexEntry } from './glossary-types.ts';
import { insideUrlOrEmail, isCompoundFragment, isLookAlike, isOtherSense } from './look-alikes.ts';
import { escapeClass, JOINERS, SEPARATORS } from './separators.ts';

/** What a matched form means. */
export interface FormInfo {
  entryId: string;
  /** Highlighted only on pages that are clearly about MS. */
  needsContext: boolean;
  /** Counts as evidence that the page is about MS. */
  msSpecific: boolean;
  /** The entry's look-alike rules (text right after or before a match that excludes it). */
  rules: LookAlikeRules;
}

/** An entry's notBefore / notAfter patterns, compiled on first use: most entries' forms never appear on a page. */
export class LookAlikeRules {
  private compiled: { notBefore: RegExp | null; notAfter: RegExp | null } | null = null;

  constructor(private readonly entry: Pick<IndexEntry, 'nb' | 'na'>) {}

  /** Whether the text around a match (`after` starts right after it, `before` ends right before it) excludes it. */
  excludes(before: string, after: string): boolean {
    this.compiled ??= {
      notBefore: anchoredUnion(this.entry.nb, 'start'),
      notAfter: anchoredUnion(this.entry.na, 'end'),
    };
    return Boolean(this.compiled.notBefore?.test(after) || this.compiled.notAfter?.test(before));
  }
}

export interface CompiledMatcher {
  /** Compiled spellings of every form, filed under their first word in lower case (see encodeForm). */
  byFirstWord: ReadonlyMap<string, readonly Spelling[]>;
  /** Entry ids this matcher can find. */
  entryIds: ReadonlySet<string>;
}

/**
 * Why a match is not a highlight: an entry's own
 * look-alike rule (notBefore / notAfter) excludes it; it is part of a URL or an
 * e-mail address; it is a fragment of a hyphenated or slashed compound; or it
 * is an abbreviation used as a date or a measurement (`isLookAlike`); or it is
 * an everyday word used in its everyday sense (`isOtherSense`).
 */
export type RejectReason = 'excluded-context' | 'url-or-email' | 'fragment' | 'look-alike' | 'other-sense';

export interface Candidate {
  start: number;
  end: number;
  text: string;
  entryId: string;
  needsContext: boolean;
  msSpecific: boolean;
  /** Set when the match must never be highlighted. */
  rejected: RejectReason | null;
}

// Characters that join the words of a multi-word term. One of them in a form
// matches any of them in a page ("relapsing-remitting" = "relapsing remitting").
const SEPARATOR_RUN = new RegExp(`[\\s${escapeClass(JOINERS)}]+`, 'g');
const SEPARATOR_SPLIT = new RegExp(`([${escapeClass(SEPARATORS)}])`);
const APOSTROPHES = "'\u2019";

/** Whether a character joins words the way a space does inside a form. */
function isSeparator(ch: string): boolean {
  return ch === ' ' || SEPARATORS.includes(ch) || /\s/.test(ch);
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
/** Each run of word characters, from its start. */
const WORDS = /[\p{L}\p{N}\p{M}_]+/gu;

/** Whether a character belongs to a word (letters, digits, marks, underscore), ASCII first for speed. */
function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
  return WORD_CHAR.test(ch);
}

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
const UPPER = /\p{Lu}/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/u;

type CaseMode = 'auto' | 'exact' | 'any';

/*
 * Each spelling of a form is compiled into one short string, its "code": the
 * form's characters with a few control characters as instructions. A word
 * starts with EXACT or FOLD (whether its letters must match in case), SEP
 * stands for any one separator, APOS for a straight or curly apostrophe, POSS
 * for an optional possessive ('s). Codes are filed under the form's first word
 * in lower case, so at each word start of the text one map lookup finds the
 * few forms that can start there.
 */
const SEP = '\u0001';
const APOS = '\u0002';
const POSS = '\u0003';
const EXACT = '\u0004';
const FOLD = '\u0005';

/** One spelling of a form, compiled (see above), and what it means. */
interface Spelling {
  code: string;
  info: FormInfo;
}

/** Compiles one spelling of a form, applying the case rule word by word. */
function encodeForm(form: string, mode: CaseMode): string {
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
const APOSTROPHE_ANY = /['\u2019]/g;

/** Length of an optional possessive ('s or ’s) at `at`, or 0. */
function possessiveAt(text: string, at: number): number {
  return APOSTROPHES.includes(text[at] ?? '') && text[at + 1] === 's' ? 2 : 0;
}

/**
 * The end of the longest match of a compiled spelling at `at` in `text` that
 * ends at a word boundary, or -1. Only an optional possessive branches.
 */
function matchCode(code: string, ci: number, text: string, at: number, fold: boolean): number {
  let ti = at;
  let folding = fold;
  for (; ci < code.length; ci++) {
    const op = code[ci] as string;
    const t = text[ti];
    if (op === EXACT || op === FOLD) {
      folding = op === FOLD;
      continue;
    }
    if (op === POSS) {
      const poss = possessiveAt(text, ti);
      const withPoss = poss ? matchCode(code, ci + 1, text, ti + poss, folding) : -1;
      return Math.max(withPoss, matchCode(code, ci + 1, text, ti, folding));
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

/** The longest spelling that starts at `at`, the start of the word `word`: where it ends and what it means. */
function longestMatch(
  matcher: CompiledMatcher,
  text: string,
  at: number,
  word: string,
): { end: number; info: FormInfo } | null {
  const spellings = matcher.byFirstWord.get(word.toLowerCase());
  if (!spellings) return null;
  let best: Spelling | null = null;
  let bestEnd = -1;
  for (const s of spellings) {
    const end = matchCode(s.code, 0, text, at, false);
    if (end > bestEnd) {
      bestEnd = end;
      best = s;
    }
  }
  return best && { end: bestEnd, info: best.info };
}

/** Regular plural spellings of a form ("cramp" -> "cramps", "therapy" -> "therapies"). */
export function pluralForms(form: string): string[] {
  if (/[^aeiou]y$/i.test(form)) return [`${form.slice(0, -1)}ies`];
  if (/(?:s|x|z|ch|sh)$/i.test(form)) return [`${form}es`];
  if (/\p{L}$/u.test(form)) return [`${form}s`];
  return [];
}

/**
 * Normalises matched text and forms to one lookup key: lower case, straight
 * apostrophes, one space for any separator, possessive 's dropped.
 */
export function normalizeKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\u2019/g, "'")
    .replace(SEPARATOR_RUN, ' ')
    .replace(/'s(?= |$)/g, '')
    .trim();
}

function anchoredUnion(patterns: string[] | undefined, where: 'start' | 'end'): RegExp | null {
  if (!patterns || patterns.length === 0) return null;
  const union = patterns.map((p) => `(?:${p})`).join('|');
  try {
    return new RegExp(where === 'start' ? `^(?:${union})` : `(?:${union})$`, 'u');
  } catch {
    return null; // the glossary validator reports a pattern that does not compile
  }
}

function indexSet(list: number[] | undefined): Set<number> {
  return new Set(list ?? []);
}

const FIRST_WORD = /^[\p{L}\p{N}\p{M}_]+/u;

/**
 * Builds the matcher for the given entries. Entries earlier in the list win
 * when two claim the same form.
 */
export function compileMatcher(entries: readonly IndexEntry[]): CompiledMatcher {
  const byFirstWord = new Map<string, Spelling[]>();
  const forms = new Map<string, FormInfo>();
  const pending: { variant: string; key: string; mode: CaseMode }[] = [];
  for (const entry of entries) {
    const cs = indexSet(entry.cs);
    const ci = indexSet(entry.ci);
    const ctx = indexSet(entry.ctx);
    const rules = new LookAlikeRules(entry);
    entry.forms.forEach((form, i) => {
      const key = normalizeKey(form);
      const owner = forms.get(key);
      // The first entry to claim a form keeps it; spellings of one entry that
      // differ only in case ("IVIG", "IVIg") each add their own.
      if (!key || (owner !== undefined && owner.entryId !== entry.id)) return;
      const info: FormInfo = {
        entryId: entry.id,
        needsContext: ctx.has(i),
        msSpecific: entry.ms === 1 && !ctx.has(i),
        rules,
      };
      const mode: CaseMode = cs.has(i) ? 'exact' : ci.has(i) ? 'any' : 'auto';
      for (const variant of [form, ...pluralForms(form)]) {
        const variantKey = normalizeKey(variant);
        if (variantKey && !forms.has(variantKey)) forms.set(variantKey, info);
        pending.push({ variant, key: variantKey, mode });
      }
    });
  }
  // A matched text means what its normalised key means, whichever spelling found it.
  for (const { variant, key, mode } of pending) {
    const first = FIRST_WORD.exec(variant)?.[0];
    const info = forms.get(key);
    // A form that does not start with a letter or digit can never start at a word start.
    if (!first || !info) continue;
    const slot = first.toLowerCase();
    const list = byFirstWord.get(slot);
    const spelling = { code: encodeForm(variant, mode), info };
    if (list) list.push(spelling);
    else byFirstWord.set(slot, [spelling]);
  }
  return { byFirstWord, entryIds: new Set(entries.map((e) => e.id)) };
}

/** Text of the same sentence that sits in the page's text nodes just before and after the one being matched. */
export interface TextContext {
  before?: string;
  after?: string;
}

/**
 * Every form found in `text`, in order (the longest at each word start), each
 * marked as highlightable or rejected with the reason.
 */
export function findCandidates(text: string, matcher: CompiledMatcher, context: TextContext = {}): Candidate[] {
  const out: Candidate[] = [];
  // The rules look at the words around a match, which may sit in the text
  // before or after this one ("the <a>immune system</a> attacks").
  // The joined text is built only once a form is found: most text nodes hold none.
  const before = context.before ?? '';
  let full: string | null = null;
  const shift = before.length;
  // Forms start at a word start; WORDS finds each one, and skips the rest of a word with no form.
  WORDS.lastIndex = 0;
  for (let word = WORDS.exec(text); word !== null; word = WORDS.exec(text)) {
    const at = word.index;
    const found = longestMatch(matcher, text, at, word[0]);
    if (!found) continue;
    const { end: stop, info } = found;
    const matched = text.slice(at, stop);
    WORDS.lastIndex = stop;
    const start = at + shift;
    const end = start + matched.length;
    full ??= before + text + (context.after ?? '');
    let rejected: RejectReason | null = null;
    if (info.rules.excludes(full.slice(Math.max(0, start - 80), start), full.slice(end, end + 80))) {
      rejected = 'excluded-context';
    } else if (insideUrlOrEmail(text, at, stop)) {
      rejected = 'url-or-email';
    } else if (isCompoundFragment(full, start, end)) {
      rejected = 'fragment';
    } else if (isLookAlike(full, start, end, matched)) {
      rejected = 'look-alike';
    } else if (info.needsContext && isOtherSense(full, start, end)) {
      rejected = 'other-sense';
    }
    out.push({
      start: at,
      end: stop,
      text: matched,
      entryId: info.entryId,
      needsContext: info.needsContext,
      msSpecific: info.msSpecific,
      rejected,
    });
  }
  return out;
}
