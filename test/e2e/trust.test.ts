/**
 * Privacy and reliability end to end: no network requests, nothing fixed or guessable left in
 * pages, framework apps that hydrate or re-render keep working, huge and deep
 * pages stay responsive, and an extension reload leaves no double highlights.
 */
import type { BrowserContext, Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { Diagnostics } from '../../src/page/lens.ts';
import { multiPagePdf } from '../tools/pdf-fixtures.ts';
import { BROWSERS, type Driver, evalInContentScript, launch, launchChromium, type Tab } from './harness/browsers.ts';
import {
  markedIds,
  markSelector,
  type Names,
  resetSettings,
  tabIdOf,
  waitForMark,
  waitForNoPopover,
  waitForPopover,
} from './harness/lens.ts';
import { useSession } from './harness/session.ts';

// Let Playwright report requests made by the extension's service worker too.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

/** A page of `count` paragraphs, each with a few text nodes (about 5 nodes per paragraph). */
function bigPage(paragraphs: number): string {
  const parts: string[] = ['<!doctype html><title>Multiple sclerosis archive</title><main>'];
  for (let i = 0; i < paragraphs; i++) {
    parts.push(`<p>Entry ${i}: notes on <b>fatigue</b> and <i>spasticity</i> in MS, day ${i}.</p>`);
  }
  parts.push('</main>');
  return parts.join('');
}

function deepPage(depth: number): string {
  return `<!doctype html><title>Deep MS page</title>${'<div>'.repeat(depth)}<p id="deep">At the bottom: myokymia and multiple sclerosis.</p>${'</div>'.repeat(depth)}<p id="top">At the top: gabapentin.</p>`;
}

/**
 * Notes in the page (its own world) when a highlight is taken out, as the old
 * content script's clean-up or the new one's sweep does after an extension reload.
 */
function watchMarksRemoved(page: Tab, names: Names): Promise<void> {
  return page.evaluate((n: Names) => {
    const w = window as unknown as { marksRemoved: boolean };
    w.marksRemoved = false;
    new MutationObserver((records) => {
      for (const r of records)
        for (const node of r.removedNodes) if (node instanceof Element && node.matches(n.mark)) w.marksRemoved = true;
    }).observe(document.body, { childList: true, subtree: true });
  }, names);
}

describe.each(BROWSERS)('%s', (browserName) => {
  const requests: string[] = [];
  const ctx = useSession(
    () => launch(browserName),
    async (s) => {
      if (browserName === 'chromium') {
        (s.driver as Driver & { context: BrowserContext }).context.on('request', (r) => requests.push(r.url()));
      }
    },
  );

  const record = (tab: Tab) => {
    const raw = tab.raw as { on(e: 'request', cb: (r: { url(): string }) => void): void };
    raw.on('request', (r) => requests.push(r.url()));
    return tab;
  };

  it('makes no network requests of its own while being used', async () => {
    await resetSettings(ctx.driver);
    requests.length = 0;
    const page = record(await ctx.driver.open(ctx.server.url('/pages/demo-article.html')));
    await waitForMark(page, ctx.names, 'myokymia');
    // The page's own request proves the recorder hears this tab (it was attached after the page loaded).
    const probe = ctx.server.url('/pages/demo-article.html?probe');
    await page.evaluate((u: string) => fetch(u).then((r) => r.text()), probe);
    for (const id of ['myokymia', 'gabapentin', 'electromyography']) {
      await page.hover(markSelector(ctx.names, id));
      await page.waitFor((n: Names) => document.querySelector(n.host) !== null, ctx.names);
      await page.mouseMove(5, 700);
      await waitForNoPopover(page, ctx.names);
    }
    const tabId = tabIdOf(page);
    for (const path of [`popup.html?tab=${tabId}`, 'options.html', 'glossary.html#myokymia']) {
      const tab = record(await ctx.driver.openExtensionPage(path));
      await new Promise((r) => setTimeout(r, 500));
      await tab.close();
    }
    await page.close();
    const foreign = requests.filter(
      (u) =>
        !u.startsWith(ctx.server.origin) && !u.startsWith(ctx.driver.extensionOrigin) && !/^(data|blob|about):/.test(u),
    );
    expect(requests).toContain(probe);
    expect(foreign).toEqual([]);
  });

  it('fetches nothing but the one PDF the reader asks for, and only after the click', async () => {
    await resetSettings(ctx.driver);
    const pdfUrl = ctx.server.addFile(`trust-${browserName}.pdf`, await multiPagePdf(2), 'application/pdf');
    requests.length = 0;
    const opened = await ctx.driver.openExtensionPage(`reader.html?url=${encodeURIComponent(pdfUrl)}`);
    // Chromium's context already records every page's requests.
    const reader = browserName === 'chromium' ? opened : record(opened);
    const web = () =>
      requests.filter(
        (u) =>
          !u.startsWith(ctx.driver.extensionOrigin) && !/^(data|blob|about|chrome-extension|moz-extension):/.test(u),
      );
    await reader.waitFor(() =>
      [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Open this document'),
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(web()).toEqual([]);
    await reader.evaluate(() => {
      for (const b of document.querySelectorAll('button'))
        if (b.textContent?.trim() === 'Open this document') b.click();
    });
    await waitForMark(reader, ctx.names, 'spasticity', 15_000);
    await reader.hover(markSelector(ctx.names, 'spasticity'));
    await waitForPopover(reader, ctx.names, 'spasticity');
    await new Promise((r) => setTimeout(r, 500));
    // Exactly one request, for the document: this also shows requests are being recorded.
    expect(web()).toEqual([pdfUrl]);
    await reader.close();
  });

  it('leaves nothing fixed or guessable in the page, and the popover host only while it is open', async () => {
    await resetSettings(ctx.driver);
    const article = '<!doctype html><title>Living with MS</title><p>My MS nurse said myokymia is common.</p>';
    const page = await ctx.driver.open(ctx.server.addPage(`plain-${browserName}.html`, article));
    await waitForMark(page, ctx.names, 'myokymia');
    expect(await page.evaluate((n: Names) => document.querySelector(n.host), ctx.names)).toBeNull();
    await page.hover(markSelector(ctx.names, 'myokymia'));
    await waitForPopover(page, ctx.names, 'myokymia');
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    const shadow = await page.evaluate(
      (n: Names) => document.querySelector(n.host)?.shadowRoot?.innerHTML ?? '',
      ctx.names,
    );
    for (const fixed of ['ms-lens', 'mslens', 'ms lens', 'markjs', 'wxt', 'data-ms', 'glossary-']) {
      expect(html.toLowerCase()).not.toContain(fixed);
    }
    expect(shadow).not.toContain('ms-lens');
    const id = ctx.driver.extensionOrigin.split('//')[1] as string;
    expect(html).not.toContain(id);
    expect(ctx.names.key).toMatch(/^[a-z][a-z0-9]{7}$/);
    await page.mouseMove(5, 700);
    await waitForNoPopover(page, ctx.names);
    await page.close();
  });

  it('keeps a hydrating app working, and highlights follow its new content', async () => {
    await resetSettings(ctx.driver);
    const page = await ctx.driver.open(ctx.server.url('/pages/hydrate.html'));
    await waitForMark(page, ctx.names, 'ocrelizumab');
    await page.waitFor(() => (window as unknown as { hydrated?: boolean }).hydrated === true);
    await page.click('#like');
    await page.click('#like');
    await page.waitFor(() => document.getElementById('like')?.textContent === 'Likes: 2');
    await waitForMark(page, ctx.names, 'fatigue');
    const lead = await page.evaluate(() => document.querySelector('.lead')?.textContent);
    expect(lead).toBe('New research on remyelination and ocrelizumab in multiple sclerosis.');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('keeps an app that re-renders every second working, with highlights on the current list', async () => {
    await resetSettings(ctx.driver);
    const page = await ctx.driver.open(ctx.server.url('/pages/rerender.html'));
    await waitForMark(page, ctx.names, 'spasticity');
    await page.waitFor(() => ((window as unknown as { ticks?: number }).ticks ?? 0) >= 3, undefined, 15_000);
    await page.click('#add');
    await page.waitFor(() => document.getElementById('add')?.textContent === 'Clicked 1');
    const items = await page.evaluate(() => [...document.querySelectorAll('#list li')].map((li) => li.textContent));
    expect(items.every((t) => /^\d+\. .+ \(\d+\)$/.test(t ?? ''))).toBe(true); // no duplicated or lost text
    await waitForMark(page, ctx.names, 'myokymia');
    expect(await page.evaluate(() => (window as unknown as { errors: string[] }).errors)).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('stays responsive on a 200,000-node page and a page nested 5,000 deep', async () => {
    await resetSettings(ctx.driver);
    const big = await ctx.driver.open(ctx.server.addPage(`big-${browserName}.html`, bigPage(40_000)));
    await waitForMark(big, ctx.names, 'spasticity', 30_000);
    const nodes = await big.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
      let n = 0;
      while (walker.nextNode()) n++;
      return n;
    });
    expect(nodes).toBeGreaterThan(200_000);
    // The page answers while MS Lens works through it.
    expect(await big.evaluate(() => 1 + 1)).toBe(2);
    if (browserName === 'chromium') {
      const d = await evalInContentScript<Diagnostics>(
        (ctx.driver as Driver & { context: BrowserContext }).context,
        big.raw as PwPage,
        'msLensDiagnostics()',
      );
      expect(d.errors).toBe(0);
      expect(d.marks).toBeLessThanOrEqual(10_000);
    }
    await big.close();
    const deep = await ctx.driver.open(ctx.server.addPage(`deep-${browserName}.html`, deepPage(5000)));
    await waitForMark(deep, ctx.names, 'gabapentin', 30_000);
    await waitForMark(deep, ctx.names, 'myokymia', 30_000);
    expect(await deep.evaluate(() => document.getElementById('deep')?.textContent)).toBe(
      'At the bottom: myokymia and multiple sclerosis.',
    );
    await deep.close();
  });
});

describe('extension reload with tabs open (chromium)', () => {
  const ctx = useSession(() => launchChromium());

  it('cleans up the old content script: same highlights once, same text', async () => {
    const page = await ctx.driver.open(ctx.server.url('/pages/demo-article.html'));
    await waitForMark(page, ctx.names, 'myokymia');
    const before = await markedIds(page, ctx.names);
    const text = await page.evaluate(() => document.body.textContent);
    // Chromium keeps an unpacked extension disabled after a reload unless developer mode is on.
    const extensions = await ctx.driver.open('chrome://extensions/');
    await extensions.evaluate(
      () =>
        new Promise<void>((done) =>
          (
            globalThis as unknown as {
              chrome: { developerPrivate: { updateProfileConfiguration(c: object, cb: () => void): void } };
            }
          ).chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true }, done),
        ),
    );
    await extensions.close();
    const control = await ctx.driver.control();
    await watchMarksRemoved(page, ctx.names);
    await control.evaluate(() => {
      setTimeout(
        () => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload(),
        50,
      );
    });
    // The new content script takes over: the old marks go, and are rebuilt, never doubled.
    await page.waitFor(
      ([n, want]: [Names, number]) =>
        (window as unknown as { marksRemoved: boolean }).marksRemoved &&
        document.querySelectorAll(n.mark).length === want &&
        [...document.querySelectorAll(n.mark)].every((m) => !m.querySelector('mark')),
      [ctx.names, before.length] as [Names, number],
      20_000,
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(await markedIds(page, ctx.names)).toEqual(before);
    expect(await page.evaluate(() => document.body.textContent)).toBe(text);
    // And it works: the popover opens with definitions from the new background.
    await page.hover(markSelector(ctx.names, 'gabapentin'));
    await waitForPopover(page, ctx.names, 'gabapentin');
    await page.close();
  });
});

/** Firefox reload: the old content script is unloaded without cleaning up; the new one sweeps. */
describe('extension reload with tabs open (firefox)', () => {
  const ctx = useSession(() => launch('firefox'));

  it('leaves no double highlights and the same text', async () => {
    const page = await ctx.driver.open(ctx.server.url('/pages/demo-article.html'));
    await waitForMark(page, ctx.names, 'myokymia');
    const before = await markedIds(page, ctx.names);
    const text = await page.evaluate(() => document.body.textContent);
    const control = await ctx.driver.control();
    await watchMarksRemoved(page, ctx.names);
    await control.evaluate(() => {
      setTimeout(
        () => (globalThis as unknown as { browser: { runtime: { reload(): void } } }).browser.runtime.reload(),
        50,
      );
    });
    // The new content script sweeps the old one's marks and highlights again.
    await page.waitFor(
      ([n, want]: [Names, number]) =>
        (window as unknown as { marksRemoved: boolean }).marksRemoved &&
        document.querySelectorAll(n.mark).length === want,
      [ctx.names, before.length] as [Names, number],
      20_000,
    );
    expect(await markedIds(page, ctx.names)).toEqual(before);
    expect(await page.evaluate(() => document.body.textContent)).toBe(text);
    expect(await page.evaluate((n: Names) => document.querySelectorAll(`${n.mark} ${n.mark}`).length, ctx.names)).toBe(
      0,
    );
    await (page.raw as PpPage).close();
  });
});
