/**
 * The popover's place in the page: a custom element with a shadow root,
 * present only while a popover is open (so a page cannot find it at rest), shown in the browser's top
 * layer (the Popover API) so no page overlay or z-index can cover it, and
 * positioned next to its anchor by Floating UI, following scroll and resize.
 *
 * Page CSS cannot reach inside the shadow root, and `:host` rules marked
 * !important win over the page's own !important rules on the host element.
 * The root is open so accessibility checkers (axe-core) can inspect it; it
 * holds only public glossary text, and a page can already tell which term is
 * open from the highlight's aria-expanded.
 */
import {
  autoUpdate,
  computePosition,
  hide,
  offset,
  type Placement,
  type ReferenceElement,
  shift,
  size,
} from '@floating-ui/dom';
import type { PageNames } from '../page-names.ts';

/** Space kept between the popover and its term, and between the popover and the window's edges. */
const GAP = 8;

/**
 * Below the term when the whole popover fits there; otherwise above when it
 * fits there, or else on whichever side has more room (a popover squeezed
 * into a strip below a term near the bottom would cut its summary while two
 * or three times the room was free above).
 */
export function choosePlacement(naturalHeight: number, roomAbove: number, roomBelow: number): Placement {
  const need = naturalHeight + 2 * GAP;
  if (need <= roomBelow) return 'bottom-start';
  if (need <= roomAbove) return 'top-start';
  return roomAbove > roomBelow ? 'top-start' : 'bottom-start';
}

export interface HostedPopover {
  /** Where the popover's content is rendered. */
  mount: HTMLElement;
  shadow: ShadowRoot;
}

export class PopoverHost {
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private panel: HTMLElement | null = null;
  private stopFollowing: (() => void) | null = null;

  constructor(
    private readonly doc: Document,
    private readonly names: PageNames,
    private readonly css: string,
    /** Called when the anchor scrolls out of view. */
    private readonly onAnchorHidden: () => void,
  ) {}

  /** Whether an event target is the popover (events from inside a shadow root are retargeted to the host). */
  contains(target: EventTarget | null): boolean {
    return target !== null && this.host !== null && (target === this.host || this.host.contains(target as Node));
  }

  /** Puts the host in the page and returns the element to render into. */
  open(anchor: ReferenceElement, container: Element | null): HostedPopover {
    this.close();
    const host = this.doc.createElement(this.names.hostTag);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = this.css;
    const panel = this.doc.createElement('div');
    panel.className = 'pop-panel';
    panel.setAttribute('popover', 'manual');
    shadow.append(style, panel);
    // Inside an open modal <dialog> everything else is inert, so live there.
    (container ?? this.doc.documentElement).append(host);
    if (typeof panel.showPopover === 'function') panel.showPopover();
    this.host = host;
    this.shadow = shadow;
    this.panel = panel;
    this.stopFollowing = autoUpdate(anchor, panel, () => this.place(anchor, panel));
    return { mount: panel, shadow };
  }

  /** Re-measures after the content changed size. */
  reposition(anchor: ReferenceElement): void {
    if (this.panel) this.place(anchor, this.panel);
  }

  /** Stops following the anchor and leaves the popover where it is (its anchor is about to leave the page). */
  freeze(): void {
    this.stopFollowing?.();
    this.stopFollowing = null;
  }

  /** Removes the host from the page. */
  close(): void {
    this.stopFollowing?.();
    this.stopFollowing = null;
    this.host?.remove();
    this.host = null;
    this.shadow = null;
    this.panel = null;
  }

  /** Where the popover is on screen, or null while it is closed. */
  panelBox(): DOMRect | null {
    return this.panel?.getBoundingClientRect() ?? null;
  }

  /** The element that has focus inside the popover, if any. */
  get activeElement(): Element | null {
    return this.shadow?.activeElement ?? null;
  }

  private place(anchor: ReferenceElement, panel: HTMLElement): void {
    // The popover's full height, measured without the limit the last placement gave it
    // (put back at once, before anything is painted).
    const limit = panel.style.maxHeight;
    panel.style.maxHeight = 'none';
    const natural = panel.getBoundingClientRect().height;
    panel.style.maxHeight = limit;
    const term = anchor.getBoundingClientRect();
    const viewHeight = this.doc.defaultView?.innerHeight ?? this.doc.documentElement.clientHeight;
    const placement = choosePlacement(natural, term.top, viewHeight - term.bottom);
    void computePosition(anchor, panel, {
      strategy: 'fixed',
      placement,
      middleware: [
        offset(GAP),
        shift({ padding: GAP }),
        size({
          padding: GAP,
          apply({ availableHeight, availableWidth, elements }) {
            elements.floating.style.maxHeight = `${Math.max(160, availableHeight)}px`;
            elements.floating.style.maxWidth = `${Math.min(480, Math.max(240, availableWidth))}px`;
          },
        }),
        hide(),
      ],
    }).then(({ x, y, middlewareData }) => {
      if (panel !== this.panel) return;
      panel.style.left = `${x}px`;
      panel.style.top = `${y}px`;
      panel.dataset.side = placement.startsWith('top') ? 'top' : 'bottom';
      if (middlewareData.hide?.referenceHidden) this.onAnchorHidden();
    });
  }
}
