/**
 * The one owner of how highlights meet the keyboard and assistive technology.
 * A highlight is a button that opens a dialog (the popover) and a tab stop,
 * except inside a link or toggle: there the control keeps its role, name and
 * single tab stop, and the term is explained on hover, with next/previous
 * term, or from the popup. In "every occurrence" mode only the first highlight
 * of a term is a tab stop, so Tab does not walk through every repeat.
 */
import { isInLink } from './exclusions.ts';

/** Sets a new highlight's accessibility attributes, in place (where it can tell whether it sits in a link). */
export function decorate(mark: HTMLElement): void {
  if (isInLink(mark)) return;
  mark.setAttribute('role', 'button');
  mark.setAttribute('tabindex', '0');
  mark.setAttribute('aria-haspopup', 'dialog');
  mark.setAttribute('aria-expanded', 'false');
}

/** Keeps repeats of a term out of the tab order, shortly after highlights change (one pass for a burst). */
export class TabStops {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    /** Live highlights in document order, each with its entry id. */
    private readonly marks: () => { mark: HTMLElement; id: string }[],
  ) {}

  schedule(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refresh();
    }, 200);
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private refresh(): void {
    const seen = new Set<string>();
    for (const { mark, id } of this.marks()) {
      if (isInLink(mark)) continue; // its link is the tab stop
      const first = !seen.has(id);
      seen.add(id);
      if (mark.tabIndex !== (first ? 0 : -1)) mark.setAttribute('tabindex', first ? '0' : '-1');
    }
  }
}
