/**
 * The shape of glossary data, from the JSON files in glossary/ to the two
 * compiled forms the extension ships: the full entries (loaded on demand) and
 * the compact match index (carried by the content script).
 */

/** A glossary entry id: kebab-case, at most 64 characters (glossary/schema.json says the same; a unit test keeps them equal). */
export const ENTRY_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Categories, in the order the options page and the A–Z page show them. */
export const CATEGORIES = ['disease', 'symptom', 'test', 'dmt', 'medicine', 'living', 'science', 'research'] as const;

export type Category = (typeof CATEGORIES)[number];

/**
 * How familiar an entry's word is, from most to least: `everyday` words most
 * adults know in the same sense (not highlighted by default), `common` words met
 * often in MS reading, `specialist` clinical or scientific words.
 */
export const LEVELS = ['everyday', 'common', 'specialist'] as const;

export type Level = (typeof LEVELS)[number];

/** Human labels for categories. */
export const CATEGORY_LABELS: Record<Category, string> = {
  disease: 'MS and its types',
  symptom: 'Symptoms and signs',
  test: 'Tests, scans and scales',
  dmt: 'Disease-modifying treatments',
  medicine: 'Other medicines and treatments',
  living: 'Rehabilitation and daily life',
  science: 'The body and the science',
  research: 'Research and clinical trials',
};

export interface Source {
  title: string;
  url: string;
  publisher: string;
}

/** How an entry's words may be found in pages. Everything is optional. */
export interface MatchRules {
  /** Forms that must match with exactly this capitalisation. */
  caseSensitive?: string[];
  /** Forms that match in any capitalisation even if they look like abbreviations. */
  caseInsensitive?: string[];
  /**
   * Forms that are everyday words elsewhere; they are highlighted only on pages
   * that are clearly about MS. `true` means every form of the entry.
   */
  needsContext?: boolean | string[];
  /** Aliases shown in "Also called" but never highlighted (too ambiguous). */
  noHighlight?: string[];
  /** Aliases that another entry may also claim (the first entry wins when matching). */
  shared?: string[];
  /**
   * The entry's words name MS itself or something that exists only in MS (its
   * types, its medicines, its own signs and scales). Only such words count as
   * evidence that a page is about MS (src/core/page-context.ts).
   */
  msSpecific?: boolean;
  /** Regular expressions (source text); a match followed by one of them is not highlighted. */
  notBefore?: string[];
  /** Regular expressions (source text); a match preceded by one of them is not highlighted. */
  notAfter?: string[];
}

/** One glossary entry, exactly as stored in glossary/<category>/<id>.json. */
export interface GlossaryEntry {
  id: string;
  term: string;
  pronunciation?: string;
  category: Category;
  level: Level;
  summary: string;
  details: string;
  aliases: string[];
  related: string[];
  sources: Source[];
  reviewed: string;
  /** When a fast-moving entry should be checked again. */
  recheck?: string;
  /** Substrings that the advice check flags but that state a labelled fact. */
  allowAdvice?: string[];
  /** Specialist terms the summary uses and explains itself. */
  summaryExplains?: string[];
  match?: MatchRules;
}

/**
 * What the content script needs to find an entry's words, and nothing more.
 * Compact on purpose: it is bundled into every page's content script.
 */
export interface IndexEntry {
  /** Entry id. */
  id: string;
  /** How familiar the entry's word is (decides whether the reader's level setting highlights it). */
  level: Level;
  /** Every highlightable form: the term first, then aliases. */
  forms: string[];
  /** 1 when the entry's words are evidence that a page is about MS. */
  ms?: 1;
  /** Indexes into `forms` that are case-sensitive (explicitly). */
  cs?: number[];
  /** Indexes into `forms` that are case-insensitive (explicitly). */
  ci?: number[];
  /** Indexes into `forms` that need an MS page context. */
  ctx?: number[];
  /** notBefore / notAfter patterns. */
  nb?: string[];
  na?: string[];
}

type OptionalKeys<T> = { [K in keyof T]-?: Record<string, never> extends Pick<T, K> ? K : never }[keyof T];
/** Each field of a type, marked as the type has it: the compiler keeps such a table exact (test/unit/glossary.test.ts compares one with glossary/schema.json). */
export type FieldTable<T> = { [K in keyof T]-?: K extends OptionalKeys<T> ? 'optional' : 'required' };
