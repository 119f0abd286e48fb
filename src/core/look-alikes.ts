/**
 * Look-alikes: where a glossary form is in the text but does not mean what
 * the glossary means (src/core/matcher.ts reports these as rejected). Each
 * rule is general, with its own table of words. Pure: no DOM, no browser APIs.
 */
import type { IndexEntry } from './glossary-types.ts';
import { JOINERS } from './separators.ts';

/** An entry's notBefore / notAfter patterns, compiled on first use: most entries' forms never appear on a page. */
export class LookAlikeRules {
  private compiled: { notBefore: RegExp | null; notAfter: RegExp | null } | null = null;
  private readonly nb: string[] | undefined;
  private readonly na: string[] | undefined;

  /** Keeps only the patterns, not the entry: the index can be dropped once the matcher is built. */
  constructor(entry: Pick<IndexEntry, 'nb' | 'na'>) {
    this.nb = entry.nb;
    this.na = entry.na;
  }

  /** Whether the text around a match (`after` starts right after it, `before` ends right before it) excludes it. */
  excludes(before: string, after: string): boolean {
    this.compiled ??= {
      notBefore: anchoredUnion(this.nb, 'start'),
      notAfter: anchoredUnion(this.na, 'end'),
    };
    return Boolean(this.compiled.notBefore?.test(after) || this.compiled.notAfter?.test(before));
  }
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

const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * Whether [start, end) is one part of a compound written with a hyphen or
 * slash: "relapsing" in "non-relapsing", "MS" in "MS-related" or "MS/ALS". A
 * compound means something of its own, so a term inside it is highlighted only
 * when the whole compound is a form (the matcher then finds all of it).
 */
export function isCompoundFragment(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  const joinedBefore = before !== undefined && JOINERS.includes(before) && WORDLIKE.test(text[start - 2] ?? '');
  const joinedAfter = after !== undefined && JOINERS.includes(after) && WORDLIKE.test(text[end + 1] ?? '');
  return joinedBefore || joinedAfter;
}

/**
 * Look-alike tables for abbreviations (all capitals, as glossary abbreviations
 * are matched case-sensitively). The general rule: an MS abbreviation is never
 * a highlight where the same letters are a month in a date ("12 OCT 2024",
 * "OCT 12") or an engineering quantity ("the RMS value", "RMS voltage").
 */
const MONTHS = new Set(['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'SEPT', 'OCT', 'NOV', 'DEC']);
const DAY_BEFORE = /\b\d{1,2}(?:st|nd|rd|th)?[\s./-]*$/;
const DAY_OR_YEAR_AFTER = /^[\s./,-]*(?:\d{1,4}|['’]\d{2})\b/;
const QUANTITY_AFTER =
  /^\s+(?:value|values|voltage|current|error|errors|noise|amplitude|power|level|levels|speed|velocity|deviation|roughness|width|jitter|acceleration|average|magnitude)\b/i;

/** Whether an abbreviation at [start, end) is a month in a date or an engineering quantity. */
export function isLookAlike(text: string, start: number, end: number, matched: string): boolean {
  if (!/^[A-Z]{2,5}$/.test(matched)) return false;
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 24);
  if (MONTHS.has(matched) && (DAY_BEFORE.test(before) || DAY_OR_YEAR_AFTER.test(after))) return true;
  return QUANTITY_AFTER.test(after);
}

/**
 * Other senses of everyday words (forms that need an MS page: attack, relapse,
 * flare, plaque, trial). The general rule: such a word has its MS meaning only
 * as a noun, and not inside a compound that means something else. So it is not
 * a highlight
 * - as a verb: after "to", a modal, a pronoun or a subject that attacks
 *   ("the immune system attacks myelin", "symptoms can flare", "people who
 *   relapse"), or followed by its object ("attacks the nerves");
 * - in another condition's compound: "heart attack", "panic attack", "dental
 *   plaque", "plaque psoriasis", "relapse of cancer", "plaque in my arteries".
 */
const VERB_BEFORE =
  /\b(?:(?:likely|unlikely|able|going|used|want|wants|tend|tends|begin|begins|began|start|starts|started|continue|continues|seem|seems|appear|appears|how|try|tries)\s+to|they|we|you|he|she|who|which|system|systems|cells|body|antibodies|virus|bacteria)\s+$/i;
/** A modal in mid-sentence ("symptoms can flare"); a capitalised one starts a question about a noun ("Can rehabilitation help?"). */
const MODAL_BEFORE =
  /\b(?:will|would|can|could|may|might|must|should|shall|does|did|do|doesn't|don't|didn't|won't|can't)\s+$/;
const OBJECT_AFTER =
  /^\s+(?:the|this|these|those|myelin|nerves?|healthy|itself|themselves|himself|herself|it|them|him|us|me|up|(?:its|their|his|her|our|your|my) own)\b/i;
const OTHER_CONDITION_BEFORE =
  /\b(?:heart|panic|anxiety|asthma|terror|terrorist|cyber|shark|dog|missile|air|military|gout|migraine|dental|arterial|amyloid|atherosclerotic|coronary|memorial|commemorative|blue|bronze|gum|tooth|drug|drinking|smoking|gambling|sickle[\s-]cell|hay[\s-]fever|allergy|allergic|seizure|angina|psoriasis|eczema)\s+$/i;
/** Another disease named up to three words before: "her cancer went into remission", "In cancer, remission means". */
const OTHER_DISEASE_NEAR =
  /\b(?:cancer|tumou?rs?|leuka?emia|lymphoma|myeloma|addiction|alcoholism|hepatitis|lupus|crohn['’]?s|colitis|arthritis)(?:[\s"'“”‘’(),;:]+[\w'’-]+){0,3}[\s"'“”‘’(),;:]+$/i;
const OTHER_CONDITION_AFTER =
  /^(?:\s+(?:of|into|in|on|from)\s+(?:(?:the|my|your|his|her|their|a|an)\s+)?(?:cancer|tumou?rs?|leuka?emia|lymphoma|addiction|drinking|alcohol|drugs?|smoking|gambling|depression|arter\w*|teeth|tooth|gums?|heart|coronary|blood vessels?|vessels?)|\s+psoriasis|\s+build[\s-]?up)\b/i;

/** Whether an everyday word at [start, end) is used in its everyday sense (see above). */
export function isOtherSense(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start);
  const after = text.slice(end, end + 40);
  return (
    VERB_BEFORE.test(before) ||
    MODAL_BEFORE.test(before) ||
    OBJECT_AFTER.test(after) ||
    OTHER_CONDITION_BEFORE.test(before) ||
    OTHER_DISEASE_NEAR.test(before) ||
    OTHER_CONDITION_AFTER.test(after)
  );
}

const URLISH = /:\/\/|@|^www\.|^[\w-]+(?:\.[\w-]+)+\/|\.(?:com|org|net|edu|gov|io|co|uk)(?:\/|$)/i;

/** Whether the whitespace-delimited token around [start, end) is a URL or e-mail address. */
export function insideUrlOrEmail(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && !/\s/.test(text[from - 1] as string)) from--;
  let to = end;
  while (to < text.length && !/\s/.test(text[to] as string)) to++;
  if (from === start && to === end) return false;
  return URLISH.test(text.slice(from, to));
}
