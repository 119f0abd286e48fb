/**
 * Shows a PDF page by page: every page gets a placeholder of its size, and
 * only pages near the viewport are drawn (canvas) and get their selectable
 * text layer, one page at a time, so a long document neither blocks the page
 * nor fills memory. Pages far from view are released again.
 */
import { type PDFDocumentProxy, type PDFPageProxy, TextLayer } from 'pdfjs-dist';
import { pageParagraphs, type TextPiece } from '../core/document-input.ts';
import { addLinks, type ConfirmLink } from './pdf-links.ts';

/** Zoom steps offered (1 = 100%). */
export const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
/** Pages kept drawn beyond the ones near view; older ones are released. */
const KEEP_DRAWN = 12;

interface PageSlot {
  number: number;
  el: HTMLElement;
  drawn: boolean;
  drawing: Promise<void> | null;
  textLayer: TextLayer | null;
}

export interface PdfViewHooks {
  /** The page nearest the top of the view changed. */
  onPageChange?(page: number): void;
  /** A page was drawn with its text layer (for the "no text" check and timings). */
  onPageDrawn?(page: number, textItems: number): void;
  confirmLink: ConfirmLink;
}

export class PdfView {
  private readonly slots: PageSlot[] = [];
  private readonly observer: IntersectionObserver;
  private readonly visible = new Set<number>();
  private readonly queue: number[] = [];
  private readonly drawnOrder: number[] = [];
  private scale = 1;
  private baseSize = { width: 612, height: 792 };
  private working = false;
  private scrollFrame = 0;
  private destroyed = false;
  private current = 1;
  private readonly texts = new Map<number, string[]>();

  constructor(
    private readonly pdf: PDFDocumentProxy,
    private readonly container: HTMLElement,
    private readonly hooks: PdfViewHooks,
  ) {
    this.observer = new IntersectionObserver((records) => this.onIntersect(records), {
      rootMargin: '50% 0px',
    });
  }

  get pageCount(): number {
    return this.pdf.numPages;
  }

  get zoom(): number {
    return this.scale;
  }

  /** Lays out placeholders for every page (sized like page 1) and starts drawing what is in view. */
  async start(scale = 1): Promise<void> {
    this.scale = scale;
    const first = await this.pdf.getPage(1);
    const vp = first.getViewport({ scale: 1 });
    this.baseSize = { width: vp.width, height: vp.height };
    const doc = this.container.ownerDocument;
    const frag = doc.createDocumentFragment();
    for (let n = 1; n <= this.pdf.numPages; n++) {
      const el = doc.createElement('section');
      el.className = 'pdf-page';
      el.dataset.page = String(n);
      el.setAttribute('aria-label', `Page ${n} of ${this.pdf.numPages}`);
      this.size(el, this.baseSize);
      frag.append(el);
      this.slots.push({ number: n, el, drawn: false, drawing: null, textLayer: null });
    }
    this.container.append(frag);
    for (const slot of this.slots) this.observer.observe(slot.el);
    addEventListener('scroll', this.onScroll, { passive: true });
    // The first page is wanted at once, whatever the observer says.
    this.want(1);
  }

  private size(el: HTMLElement, size: { width: number; height: number }): void {
    el.style.width = `${Math.floor(size.width * this.scale)}px`;
    el.style.height = `${Math.floor(size.height * this.scale)}px`;
    el.style.setProperty('--total-scale-factor', String(this.scale));
  }

  /** Scrolls to a page (1-based) and draws it. */
  goTo(page: number): void {
    const slot = this.slots[Math.min(Math.max(page, 1), this.slots.length) - 1];
    if (!slot) return;
    slot.el.scrollIntoView({ block: 'start' });
    this.want(slot.number);
    this.setCurrent(slot.number);
  }

  get currentPage(): number {
    return this.current;
  }

  /** Changes the zoom: every page is resized and the ones in view drawn again. */
  setZoom(scale: number): void {
    if (scale === this.scale) return;
    const page = this.current;
    this.scale = scale;
    for (const slot of this.slots) this.release(slot);
    this.drawnOrder.length = 0;
    for (const slot of this.slots) this.size(slot.el, this.baseSize);
    this.goTo(page);
    for (const n of this.visible) this.want(n);
  }

  /** A page's text as paragraphs (read once and remembered). */
  async pageText(page: number): Promise<string[]> {
    const known = this.texts.get(page);
    if (known) return known;
    const p = await this.pdf.getPage(page);
    const content = await p.getTextContent();
    const paragraphs = pageParagraphs(content.items as TextPiece[]);
    this.texts.set(page, paragraphs);
    return paragraphs;
  }

  destroy(): void {
    this.destroyed = true;
    this.observer.disconnect();
    removeEventListener('scroll', this.onScroll);
    cancelAnimationFrame(this.scrollFrame);
    for (const slot of this.slots) this.release(slot);
    this.container.replaceChildren();
    void this.pdf.destroy();
  }

  private onIntersect(records: IntersectionObserverEntry[]): void {
    for (const r of records) {
      const n = Number((r.target as HTMLElement).dataset.page);
      if (r.isIntersecting) {
        this.visible.add(n);
        this.want(n);
      } else {
        this.visible.delete(n);
      }
    }
  }

  /** The page at the top third of the window: the one being read. */
  private readonly onScroll = (): void => {
    if (this.scrollFrame) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      const line = innerHeight / 3;
      let lo = 0;
      let hi = this.slots.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((this.slots[mid] as PageSlot).el.getBoundingClientRect().top <= line) lo = mid;
        else hi = mid - 1;
      }
      const slot = this.slots[lo];
      if (slot) this.setCurrent(slot.number);
    });
  };

  private setCurrent(page: number): void {
    if (page === this.current) return;
    this.current = page;
    this.hooks.onPageChange?.(page);
  }

  private want(page: number): void {
    if (!this.queue.includes(page)) this.queue.push(page);
    void this.work();
  }

  /** Draws wanted pages one after another; each yields to the page between steps. */
  private async work(): Promise<void> {
    if (this.working) return;
    this.working = true;
    try {
      while (!this.destroyed && this.queue.length > 0) {
        const n = this.queue.shift() as number;
        const slot = this.slots[n - 1];
        if (!slot || slot.drawn) continue;
        // Pages scrolled past while queued are skipped (page 1 and the target of goTo are always drawn).
        if (n !== 1 && n !== this.current && !this.visible.has(n)) continue;
        await this.draw(slot);
      }
    } finally {
      this.working = false;
    }
  }

  private async draw(slot: PageSlot): Promise<void> {
    const page = await this.pdf.getPage(slot.number);
    if (this.destroyed) return;
    const viewport = page.getViewport({ scale: this.scale });
    const doc = this.container.ownerDocument;
    const ratio = Math.min(globalThis.devicePixelRatio || 1, 2);
    const canvas = doc.createElement('canvas');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.className = 'pdf-canvas';
    canvas.setAttribute('aria-hidden', 'true');
    const textDiv = doc.createElement('div');
    textDiv.className = 'textLayer';
    const linkDiv = doc.createElement('div');
    linkDiv.className = 'pdf-links';
    this.size(slot.el, { width: viewport.width / this.scale, height: viewport.height / this.scale });
    slot.el.replaceChildren(canvas, textDiv, linkDiv);
    slot.drawn = true;
    await page
      .render({
        canvas,
        viewport,
        transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined,
      })
      .promise.catch(() => undefined);
    await this.addText(slot, page, viewport, textDiv);
    try {
      addLinks(linkDiv, await page.getAnnotations({ intent: 'display' }), viewport, this.hooks.confirmLink);
    } catch {
      // A page whose annotations cannot be read still shows its text.
    }
    page.cleanup();
    this.drawnOrder.push(slot.number);
    this.releaseFarPages();
  }

  private async addText(
    slot: PageSlot,
    page: PDFPageProxy,
    viewport: ReturnType<PDFPageProxy['getViewport']>,
    textDiv: HTMLElement,
  ): Promise<void> {
    let items = 0;
    try {
      const content = await page.getTextContent();
      items = content.items.filter((i) => 'str' in i && i.str.trim() !== '').length;
      if (!this.texts.has(slot.number)) this.texts.set(slot.number, pageParagraphs(content.items as TextPiece[]));
      const layer = new TextLayer({ textContentSource: content, container: textDiv, viewport });
      slot.textLayer = layer;
      await layer.render();
    } catch {
      // No text layer for this page; it still shows.
    }
    this.hooks.onPageDrawn?.(slot.number, items);
  }

  /** Keeps memory bounded in long documents: pages drawn long ago and out of view go back to placeholders. */
  private releaseFarPages(): void {
    while (this.drawnOrder.length > KEEP_DRAWN) {
      const n = this.drawnOrder.find((p) => !this.visible.has(p) && p !== this.current);
      if (n === undefined) return;
      this.drawnOrder.splice(this.drawnOrder.indexOf(n), 1);
      const slot = this.slots[n - 1];
      if (slot) this.release(slot);
    }
  }

  private release(slot: PageSlot): void {
    slot.textLayer?.cancel();
    slot.textLayer = null;
    for (const c of slot.el.querySelectorAll('canvas')) {
      c.width = 0;
      c.height = 0;
    }
    slot.el.replaceChildren();
    slot.drawn = false;
  }
}
