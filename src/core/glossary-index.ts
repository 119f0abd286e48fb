/**
 * Turns full glossary entries into the compact match index the content script
 * carries, and back-references helpers shared by the UI. Pure.
 */
import { type GlossaryEntry, type IndexEntry, LEVELS, type Level } from './glossary-types.ts';
import { type CompiledMatcher, compileMatcher } from './matcher.ts';

/** All highlightable forms of an entry: its term, then aliases, minus `noHighlight`. */
export function highlightForms(entry: GlossaryEntry): string[] {
  const hidden = new Set(entry.match?.noHighlight ?? []);
  return [entry.term, ...entry.aliases].filter((form, i, all) => !hidden.has(form) && all.indexOf(form) === i);
}

function indexesOf(forms: string[], wanted: readonly string[] | undefined): number[] | undefined {
  if (!wanted || wanted.length === 0) return undefined;
  const set = new Set(wanted);
  const out = forms.flatMap((form, i) => (set.has(form) ? [i] : []));
  return out.length > 0 ? out : undefined;
}

/** The match index for `entries`, in their order (earlier entries win shared forms). */
export function toIndex(entries: readonly GlossaryEntry[]): IndexEntry[] {
  return entries.map((entry) => {
    const forms = highlightForms(entry);
    const rules = entry.match ?? {};
    const ctx =
      rules.needsContext === true ? forms.map((_, i) => i) : indexesOf(forms, rules.needsContext || undefined);
    const item: IndexEntry = { id: entry.id, level: entry.level, forms };
    if (rules.msSpecific) item.ms = 1;
    const cs = indexesOf(forms, rules.caseSensitive);
    const ci = indexesOf(forms, rules.caseInsensitive);
    if (cs) item.cs = cs;
    if (ci) item.ci = ci;
    if (ctx && ctx.length > 0) item.ctx = ctx;
    if (rules.notBefore?.length) item.nb = rules.notBefore;
    if (rules.notAfter?.length) item.na = rules.notAfter;
    return item;
  });
}

/** Whether entries of `level` are highlighted when the reader chose `chosen` (levels run everyday < common < specialist). */
export function levelShown(level: Level, chosen: Level): boolean {
  return LEVELS.indexOf(level) >= LEVELS.indexOf(chosen);
}

/** What decides which entries a page highlights. */
export interface TermSelection {
  disabledTerms: readonly string[];
  termLevel: Level;
}

/**
 * Ids of the entries a page does not highlight: those the reader turned off
 * (one by one, or with "I know this word") and those below the chosen level.
 * Sorted, so equal selections give equal lists.
 */
export function hiddenIds(index: readonly IndexEntry[], selection: TermSelection): string[] {
  const off = new Set(selection.disabledTerms);
  return index
    .filter((e) => off.has(e.id) || !levelShown(e.level, selection.termLevel))
    .map((e) => e.id)
    .sort();
}

/** Keeps only the enabled entries of an index. */
export function enabledIndex(index: readonly IndexEntry[], disabled: ReadonlySet<string>): IndexEntry[] {
  return disabled.size === 0 ? [...index] : index.filter((e) => !disabled.has(e.id));
}

/**
 * The matcher for the entries a reader's settings highlight, built once per
 * selection: settings changes that do not change the selection reuse it
 * without reading the index again (the content script asks at start-up and on
 * every settings change).
 */
export function matcherForSelection(
  readIndex: () => readonly IndexEntry[],
): (selection: TermSelection) => CompiledMatcher {
  let last: { key: string; matcher: CompiledMatcher } | null = null;
  return (selection) => {
    const key = `${selection.termLevel}|${[...selection.disabledTerms].sort().join(',')}`;
    if (last?.key !== key) {
      const index = readIndex();
      last = { key, matcher: compileMatcher(enabledIndex(index, new Set(hiddenIds(index, selection)))) };
    }
    return last.matcher;
  };
}
