/**
 * The background: serves glossary entries to pages (content scripts carry only
 * the match index), keeps the content script registered for the sites the
 * reader allowed, runs MS Lens on demand (toolbar button, shortcuts, context
 * menu; activeTab), and keeps the toolbar badge.
 */

import { browser } from 'wxt/browser';
import { GlossarySearch } from '../core/search.ts';
import type { Settings } from '../core/settings.ts';
import { hostOf, isSiteEnabled, setSiteEnabled } from '../core/sites.ts';
import { backgroundHandlers, TermsByTab } from './background-handlers.ts';
import { entries, entryById } from './glossary-entries.ts';
import { askTab, listenBackgroundRequests } from './messages.ts';
import { firstStartOfThisLoad, injectInto, injectIntoOpenTabs, syncRegistration } from './registration.ts';
import { getPageKey, loadSettings, migrateSettings, saveSettings, watchSettings } from './settings-store.ts';
import { glossaryUrl, readerUrl } from './tabs.ts';

const POPOVER_FILE = '/popover-ui.js';
let search: GlossarySearch | null = null;

const termsByTab = new TermsByTab();
let showBadge = true;

async function updateBadge(tabId: number): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: termsByTab.badgeText(tabId, showBadge) });
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#0b57d0' });
  } catch {
    // The tab closed meanwhile.
  }
}

async function isRunning(tabId: number): Promise<boolean> {
  return (await askTab(tabId, { type: 'get-page-terms' })) !== null;
}

/** Makes sure MS Lens runs in a tab: already there, or injected now (needs access or activeTab). */
async function ensureRunning(tabId: number): Promise<boolean> {
  if (await isRunning(tabId)) return true;
  if (!(await injectInto(tabId))) return false;
  for (let i = 0; i < 20; i++) {
    if (await askTab(tabId, { type: 'get-page-terms' })) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

async function toggleSite(tab: { id?: number; url?: string }): Promise<void> {
  if (tab.id === undefined || !tab.url) return;
  const host = hostOf(tab.url);
  if (host === null) return;
  await ensureRunning(tab.id);
  const { settings } = await loadSettings();
  await saveSettings(setSiteEnabled(host, !isSiteEnabled(host, settings), settings));
}

const MENU_ID = 'ms-lens-explain';
const PDF_MENU_ID = 'ms-lens-explain-pdf';

async function explainSelection(tabId: number, text: string): Promise<void> {
  if (!(await ensureRunning(tabId))) return;
  search ??= new GlossarySearch(entries);
  const hits = search.search(text, 5);
  await askTab(tabId, {
    type: 'explain-selection',
    text: text.slice(0, 200),
    choices: hits.map((h) => ({ id: h.id, term: h.term })),
  });
}

/** Injects the popover's view into the frame that asked, in the content script's isolated world. */
async function loadPopover(sender: { tab?: { id?: number }; frameId?: number }): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return false;
  try {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [sender.frameId ?? 0] },
      files: [POPOVER_FILE],
    });
    return true;
  } catch (err) {
    console.error('MS Lens could not load its popover into a page', err);
    return false;
  }
}

export function startBackground(): void {
  // Made once per install, before any page needs it (page-names.ts explains why).
  void getPageKey();
  // Stored settings in an older format are rewritten once; reads understand every format meanwhile.
  void migrateSettings().catch((err) => console.error('MS Lens could not update its stored settings', err));
  // After an install, update or reload, open tabs get a fresh content script (the
  // old one, if any, hands over and cleans up; see src/page/lens.ts).
  void syncRegistration()
    .then(async (granted) => {
      if (await firstStartOfThisLoad()) await injectIntoOpenTabs(granted, isRunning);
    })
    .catch((err) => console.error('MS Lens could not register its content script', err));

  const siteRules = (s: Settings) => JSON.stringify([s.siteMode, s.disabledSites, s.enabledSites]);
  let sites = '';
  void loadSettings().then(({ settings }) => {
    showBadge = settings.showBadge;
    sites = siteRules(settings);
  });
  watchSettings(({ settings }) => {
    // A site switched off gets no content script at all; one switched back on gets it in its open tabs.
    const now = siteRules(settings);
    if (now !== sites) {
      void syncRegistration(settings)
        .then((granted) => injectIntoOpenTabs(granted, isRunning, settings))
        .catch((err) => console.error('MS Lens could not update where it runs', err));
    }
    sites = now;
    if (settings.showBadge === showBadge) return;
    showBadge = settings.showBadge;
    for (const tabId of termsByTab.tabIds()) void updateBadge(tabId);
  });

  listenBackgroundRequests(
    backgroundHandlers({
      entry: entryById,
      openGlossary: (id) => browser.tabs.create({ url: glossaryUrl(id) }),
      ensureRunning,
      loadPopover,
      terms: termsByTab,
      updateBadge,
    }),
  );

  browser.runtime.onInstalled.addListener(({ reason }) => {
    browser.contextMenus.create({ id: MENU_ID, title: 'Explain “%s” with MS Lens', contexts: ['selection'] }, () => {
      void browser.runtime.lastError; // already exists after an update
    });
    // Links to PDFs: opens the reader, which downloads the PDF only when the reader clicks.
    browser.contextMenus.create(
      {
        id: PDF_MENU_ID,
        title: 'Explain this PDF in MS Lens',
        contexts: ['link'],
        targetUrlPatterns: ['*://*/*.pdf', '*://*/*.PDF', '*://*/*.pdf?*', '*://*/*.pdf#*', 'file:///*.pdf'],
      },
      () => {
        void browser.runtime.lastError;
      },
    );
    // First install: the welcome page says hello and lets the reader choose where MS Lens may read.
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });

  browser.permissions.onAdded.addListener(({ origins = [] }) => {
    void syncRegistration().then(() => injectIntoOpenTabs(origins, isRunning));
  });
  browser.permissions.onRemoved.addListener(() => void syncRegistration());

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id !== undefined && info.selectionText) {
      void explainSelection(tab.id, info.selectionText);
    }
    if (info.menuItemId === PDF_MENU_ID && info.linkUrl) void browser.tabs.create({ url: readerUrl(info.linkUrl) });
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (!tab?.id) return;
    if (command === 'toggle-site') void toggleSite(tab);
    if (command === 'next-term' || command === 'previous-term') {
      const tabId = tab.id;
      void ensureRunning(tabId).then(() =>
        askTab(tabId, { type: 'step-term', direction: command === 'next-term' ? 1 : -1 }),
      );
    }
  });

  browser.tabs.onRemoved.addListener((tabId) => termsByTab.forget(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading' && change.url) {
      termsByTab.forget(tabId);
      void updateBadge(tabId);
    }
  });
}
