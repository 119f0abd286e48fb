/**
 * Decides whether a page is clearly about MS, which unlocks entries whose words
 * are everyday English elsewhere ("relapse", "plaque", "attack"). Pure.
 *
 * The rule (also in README.md): a page is about MS when its title contains an
 * MS-specific term, or when its text has at least MIN_OCCURRENCES occurrences
 * of MS-specific terms from at least MIN_DISTINCT different entries. Only
 * words that mean MS itself or exist only in MS count (entries marked
 * `match.msSpecific`: "multiple sclerosis", "RRMS", "ocrelizumab",
 * "Lhermitte's sign", "EDSS"); general health, anatomy and care words
 * ("immune system", "placebo", "MRI", "carer") never do, since every health
 * page has them.
 */

export const MIN_OCCURRENCES = 3;
export const MIN_DISTINCT = 2;

/** Running tally of unambiguous matches seen in a page. */
export class ContextEvidence {
  titleHit = false;
  private readonly counts = new Map<string, number>();
  private total = 0;

  /** Records one unambiguous match in the page text. */
  add(entryId: string): void {
    this.counts.set(entryId, (this.counts.get(entryId) ?? 0) + 1);
    this.total++;
  }

  /** Whether the page counts as being about MS. */
  isAboutMs(): boolean {
    return this.titleHit || (this.total >= MIN_OCCURRENCES && this.counts.size >= MIN_DISTINCT);
  }
}
