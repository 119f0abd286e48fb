/**
 * The one owner of how highlights meet the keyboard and assistive technology.
 *
 * A highlight is a button that opens a dialog (the popover), except inside a
 * link or toggle: there the control keeps its role, name and single tab stop,
 * and the term is explained on hover, with next/previous term, or from the
 * popup.
 *
 * All highlights together are one tab stop (a roving tab index): Tab reaches
 * the first highlight (or the one used last), the arrow keys move to the
 * next or previous highlight, and the next Tab leaves them for the page's
 * next control. An article with 35 terms costs one Tab, not 35, and each
 * highlight still opens its explanation when it gets focus.
 */
import { isInLink } from './exclusions.ts';

const NEXT = new Set(['ArrowRight', 'ArrowDown']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp']);

export class TabStops {
  private current: HTMLElement | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private listening = false;

  constructor(
    private readonly doc: Document,
    /** Live highlights in document order. */
    private readonly marks: () => HTMLElement[],
    /** Whether an element is one of the highlights. */
    private readonly isMark: (el: Element) => boolean,
  ) {}

  /** Starts following focus and arrow keys. */
  start(): void {
    if (this.listening) return;
    this.listening = true;
    this.doc.addEventListener('focusin', this.onFocusIn, true);
    this.doc.addEventListener('keydown', this.onKeyDown, true);
  }

  stop(): void {
    this.listening = false;
    this.doc.removeEventListener('focusin', this.onFocusIn, true);
    this.doc.removeEventListener('keydown', this.onKeyDown, true);
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.current = null;
  }

  /** Sets a new highlight's roles, in place (where it can tell whether it sits in a link). */
  decorate(mark: HTMLElement): void {
    if (isInLink(mark)) return;
    mark.setAttribute('role', 'button');
    mark.setAttribute('aria-haspopup', 'dialog');
    mark.setAttribute('aria-expanded', 'false');
    const first = !this.current?.isConnected;
    mark.setAttribute('tabindex', first ? '0' : '-1');
    if (first) this.current = mark;
  }

  /** Highlights changed: shortly after (one pass for a burst), make sure exactly one is the tab stop. */
  schedule(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const stops = this.stops();
      this.moveTo(this.current && stops.includes(this.current) ? this.current : (stops[0] ?? null), stops);
    }, 200);
  }

  private stops(): HTMLElement[] {
    return this.marks().filter((m) => m.getAttribute('role') === 'button');
  }

  private moveTo(stop: HTMLElement | null, stops: HTMLElement[]): void {
    this.current = stop;
    for (const m of stops) {
      const index = m === stop ? '0' : '-1';
      if (m.getAttribute('tabindex') !== index) m.setAttribute('tabindex', index);
    }
  }

  private target(e: Event): HTMLElement | null {
    const el = e.composedPath()[0];
    return el instanceof Element && el.getAttribute('role') === 'button' && this.isMark(el)
      ? (el as HTMLElement)
      : null;
  }

  private readonly onFocusIn = (e: FocusEvent): void => {
    const mark = this.target(e);
    if (!mark || mark === this.current) return;
    if (this.current?.isConnected) this.current.setAttribute('tabindex', '-1');
    mark.setAttribute('tabindex', '0');
    this.current = mark;
  };

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const forward = NEXT.has(e.key);
    if (!forward && !PREVIOUS.has(e.key)) return;
    const mark = this.target(e);
    if (!mark) return;
    const stops = this.stops();
    const at = stops.indexOf(mark);
    const next = stops[at + (forward ? 1 : -1)];
    if (at < 0 || !next) return;
    // The arrow moves between terms instead of scrolling the page.
    e.preventDefault();
    e.stopPropagation();
    next.focus();
  };
}
