/**
 * What the background answers to pages and the popup, apart from the browser:
 * the handlers take everything they touch as dependencies, so they run in
 * unit tests as they run in the extension.
 */
import type { GlossaryEntry } from '../core/glossary-types.ts';
import type { BackgroundHandlers } from './messages.ts';

/** Distinct terms per tab, per frame (content scripts run in every frame), for the toolbar badge. */
export class TermsByTab {
  private readonly tabs = new Map<number, Map<number, readonly string[]>>();

  set(tabId: number, frameId: number, ids: readonly string[]): void {
    const frames = this.tabs.get(tabId) ?? new Map<number, readonly string[]>();
    frames.set(frameId, ids);
    this.tabs.set(tabId, frames);
  }

  forget(tabId: number): void {
    this.tabs.delete(tabId);
  }

  tabIds(): number[] {
    return [...this.tabs.keys()];
  }

  /** The badge: how many distinct terms the tab's frames found, or nothing when none (or badges are off). */
  badgeText(tabId: number, showBadge: boolean): string {
    const frames = this.tabs.get(tabId);
    if (!frames || !showBadge) return '';
    const distinct = new Set([...frames.values()].flat());
    return distinct.size > 0 ? String(distinct.size) : '';
  }
}

export interface BackgroundDeps {
  /** The glossary entry with this id. */
  entry(id: string): GlossaryEntry | undefined;
  /** Opens the A–Z glossary page in a new tab, at an entry when given. */
  openGlossary(id?: string): Promise<unknown>;
  /** Makes sure MS Lens runs in the tab; false when it may not. */
  ensureRunning(tabId: number): Promise<boolean>;
  /** Injects the popover's view into the frame that asked; false when it cannot. */
  loadPopover(sender: { tab?: { id?: number }; frameId?: number }): Promise<boolean>;
  terms: TermsByTab;
  /** Shows the tab's badge as `terms` has it now. */
  updateBadge(tabId: number): Promise<void>;
}

/** One handler per request the background answers. */
export function backgroundHandlers(deps: BackgroundDeps): BackgroundHandlers {
  return {
    'get-entry': ({ id }) => deps.entry(id) ?? null,
    'open-glossary': async ({ id }) => {
      await deps.openGlossary(id);
      return undefined;
    },
    'activate-tab': ({ tabId }) => deps.ensureRunning(tabId),
    'load-popover': (_request, sender) => deps.loadPopover(sender),
    'page-terms': async ({ ids }, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return undefined;
      deps.terms.set(tabId, sender.frameId ?? 0, ids);
      await deps.updateBadge(tabId);
      return undefined;
    },
  };
}
