/**
 * The background: serves glossary entries to pages (so content scripts carry
 * only the match index), keeps the toolbar badge, and opens extension pages.
 */
import entries from 'virtual:glossary-entries';
import { browser } from 'wxt/browser';
import type { GlossaryEntry } from '../core/glossary-types.ts';
import { listenBackgroundRequests } from './messages.ts';
import { getPageKey, loadSettings, watchSettings } from './settings-store.ts';

const byId = new Map<string, GlossaryEntry>(entries.map((e) => [e.id, e]));

/** Distinct terms per tab, per frame (content scripts run in every frame). */
const termsByTab = new Map<number, Map<number, string[]>>();
let showBadge = true;

function badgeText(tabId: number): string {
  const frames = termsByTab.get(tabId);
  if (!frames || !showBadge) return '';
  const distinct = new Set([...frames.values()].flat());
  return distinct.size > 0 ? String(distinct.size) : '';
}

async function updateBadge(tabId: number): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: badgeText(tabId) });
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#0b57d0' });
  } catch {
    // The tab closed meanwhile.
  }
}

/** URL of the A–Z glossary page, optionally at an entry. */
export function glossaryUrl(id?: string): string {
  return browser.runtime.getURL(`/glossary.html${id ? `#${encodeURIComponent(id)}` : ''}`);
}

export function startBackground(): void {
  // Made once per install, before any page needs it (page-names.ts explains why).
  void getPageKey();
  void loadSettings().then(({ settings }) => {
    showBadge = settings.showBadge;
  });
  watchSettings(({ settings }) => {
    if (settings.showBadge === showBadge) return;
    showBadge = settings.showBadge;
    for (const tabId of termsByTab.keys()) void updateBadge(tabId);
  });

  listenBackgroundRequests((request, sender) => {
    switch (request.type) {
      case 'get-entry':
        return byId.get(request.id) ?? null;
      case 'open-glossary':
        return browser.tabs.create({ url: glossaryUrl(request.id) }).then(() => undefined);
      case 'page-terms': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return undefined;
        const frames = termsByTab.get(tabId) ?? new Map<number, string[]>();
        frames.set(sender.frameId ?? 0, request.ids);
        termsByTab.set(tabId, frames);
        return updateBadge(tabId);
      }
    }
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First install: say hello and explain what MS Lens does and does not do.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html?welcome=1') });
  });

  browser.tabs.onRemoved.addListener((tabId) => termsByTab.delete(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url) {
      termsByTab.delete(tabId);
      void updateBadge(tabId);
    }
  });
}
