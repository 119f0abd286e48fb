/**
 * Wraps matches in `<mark>` elements with mark.js, and remembers exactly what
 * was inserted so it can be taken out again, leaving the page's own text nodes
 * as they were.
 *
 * The scan already knows where every match is, so mark.js gets those offsets
 * through its public `markRanges`, one text node at a time (the smallest
 * possible context: nested contexts can never double-mark, and no unmatched
 * subtree is walked again). No regular expression is run twice.
 *
 * Two of mark.js's protected members are overridden, in this one small
 * adapter (tested by test/dom/highlighter.test.ts), because its public build
 * cannot do what MS Lens must:
 * - `wrapRangeInTextNode`: mark.js's own wrapper stamps every highlight with
 *   a fixed `data-markjs` attribute that any page could query to learn that
 *   its reader uses an MS extension; here the element is made with the
 *   install's random names only.
 * - `iterator`: mark.js creates a live NodeIterator per call; live
 *   NodeIterators stay registered with the document until garbage collection
 *   and the browser updates every one of them on every node removal. After
 *   10,000 highlights that made each removal in the page about 30 times slower
 *   (measured in Chromium: 600 ms to remove 10,000 marks, 20 ms with the one
 *   text node handed over directly).
 * Hence the import of mark.js's ES module source, whose class can be extended.
 */
import MarkJs from 'mark.js/src/lib/mark.js';

/** One match of a scanned text node to wrap: [start, end) and its entry. */
export interface PlannedMatch {
  start: number;
  end: number;
  entryId: string;
}

/** What one scanned text node held and which of its matches to wrap, in order. */
export interface NodePlan {
  node: Text;
  /** node.data when it was scanned. */
  data: string;
  matches: PlannedMatch[];
}

/** Everything inserted into one of the page's text nodes. */
export interface MarkRecord {
  /** The page's text node; it keeps the text before the first highlight. */
  original: Text;
  /** original.data right after wrapping, to tell whether the page changed it since. */
  expected: string;
  /** Inserted nodes after `original`, in order: highlights and the text between them. */
  created: ChildNode[];
  marks: HTMLElement[];
}

type OnWrap = (from: Text, mark: HTMLElement, rest: Text) => void;

/** The part of mark.js's DOMIterator that markRanges uses, for a single text node. */
class SingleNodeIterator {
  constructor(private readonly node: Text) {}

  forEachNode(
    _whatToShow: number,
    each: (node: Text) => void,
    filter: (node: Text) => number,
    done: () => void = () => {},
  ): void {
    if (filter(this.node) === 1) each(this.node); // NodeFilter.FILTER_ACCEPT
    done();
  }
}

class RecordingMark extends MarkJs {
  constructor(
    private readonly node: Text,
    private readonly onWrap: OnWrap,
    private readonly makeMark: () => HTMLElement,
  ) {
    super(node);
  }

  protected override get iterator(): SingleNodeIterator {
    return new SingleNodeIterator(this.node);
  }

  protected override wrapRangeInTextNode(node: Text, start: number, end: number): Text {
    const match = node.splitText(start);
    const rest = match.splitText(end - start);
    const mark = this.makeMark();
    mark.textContent = match.data;
    match.replaceWith(mark);
    this.onWrap(node, mark, rest);
    return rest;
  }
}

/**
 * Wraps the planned matches of one text node. Returns the record of what was
 * inserted, or null if nothing was (the node changed since it was scanned).
 */
export function wrapPlannedMatches(plan: NodePlan, makeMark: (entryId: string) => HTMLElement): MarkRecord | null {
  const { node, matches } = plan;
  if (node.data !== plan.data || matches.length === 0) return null;
  const record: MarkRecord = { original: node, expected: '', created: [], marks: [] };
  let next = 0;
  const marker = new RecordingMark(
    node,
    (_from, mark, rest) => {
      record.created.push(mark, rest);
      record.marks.push(mark);
    },
    () => makeMark(matches[next++]?.entryId ?? ''),
  );
  marker.markRanges(
    matches.map((m) => ({ start: m.start, length: m.end - m.start })),
    { element: 'mark' },
  );
  if (record.marks.length === 0) return null;
  record.expected = node.data;
  return record;
}

/**
 * Takes out everything a record inserted. If the page has not touched its text
 * node, the node gets its full text back (the same node object, so frameworks
 * holding it keep working). If the page rewrote the node meanwhile, the page's
 * value stands and only our insertions go.
 */
export function unwrapRecord(record: MarkRecord): void {
  const { original, created } = record;
  const pageChanged = original.data !== record.expected;
  let text = '';
  if (!pageChanged) for (const node of created) text += node.textContent ?? '';
  for (const node of created) node.remove();
  if (!pageChanged && text) original.data = record.expected + text;
}
