/**
 * The full glossary entries and the one lookup by id, for the background and
 * the extension's own pages (popup, options, glossary, reader, My words).
 * Content scripts never import this: they carry only the match index and ask
 * the background for an entry's text when a popover shows it.
 */
import entries from 'virtual:glossary-entries';
import type { GlossaryEntry } from '../core/glossary-types.ts';

export { entries };

const byId = new Map<string, GlossaryEntry>(entries.map((e) => [e.id, e]));

/** Every entry's id. */
export const entryIds: ReadonlySet<string> = new Set(byId.keys());

/** The entry with this id, or undefined when the glossary has none. */
export function entryById(id: string): GlossaryEntry | undefined {
  return byId.get(id);
}

/** The entry's term, as related-term links and page-term lists name it. */
export function termOf(id: string): string | undefined {
  return byId.get(id)?.term;
}
