/**
 * The highlights' stylesheet (mark-styles.ts writes its text): one <style>
 * per document or shadow root that holds highlights, kept in place if the
 * page removes it, and taken out with the last highlight.
 */
export class HighlightStyles {
  private readonly styles = new Map<Document | ShadowRoot, HTMLStyleElement>();

  constructor(
    private readonly doc: Document,
    private css: string,
  ) {}

  /** Makes sure `root` has the stylesheet. */
  ensure(root: Document | ShadowRoot): void {
    const existing = this.styles.get(root);
    if (existing?.isConnected) return;
    const style = existing ?? this.doc.createElement('style');
    style.textContent = this.css;
    const parent = root.nodeType === 9 ? ((root as Document).head ?? (root as Document).documentElement) : root;
    parent?.appendChild(style);
    this.styles.set(root, style);
  }

  /** Puts back any stylesheet the page removed. */
  restore(): void {
    for (const root of this.styles.keys()) this.ensure(root);
  }

  setCss(css: string): void {
    if (css === this.css) return;
    this.css = css;
    for (const style of this.styles.values()) style.textContent = css;
  }

  /** Whether a node is one of these stylesheets. */
  owns(node: Node): boolean {
    // Asked for every node a page adds: only a <style> can be one of ours.
    if (node.nodeType !== 1 || (node as Element).localName !== 'style') return false;
    for (const style of this.styles.values()) if (style === node) return true;
    return false;
  }

  removeAll(): void {
    for (const style of this.styles.values()) style.remove();
    this.styles.clear();
  }
}
