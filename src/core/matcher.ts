/**
 * Compiles glossary forms into one combined, whole-word, Unicode-aware regular
 * expression and finds candidate matches in plain text. Pure: no DOM, no
 * browser APIs.
 *
 * Why one regex built from a trie: V8 and SpiderMonkey run a single prefix-
 * factored pattern over a text node far faster than hundreds of alternatives
 * (see DESIGN.md, "Highlighting that scales"). Case rules are compiled into the
 * pattern itself (exact letters for abbreviations, `[xX]` classes elsewhere),
 * so the same RegExp object can be handed to mark.js and gives exactly the
 * candidates this module reports.
 */
import type { IndexEntry } from './glossary-types.ts';

/** What a matched form means. */
export interface FormInfo {
  entryId: string;
  /** Highlighted only on pages that are clearly about MS. */
  needsContext: boolean;
  /** Text right after the match must not match this (anchored at start). */
  notBefore: RegExp | null;
  /** Text right before the match must not match this (anchored at end). */
  notAfter: RegExp | null;
}

export interface CompiledMatcher {
  /** Global, Unicode regex. Reset `lastIndex` before use. */
  regex: RegExp;
  /** Maps a matched string to what it means. */
  lookup(matched: string): FormInfo | undefined;
  /** Entry ids this matcher can find. */
  entryIds: ReadonlySet<string>;
}

/** Why a regex match is not a highlight. */
export type RejectReason = 'unknown' | 'excluded-context' | 'url-or-email';

export interface Candidate {
  start: number;
  end: number;
  text: string;
  entryId: string;
  needsContext: boolean;
  /** Set when the match must never be highlighted. */
  rejected: RejectReason | null;
}

// Characters that join the words of a multi-word term. One of them in a form
// matches any of them in a page ("relapsing-remitting" = "relapsing remitting").
const SEPARATORS = ' -\u2010\u2011\u2013/';
const SEPARATOR_CLASS = '[\\s\\-\\u2010\\u2011\\u2013/]';
const APOSTROPHE_CLASS = "['\\u2019]";
const POSSESSIVE = "(?:['\\u2019]s)?";
const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}_]';

/** One step of a form in the trie: its identity (key) and its regex source. */
interface Unit {
  key: string;
  src: string;
}

const SYNTAX_CHARS = /[\\^$.*+?()[\]{}|/]/g;
const CLASS_CHARS = /[\\\]^[-]/g;
const SEP: Unit = { key: 'sep', src: SEPARATOR_CLASS };
const APOS: Unit = { key: 'apos', src: APOSTROPHE_CLASS };
const POSS: Unit = { key: 'poss', src: POSSESSIVE };
const unitCache = new Map<string, Unit>();

function literal(ch: string): Unit {
  const key = `l${ch}`;
  let unit = unitCache.get(key);
  if (!unit) {
    unit = { key, src: ch.replace(SYNTAX_CHARS, '\\$&') };
    unitCache.set(key, unit);
  }
  return unit;
}

function anyCase(lower: string, upper: string): Unit {
  const key = `c${lower}`;
  let unit = unitCache.get(key);
  if (!unit) {
    unit = { key, src: `[${lower.replace(CLASS_CHARS, '\\$&')}${upper.replace(CLASS_CHARS, '\\$&')}]` };
    unitCache.set(key, unit);
  }
  return unit;
}

/**
 * Whether a word of a form must keep its exact capitalisation: abbreviations
 * ("MS", "EDSS", "NfL"), codes with digits ("T1", "9-HPT") and single capital
 * letters ("B cell"). Everything else matches in any case.
 */
export function isExactWord(word: string): boolean {
  const letters = word.match(/\p{L}/gu) ?? [];
  const uppers = word.match(/\p{Lu}/gu) ?? [];
  if (uppers.length >= 2) return true;
  if (/\p{N}/u.test(word) && letters.length > 0) return true;
  return letters.length === 1 && uppers.length === 1;
}

type CaseMode = 'auto' | 'exact' | 'any';

/** Splits a form into regex units, applying the case rule word by word. */
export function formUnits(form: string, mode: CaseMode): Unit[] {
  const units: Unit[] = [];
  const words = form.split(/([ \-\u2010\u2011\u2013/])/);
  for (const part of words) {
    if (part.length === 1 && SEPARATORS.includes(part)) {
      units.push(SEP);
      continue;
    }
    const exact = mode === 'exact' || (mode === 'auto' && isExactWord(part));
    const chars = Array.from(part);
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i] as string;
      if (ch === "'" || ch === '\u2019') {
        // A possessive inside a form is optional: "Lhermitte's sign" also
        // finds "Lhermitte sign". Other apostrophes accept straight or curly.
        if (chars[i + 1]?.toLowerCase() === 's' && i + 2 === chars.length) {
          units.push(POSS);
          i++;
        } else {
          units.push(APOS);
        }
        continue;
      }
      const lower = ch.toLowerCase();
      const upper = ch.toUpperCase();
      const plain = exact || lower === upper || lower.length !== 1 || upper.length !== 1;
      units.push(plain ? literal(ch) : anyCase(lower, upper));
    }
  }
  return units;
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
    .replace(/[\s\-\u2010\u2011\u2013/]+/g, ' ')
    .replace(/'s(?= |$)/g, '')
    .trim();
}

interface TrieNode {
  children: Map<string, { unit: Unit; node: TrieNode }>;
  terminal: boolean;
  depth: number;
}

function newNode(): TrieNode {
  return { children: new Map(), terminal: false, depth: 0 };
}

function insert(root: TrieNode, units: Unit[]): void {
  let node = root;
  for (const unit of units) {
    let next = node.children.get(unit.key);
    if (!next) {
      next = { unit, node: newNode() };
      node.children.set(unit.key, next);
    }
    node = next.node;
  }
  node.terminal = true;
}

function computeDepth(node: TrieNode): number {
  let max = 0;
  for (const { node: child } of node.children.values()) {
    max = Math.max(max, 1 + computeDepth(child));
  }
  node.depth = max;
  return max;
}

/** Serialises a trie node; longer continuations are tried before ending here. */
function serialize(node: TrieNode): string {
  const branches = [...node.children.values()]
    .sort((a, b) => b.node.depth - a.node.depth)
    .map(({ unit, node: child }) => unit.src + serialize(child));
  if (node.terminal) branches.push(POSSESSIVE);
  if (branches.length === 0) return '';
  if (branches.length === 1) return branches[0] as string;
  return `(?:${branches.join('|')})`;
}

/**
 * The combined regular expression source for `entries`. Computed at build
 * time for the whole glossary (src/build/glossary-plugin.ts) and at run time
 * only when the reader turned some entries off.
 */
export function buildPattern(entries: readonly IndexEntry[]): string {
  const root = newNode();
  const claimed = new Map<string, string>();
  for (const entry of entries) {
    const cs = indexSet(entry.cs);
    const ci = indexSet(entry.ci);
    entry.forms.forEach((form, i) => {
      const key = normalizeKey(form);
      const owner = claimed.get(key);
      // The first entry to claim a form keeps it; spellings of one entry that
      // differ only in case ("IVIG", "IVIg") each add their own path.
      if (!key || (owner !== undefined && owner !== entry.id)) return;
      claimed.set(key, entry.id);
      const mode: CaseMode = cs.has(i) ? 'exact' : ci.has(i) ? 'any' : 'auto';
      for (const variant of [form, ...pluralForms(form)]) insert(root, formUnits(variant, mode));
    });
  }
  computeDepth(root);
  const body = root.children.size > 0 ? serialize(root) : '(?!)';
  return `(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`;
}

function anchoredUnion(patterns: string[] | undefined, where: 'start' | 'end'): RegExp | null {
  if (!patterns || patterns.length === 0) return null;
  const union = patterns.map((p) => `(?:${p})`).join('|');
  return new RegExp(where === 'start' ? `^(?:${union})` : `(?:${union})$`, 'u');
}

function indexSet(list: number[] | undefined): Set<number> {
  return new Set(list ?? []);
}

/**
 * Builds the matcher for the given entries. Entries earlier in the list win
 * when two claim the same form. Pass `pattern` when it was precomputed for
 * exactly these entries.
 */
export function compileMatcher(entries: readonly IndexEntry[], pattern?: string): CompiledMatcher {
  // Built on first use: most pages contain no glossary word at all.
  let forms: Map<string, FormInfo> | null = null;
  const buildForms = () => {
    const map = new Map<string, FormInfo>();
    for (const entry of entries) {
      const ctx = indexSet(entry.ctx);
      const notBefore = anchoredUnion(entry.nb, 'start');
      const notAfter = anchoredUnion(entry.na, 'end');
      entry.forms.forEach((form, i) => {
        const info: FormInfo = { entryId: entry.id, needsContext: ctx.has(i), notBefore, notAfter };
        for (const variant of [form, ...pluralForms(form)]) {
          const key = normalizeKey(variant);
          if (key && !map.has(key)) map.set(key, info);
        }
      });
    }
    return map;
  };
  const lookup = (matched: string) => {
    forms ??= buildForms();
    return forms.get(normalizeKey(matched));
  };
  const entryIds = new Set(entries.map((e) => e.id));
  return { regex: new RegExp(pattern ?? buildPattern(entries), 'gu'), lookup, entryIds };
}

const URLISH = /:\/\/|@|^www\.|^[\w-]+(?:\.[\w-]+)+\/|\.(?:com|org|net|edu|gov|io|co|uk)(?:\/|$)/i;

/** Whether the whitespace-delimited token around [start, end) is a URL or e-mail address. */
function insideUrlOrEmail(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && !/\s/.test(text[from - 1] as string)) from--;
  let to = end;
  while (to < text.length && !/\s/.test(text[to] as string)) to++;
  if (from === start && to === end) return false;
  return URLISH.test(text.slice(from, to));
}

/**
 * Every regex match in `text`, in order, each marked as highlightable or
 * rejected. The sequence equals what `matcher.regex` yields, which lets the
 * page highlighter replay these decisions inside mark.js.
 */
export function findCandidates(text: string, matcher: CompiledMatcher): Candidate[] {
  const out: Candidate[] = [];
  const { regex } = matcher;
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
    const matched = m[0];
    const start = m.index;
    const end = start + matched.length;
    const info = matcher.lookup(matched);
    let rejected: RejectReason | null = null;
    if (!info) {
      rejected = 'unknown';
    } else if (
      info.notBefore?.test(text.slice(end, end + 80)) ||
      info.notAfter?.test(text.slice(Math.max(0, start - 80), start))
    ) {
      rejected = 'excluded-context';
    } else if (insideUrlOrEmail(text, start, end)) {
      rejected = 'url-or-email';
    }
    out.push({
      start,
      end,
      text: matched,
      entryId: info?.entryId ?? '',
      needsContext: info?.needsContext ?? false,
      rejected,
    });
  }
  regex.lastIndex = 0;
  return out;
}
