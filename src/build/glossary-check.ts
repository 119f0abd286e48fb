/**
 * Validates the glossary: the JSON Schema in glossary/schema.json for each
 * file (with Ajv), then the rules a schema cannot express across entries.
 * Runs at build time (glossary-plugin) and in `npm test`.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import schema from '../../glossary/schema.json' with { type: 'json' };
import { highlightForms } from '../core/glossary-index.ts';
import { CATEGORIES, type GlossaryEntry } from '../core/glossary-types.ts';
import { normalizeKey, pluralForms } from '../core/matcher.ts';

export interface GlossaryFile {
  /** Path relative to the glossary folder, e.g. "symptom/myokymia.json". */
  path: string;
  /** Parsed JSON, or the JSON parse error message. */
  data: unknown;
  parseError?: string;
}

export interface Problem {
  file: string;
  field: string;
  message: string;
}

export interface CheckOptions {
  /** Require at least one entry in every category (the full glossary does). */
  requireAllCategories?: boolean;
  /** Highest allowed mean Flesch-Kincaid grade of summaries. */
  maxMeanGrade?: number;
  /** Today, for the "reviewed" date check. */
  today?: string;
}

export interface GlossaryStats {
  count: number;
  perCategory: Record<string, number>;
  meanGrade: number;
  worstGrade: { id: string; grade: number };
}

export interface CheckResult {
  entries: GlossaryEntry[];
  problems: Problem[];
  stats: GlossaryStats;
}

export const MAX_SUMMARY_WORDS = 35;

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv, ['uri', 'date']);
const validateEntry = ajv.compile<GlossaryEntry>(schema);

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

function fileId(path: string): { folder: string; id: string } {
  const parts = path.split('/');
  const name = parts.at(-1) ?? '';
  return { folder: parts.length > 1 ? (parts.at(-2) ?? '') : '', id: name.replace(/\.json$/, '') };
}

/** Checks every file and the glossary as a whole. Never throws on bad data. */
export function checkGlossary(files: readonly GlossaryFile[], options: CheckOptions = {}): CheckResult {
  const problems: Problem[] = [];
  const entries: GlossaryEntry[] = [];
  const fileOf = new Map<string, string>();
  const add = (file: string, field: string, message: string) => problems.push({ file, field, message });

  for (const file of files) {
    if (file.parseError) {
      add(file.path, '(file)', `not valid JSON: ${file.parseError}`);
      continue;
    }
    if (!validateEntry(file.data)) {
      for (const err of validateEntry.errors ?? []) {
        const extra =
          err.keyword === 'additionalProperties'
            ? ` (${String((err.params as { additionalProperty?: string }).additionalProperty)})`
            : '';
        add(file.path, err.instancePath || '(entry)', `${err.message ?? 'is invalid'}${extra}`);
      }
      // Remember its id anyway, so entries that link to it do not report a second, misleading problem.
      const id = (file.data as { id?: unknown } | null)?.id;
      if (typeof id === 'string' && !fileOf.has(id)) fileOf.set(id, file.path);
      continue;
    }
    const entry = file.data;
    const { folder, id } = fileId(file.path);
    if (entry.id !== id) add(file.path, '/id', `must equal the file name "${id}"`);
    if (folder && entry.category !== folder) add(file.path, '/category', `must equal the folder name "${folder}"`);
    if (fileOf.has(entry.id)) {
      add(file.path, '/id', `duplicate id, also used by ${fileOf.get(entry.id)}`);
      continue;
    }
    fileOf.set(entry.id, file.path);
    entries.push(entry);
  }

  const allKeys = new Set<string>();
  for (const entry of entries) {
    for (const form of [entry.term, ...entry.aliases]) allKeys.add(normalizeKey(form));
  }
  checkForms(entries, fileOf, add);
  const grades: { id: string; grade: number }[] = [];
  const today = options.today ?? new Date().toISOString().slice(0, 10);

  for (const entry of entries) {
    const file = fileOf.get(entry.id) ?? entry.id;
    for (const rel of entry.related) {
      if (rel === entry.id) add(file, '/related', 'lists the entry itself');
      else if (!fileOf.has(rel)) add(file, '/related', `"${rel}" is not an entry id`);
    }
    const summaryWords = words(entry.summary).length;
    if (summaryWords > MAX_SUMMARY_WORDS) {
      add(file, '/summary', `has ${summaryWords} words; at most ${MAX_SUMMARY_WORDS} fit a popover`);
    }
    const summarySentences = sentences(entry.summary).length;
    if (summarySentences > 2) add(file, '/summary', `has ${summarySentences} sentences; use one or two`);
    const detailSentences = sentences(entry.details).length;
    if (detailSentences < 2 || detailSentences > 5) {
      add(file, '/details', `has ${detailSentences} sentence(s); use two to five`);
    }
    for (const acronym of entry.summary.match(/\b[A-Z][A-Z0-9]+s?\b/g) ?? []) {
      if (!allKeys.has(normalizeKey(acronym.replace(/s$/, ''))) && !allKeys.has(normalizeKey(acronym))) {
        add(file, '/summary', `uses "${acronym}", which is not itself an entry or alias`);
      }
    }
    if (entry.reviewed > today) add(file, '/reviewed', `is in the future (${entry.reviewed})`);
    for (const pattern of [...(entry.match?.notBefore ?? []), ...(entry.match?.notAfter ?? [])]) {
      try {
        new RegExp(pattern, 'u');
      } catch (err) {
        add(file, '/match', `pattern ${JSON.stringify(pattern)} is not a valid regular expression: ${String(err)}`);
      }
    }
    grades.push({ id: entry.id, grade: readingGrade(entry.summary) });
  }

  const perCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0]));
  for (const entry of entries) perCategory[entry.category] = (perCategory[entry.category] ?? 0) + 1;
  if (options.requireAllCategories) {
    for (const category of CATEGORIES) {
      if (perCategory[category] === 0) add('(glossary)', 'category', `no entry in category "${category}"`);
    }
  }
  const meanGrade = grades.length ? grades.reduce((n, g) => n + g.grade, 0) / grades.length : 0;
  const worstGrade = grades.reduce((w, g) => (g.grade > w.grade ? g : w), { id: '', grade: 0 });
  const maxMean = options.maxMeanGrade ?? 9;
  if (meanGrade > maxMean) {
    add('(glossary)', 'summary', `mean reading grade of summaries is ${meanGrade.toFixed(1)}; at most ${maxMean}`);
  }
  return { entries, problems, stats: { count: entries.length, perCategory, meanGrade, worstGrade } };
}

type Add = (file: string, field: string, message: string) => void;

/** Form-level rules: rules name real forms, and no two entries claim one form unless both share it. */
function checkForms(entries: GlossaryEntry[], fileOf: Map<string, string>, add: Add): void {
  const owner = new Map<string, { id: string; shared: boolean }>();
  for (const entry of entries) {
    const file = fileOf.get(entry.id) ?? entry.id;
    const names = new Set([entry.term, ...entry.aliases]);
    const rules = entry.match ?? {};
    const named: [string, string[] | undefined][] = [
      ['caseSensitive', rules.caseSensitive],
      ['caseInsensitive', rules.caseInsensitive],
      ['needsContext', Array.isArray(rules.needsContext) ? rules.needsContext : undefined],
      ['noHighlight', rules.noHighlight],
      ['shared', rules.shared],
    ];
    for (const [field, list] of named) {
      for (const form of list ?? []) {
        if (!names.has(form)) add(file, `/match/${field}`, `"${form}" is not the term or an alias`);
      }
    }
    if (entry.aliases.includes(entry.term)) add(file, '/aliases', 'repeats the term');
    const forms = [entry.term, ...entry.aliases];
    for (const alias of entry.aliases) {
      const base = forms.find((f) => f !== alias && pluralForms(f).includes(alias));
      if (base) add(file, '/aliases', `"${alias}" is the regular plural of "${base}"; plurals are found automatically`);
    }
    const shared = new Set(rules.shared ?? []);
    for (const form of highlightForms(entry)) {
      const key = normalizeKey(form);
      const prev = owner.get(key);
      if (prev && prev.id !== entry.id && !(prev.shared && shared.has(form))) {
        add(file, '/aliases', `"${form}" is also claimed by "${prev.id}"; mark it shared in both or remove one`);
      }
      if (!prev) owner.set(key, { id: entry.id, shared: shared.has(form) });
    }
  }
}
