/**
 * Tabs and extension pages, for the popup and options page.
 */
import { browser } from 'wxt/browser';

export interface TargetTab {
  id: number;
  url: string;
}

/**
 * The tab the popup acts on: the active tab of its window, or the tab named by
 * `?tab=<id>` when the popup is opened as a page (handy at high zoom, and used
 * by the end-to-end tests).
 */
export async function targetTab(search = location.search): Promise<TargetTab | null> {
  const param = new URLSearchParams(search).get('tab');
  try {
    if (param !== null && /^\d+$/.test(param)) {
      const tab = await browser.tabs.get(Number(param));
      return tab.id !== undefined ? { id: tab.id, url: tab.url ?? '' } : null;
    }
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id !== undefined ? { id: tab.id, url: tab.url ?? '' } : null;
  } catch {
    return null;
  }
}

export function openOptionsPage(): void {
  void browser.runtime.openOptionsPage();
}

/** URL of the A–Z glossary page, optionally at an entry. */
export function glossaryUrl(id?: string): string {
  return browser.runtime.getURL(`/glossary.html${id ? `#${encodeURIComponent(id)}` : ''}`);
}

export function openGlossaryPage(id?: string): void {
  void browser.tabs.create({ url: glossaryUrl(id) });
}

/** The document reader, offering to open `url` (a PDF the reader was looking at) when given. */
export function readerUrl(url?: string): string {
  return browser.runtime.getURL(`/reader.html${url ? `?url=${encodeURIComponent(url)}` : ''}`);
}

export function openReaderPage(url?: string): void {
  void browser.tabs.create({ url: readerUrl(url) });
}

export function openWordsPage(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('/words.html') });
}
