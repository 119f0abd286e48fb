/**
 * Turns full glossary entries into the compact match index the content script
 * carries, and back-references helpers shared by the UI. Pure.
 */
import type { GlossaryEntry, IndexEntry } from './glossary-types.ts';

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
    const item: IndexEntry = { id: entry.id, forms };
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

/** Keeps only the enabled entries of an index. */
export function enabledIndex(index: readonly IndexEntry[], disabled: ReadonlySet<string>): IndexEntry[] {
  return disabled.size === 0 ? [...index] : index.filter((e) => !disabled.has(e.id));
}
