/**
 * Glossary search for the popup and the A–Z page: typo-tolerant and alias-aware
 * ("ocrevus", "lhermite", "demylination" find their entries), using MiniSearch.
 * Pure.
 */
import MiniSearch from 'minisearch';
import type { GlossaryEntry } from './glossary-types.ts';
import { normalizeKey } from './matcher.ts';
import { escapeClass, JOINERS } from './separators.ts';

export interface SearchHit {
  id: string;
  term: string;
  summary: string;
  score: number;
}

interface Doc {
  /** The entry's place in the list the search was built from. */
  id: number;
  term: string;
  aliases: string;
  summary: string;
}

/** Search splits words where the matcher does (separators), and at apostrophes and punctuation. */
const TOKEN_BREAKS = new RegExp(`[\\s${escapeClass(JOINERS)}'\u2019().,;:]+`);

export class GlossarySearch {
  private readonly index: MiniSearch<Doc>;

  constructor(private readonly entries: readonly GlossaryEntry[]) {
    this.index = new MiniSearch<Doc>({
      fields: ['term', 'aliases', 'summary'],
      storeFields: [],
      // Straight and curly apostrophes, hyphens and slashes all split words.
      tokenize: (text) => text.split(TOKEN_BREAKS).filter(Boolean),
      searchOptions: {
        boost: { term: 4, aliases: 3, summary: 0.5 },
        prefix: true,
        fuzzy: (term) => (term.length <= 3 ? false : term.length <= 6 ? 1 : 0.25),
        combineWith: 'AND',
      },
    });
    this.index.addAll(
      entries.map((e, i) => ({ id: i, term: e.term, aliases: e.aliases.join(' ; '), summary: e.summary })),
    );
  }

  /**
   * Best matches first; an empty query finds nothing. A term or alias that is
   * exactly the query comes first, then ones that start with it, then the rest
   * by MiniSearch's relevance score.
   */
  search(query: string, limit = 8): SearchHit[] {
    const q = query.trim();
    if (!q) return [];
    let results = this.index.search(q);
    if (results.length === 0) results = this.index.search(q, { combineWith: 'OR' });
    const wanted = normalizeKey(q);
    const tier = (entry: GlossaryEntry) => {
      const names = [entry.term, ...entry.aliases].map(normalizeKey);
      if (names.includes(wanted)) return 0;
      return names.some((n) => n.startsWith(wanted)) ? 1 : 2;
    };
    return results
      .flatMap((r) => {
        const entry = this.entries[r.id as number];
        return entry ? [{ entry, score: r.score, tier: tier(entry) }] : [];
      })
      .sort((a, b) => a.tier - b.tier || b.score - a.score)
      .slice(0, limit)
      .map(({ entry, score }) => ({ id: entry.id, term: entry.term, summary: entry.summary, score }));
  }
}
