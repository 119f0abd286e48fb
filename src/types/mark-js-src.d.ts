/**
 * Types for mark.js's ES module source, which src/page/marker.ts subclasses.
 * Only what MS Lens uses is declared.
 */
declare module 'mark.js/src/lib/mark.js' {
  export interface MarkRegExpOptions {
    element?: string;
    className?: string;
    exclude?: string[];
    acrossElements?: boolean;
    filter?: (textNode: Text, match: string, totalCounter: number) => boolean;
    each?: (element: HTMLElement) => void;
    done?: (totalMarks: number) => void;
  }
  export default class Mark {
    constructor(ctx: Node | Node[]);
    markRegExp(regexp: RegExp, options?: MarkRegExpOptions): void;
    markRanges(ranges: { start: number; length: number }[], options?: MarkRegExpOptions): void;
    /** Internal: what walks the context's text nodes (a DOMIterator). */
    protected get iterator(): {
      forEachNode(whatToShow: number, each: (n: Text) => void, filter: (n: Text) => number, done?: () => void): void;
    };
    /** Internal: wraps [start, end) of a text node; returns the text after it. */
    protected wrapRangeInTextNode(node: Text, start: number, end: number): Text;
    protected opt: MarkRegExpOptions;
  }
}
