/**
 * What the reader sees of the popover: its host in the page (popover-host.ts)
 * and the Preact view inside it, with its styles. The content script does not
 * carry this code: src/page/popover/popover-controller.ts asks for it the
 * first time a reader points at, focuses or taps a highlight, and the
 * background injects it (entrypoints/popover-ui.ts) into the same isolated
 * world, during the hover delay. A tab where no popover ever opens never holds
 * Preact, Floating UI or the card's styles. Extension pages (the reader)
 * import it directly.
 */
import type { ReferenceElement } from '@floating-ui/dom';
import { h, render } from 'preact';
import type { Settings } from '../../core/settings.ts';
import cardCss from '../../ui/term-card.css?inline';
import themeCss from '../../ui/theme.css?inline';
import type { PageNames } from '../page-names.ts';
import { PopoverView, type PopoverViewProps } from './PopoverView.tsx';
import popoverCss from './popover.css?inline';
import { PopoverHost } from './popover-host.ts';

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]';
const CSS = `${themeCss}\n${cardCss}\n${popoverCss}`;

export type SurfacePrefs = Pick<Settings, 'theme' | 'fontSize'>;

export class PopoverSurface {
  private readonly host: PopoverHost;
  private mount: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;

  constructor(doc: Document, names: PageNames, onAnchorHidden: () => void) {
    this.host = new PopoverHost(doc, names, CSS, onAnchorHidden);
  }

  /** Whether an event target is the popover. */
  contains(target: EventTarget | null): boolean {
    return this.host.contains(target);
  }

  /** Where the popover is on screen, or null while it is closed. */
  panelBox(): DOMRect | null {
    return this.host.panelBox();
  }

  /** The element that has focus inside the popover, if any. */
  get activeElement(): Element | null {
    return this.host.activeElement;
  }

  /** Shows the view next to `anchor` (inside `container` when that is an open modal dialog), replacing any other. */
  show(
    anchor: ReferenceElement,
    container: Element | null,
    prefs: SurfacePrefs,
    props: Omit<PopoverViewProps, 'onResize'>,
  ): void {
    this.hide();
    const { mount, shadow } = this.host.open(anchor, container);
    this.shadow = shadow;
    mount.classList.add('ms-theme');
    mount.dataset.theme = prefs.theme;
    mount.dataset.font = prefs.fontSize;
    this.mount = mount;
    render(h(PopoverView, { ...props, onResize: () => this.host.reposition(anchor) }), mount);
  }

  /** Unmounts the view and takes the host out of the page. */
  hide(): void {
    if (this.mount) render(null, this.mount); // unmount Preact before the host leaves the page
    this.mount = null;
    this.shadow = null;
    this.host.close();
  }

  /**
   * Whether Tab (or Shift+Tab when `backwards`) would take focus out of the
   * popover: focus is on its last (first) control, or on the dialog itself
   * going backwards.
   */
  atFocusEdge(backwards: boolean): boolean {
    const active = this.host.activeElement;
    if (!active || !this.shadow) return false;
    const controls = [...this.shadow.querySelectorAll<HTMLElement>(TABBABLE)].filter(
      (el) => el.tabIndex >= 0 && el.getClientRects().length > 0,
    );
    if (!controls.includes(active as HTMLElement)) return backwards || controls.length === 0;
    return active === (backwards ? controls[0] : controls.at(-1));
  }

  /** Stops following the anchor (it is about to leave the page); the popover stays where it is. */
  freeze(): void {
    this.host.freeze();
  }
}

/** How the injected script hands the surface to the content script (see surface-global.ts). */
export type CreateSurface = (doc: Document, names: PageNames, onAnchorHidden: () => void) => PopoverSurface;

export const createSurface: CreateSurface = (doc, names, onAnchorHidden) =>
  new PopoverSurface(doc, names, onAnchorHidden);
