/**
 * Issue 14, "Made for readers with MS", end to end in Chromium and Firefox:
 * text sizes on every MS Lens page, the popup's search first at 600 px with
 * 35+ terms on the page, the welcome page and icons, options in three
 * screens, the calm popover that flips above a term near the bottom, and high
 * contrast on a dark page.
 */
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './harness/axe.ts';
import { type BrowserName, type Driver, launch, type Tab, waitUntil } from './harness/browsers.ts';
import {
  markSelector,
  type Names,
  resetSettings,
  setSettings,
  storedSettings,
  tabIdOf,
  waitForMark,
  waitForPopover,
} from './harness/lens.ts';
import { useSession } from './harness/session.ts';

const browsers: BrowserName[] = ['chromium', 'firefox'];

/** The exact words of Chrome's prompt for access to all sites. */
const CHROME_PROMPT = 'Read and change all your data on all websites';

async function setViewport(tab: Tab, width: number, height: number): Promise<void> {
  if ('setViewportSize' in tab.raw) await (tab.raw as PwPage).setViewportSize({ width, height });
  else await (tab.raw as PpPage).setViewport({ width, height });
}

/** Body's font size, and every piece of visible text under 14 px, in a document or the popover's shadow root. */
function textSizes(tab: Tab, names?: Names) {
  return tab.evaluate((n: Names | undefined) => {
    const root: ParentNode = n ? (document.querySelector(n.host)?.shadowRoot as ShadowRoot) : document.body;
    const small: string[] = [];
    let measured = 0;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim()) continue;
      if (el.closest('[hidden], .visually-hidden, script, style, template, noscript')) continue;
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      const size = Number.parseFloat(getComputedStyle(el).fontSize);
      measured++;
      if (size < 14) small.push(`${el.localName}.${el.className}: ${size}px “${node.textContent.trim().slice(0, 40)}”`);
    }
    return { body: Number.parseFloat(getComputedStyle(document.body).fontSize), measured, small };
  }, names);
}

/**
 * Opens an extension page and waits for its app to render. In Firefox the
 * harness's control tab is the welcome page: a hash keeps a test's own
 * welcome tab apart from it.
 */
async function openPage(driver: Driver, path: string): Promise<Tab> {
  const tab = await driver.openExtensionPage(path);
  await tab.waitFor(
    () =>
      document.querySelector('main h1, main h2') !== null && document.documentElement.classList.contains('ms-theme'),
    undefined,
    15_000,
  );
  return tab;
}

function luminance([r, g, b]: number[]): number {
  const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
}
function contrast(a: string, b: string): number {
  const rgb = (s: string) => (s.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  const [hi, lo] = [luminance(rgb(a)), luminance(rgb(b))].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe.each(browsers)('%s', (browserName) => {
  const ctx = useSession(() => launch(browserName));

  /** axe-core finds nothing on an MS Lens page, in light and in dark. */
  async function expectNoAxeViolations(tab: Tab, page: string): Promise<void> {
    for (const theme of ['light', 'dark'] as const) {
      await setSettings(ctx.driver, { theme });
      await tab.waitFor((t: string) => document.documentElement.dataset.theme === t, theme);
      expect({ page, theme, violations: await axeViolations(tab) }).toEqual({ page, theme, violations: [] });
    }
  }

  it('every MS Lens page: body text at 16 px and nothing under 14 px at the default size, popover included', async () => {
    await resetSettings(ctx.driver);
    const article = ctx.server.url('/pages/demo-article.html');
    const page = await ctx.driver.open(article);
    await waitForMark(page, ctx.names, 'myokymia');
    const tabId = tabIdOf(page);
    for (const path of [
      `popup.html?tab=${tabId}`,
      'options.html',
      'welcome.html#sizes',
      'glossary.html',
      'reader.html',
      'words.html',
    ]) {
      const tab = await openPage(ctx.driver, path);
      if (path.startsWith('popup')) {
        await tab.waitFor(() => document.querySelector('.page-terms li') !== null);
        await tab.evaluate(() => (document.querySelector('input[role="combobox"]') as HTMLInputElement).focus());
        await tab.type('ocrevus');
        await tab.waitFor(() => document.querySelector('[role="option"]') !== null);
      }
      if (path === 'options.html') {
        await tab.evaluate(() => {
          for (const d of document.querySelectorAll('details')) d.open = true;
        });
      }
      const sizes = await textSizes(tab);
      expect({ path, body: sizes.body >= 16, small: sizes.small }).toEqual({ path, body: true, small: [] });
      expect(sizes.measured).toBeGreaterThan(5);
      await tab.close();
    }
    // The popover takes its size from the setting, not from the page's root font size.
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '10px';
    });
    await page.click(markSelector(ctx.names, 'myokymia'));
    await waitForPopover(page, ctx.names, 'myokymia');
    const pop = await textSizes(page, ctx.names);
    expect(pop.small).toEqual([]);
    expect(pop.measured).toBeGreaterThan(3);
    await page.close();
  });

  it('popup: search comes first and its result shows without scrolling at 600 px with 35+ terms; page words; focus kept', async () => {
    await resetSettings(ctx.driver);
    const url = ctx.server.url('/pages/many-terms.html');
    const page = await ctx.driver.open(url);
    await waitForMark(page, ctx.names, 'ocrelizumab');
    const tabId = tabIdOf(page);
    const popup = await ctx.driver.openExtensionPage(`popup.html?tab=${tabId}`);
    // Focus checks need the popup to be the tab in front (a background tab's focus can lag under load).
    await popup.bringToFront();
    await setViewport(popup, 400, 600);
    await popup.waitFor(() => document.querySelectorAll('.page-terms li').length >= 35, undefined, 15_000);
    // The page's own word, with the glossary term beside it when they differ.
    const chips = await popup.evaluate(() =>
      [...document.querySelectorAll('.page-terms li')].map((li) => li.textContent),
    );
    expect(chips).toContain('Ocrevus (ocrelizumab)');
    expect(chips).toContain('daclizumab');
    // Search first: focus is in it, and it is above the terms.
    await popup.waitFor(() => document.activeElement?.getAttribute('role') === 'combobox');
    const order = await popup.evaluate(
      () =>
        (document.querySelector('input[role="combobox"]') as HTMLElement).getBoundingClientRect().top <
        (document.querySelector('.page-terms') as HTMLElement).getBoundingClientRect().top,
    );
    expect(order).toBe(true);
    await popup.type('tysabry');
    await popup.waitFor(() => document.querySelector('[role="option"]') !== null);
    const first = await popup.evaluate(() => {
      const r = (document.querySelector('[role="option"]') as HTMLElement).getBoundingClientRect();
      return {
        text: document.querySelector('[role="option"] .search-term')?.textContent,
        visible: r.top >= 0 && r.bottom <= innerHeight,
        scrolled: document.scrollingElement?.scrollTop ?? 0,
      };
    });
    expect(first).toEqual({ text: 'natalizumab', visible: true, scrolled: 0 });
    // Enter opens the entry and focus goes to it; Back returns focus to the search, query kept.
    await popup.press('Enter');
    await popup.waitFor(() => document.activeElement?.classList.contains('popup-entry'));
    await popup.evaluate(() =>
      (
        [...document.querySelectorAll('button')].find((b) => b.textContent?.includes('Back to search')) as HTMLElement
      ).focus(),
    );
    await popup.press('Enter');
    await popup.waitFor(() => document.querySelector('.popup-entry') === null);
    await popup.waitFor(() => document.activeElement?.getAttribute('role') === 'combobox');
    expect(await popup.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('tysabry');
    await popup.close();
    await page.close();
  });

  it('welcome page: its own page with the prompt wording, pinning, and a term to try; icons at every size', async () => {
    await resetSettings(ctx.driver);
    const welcome = await openPage(ctx.driver, 'welcome.html#test');
    expect(await welcome.evaluate(() => document.title)).toBe('Welcome to MS Lens');
    const text = await welcome.evaluate(() => document.body.textContent ?? '');
    expect(text).toContain(`“${CHROME_PROMPT}”`);
    expect(text).toContain('Pin');
    expect(await welcome.evaluate(() => document.querySelectorAll('input[type="checkbox"]').length)).toBe(0);
    // Try it: the one sentence is highlighted and explained on this page.
    await welcome.waitFor((n: Names) => document.querySelector(`.try-sentence ${n.mark}`) !== null, ctx.names, 15_000);
    // Only that sentence: the rest of the page is MS Lens's own text.
    expect(
      await welcome.evaluate(
        (n: Names) => [...document.querySelectorAll(n.mark)].filter((m) => !m.closest('.try-sentence')).length,
        ctx.names,
      ),
    ).toBe(0);
    await welcome.hover(`.try-sentence ${markSelector(ctx.names, 'myokymia')}`);
    await waitForPopover(welcome, ctx.names, 'myokymia');
    // Icons: the manifest and the toolbar button name every size, and each file is that size.
    const icons = await welcome.evaluate(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      const manifest = api.runtime.getManifest() as {
        icons?: Record<string, string>;
        action?: { default_icon?: Record<string, string> };
      };
      const sizes: Record<string, number> = {};
      for (const [size, path] of Object.entries(manifest.icons ?? {})) {
        const img = new Image();
        img.src = api.runtime.getURL(path);
        await img.decode();
        sizes[size] = img.naturalWidth;
      }
      return { sizes, action: Object.keys(manifest.action?.default_icon ?? {}) };
    });
    expect(icons.sizes).toEqual({ 16: 16, 32: 32, 48: 48, 96: 96, 128: 128 });
    expect(icons.action).toEqual(['16', '32', '48', '96', '128']);
    await expectNoAxeViolations(welcome, 'welcome');
    await welcome.close();
  });

  it('options: three screens with jump links; categories collapsed with counts; hover delay as short, medium, long', async () => {
    await resetSettings(ctx.driver);
    const options = await openPage(ctx.driver, 'options.html');
    await options.waitFor(() => document.querySelector('details.category') !== null);
    const layout = await options.evaluate(() => ({
      screens: [...document.querySelectorAll('main h2')].map((h) => h.textContent),
      jumps: [...document.querySelectorAll('nav > ul > li > a')].map((a) => {
        const target = document.querySelector(a.getAttribute('href') ?? '#none');
        return target?.querySelector('h2')?.textContent ?? null;
      }),
      // Every jump link, screens and the parts of the second one, lands on a heading.
      landings: [...document.querySelectorAll('nav a')].every((a) => {
        const target = document.querySelector(a.getAttribute('href') ?? '#none');
        return target !== null && (/^H[23]$/.test(target.tagName) || target.querySelector('h2') !== null);
      }),
      mainChoices: [...document.querySelectorAll('#main legend')].map((l) => l.textContent),
      open: document.querySelectorAll('details.category[open]').length,
      counts: [...document.querySelectorAll('details.category summary')].every((s) =>
        /\(\d+ of \d+ on\)/.test(s.textContent ?? ''),
      ),
      size: (document.querySelector('input[name="fontSize"]:checked') as HTMLInputElement | null)?.value,
      delay: (document.querySelector('input[name="hoverDelay"]:checked') as HTMLInputElement | null)?.value,
    }));
    expect(layout.screens).toEqual(['Main choices', 'Behaviour and sites', 'Terms to highlight']);
    expect(layout.jumps).toEqual(layout.screens);
    expect(layout.mainChoices.join(' | ')).toMatch(/Which words.*Text size.*Show an explanation.*Highlight style/);
    expect(layout).toMatchObject({ open: 0, counts: true, size: 'medium', delay: 'medium', landings: true });
    await options.click('input[name="hoverDelay"][value="long"]');
    await waitUntil(async () => (await storedSettings(ctx.driver)).hoverDelayMs === 700, 10_000, 'long delay stored');
    await options.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
    });
    await expectNoAxeViolations(options, 'options');
    await setSettings(ctx.driver, { theme: 'system' });
    // An old free-number delay reads as the nearest choice.
    await setSettings(ctx.driver, { hoverDelayMs: 120 });
    await options.waitFor(
      () => (document.querySelector('input[name="hoverDelay"]:checked') as HTMLInputElement | null)?.value === 'short',
    );
    await options.close();
  });

  it('popover: a calm first view, dates in words, and above a term near the bottom of the window', async () => {
    await resetSettings(ctx.driver);
    const page = await ctx.driver.open(ctx.server.url('/pages/demo-article.html'));
    await waitForMark(page, ctx.names, 'myokymia');
    await page.evaluate(
      (sel: string) => {
        document.body.style.paddingTop = '1500px';
        const r = (document.querySelector(sel) as HTMLElement).getBoundingClientRect();
        window.scrollBy(0, r.bottom - (innerHeight - 40));
      },
      markSelector(ctx.names, 'myokymia'),
    );
    await page.click(markSelector(ctx.names, 'myokymia'));
    await waitForPopover(page, ctx.names, 'myokymia');
    await page.waitFor(
      (n: Names) =>
        (document.querySelector(n.host)?.shadowRoot?.querySelector('.pop-panel') as HTMLElement | null)?.dataset
          .side === 'top',
      ctx.names,
    );
    const view = await page.evaluate(
      ([n, sel]: [Names, string]) => {
        const root = document.querySelector(n.host)?.shadowRoot as ShadowRoot;
        const panel = root.querySelector('.pop-panel') as HTMLElement;
        const term = (document.querySelector(sel) as HTMLElement).getBoundingClientRect();
        const p = panel.getBoundingClientRect();
        const visible = [...root.querySelectorAll('.tc > *')]
          .filter((el) => !(el as HTMLElement).hidden)
          .map((el) => el.className);
        return {
          above: p.bottom <= term.top,
          uncut: panel.scrollHeight <= panel.clientHeight + 1,
          visible,
          more: (root.querySelector('.tc-more-part') as HTMLElement).hidden,
          date: /Checked \d{1,2} [A-Z][a-z]+ \d{4}\./.test(root.textContent ?? ''),
        };
      },
      [ctx.names, markSelector(ctx.names, 'myokymia')] as [Names, string],
    );
    expect(view).toEqual({
      above: true,
      uncut: true,
      visible: ['tc-head', 'tc-summary', 'tc-button tc-more'],
      more: true,
      date: true,
    });
    await page.close();
  });

  it('high contrast: the open term stays at 7:1 or more on a dark page', async () => {
    await resetSettings(ctx.driver);
    await setSettings(ctx.driver, { highlightStyle: 'high-contrast' });
    const page = await ctx.driver.open(ctx.server.url('/pages/demo-article.html'));
    await waitForMark(page, ctx.names, 'myokymia');
    await page.evaluate(() => {
      document.body.style.background = '#121212';
      document.body.style.color = '#e8e8e8';
    });
    await page.hover(markSelector(ctx.names, 'myokymia'));
    await waitForPopover(page, ctx.names, 'myokymia');
    const colours = await page.evaluate(
      (sel: string) => {
        const s = getComputedStyle(document.querySelector(sel) as HTMLElement);
        return {
          fg: s.color,
          bg: s.backgroundColor,
          expanded: document.querySelector(sel)?.getAttribute('aria-expanded'),
        };
      },
      markSelector(ctx.names, 'myokymia'),
    );
    expect(colours.expanded).toBe('true');
    expect(colours.bg).not.toMatch(/rgba/);
    expect(contrast(colours.fg, colours.bg)).toBeGreaterThanOrEqual(7);
    await page.close();
  });
});

declare const chrome: {
  runtime: { getManifest(): object; getURL(path: string): string };
};
