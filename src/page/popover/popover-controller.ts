/**
 * When the popover opens and closes: mouse hover with a delay, keyboard focus,
 * Enter/Space (focus moves in), click or tap (pinned), Escape (closes, focus
 * returns to the highlight, and the page never sees that Escape), pointer
 * leaving both highlight and popover, tapping elsewhere, scrolling away.
 * Meets WCAG 1.4.13: dismissible (Escape), hoverable (the pointer may cross
 * the gap into the popover at any speed: close-grace.ts), persistent (stays
 * until one of those happens).
 */
import type { ReferenceElement } from '@floating-ui/dom';
import type { GlossaryEntry } from '../../core/glossary-types.ts';
import type { Settings } from '../../core/settings.ts';
import { isInLink, LINK_LIKE } from '../exclusions.ts';
import { listenKeys } from '../key-guard.ts';
import type { PageNames } from '../page-names.ts';
import { TEST_HOOKS } from '../test-hooks.ts';
import { CloseGrace } from './close-grace.ts';
import { LazySurface } from './lazy-surface.ts';
import type { WordsAccess } from './PopoverView.tsx';
import type { PopoverSurface } from './popover-surface.ts';

export interface PopoverDeps {
  doc: Document;
  names: PageNames;
  /**
   * The popover's view, loaded on first use (popover-surface.ts explains why);
   * `onAnchorHidden` is called when the highlight scrolls out of view.
   */
  loadSurface: (onAnchorHidden: () => void) => Promise<PopoverSurface>;
  /** Entry id of one of our highlights, or null for anything else. */
  entryIdOf: (el: Element) => string | null;
  loadEntry: (id: string) => Promise<GlossaryEntry | null>;
  termOf: (id: string) => string | undefined;
  openGlossary: (id: string) => void;
  /** "I know this word": stop (or, on Undo, start again) highlighting an entry everywhere. */
  setKnown: (id: string, known: boolean) => void;
  /** Saving terms to "My words"; absent where terms cannot be saved. */
  words?: WordsAccess;
}

export type PopoverPrefs = Pick<Settings, 'trigger' | 'hoverDelayMs' | 'theme' | 'fontSize'>;

/**
 * Where an event really happened. Events from inside a shadow root (a web
 * component's text) reach the document retargeted to the shadow host, so the
 * highlight is found from the first element of the composed path.
 */
function origin(e: Event): EventTarget | null {
  return e.composedPath()[0] ?? e.target;
}

/** What takes focus for a highlight: the highlight, or the link it sits in (it is not a tab stop itself). */
function focusTargetOf(mark: HTMLElement): HTMLElement {
  return isInLink(mark) ? (mark.parentElement?.closest<HTMLElement>(LINK_LIKE) ?? mark) : mark;
}

/** Shows on a highlight whether its popover is open; one inside a link has no role for that to belong to. */
function setExpanded(mark: HTMLElement | null | undefined, open: boolean): void {
  if (mark?.getAttribute('role') === 'button') mark.setAttribute('aria-expanded', String(open));
}

interface OpenState {
  anchor: ReferenceElement;
  mark: HTMLElement | null;
  pinned: boolean;
}

interface ShowRequest {
  pinned: boolean;
  takeFocus: boolean;
  entryId: string | null;
  choices?: { id: string; term: string }[];
  label?: string;
}

export class PopoverController {
  private readonly view: LazySurface;
  /** A popover waiting for its view to load: cancelled if the reader moves on first. */
  private waiting: { mark: HTMLElement | null; pinned: boolean } | null = null;
  private state: OpenState | null = null;
  private openTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly grace: CloseGrace;
  private readonly abort = new AbortController();
  private prefs: PopoverPrefs;
  private returningFocus = false;
  /** Milliseconds from each opening to its definition on screen (last 50; test builds only). */
  readonly latencies: number[] = [];

  constructor(
    private readonly deps: PopoverDeps,
    prefs: PopoverPrefs,
  ) {
    this.prefs = prefs;
    this.grace = new CloseGrace(
      deps.doc,
      () => {
        const to = this.view.current?.panelBox();
        return this.state && !this.state.pinned && to ? { from: this.state.anchor.getBoundingClientRect(), to } : null;
      },
      () => this.close(false),
    );
    this.view = new LazySurface(() =>
      deps.loadSurface(() => {
        if (this.state && !this.state.pinned) this.close(false);
      }),
    );
    const on = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void) =>
      deps.doc.addEventListener(type, fn, { capture: true, signal: this.abort.signal });
    on('pointerover', (e) => this.onPointerOver(e));
    on('pointerout', (e) => this.onPointerOut(e));
    on('focusin', (e) => this.onFocusIn(e));
    on('focusout', (e) => this.onFocusOut(e));
    const stopKeys = listenKeys(deps.doc.defaultView ?? window, (e) => this.onKeyDown(e));
    this.abort.signal.addEventListener('abort', stopKeys);
    on('click', (e) => this.onClick(e));
    on('pointerdown', (e) => this.onPointerDown(e));
  }

  setPrefs(prefs: PopoverPrefs): void {
    this.prefs = prefs;
  }

  /** Opens the popover for a highlight (popup's term list, next/previous term). */
  reveal(mark: HTMLElement, flashClass: string): void {
    mark.scrollIntoView({ block: 'center', behavior: 'auto' });
    mark.classList.add(flashClass);
    setTimeout(() => mark.classList.remove(flashClass), 2600);
    this.returningFocus = true;
    focusTargetOf(mark).focus({ preventScroll: true });
    this.returningFocus = false;
    this.openFor(mark, { pinned: true, takeFocus: false });
  }

  /** Shows an entry, or a choice of entries, next to the current selection. */
  explainSelection(range: Range, entryId: string | null, choices: { id: string; term: string }[], label: string) {
    const anchor: ReferenceElement = {
      getBoundingClientRect: () => range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
    };
    this.show(anchor, null, { pinned: true, takeFocus: true, entryId, choices, label });
  }

  /** Closes the popover and removes every listener. */
  destroy(): void {
    this.close(false);
    this.abort.abort();
  }

  /** Whether an event target is the popover. */
  private inPopover(target: EventTarget | null): boolean {
    return this.view.current?.contains(target) ?? false;
  }

  private markOf(target: EventTarget | null): HTMLElement | null {
    if (!target || !(target as Node).nodeType) return null;
    const node = target as Node;
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    const mark = el?.closest(`mark.${this.deps.names.markClass}`) as HTMLElement | null;
    return mark && this.deps.entryIdOf(mark) ? mark : null;
  }

  private onPointerOver(e: PointerEvent): void {
    if (this.inPopover(e.target)) {
      this.grace.cancel();
      return;
    }
    if (e.pointerType === 'touch' || this.prefs.trigger !== 'hover') return;
    const mark = this.markOf(origin(e));
    if (!mark) return;
    if (this.state?.mark === mark) {
      this.grace.cancel();
      return;
    }
    const id = this.deps.entryIdOf(mark);
    // Warm the entry cache and the view during the hover delay.
    if (id) void this.deps.loadEntry(id);
    void this.view.load();
    this.clearOpenTimer();
    this.openTimer = setTimeout(() => {
      this.openTimer = null;
      if (mark.isConnected) this.openFor(mark, { pinned: false, takeFocus: false });
    }, this.prefs.hoverDelayMs);
  }

  private onPointerOut(e: PointerEvent): void {
    const from = this.markOf(origin(e)) ?? (this.inPopover(e.target) ? this.state?.mark : null);
    if (!from && !this.inPopover(e.target)) return;
    const to = e.relatedTarget;
    if (to && (this.inPopover(to) || this.state?.mark?.contains(to as Node))) return;
    if (from && !from.contains(to as Node | null)) {
      this.clearOpenTimer();
      if (this.waiting?.mark === from && !this.waiting.pinned) this.waiting = null;
    }
    if (this.state && !this.state.pinned && e.pointerType !== 'touch') {
      this.grace.start(e.clientX, e.clientY);
    }
  }

  private onFocusIn(e: FocusEvent): void {
    if (this.inPopover(e.target) || this.returningFocus) return;
    const mark = this.markOf(origin(e));
    if (mark && this.state?.mark !== mark) this.openFor(mark, { pinned: false, takeFocus: false });
  }

  private onFocusOut(e: FocusEvent): void {
    const to = e.relatedTarget;
    const focusable = this.state?.mark ? focusTargetOf(this.state.mark) : null;
    if (!this.state || this.inPopover(to) || (to && focusable === to)) return;
    if (this.inPopover(e.target) || origin(e) === focusable) {
      // Focus left both the highlight and the popover (Tab onwards, click elsewhere).
      if (to !== null || !this.state.pinned) this.close(false);
    }
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.waiting && !this.state) this.waiting = null;
    if (e.key === 'Escape' && this.state) {
      // Ours alone: the page's dialogs and shortcuts must not also react.
      e.preventDefault();
      e.stopImmediatePropagation();
      const focusWasInside = this.inPopover(e.target) || (this.view.current?.activeElement ?? null) !== null;
      this.close(focusWasInside || origin(e) === this.state.mark);
      return;
    }
    if (e.key === 'Tab' && this.state?.mark && this.inPopover(e.target) && this.view.current?.atFocusEdge(e.shiftKey)) {
      // Tabbing out of the card goes back to its term, not to the end of the page where the card lives.
      e.preventDefault();
      e.stopImmediatePropagation();
      this.close(true);
      return;
    }
    const mark = this.markOf(origin(e));
    if (mark && origin(e) === mark && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      e.stopImmediatePropagation();
      this.openFor(mark, { pinned: true, takeFocus: true });
    }
  }

  private onClick(e: MouseEvent): void {
    if (this.inPopover(e.target)) return;
    const mark = this.markOf(origin(e));
    // A click on a term inside a link or toggle belongs to the page: it follows the link.
    if (!mark || isInLink(mark)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (this.state?.mark === mark && this.state.pinned) {
      this.close(false);
    } else {
      this.openFor(mark, { pinned: true, takeFocus: false });
    }
  }

  private onPointerDown(e: PointerEvent): void {
    if (!this.state || this.inPopover(e.target)) return;
    if (this.markOf(origin(e)) === this.state.mark) return;
    this.close(false);
  }

  private openFor(mark: HTMLElement, how: { pinned: boolean; takeFocus: boolean }): void {
    const id = this.deps.entryIdOf(mark);
    if (!id) return;
    if (this.state?.mark === mark) {
      this.state.pinned ||= how.pinned;
      if (how.takeFocus) this.show(mark, mark, { ...how, pinned: this.state.pinned, entryId: id });
      return;
    }
    this.show(mark, mark, { ...how, entryId: id });
  }

  private show(anchor: ReferenceElement, mark: HTMLElement | null, how: ShowRequest): void {
    this.clearOpenTimer();
    this.grace.cancel();
    const surface = this.view.current;
    if (!surface) {
      // The first popover in this frame: show it once its view has loaded, unless the reader moved on.
      const waiting = { mark, pinned: how.pinned };
      this.waiting = waiting;
      void this.view.load().then((loaded) => {
        if (loaded && this.waiting === waiting && (!mark || mark.isConnected)) this.show(anchor, mark, how);
      });
      return;
    }
    this.waiting = null;
    setExpanded(this.state?.mark, false);
    const container = mark?.closest('dialog[open]') ?? null;
    this.state = { anchor, mark, pinned: how.pinned };
    const openedAt = performance.now();
    let reported = false;
    const onReady = () => {
      if (reported) return;
      reported = true;
      if (!TEST_HOOKS) return;
      this.latencies.push(performance.now() - openedAt);
      if (this.latencies.length > 50) this.latencies.shift();
    };
    setExpanded(mark, true);
    surface.show(
      anchor,
      container,
      { theme: this.prefs.theme, fontSize: this.prefs.fontSize },
      {
        startId: how.entryId,
        choices: how.choices,
        choicesLabel: how.label,
        loadEntry: this.deps.loadEntry,
        termOf: this.deps.termOf,
        takeFocus: how.takeFocus,
        onClose: () => this.close(true),
        onOpenGlossary: this.deps.openGlossary,
        onKnow: mark ? (id: string, known: boolean) => this.know(id, known) : undefined,
        onReady,
        words: this.deps.words,
      },
    );
  }

  /**
   * The reader knows this word: its highlights go, so the popover stops
   * following its highlight and stays put, pinned, to offer Undo.
   */
  private know(id: string, known: boolean): void {
    const state = this.state;
    if (state && known) {
      state.pinned = true;
      setExpanded(state.mark, false);
      state.mark = null;
      this.view.current?.freeze();
    }
    this.deps.setKnown(id, known);
  }

  private close(returnFocus: boolean): void {
    this.clearOpenTimer();
    this.grace.cancel();
    this.waiting = null;
    const state = this.state;
    if (!state) return;
    this.state = null;
    setExpanded(state.mark, false);
    this.view.current?.hide();
    if (returnFocus && state.mark?.isConnected) {
      // Focus goes back to the term without opening the popover again.
      this.returningFocus = true;
      focusTargetOf(state.mark).focus({ preventScroll: true });
      this.returningFocus = false;
    }
  }

  private clearOpenTimer(): void {
    if (this.openTimer) clearTimeout(this.openTimer);
    this.openTimer = null;
  }
}
