/**
 * The document reader end to end (PDF and pasted text), "Explain
 * this PDF" from a tab showing a PDF, My words and its print sheet, bad input,
 * and accessibility of the new pages, in Chromium and Firefox.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/core/document-input.ts';
import * as fixtures from '../tools/pdf-fixtures.ts';
import { LETTER_PARAGRAPHS } from '../tools/pdf-fixtures.ts';
import { axeViolations } from './harness/axe.ts';
import { BROWSERS, type Driver, launch, type Tab } from './harness/browsers.ts';
import {
  clickInPopover,
  markSelector,
  type Names,
  resetSettings,
  setSettings,
  tabIdOf,
  waitForMark,
  waitForPopover,
} from './harness/lens.ts';
import { useSession } from './harness/session.ts';

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Gives the reader's file input a file made in the page from base64 bytes (or `size` zero bytes). */
async function chooseFile(tab: Tab, name: string, content: { base64?: string; size?: number; type?: string }) {
  await tab.evaluate(
    ([n, c]: [string, { base64?: string; size?: number; type?: string }]) => {
      const parts: BlobPart[] = [];
      if (c.base64 !== undefined) parts.push(Uint8Array.from(atob(c.base64), (ch) => ch.charCodeAt(0)));
      if (c.size) {
        const mb = new Uint8Array(1024 * 1024);
        for (let i = 0; i < c.size; i++) parts.push(mb);
      }
      const dt = new DataTransfer();
      dt.items.add(new File(parts, n, { type: c.type ?? '' }));
      const input = document.querySelector('input[type="file"]') as HTMLInputElement;
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [name, content] as [string, { base64?: string; size?: number; type?: string }],
  );
}

/** Clicks the button whose text is `text`. */
async function clickButton(tab: Tab, text: string): Promise<void> {
  const token = `t${Math.random().toString(36).slice(2)}`;
  await tab.waitFor(
    ([t, tok]: [string, string]) => {
      const b = [...document.querySelectorAll('button')].find((e) => e.textContent?.trim() === t && !e.disabled);
      b?.setAttribute('data-test-target', tok);
      return Boolean(b);
    },
    [text, token] as [string, string],
  );
  await tab.click(`[data-test-target="${token}"]`);
}

/** Waits for the reader to show `message` (as an error or the no-text alert); returns what it shows. */
async function waitForMessage(tab: Tab, message: string, timeoutMs = 20_000): Promise<string> {
  const selector = '.reader-error, .pdf-reader [role="alert"]';
  await tab
    .waitFor(
      ([sel, m]: [string, string]) => [...document.querySelectorAll(sel)].some((e) => e.textContent?.includes(m)),
      [selector, message] as [string, string],
      timeoutMs,
    )
    .catch(() => undefined);
  return tab.evaluate(
    (sel: string) => [...document.querySelectorAll(sel)].map((e) => e.textContent).join(' | '),
    selector,
  );
}

/** Leaves a shown document for the reader's start screen. */
async function backToStart(tab: Tab): Promise<void> {
  await tab.evaluate(() => {
    for (const b of document.querySelectorAll('button'))
      if (b.textContent?.trim() === 'Open another document') b.click();
  });
  await tab.waitFor(() => document.querySelector('input[type="file"]') !== null);
}

async function openReader(driver: Driver, query = ''): Promise<Tab> {
  const tab = await driver.openExtensionPage(`reader.html${query}`);
  await tab.waitFor(() => document.querySelector('h1#reader-title') !== null);
  return tab;
}

/**
 * Applies the page's print rules on screen. Firefox's driver cannot emulate
 * print media (it needs CDP), so both browsers do the same: every
 * `@media print` block is added as a plain stylesheet.
 */
async function emulatePrint(tab: Tab): Promise<void> {
  await tab.evaluate(() => {
    const rules: string[] = [];
    for (const sheet of document.styleSheets) {
      for (const rule of sheet.cssRules) {
        if (rule instanceof CSSMediaRule && rule.media.mediaText === 'print') {
          for (const inner of rule.cssRules) rules.push(inner.cssText);
        }
      }
    }
    const print = new CSSStyleSheet();
    print.replaceSync(rules.join('\n'));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, print];
  });
}

declare const chrome: { tabs: { query(q: object): Promise<{ url?: string }[]> } };

describe.each(BROWSERS)('%s', (browserName) => {
  const ctx = useSession(() => launch(browserName));
  let letterPdf: string;

  beforeAll(async () => {
    letterPdf = toBase64(await fixtures.multiPagePdf(3, { link: 'https://example.org/ms-help' }));
  });

  it('opens a multi-page PDF: its words are highlighted in the text layer and explained; pages, zoom, text view, find', async () => {
    await resetSettings(ctx.driver);
    const tab = await openReader(ctx.driver);
    await chooseFile(tab, 'letter.pdf', { base64: letterPdf, type: 'application/pdf' });
    await tab.waitFor(() => document.querySelectorAll('.pdf-page').length === 3);
    await waitForMark(tab, ctx.names, 'ocrelizumab', 15_000);
    // The highlight sits in PDF.js's selectable text layer of page 1.
    expect(
      await tab.evaluate(
        (sel: string) => document.querySelector(sel)?.closest('.pdf-page')?.getAttribute('data-page'),
        markSelector(ctx.names, 'ocrelizumab'),
      ),
    ).toBe('1');
    await tab.hover(markSelector(ctx.names, 'ocrelizumab'));
    await waitForPopover(tab, ctx.names, 'ocrelizumab');
    await tab.press('Escape');

    await clickButton(tab, 'Next page');
    await tab.waitFor(() => (document.querySelector('.page-box input') as HTMLInputElement).value === '2');
    await tab.waitFor(() => document.querySelector('.pdf-page[data-page="2"] .textLayer span') !== null);
    await clickButton(tab, 'Zoom in');
    await tab.waitFor(() => document.querySelector('.zoom-level')?.textContent === '125%');

    await tab.evaluate(() => {
      const input = document.querySelector('#find-input') as HTMLInputElement;
      input.value = 'gadolinium';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await clickButton(tab, 'Find');
    await tab.waitFor(() => /is on 3 pages/.test(document.querySelector('.find-status')?.textContent ?? ''));

    await clickButton(tab, 'Text only');
    await tab.waitFor(
      (n: Names) =>
        document.querySelectorAll('.doc-text section').length === 3 &&
        document.querySelector(`.doc-text ${n.mark}`) !== null,
      ctx.names,
    );
    const text = await tab.evaluate(() => document.querySelector('.doc-text')?.textContent ?? '');
    expect(text).toContain(LETTER_PARAGRAPHS[1]);
    expect(tab.errors).toEqual([]);
    await tab.close();
  });

  it('asks before following a link inside a PDF, showing its address', async () => {
    const tab = await openReader(ctx.driver);
    await chooseFile(tab, 'letter.pdf', { base64: letterPdf, type: 'application/pdf' });
    await tab.waitFor(() => document.querySelector('.pdf-link') !== null, undefined, 15_000);
    expect(await tab.evaluate(() => document.querySelector('.pdf-link')?.getAttribute('aria-label'))).toBe(
      'Link to https://example.org/ms-help',
    );
    await tab.click('.pdf-link');
    await tab.waitFor(() => document.querySelector('dialog.link-dialog[open]') !== null);
    expect(await tab.evaluate(() => document.querySelector('dialog .reader-url')?.textContent)).toBe(
      'https://example.org/ms-help',
    );
    await clickButton(tab, 'Cancel');
    await tab.waitFor(() => document.querySelector('dialog.link-dialog') === null);
    await tab.close();
  });

  it('explains a pasted clinic letter; a starred term appears in My words, which prints as one sheet', async () => {
    await resetSettings(ctx.driver);
    const words = await ctx.driver.openExtensionPage('words.html');
    await words.waitFor(() => document.querySelector('.words') !== null);
    await clickButton(words, 'Clear all my words');
    const tab = await openReader(ctx.driver);
    await tab.evaluate((text: string) => {
      const box = document.querySelector('#paste-box') as HTMLTextAreaElement;
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, LETTER_PARAGRAPHS.join('\n\n'));
    await clickButton(tab, 'Explain this text');
    await waitForMark(tab, ctx.names, 'myokymia');
    await tab.click(markSelector(ctx.names, 'myokymia'));
    await waitForPopover(tab, ctx.names, 'myokymia');
    // The star is enabled once it knows whether the term is already saved.
    await tab.waitFor(
      (n: Names) => document.querySelector(n.host)?.shadowRoot?.querySelector('.pop-star:not([disabled])') != null,
      ctx.names,
    );
    await clickInPopover(tab, ctx.names, 'Save to My words');
    await tab.waitFor(
      (n: Names) =>
        document.querySelector(n.host)?.shadowRoot?.querySelector('.pop-star')?.getAttribute('aria-pressed') === 'true',
      ctx.names,
    );
    await words.bringToFront();
    await words.waitFor(() => document.querySelector('.word[data-entry="myokymia"]') !== null);
    await words.evaluate(() => {
      const note = document.querySelector('#note-myokymia') as HTMLTextAreaElement;
      note.value = 'Is this twitching from MS?';
      note.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await emulatePrint(words);
    // innerText, not textContent: what the print media shows is the point.
    const printed = await words.evaluate(() => ({
      // biome-ignore lint/performance/useDomNodeTextContent: rendered text under print media is what is tested
      heading: (document.querySelector('h1') as HTMLElement).innerText.trim(),
      // biome-ignore lint/performance/useDomNodeTextContent: rendered text under print media is what is tested
      noteShown: (document.querySelector('.word-note-print') as HTMLElement | null)?.innerText ?? '',
      buttons: [...document.querySelectorAll('button')].filter((b) => b.offsetParent !== null).length,
    }));
    expect(printed.heading).toBe('Words to ask my MS team about');
    expect(printed.noteShown).toContain('Is this twitching from MS?');
    expect(printed.buttons).toBe(0);
    await words.close();
    await tab.close();
  });

  it('"Explain this PDF" from a tab showing a PDF on 127.0.0.1 opens it in the reader', async () => {
    await resetSettings(ctx.driver);
    const pdfUrl = ctx.server.addFile(`leaflet-${browserName}.pdf`, await fixtures.multiPagePdf(2), 'application/pdf');
    // The browser's PDF viewer may report the navigation as failed; the tab shows the PDF all the same.
    const pdfTab = await ctx.driver.open(pdfUrl, { loadMayFail: true });
    const tabId = tabIdOf(pdfTab);
    const popup = await ctx.driver.openExtensionPage(`popup.html?tab=${tabId}`);
    await clickButton(popup, 'Explain this PDF in MS Lens');
    const control = await ctx.driver.control();
    const readerUrl = `${ctx.driver.extensionOrigin}/reader.html?url=${encodeURIComponent(pdfUrl)}`;
    await control.waitFor(async (u: string) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      return (await api.tabs.query({})).some((t) => t.url === u);
    }, readerUrl);
    const reader = await openReader(ctx.driver, `?url=${encodeURIComponent(pdfUrl)}`);
    expect(await reader.evaluate(() => document.querySelector('.reader-url')?.textContent)).toBe(pdfUrl);
    await clickButton(reader, 'Open this document');
    await waitForMark(reader, ctx.names, 'spasticity', 15_000);
    await reader.close();
    await popup.close();
    await pdfTab.close();
  });

  it('gives each bad input a clear message, and malformed PDFs end in a message or a page, never a hang', async () => {
    const tab = await openReader(ctx.driver);
    const cases: [string, { base64?: string; size?: number; type?: string }, string][] = [
      ['empty.pdf', { base64: '' }, MESSAGES.empty],
      ['photo.png', { base64: toBase64(fixtures.pngBytes()), type: 'image/png' }, MESSAGES.image],
      ['huge.pdf', { base64: toBase64(new TextEncoder().encode('%PDF-1.7\n')), size: 200 }, 'too big'],
      ['locked.pdf', { base64: toBase64(fixtures.passwordPdf()) }, MESSAGES.password],
      ['corrupt.pdf', { base64: toBase64(fixtures.corruptPdf()) }, MESSAGES.corrupt],
      ['truncated.pdf', { base64: toBase64(fixtures.truncatedPdf()) }, MESSAGES.corrupt],
      ['nested.pdf', { base64: toBase64(fixtures.deeplyNestedPdf()) }, MESSAGES.failed],
      ['pages.pdf', { base64: toBase64(fixtures.hugePageCountPdf()) }, MESSAGES.tooManyPages(1_000_000)],
      ['scan.pdf', { base64: toBase64(await fixtures.scannedPdf()) }, MESSAGES.scanned],
    ];
    for (const [name, content, message] of cases) {
      await backToStart(tab);
      await chooseFile(tab, name, content);
      expect(await waitForMessage(tab, message), name).toContain(message);
    }
    // A wrong xref table is repaired by PDF.js: the document shows, with its words highlighted.
    await backToStart(tab);
    await chooseFile(tab, 'xref.pdf', { base64: toBase64(fixtures.wrongXrefPdf()) });
    await waitForMark(tab, ctx.names, 'spasticity', 15_000);
    expect(tab.errors).toEqual([]);
    await tab.close();
  });

  it('has no axe violations on the reader and My words pages, light and dark', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await setSettings(ctx.driver, { theme });
      const start = await openReader(ctx.driver);
      expect(await axeViolations(start), `reader start ${theme}`).toEqual([]);
      await chooseFile(start, 'letter.pdf', { base64: letterPdf, type: 'application/pdf' });
      await waitForMark(start, ctx.names, 'ocrelizumab', 15_000);
      expect(await axeViolations(start), `reader PDF ${theme}`).toEqual([]);
      await clickButton(start, 'Text only');
      await start.waitFor((n: Names) => document.querySelector(`.doc-text ${n.mark}`) !== null, ctx.names);
      expect(await axeViolations(start), `reader text ${theme}`).toEqual([]);
      await start.close();
      const words = await ctx.driver.openExtensionPage('words.html');
      await words.waitFor(() => document.querySelector('.words') !== null);
      expect(await axeViolations(words), `My words ${theme}`).toEqual([]);
      await words.close();
    }
    await resetSettings(ctx.driver);
  });
});
