/**
 * Wraps matches in `<mark>` elements with mark.js, and remembers exactly what
 * was inserted so it can be taken out again, leaving the page's own text nodes
 * as they were.
 *
 * mark.js is given one text node at a time (the smallest possible context, so
 * nested contexts can never double-mark and no unmatched subtree is walked
 * again) and the same RegExp the scan used. Its `filter` replays the scan's
 * decisions in order, so what mark.js wraps is exactly what the scan accepted.
 *
 * mark.js's own wrapper tags each highlight with a fixed `data-markjs`
 * attribute that any page could query; the subclass below creates the element
 * itself, with the install's random names only, so no page can query a fixed
 * name to learn that its reader uses an MS extension.
 *
 * The subclass also hands mark.js its one text node directly instead of letting
 * it create a NodeIterator per call: live NodeIterators stay registered with
 * the document until garbage collection, and the browser updates every one of
 * them on every node removal. After 10,000 highlights that made each removal
 * in the page ~30x slower (measured: 600 ms to remove 10,000 marks, 20 ms after).
 */
import MarkJs from 'mark.js/src/lib/mark.js';

/** What one scanned text node held and which of its regex matches to wrap. */
export interface NodePlan {
  node: Text;
  /** node.data when it was scanned. */
  data: string;
  /** For every regex match in order: its text and whether to wrap it. */
  steps: { text: string; wrap: boolean }[];
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

/** The part of mark.js's DOMIterator that markRegExp uses, for a single text node. */
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
export function wrapPlannedMatches(
  plan: NodePlan,
  regex: RegExp,
  makeMark: (text: string) => HTMLElement,
): MarkRecord | null {
  const { node } = plan;
  if (node.data !== plan.data || !plan.steps.some((s) => s.wrap)) return null;
  const record: MarkRecord = { original: node, expected: '', created: [], marks: [] };
  const pieces = new Set<Text>([node]);
  let step = 0;
  let broken = false;
  const marker = new RecordingMark(
    node,
    (from, mark, rest) => {
      if (!pieces.has(from)) return;
      record.created.push(mark, rest);
      record.marks.push(mark);
      pieces.add(rest);
    },
    () => makeMark(plan.steps[step - 1]?.text ?? ''),
  );
  regex.lastIndex = 0;
  marker.markRegExp(regex, {
    element: 'mark',
    acrossElements: false,
    filter: (textNode, match) => {
      if (broken || !pieces.has(textNode)) return false;
      const next = plan.steps[step++];
      if (!next || next.text !== match) {
        broken = true;
        return false;
      }
      return next.wrap;
    },
  });
  regex.lastIndex = 0;
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
