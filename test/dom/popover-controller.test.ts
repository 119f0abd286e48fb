/**
 * The popover's state machine (popover-controller.ts) without a browser: a
 * fake view stands in for popover-surface.ts, and fake timers for the hover
 * delay and the grace period.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { matcherForSelection } from '../../src/core/glossary-index.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { PopoverController, type PopoverDeps } from '../../src/page/popover/popover-controller.ts';
import type { PopoverSurface } from '../../src/page/popover/popover-surface.ts';
import { INDEX, NAMES } from './helpers.ts';

/** Records what the controller asks of its view. */
class FakeSurface {
  shown: { entryId: string | null; pinned: boolean }[] = [];
  open = false;
  focusInside = false;
  edge = false;
  box: DOMRect | null = null;
  readonly el = document.createElement('div');
  contains(target: EventTarget | null): boolean {
    return this.open && target === this.el;
  }
  get activeElement(): Element | null {
    return this.focusInside ? this.el : null;
  }
  show(_anchor: unknown, _container: unknown, _prefs: unknown, props: { startId: string | null }): void {
    this.open = true;
    this.shown.push({ entryId: props.startId, pinned: false });
  }
  hide(): void {
    this.open = false;
    this.focusInside = false;
  }
  freeze(): void {}
  panelBox(): DOMRect | null {
    return this.open ? this.box : null;
  }
  atFocusEdge(): boolean {
    return this.edge;
  }
}

let surface: FakeSurface;
let controller: PopoverController;
let loads: number;
let failNextLoad: boolean;
let resolveLoad: (() => void) | null;

function mark(id: string): HTMLElement {
  return document.querySelector(`mark[data-id="${id}"]`) as HTMLElement;
}

function deps(): PopoverDeps {
  return {
    doc: document,
    names: NAMES,
    loadSurface: () => {
      loads++;
      if (failNextLoad) {
        failNextLoad = false;
        return Promise.reject(new Error('no view'));
      }
      return new Promise((resolve) => {
        resolveLoad = () => resolve(surface as unknown as PopoverSurface);
      });
    },
    entryIdOf: (el) => (el as HTMLElement).dataset.id ?? null,
    loadEntry: async () => null,
    termOf: (id) => id,
    openGlossary: () => {},
    setKnown: () => {},
  };
}

const prefs = { trigger: 'hover' as const, hoverDelayMs: 300, theme: 'system' as const, fontSize: 'medium' as const };

function pointer(
  type: 'pointerover' | 'pointerout' | 'pointermove',
  target: Element,
  relatedTarget: Element | null = null,
  at = { x: 0, y: 0 },
): void {
  const e = new MouseEvent(type, { bubbles: true, composed: true, relatedTarget, clientX: at.x, clientY: at.y });
  Object.defineProperty(e, 'pointerType', { value: 'mouse' });
  target.dispatchEvent(e);
}

function key(target: Element, k: string, shiftKey = false): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, cancelable: true, composed: true });
  target.dispatchEvent(e);
  return e;
}

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = `<p><mark class="${NAMES.markClass}" data-id="myokymia" tabindex="0" role="button">myokymia</mark>
    and <mark class="${NAMES.markClass}" data-id="axon" tabindex="-1" role="button">axon</mark></p>`;
  surface = new FakeSurface();
  document.body.append(surface.el);
  loads = 0;
  failNextLoad = false;
  resolveLoad = null;
  controller = new PopoverController(deps(), prefs);
});

afterEach(() => {
  controller.destroy();
  vi.useRealTimers();
});

describe('the popover state machine', () => {
  it('loads the view during the hover delay and opens after it, once', async () => {
    pointer('pointerover', mark('myokymia'));
    expect(loads).toBe(1); // warming up while the pointer rests
    resolveLoad?.();
    await vi.advanceTimersByTimeAsync(299);
    expect(surface.shown).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(surface.shown.map((s) => s.entryId)).toEqual(['myokymia']);
    expect(mark('myokymia').getAttribute('aria-expanded')).toBe('true');
    pointer('pointerover', mark('axon'));
    expect(loads).toBe(1);
  });

  it('never opens if the pointer leaves before the delay ends', async () => {
    pointer('pointerover', mark('myokymia'));
    resolveLoad?.();
    await vi.advanceTimersByTimeAsync(200);
    pointer('pointerout', mark('myokymia'), document.body);
    await vi.advanceTimersByTimeAsync(400);
    expect(surface.shown).toEqual([]);
  });

  it('never opens if the pointer leaves while the view is still loading', async () => {
    pointer('pointerover', mark('myokymia'));
    await vi.advanceTimersByTimeAsync(300); // the delay is over; the view is not there yet
    pointer('pointerout', mark('myokymia'), document.body);
    resolveLoad?.();
    await vi.advanceTimersByTimeAsync(10);
    expect(surface.shown).toEqual([]);
    expect(surface.open).toBe(false);
  });

  it('closes when the pointer leaves both the term and the popover, after a grace period', async () => {
    pointer('pointerover', mark('myokymia'));
    resolveLoad?.();
    await vi.advanceTimersByTimeAsync(300);
    pointer('pointerout', mark('myokymia'), document.body);
    await vi.advanceTimersByTimeAsync(200);
    pointer('pointerover', surface.el); // reached the popover in time
    await vi.advanceTimersByTimeAsync(500);
    expect(surface.open).toBe(true);
    pointer('pointerout', surface.el, document.body);
    await vi.advanceTimersByTimeAsync(400);
    expect(surface.open).toBe(false);
    expect(mark('myokymia').getAttribute('aria-expanded')).toBe('false');
  });

  it('waits for a pointer on its way into the popover however slowly it moves, and closes once it strays', async () => {
    // The term at (100, 100)-(180, 120); the popover below it at (100, 128)-(420, 328).
    mark('myokymia').getBoundingClientRect = () => new DOMRect(100, 100, 80, 20);
    surface.box = new DOMRect(100, 128, 320, 200);
    pointer('pointerover', mark('myokymia'));
    resolveLoad?.();
    await vi.advanceTimersByTimeAsync(300);
    expect(surface.open).toBe(true);
    pointer('pointerout', mark('myokymia'), document.body, { x: 150, y: 121 });
    // Two seconds in the gap, a few pixels at a time.
    for (let y = 122; y <= 126; y++) {
      await vi.advanceTimersByTimeAsync(400);
      pointer('pointermove', document.body, null, { x: 150 + (y - 122) * 20, y });
    }
    expect(surface.open).toBe(true);
    pointer('pointermove', document.body, null, { x: 600, y: 126 }); // off to the side
    await vi.advanceTimersByTimeAsync(350); // at most one grace period
    expect(surface.open).toBe(false);
  });

  it('pins on click, closes on a second click, and Escape closes with the page never seeing it', async () => {
    mark('myokymia').click();
    resolveLoad?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(surface.open).toBe(true);
    pointer('pointerout', mark('myokymia'), document.body);
    await vi.advanceTimersByTimeAsync(1000);
    expect(surface.open).toBe(true); // pinned
    mark('myokymia').click();
    expect(surface.open).toBe(false);
    mark('axon').click();
    await vi.advanceTimersByTimeAsync(0);
    const pageSaw = vi.fn();
    document.addEventListener('keydown', pageSaw);
    const e = key(mark('axon'), 'Escape');
    expect(e.defaultPrevented).toBe(true);
    expect(pageSaw).not.toHaveBeenCalled();
    expect(surface.open).toBe(false);
  });

  it('Tab past the edge of an open card closes it and returns focus to its term', async () => {
    mark('axon').focus();
    key(mark('axon'), 'Enter');
    resolveLoad?.();
    await vi.advanceTimersByTimeAsync(0);
    surface.focusInside = true;
    surface.edge = false;
    expect(key(surface.el, 'Tab').defaultPrevented).toBe(false); // moves within the card
    surface.edge = true;
    expect(key(surface.el, 'Tab').defaultPrevented).toBe(true);
    expect(surface.open).toBe(false);
    expect(document.activeElement).toBe(mark('axon'));
  });

  it('tries to load the view again after a failure', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    failNextLoad = true;
    mark('myokymia').click();
    await vi.advanceTimersByTimeAsync(0);
    expect(surface.open).toBe(false);
    expect(error).toHaveBeenCalled();
    mark('myokymia').click();
    resolveLoad?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(loads).toBe(2);
    expect(surface.open).toBe(true);
    error.mockRestore();
  });
});

describe('the matcher for a selection of terms', () => {
  it('is built once per selection', () => {
    const matcherFor = matcherForSelection(() => INDEX);
    const all = matcherFor({ ...DEFAULT_SETTINGS, termLevel: 'everyday' });
    // Another settings object with the same selection (other settings changed) reuses it.
    expect(matcherFor({ ...DEFAULT_SETTINGS, termLevel: 'everyday' })).toBe(all);
    const fewer = matcherFor({ ...DEFAULT_SETTINGS, termLevel: 'everyday', disabledTerms: ['axon'] });
    expect(fewer).not.toBe(all);
    expect(fewer.entryIds.has('axon')).toBe(false);
  });
});
