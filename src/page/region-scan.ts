/**
 * Reads one region of the page, text node by text node, and finds the
 * glossary forms in it (src/core/matcher.ts). The matcher's sense and
 * look-alike rules read the words around a match, which may sit in the
 * neighbouring text node of the same line ("the <a>immune system</a> attacks
 * myelin"), so a node's candidates are settled only once the next node is
 * read. Resumable: it stops at any slice boundary and goes on later.
 */
import { type Candidate, type CompiledMatcher, findCandidates } from '../core/matcher.ts';
import type { TextWalker } from './text-walker.ts';

export interface ScanHit {
  node: Text;
  data: string;
  candidates: Candidate[];
}

/** Elements that flow inside a line of text: text on either side of them belongs to one sentence. */
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'del',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
]);

/** The nearest ancestor that is not an inline element: text nodes with the same one share a line of text. */
function blockOf(node: Text): Element | null {
  let el = node.parentElement;
  while (el && INLINE_TAGS.has(el.localName)) el = el.parentElement;
  return el;
}

/** How much of the neighbouring text the rules may read. */
const CONTEXT_CHARS = 40;

/** Why reading stopped: the slice ended, the region is read, or the page removed the node the walk stood on. */
export type ReadResult = 'paused' | 'done' | 'lost';

export class RegionScan {
  /** Settled hits not yet taken. */
  private hits: ScanHit[] = [];
  /** Text nodes read: the bound on one walk (a tab that lives for hours makes many walks). */
  private scanned = 0;
  /** The block-level element, and text, of the last node read. */
  private last: { block: Element | null; data: string } | null = null;
  /** The last node's hit, waiting for the text after it. */
  private pending: (ScanHit & { block: Element | null; before: string }) | null = null;

  constructor(
    private readonly walker: TextWalker,
    private readonly matcher: CompiledMatcher,
    /** Told about every settled, highlightable candidate (the page-context evidence). */
    private readonly onFound: (candidate: Candidate) => void,
  ) {}

  /** Reads until `expired()` says stop (checked every 16 nodes) or `maxNodes` nodes have been read in all. */
  read(expired: () => boolean, maxNodes: number): ReadResult {
    for (let n = 1; ; n++) {
      if (n % 16 === 0 && expired()) return 'paused';
      if (this.walker.lost) {
        this.settle('');
        return 'lost';
      }
      if (this.scanned >= maxNodes) break;
      const node = this.walker.next();
      if (!node) break;
      this.scanned++;
      const data = node.data;
      const block = blockOf(node);
      const sameLine = this.last !== null && this.last.block === block;
      this.settle(sameLine && this.pending?.block === block ? data.slice(0, CONTEXT_CHARS) : '');
      const before = sameLine ? (this.last?.data.slice(-CONTEXT_CHARS) ?? '') : '';
      this.last = { block, data };
      const candidates = findCandidates(data, this.matcher, { before });
      if (candidates.length > 0) this.pending = { node, data, candidates, block, before };
    }
    this.settle('');
    return 'done';
  }

  /** The hits settled since the last call, in document order. */
  take(): ScanHit[] {
    return this.hits.splice(0);
  }

  /** Text nodes read so far. */
  get nodesRead(): number {
    return this.scanned;
  }

  /** Keeps the last node's candidates, re-read with the text after it when that is on the same line. */
  private settle(after: string): void {
    const hit = this.pending;
    if (!hit) return;
    this.pending = null;
    if (after) hit.candidates = findCandidates(hit.data, this.matcher, { before: hit.before, after });
    this.hits.push({ node: hit.node, data: hit.data, candidates: hit.candidates });
    for (const c of hit.candidates) if (!c.rejected) this.onFound(c);
  }
}
