/**
 * Finds glossary forms in plain text: every form of the enabled entries is
 * compiled into a short code (form-code.ts) filed under its first word, and
 * the text is walked word start by word start.
 * Pure: no DOM, no browser APIs.
 *
 * Why not one combined regular expression: with 735 entries it was about
 * 150 KB of source, and the browser compiles a regex on its first use in one
 * uninterruptible task (measured in Node: 180 to 260 ms, then 90 to 150 ms
 * more for two-byte strings) on every page load, MS page or not. Why not a
 * character trie (the next version): its ~21,000 nodes took about 5 MB of
 * heap in every tab and 57 ms to build (Node). The codes, packed into one
 * string with offsets, take about half a megabyte and under 40 ms to build
 * (Node), need no compilation, and each word start
 * costs one map lookup and a handful of short string comparisons. Case rules
 * are part of each code (exact letters for abbreviations, folded letters
 * elsewhere), so the candidates are exactly what this module reports.
 */
import { type CaseMode, encodeForm, matchCode } from './form-code.ts';
import type { IndexEntry } from './glossary-types.ts';
import { insideUrlOrEmail, isCompoundFragment, isLookAlike, isOtherSense, LookAlikeRules } from './look-alikes.ts';
import { escapeClass, JOINERS } from './separators.ts';

/** What a matched form means (shared by every form of an entry with the same context rule). */
export interface FormInfo {
  entryId: string;
  /** Highlighted only on pages that are clearly about MS. */
  needsContext: boolean;
  /** Counts as evidence that the page is about MS. */
  msSpecific: boolean;
  /** The entry's look-alike rules (text right after or before a match that excludes it). */
  rules: LookAlikeRules;
}

/**
 * Every spelling of every form, packed: a few flat strings and arrays rather
 * than thousands of small objects, since every tab holds one.
 */
export interface CompiledMatcher {
  /** Each spelling's code (form-code.ts), one after another. */
  codes: string;
  /** Where spelling k's code ends in `codes`; it starts where spelling k - 1's ends. */
  codeEnds: Uint32Array;
  /** What spelling k means. */
  infos: readonly FormInfo[];
  /** Spellings by their first word in lower case: slot s holds spellings slotStarts[s] to slotStarts[s + 1] - 1. */
  slots: ReadonlyMap<string, number>;
  slotStarts: Uint32Array;
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

/** Each run of word characters, from its start. */
const WORDS = /[\p{L}\p{N}\p{M}_]+/gu;

/** The longest spelling that starts at `at`, the start of the word `word`: where it ends and what it means. */
function longestMatch(
  matcher: CompiledMatcher,
  text: string,
  at: number,
  word: string,
): { end: number; info: FormInfo } | null {
  const slot = matcher.slots.get(word.toLowerCase());
  if (slot === undefined) return null;
  const { codes, codeEnds, slotStarts } = matcher;
  let best = -1;
  let bestEnd = -1;
  const last = slotStarts[slot + 1] as number;
  for (let k = slotStarts[slot] as number; k < last; k++) {
    const end = matchCode(codes, k === 0 ? 0 : (codeEnds[k - 1] as number), codeEnds[k] as number, text, at);
    if (end > bestEnd) {
      bestEnd = end;
      best = k;
    }
  }
  return best < 0 ? null : { end: bestEnd, info: matcher.infos[best] as FormInfo };
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

function indexSet(list: number[] | undefined): Set<number> {
  return new Set(list ?? []);
}

const FIRST_WORD = /^[\p{L}\p{N}\p{M}_]+/u;

/**
 * Builds the matcher for the given entries. Entries earlier in the list win
 * when two claim the same form.
 */
export function compileMatcher(entries: readonly IndexEntry[]): CompiledMatcher {
  const forms = new Map<string, FormInfo>();
  const pending: { variant: string; key: string; mode: CaseMode }[] = [];
  for (const entry of entries) {
    const cs = indexSet(entry.cs);
    const ci = indexSet(entry.ci);
    const ctx = indexSet(entry.ctx);
    const rules = new LookAlikeRules(entry);
    // One meaning per context rule, shared by the entry's forms.
    const infos = [false, true].map((needsContext) => ({
      entryId: entry.id,
      needsContext,
      msSpecific: entry.ms === 1 && !needsContext,
      rules,
    }));
    entry.forms.forEach((form, i) => {
      const key = normalizeKey(form);
      const owner = forms.get(key);
      // The first entry to claim a form keeps it; spellings of one entry that
      // differ only in case ("IVIG", "IVIg") each add their own.
      if (!key || (owner !== undefined && owner.entryId !== entry.id)) return;
      const info = infos[ctx.has(i) ? 1 : 0] as FormInfo;
      const mode: CaseMode = cs.has(i) ? 'exact' : ci.has(i) ? 'any' : 'auto';
      for (const variant of [form, ...pluralForms(form)]) {
        const variantKey = normalizeKey(variant);
        if (variantKey && !forms.has(variantKey)) forms.set(variantKey, info);
        pending.push({ variant, key: variantKey, mode });
      }
    });
  }
  // A matched text means what its normalised key means, whichever spelling found it.
  const bySlot = new Map<string, { code: string; info: FormInfo }[]>();
  for (const { variant, key, mode } of pending) {
    const first = FIRST_WORD.exec(variant)?.[0];
    const info = forms.get(key);
    // A form that does not start with a letter or digit can never start at a word start.
    if (!first || !info) continue;
    const slot = first.toLowerCase();
    const spelling = { code: encodeForm(variant, mode), info };
    const list = bySlot.get(slot);
    if (list) list.push(spelling);
    else bySlot.set(slot, [spelling]);
  }
  return pack(bySlot, new Set(entries.map((e) => e.id)));
}

/** Lays the spellings out slot by slot, in the order they were filed (the first of equally long matches wins). */
function pack(bySlot: Map<string, { code: string; info: FormInfo }[]>, entryIds: Set<string>): CompiledMatcher {
  const codes: string[] = [];
  const infos: FormInfo[] = [];
  const codeEnds: number[] = [];
  const slots = new Map<string, number>();
  const slotStarts: number[] = [];
  let length = 0;
  for (const [word, spellings] of bySlot) {
    slots.set(word, slotStarts.length);
    slotStarts.push(infos.length);
    for (const { code, info } of spellings) {
      codes.push(code);
      infos.push(info);
      length += code.length;
      codeEnds.push(length);
    }
  }
  slotStarts.push(infos.length);
  return {
    // Joined once: one flat string rather than thousands of small ones.
    codes: codes.join(''),
    codeEnds: Uint32Array.from(codeEnds),
    infos,
    slots,
    slotStarts: Uint32Array.from(slotStarts),
    entryIds,
  };
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
