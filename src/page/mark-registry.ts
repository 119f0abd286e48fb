/**
 * The highlights MS Lens has put in a page, and what each belongs to: which
 * original text node each record replaced (marker.ts), which entry each
 * highlight explains, and the first highlight of each entry. It alone
 * creates highlights and takes them out again.
 */
import { type MarkRecord, type NodePlan, unwrapRecord, wrapPlannedMatches } from './marker.ts';
import type { PageNames } from './page-names.ts';
import { TEST_HOOKS, testIdAttr } from './test-hooks.ts';

export class MarkRegistry {
  private readonly records = new Map<Text, MarkRecord>();
  /** Original text nodes and the pieces made from them, to their record. */
  private readonly owner = new WeakMap<Node, MarkRecord>();
  private readonly entryOf = new WeakMap<HTMLElement, string>();
  private readonly firstMark = new Map<string, HTMLElement>();
  private count = 0;

  constructor(
    private readonly doc: Document,
    private readonly names: PageNames,
    /** Gives a new highlight its roles and tab stop (tab-stops.ts). */
    private readonly decorate: (mark: HTMLElement) => void,
  ) {}

  /** How many highlights are in the page. */
  get size(): number {
    return this.count;
  }

  /** Whether any record is kept. */
  get empty(): boolean {
    return this.records.size === 0;
  }

  /** The record a node belongs to: an original text node, or a piece made from one. */
  recordOwning(node: Node): MarkRecord | undefined {
    return this.owner.get(node);
  }

  /** The record made from this original text node. */
  recordOf(node: Text): MarkRecord | undefined {
    return this.records.get(node);
  }

  /** Entry id of one of these highlights, or null for anything else. */
  entryIdOf(el: Element): string | null {
    return this.entryOf.get(el as HTMLElement) ?? null;
  }

  /** Whether the entry already has a highlight in the page. */
  hasFirst(id: string): boolean {
    return this.firstMark.get(id)?.isConnected ?? false;
  }

  /** Forgets the first highlights (a single-page app moved to a new page). */
  forgetFirsts(): void {
    this.firstMark.clear();
  }

  /** Live highlights under the given roots, in document order. */
  marks(roots: Iterable<Document | ShadowRoot>): HTMLElement[] {
    const out: HTMLElement[] = [];
    for (const root of roots) {
      for (const el of root.querySelectorAll<HTMLElement>(`mark.${this.names.markClass}`)) {
        if (this.entryOf.has(el)) out.push(el);
      }
    }
    return out;
  }

  /** Entries highlighted under the given roots, in order of first appearance, with counts and the page's own word. */
  termCounts(roots: Iterable<Document | ShadowRoot>): { id: string; count: number; word: string }[] {
    const counts = new Map<string, { id: string; count: number; word: string }>();
    for (const mark of this.marks(roots)) {
      const id = this.entryOf.get(mark) as string;
      const seen = counts.get(id);
      if (seen) seen.count++;
      else counts.set(id, { id, count: 1, word: (mark.textContent ?? '').slice(0, 80) });
    }
    return [...counts.values()];
  }

  /**
   * Wraps a plan's matches in highlights (keeping "first" of each entry up to
   * date), or returns false if the text changed or is taken.
   */
  wrap(plan: NodePlan, firstOnly: boolean): boolean {
    const { node } = plan;
    if (!node.isConnected || this.owner.has(node) || node.data !== plan.data) return false;
    const record = wrapPlannedMatches(plan, (entryId) => this.makeMark(entryId));
    if (!record) return false;
    this.records.set(node, record);
    this.owner.set(node, record);
    for (const created of record.created) this.owner.set(created, record);
    this.count += record.marks.length;
    for (const mark of record.marks) {
      const id = this.entryOf.get(mark) as string;
      // Decorated once in place, where it can tell whether it sits inside a link.
      this.decorate(mark);
      if (firstOnly || !this.firstMark.get(id)?.isConnected) this.firstMark.set(id, mark);
    }
    return true;
  }

  /** Puts the original text back in place of a record's pieces. */
  unwrap(record: MarkRecord): void {
    unwrapRecord(record);
    this.forget(record);
  }

  /** Drops a record whose nodes are already out of the page (removing any pieces still left beside it). */
  forget(record: MarkRecord, removePieces = false): void {
    if (removePieces) for (const created of record.created) created.remove();
    this.records.delete(record.original);
    this.owner.delete(record.original);
    this.count -= record.marks.length;
    for (const mark of record.marks) {
      const id = this.entryOf.get(mark);
      if (id && this.firstMark.get(id) === mark) this.firstMark.delete(id);
    }
  }

  /** Forgets every record whose original text the page removed. */
  pruneDetached(): void {
    for (const record of [...this.records.values()]) if (!record.original.isConnected) this.forget(record);
  }

  /** Takes out the highlights of the given entries (or all); returns the text nodes that held them. */
  unwrapAll(ids?: ReadonlySet<string>): Text[] {
    const touched: Text[] = [];
    for (const record of [...this.records.values()]) {
      if (ids && !record.marks.some((m) => ids.has(this.entryOf.get(m) ?? ''))) continue;
      this.unwrap(record);
      touched.push(record.original);
    }
    if (ids) for (const id of ids) this.firstMark.delete(id);
    else this.firstMark.clear();
    return touched;
  }

  private makeMark(id: string): HTMLElement {
    const mark = this.doc.createElement('mark');
    mark.className = this.names.markClass;
    if (TEST_HOOKS) mark.setAttribute(testIdAttr(this.names), id);
    this.entryOf.set(mark, id);
    return mark;
  }
}
