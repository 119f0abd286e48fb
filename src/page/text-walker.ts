/**
 * Walks the text of a page region in document order, skipping excluded
 * subtrees whole, and reports open shadow roots on the way. Resumable: a job
 * asks for one text node at a time, so it can stop at any slice boundary.
 */
import { isSkippedElement } from './exclusions.ts';
import type { PageNames } from './page-names.ts';

const SHOW = 0x1 | 0x4; // NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT

/** Whether `node` sits inside an excluded element (crossing shadow roots). */
export function insideSkipped(node: Node, names: PageNames): boolean {
  let current: Node | null = node.parentNode;
  while (current) {
    if (current.nodeType === 1 && isSkippedElement(current as Element, names)) return true;
    current = current.nodeType === 11 && 'host' in current ? (current as ShadowRoot).host : current.parentNode;
  }
  return false;
}

export class TextWalker {
  private readonly walker: TreeWalker;
  private done = false;
  private started = false;

  constructor(
    private readonly root: Node,
    private readonly names: PageNames,
    private readonly skipText: (node: Text) => boolean,
    private readonly onShadowRoot: (root: ShadowRoot) => void,
  ) {
    const doc = root.nodeType === 9 ? (root as Document) : (root.ownerDocument as Document);
    this.walker = doc.createTreeWalker(root, SHOW);
  }

  /** Whether the walk lost its place because the page removed the current node. */
  get lost(): boolean {
    return this.started && !this.done && !this.walker.currentNode.isConnected;
  }

  /** The next text node to scan, or null at the end. */
  next(): Text | null {
    if (this.done) return null;
    let node: Node | null;
    if (!this.started) {
      this.started = true;
      node = this.walker.currentNode;
      if (node.nodeType === 3) {
        this.done = true;
        return this.accept(node as Text) ? (node as Text) : null;
      }
      if (node.nodeType === 1 && isSkippedElement(node as Element, this.names)) {
        this.done = true;
        return null;
      }
      this.visitElement(node);
      node = this.walker.nextNode();
    } else {
      node = this.walker.nextNode();
    }
    while (node) {
      if (node.nodeType === 3) {
        if (this.accept(node as Text)) return node as Text;
        node = this.walker.nextNode();
      } else if (isSkippedElement(node as Element, this.names)) {
        node = this.skipChildren();
      } else {
        this.visitElement(node);
        node = this.walker.nextNode();
      }
    }
    this.done = true;
    return null;
  }

  private accept(node: Text): boolean {
    return node.data.length >= 2 && !this.skipText(node);
  }

  private visitElement(node: Node): void {
    const shadow = node.nodeType === 1 ? (node as Element).shadowRoot : null;
    if (shadow) this.onShadowRoot(shadow);
  }

  /** Moves past the current node's subtree. */
  private skipChildren(): Node | null {
    let node: Node | null = this.walker.currentNode;
    while (node && node !== this.root) {
      const sibling = this.walker.nextSibling();
      if (sibling) return sibling;
      node = this.walker.parentNode();
    }
    return null;
  }
}
