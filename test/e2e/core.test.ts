/**
 * The walking skeleton, end to end, in real Chromium and Firefox with the built
 * extension: highlight, popover by hover and keyboard, the popup's site switch,
 * unticking a term in options, and exclusions.
 */
import type { BrowserContext, Page as PwPage } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BROWSERS, launch, type Tab } from './harness/browsers.ts';
import {
  markedIds,
  markSelector,
  type Names,
  popover,
  setSettings,
  tabIdOf,
  waitForMark,
  waitForNoMarks,
  waitForNoPopover,
  waitForPopover,
  waitForSiteExcluded,
} from './harness/lens.ts';
import { useDemoPage, useSession } from './harness/session.ts';

describe.each(BROWSERS)('%s', (browserName) => {
  const ctx = useSession(() => launch(browserName));
  let page: Tab;
  useDemoPage(ctx, (tab) => {
    page = tab;
  });

  it('highlights glossary terms as <mark> elements carrying the entry id', async () => {
    const ids = await markedIds(page, ctx.names);
    expect(ids).toContain('myokymia:myokymia');
    expect(ids).toContain('gabapentin:gabapentin');
    expect(ids).toContain('hemifacial-spasm:hemifacial spasm');
    const tag = await page.evaluate((sel: string) => document.querySelector(sel)?.localName, ctx.names.mark);
    expect(tag).toBe('mark');
    // The page's text is unchanged by highlighting.
    const text = await page.evaluate(() => document.body.textContent?.includes('Facial myokymia, probably related'));
    expect(text).toBe(true);
    await page.close();
  });

  it('shows the right definition on hover and closes when the pointer leaves', async () => {
    await page.hover(markSelector(ctx.names, 'gabapentin'));
    await waitForPopover(page, ctx.names, 'gabapentin');
    const state = await popover(page, ctx.names);
    expect(state.text).toContain('nerve pain');
    expect(state.text).toContain('not medical advice');
    await page.mouseMove(5, 5);
    await waitForNoPopover(page, ctx.names);
    await page.close();
  });

  it('opens on keyboard focus and closes on Escape, leaving focus on the term', async () => {
    await page.evaluate(
      (sel: string) => (document.querySelector(sel) as HTMLElement).focus(),
      markSelector(ctx.names, 'carbamazepine'),
    );
    await waitForPopover(page, ctx.names, 'carbamazepine');
    await page.press('Escape');
    await waitForNoPopover(page, ctx.names);
    const focused = await page.evaluate((n: Names) => document.activeElement?.getAttribute(n.idAttr), ctx.names);
    expect(focused).toBe('carbamazepine');
    await page.close();
  });

  it('turns the site off and on from the popup, live, without a reload', async () => {
    const tabId = tabIdOf(page);
    const popup = await ctx.driver.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitFor(() => document.querySelector('input[role="switch"]') !== null);
    expect(
      await popup.evaluate(() => (document.querySelector('input[role="switch"]') as HTMLInputElement).checked),
    ).toBe(true);
    await popup.click('input[role="switch"]');
    await waitForNoMarks(page, ctx.names);
    expect(await page.evaluate(() => document.body.textContent?.includes('Facial myokymia, probably related'))).toBe(
      true,
    );
    await popup.click('input[role="switch"]');
    await waitForMark(page, ctx.names, 'myokymia');
    await popup.close();
    await page.close();
  });

  it('a page loaded while its site is off never loads MS Lens; switching the site on reaches the open tab', async () => {
    await setSettings(ctx.driver, { disabledSites: ['127.0.0.1'] });
    // The background narrows the content script's registration.
    await waitForSiteExcluded(ctx.driver, '127.0.0.1');
    const off = await ctx.driver.open(ctx.server.url('/pages/demo-article.html?site-off'));
    await new Promise((r) => setTimeout(r, 800));
    expect(await markedIds(off, ctx.names)).toEqual([]);
    if (browserName === 'chromium') {
      // No isolated world of MS Lens exists in the page: the script was never injected.
      const context = (ctx.driver as unknown as { context: BrowserContext }).context;
      const cdp = await context.newCDPSession(off.raw as PwPage);
      const worlds: string[] = [];
      cdp.on('Runtime.executionContextCreated', (e: { context: { name: string } }) => worlds.push(e.context.name));
      await cdp.send('Runtime.enable');
      await cdp.detach();
      expect(worlds).not.toContain('MS Lens');
    }
    await setSettings(ctx.driver, { disabledSites: [] });
    await waitForMark(off, ctx.names, 'myokymia');
    await off.close();
  });

  it('removes only the unticked term’s highlights when a term is unticked in options', async () => {
    const before = await markedIds(page, ctx.names);
    expect(before.some((m) => m.startsWith('gabapentin:'))).toBe(true);
    const options = await ctx.driver.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelector('input[data-term="gabapentin"]') !== null);
    // The term list is collapsed by category: open the term's category first.
    await options.evaluate(() => {
      (document.querySelector('input[data-term="gabapentin"]')?.closest('details') as HTMLDetailsElement).open = true;
    });
    await options.click('input[data-term="gabapentin"]');
    await page.waitFor((n: Names) => !document.querySelector(`${n.mark}[${n.idAttr}="gabapentin"]`), ctx.names);
    // The text that held the term is scanned again, so other terms in it come back.
    const expected = before.filter((m) => !m.startsWith('gabapentin:'));
    await page
      .waitFor(
        ([n, want]: [Names, string]) =>
          JSON.stringify(
            [...document.querySelectorAll(n.mark)].map((m) => `${m.getAttribute(n.idAttr)}:${m.textContent}`),
          ) === want,
        [ctx.names, JSON.stringify(expected)] as [Names, string],
        5000,
      )
      .catch(() => undefined);
    expect(await markedIds(page, ctx.names)).toEqual(expected);
    await options.close();
    await page.close();
  });

  it('never marks text in fields, code, scripts, buttons or hidden elements, but does in links', async () => {
    await setSettings(ctx.driver, { occurrences: 'all' });
    const tab = await ctx.driver.open(ctx.server.url('/pages/exclusions.html'));
    await waitForMark(tab, ctx.names, 'gabapentin');
    const inside = await tab.evaluate(
      (n: Names) =>
        [...document.querySelectorAll(n.mark)].map(
          (m) => m.parentElement?.closest('[id]')?.id ?? m.parentElement?.localName,
        ),
      ctx.names,
    );
    expect(inside).toEqual(['prose', 'prose', 'link', 'after']);
    const untouched = await tab.evaluate(() => ({
      textarea: (document.getElementById('ta') as HTMLTextAreaElement).value,
      input: (document.getElementById('inp') as HTMLInputElement).value,
      script: document.getElementById('scr')?.textContent,
    }));
    expect(untouched).toEqual({
      textarea: 'myokymia in a textarea',
      input: 'myokymia in an input',
      script: 'var note = "myokymia in a script";',
    });
    await tab.close();
    await page.close();
  });
});
