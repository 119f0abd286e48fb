/**
 * The options page, popup and browser integration end to end. Every flow
 * in Chromium; the core flows in Firefox too. Changes must reach an already
 * open tab without a reload.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page as PwPage } from 'playwright-core';
import type { Page as PpPage } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './harness/axe.ts';
import { BROWSERS, launch, type Tab } from './harness/browsers.ts';
import {
  markedIds,
  markSelector,
  type Names,
  popover,
  setSettings,
  storedSettings,
  tabIdOf,
  waitForMark,
  waitForNoMarks,
  waitForPopover,
  writeSyncItems,
} from './harness/lens.ts';
import { useDemoPage, useSession } from './harness/session.ts';

/** Sets a file on an <input type=file> in either browser. */
async function uploadFile(tab: Tab, selector: string, path: string): Promise<void> {
  if ('setInputFiles' in tab.raw) {
    await (tab.raw as PwPage).setInputFiles(selector, path);
  } else {
    const input = await (tab.raw as PpPage).$(selector);
    await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(path);
  }
}

/** Clicks the button, label or option whose text is `text` (or, failing that, contains it). */
async function clickText(tab: Tab, text: string): Promise<void> {
  const token = `t${Math.random().toString(36).slice(2)}`;
  const found = await tab.evaluate(
    ([t, tok]: [string, string]) => {
      const all = [...document.querySelectorAll('button, label, a, [role="option"]')] as HTMLElement[];
      const el = all.find((e) => e.textContent?.trim() === t) ?? all.find((e) => e.textContent?.includes(t));
      el?.setAttribute('data-test-target', tok);
      return Boolean(el);
    },
    [text, token] as [string, string],
  );
  if (!found) throw new Error(`nothing to click with text "${text}"`);
  await tab.click(`[data-test-target="${token}"]`);
  await tab.evaluate(
    (tok: string) => document.querySelector(`[data-test-target="${tok}"]`)?.removeAttribute('data-test-target'),
    token,
  );
}

describe.each(BROWSERS)('%s', (browserName) => {
  const ctx = useSession(() => launch(browserName));
  let page: Tab;
  useDemoPage(ctx, (tab) => {
    page = tab;
  });

  it('popup: lists the page’s terms; choosing one scrolls to it, flashes it and opens its popover', async () => {
    const tabId = tabIdOf(page);
    const popup = await ctx.driver.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitFor(() => document.querySelector('.page-terms li') !== null);
    const listed = await popup.evaluate(() =>
      [...document.querySelectorAll('.page-terms li')].map((li) => li.textContent),
    );
    expect(listed).toContain('botulinum toxin');
    expect(listed.length).toBe((await markedIds(page, ctx.names)).length);
    await clickText(popup, 'botulinum toxin');
    await waitForPopover(page, ctx.names, 'botulinum toxin');
    const inView = await page.evaluate(
      (sel: string) => {
        const r = (document.querySelector(sel) as HTMLElement).getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      },
      markSelector(ctx.names, 'botulinum-toxin'),
    );
    expect(inView).toBe(true);
    expect(
      await page.evaluate(
        (sel: string) => document.querySelector(sel)?.className,
        markSelector(ctx.names, 'botulinum-toxin'),
      ),
    ).toContain('-flash');
    await popup.close();
    await page.close();
  });

  it('popup: search is typo-tolerant and alias-aware, works by keyboard, and opens the full entry', async () => {
    const tabId = tabIdOf(page);
    const popup = await ctx.driver.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitFor(() => document.activeElement?.getAttribute('role') === 'combobox');
    const top = async (q: string) => {
      await popup.evaluate(() => {
        const input = document.querySelector('input[role="combobox"]') as HTMLInputElement;
        input.focus();
        input.select();
      });
      await popup.type(q);
      await popup.waitFor(() => document.querySelector('[role="option"]') !== null);
      return popup.evaluate(() => document.querySelector('[role="option"] .search-term')?.textContent);
    };
    expect(await top('ocrevus')).toBe('ocrelizumab');
    expect(await top('lhermite')).toBe('Lhermitte\u2019s sign'.replace('\u2019', "'"));
    expect(await top('demylination')).toBe('demyelination');
    await popup.press('ArrowDown');
    expect(
      await popup.evaluate(() =>
        document.querySelector('input[role="combobox"]')?.getAttribute('aria-activedescendant'),
      ),
    ).toBeTruthy();
    await popup.press('Enter');
    await popup.waitFor(() => document.querySelector('.tc-term')?.textContent === 'demyelination');
    expect(await popup.evaluate(() => document.body.textContent?.includes('not medical advice'))).toBe(true);
    await popup.close();
    await page.close();
  });

  it('options: a category switch turns a whole category off and on, live in the open tab', async () => {
    const options = await ctx.driver.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelector('details.category') !== null);
    const countBefore = await options.evaluate(() => document.querySelector('#terms-title + p')?.textContent);
    // "Other medicines and treatments" holds gabapentin, carbamazepine, phenytoin, botulinum toxin.
    // Categories start collapsed, for a calm first view: open it, then use its switch.
    await options.click('details[data-category="medicine"] > summary');
    await clickText(options, 'Other medicines and treatments');
    await page.waitFor((n: Names) => !document.querySelector(`${n.mark}[${n.idAttr}="gabapentin"]`), ctx.names);
    const left = await markedIds(page, ctx.names);
    expect(left.some((m) => /^(gabapentin|carbamazepine|phenytoin|botulinum-toxin):/.test(m))).toBe(false);
    expect(left.some((m) => m.startsWith('myokymia:'))).toBe(true);
    expect(await options.evaluate(() => document.querySelector('#terms-title + p')?.textContent)).not.toBe(countBefore);
    await clickText(options, 'Other medicines and treatments');
    await waitForMark(page, ctx.names, 'gabapentin');
    await options.close();
    await page.close();
  });

  it('options: an invalid settings file is refused with a clear message and changes nothing', async () => {
    await setSettings(ctx.driver, { theme: 'dark', hoverDelayMs: 800 });
    const before = await storedSettings(ctx.driver);
    const options = await ctx.driver.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelector('input[type="file"]') !== null);
    const bad = join(tmpdir(), `ms-lens-bad-${browserName}.json`);
    writeFileSync(bad, '{"name": "some other app", "version": "2.0"}');
    await uploadFile(options, 'input[type="file"]', bad);
    await options.waitFor(() =>
      document.querySelector('[role="alert"]')?.textContent?.includes('not an MS Lens settings file'),
    );
    expect(await storedSettings(ctx.driver)).toEqual(before);
    const good = join(tmpdir(), `ms-lens-good-${browserName}.json`);
    writeFileSync(
      good,
      JSON.stringify({
        format: 'ms-lens-settings',
        version: 1,
        settings: { disabledTerms: ['myokymia'], occurrences: 'all' },
      }),
    );
    await uploadFile(options, 'input[type="file"]', good);
    await options.waitFor(() =>
      [...document.querySelectorAll('[role="status"]')].some((e) => e.textContent?.includes('Settings imported')),
    );
    await page.waitFor((n: Names) => !document.querySelector(`${n.mark}[${n.idAttr}="myokymia"]`), ctx.names);
    await options.close();
    await page.close();
  });
});

describe('chromium only', () => {
  const ctx = useSession(() => launch('chromium'));
  let page: Tab;
  useDemoPage(ctx, (tab) => {
    page = tab;
  });

  it('options: filter, summary on demand, select none and all, with a live count', async () => {
    const options = await ctx.driver.openExtensionPage('options.html');
    await options.waitFor(() => document.getElementById('term-filter') !== null);
    await options.click('#term-filter');
    await options.type('myok');
    await options.waitFor(() => document.querySelectorAll('.term-list li').length === 1);
    await clickText(options, '?');
    expect(await options.evaluate(() => document.getElementById('sum-myokymia')?.hidden)).toBe(false);
    await options.evaluate(() => {
      const f = document.getElementById('term-filter') as HTMLInputElement;
      f.value = '';
      f.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const countBefore = await options.evaluate(() => document.querySelector('#terms-title + p')?.textContent);
    await clickText(options, 'Select none');
    await waitForNoMarks(page, ctx.names);
    expect(await options.evaluate(() => document.querySelector('#terms-title + p')?.textContent)).toMatch(
      /^0 of \d+ terms/,
    );
    // "Select none" is undoable: every earlier choice comes back.
    await clickText(options, 'Undo');
    await waitForMark(page, ctx.names, 'myokymia');
    await options.waitFor(
      (want: string) => document.querySelector('#terms-title + p')?.textContent === want,
      countBefore as string,
    );
    await clickText(options, 'Select none');
    await waitForNoMarks(page, ctx.names);
    await clickText(options, 'Select all');
    await waitForMark(page, ctx.names, 'myokymia');
    await options.close();
    await page.close();
  });

  it('options: behaviour and appearance choices apply live', async () => {
    const options = await ctx.driver.openExtensionPage('options.html');
    await options.waitFor(() => document.getElementById('behaviour-title') !== null);
    await clickText(options, 'Every time a term appears');
    await clickText(options, 'Click or tap a term');
    await clickText(options, 'High contrast');
    await clickText(options, 'Dark');
    await page.waitFor(
      (sel: string) => getComputedStyle(document.querySelector(sel) as Element).backgroundColor === 'rgb(255, 255, 0)',
      markSelector(ctx.names, 'myokymia'),
    );
    // "Every time": myokymia appears three times in the article.
    await page.waitFor(
      (n: Names) => document.querySelectorAll(`${n.mark}[${n.idAttr}="myokymia"]`).length === 3,
      ctx.names,
    );
    // Click trigger: hovering no longer opens the popover, a click does.
    await page.hover(markSelector(ctx.names, 'gabapentin'));
    await new Promise((r) => setTimeout(r, 800));
    expect((await popover(page, ctx.names)).open).toBe(false);
    await page.click(markSelector(ctx.names, 'gabapentin'));
    await waitForPopover(page, ctx.names, 'gabapentin');
    expect(await options.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await storedSettings(ctx.driver)).toMatchObject({ occurrences: 'all', trigger: 'click', theme: 'dark' });
    await options.close();
    await page.close();
  });

  it('options: sites to leave alone, and "only these sites" mode, both live', async () => {
    const options = await ctx.driver.openExtensionPage('options.html');
    await options.waitFor(() => document.getElementById('site-input') !== null);
    await options.click('#site-input');
    await options.type('http://127.0.0.1/anything');
    await clickText(options, 'Add');
    await waitForNoMarks(page, ctx.names);
    expect(await options.evaluate(() => document.querySelector('.site-list')?.textContent)).toContain('127.0.0.1');
    await clickText(options, 'Remove');
    await waitForMark(page, ctx.names, 'myokymia');
    await clickText(options, 'Only on the sites listed below');
    await waitForNoMarks(page, ctx.names);
    await options.click('#site-input');
    await options.type('127.0.0.1');
    await clickText(options, 'Add');
    await waitForMark(page, ctx.names, 'myokymia');
    await options.click('#site-input');
    await options.type('not a site!');
    await clickText(options, 'Add');
    await options.waitFor(() => document.getElementById('site-error')?.textContent?.includes('is not a web address'));
    await options.close();
    await page.close();
  });

  it('options: export downloads a settings file; reset asks first', async () => {
    await setSettings(ctx.driver, { theme: 'light', disabledTerms: ['axon'] });
    const options = await ctx.driver.openExtensionPage('options.html');
    await options.waitFor(() => document.getElementById('backup-title') !== null);
    const raw = options.raw as PwPage;
    const [download] = await Promise.all([raw.waitForEvent('download'), clickText(options, 'Export settings')]);
    const path = await download.path();
    const exported = JSON.parse((await import('node:fs')).readFileSync(path, 'utf8'));
    expect(exported).toMatchObject({ format: 'ms-lens-settings', version: 1, settings: { disabledTerms: ['axon'] } });
    await clickText(options, 'Reset to defaults');
    expect(await storedSettings(ctx.driver)).toMatchObject({ theme: 'light' }); // nothing yet: it asks first
    await clickText(options, 'Yes, reset everything');
    await options.waitFor(() =>
      [...document.querySelectorAll('[role="status"]')].some((e) => e.textContent?.includes('back to their defaults')),
    );
    expect(await storedSettings(ctx.driver)).toMatchObject({ theme: 'system', occurrences: 'first' });
    await options.close();
    await page.close();
  });

  it('options: damaged stored settings are reported; good fields are kept and used', async () => {
    await writeSyncItems(ctx.driver, {
      settingsFormat: 2,
      'setting.theme': 42,
      'setting.occurrences': 'all',
      'setting.hoverDelayMs': 'slow',
    });
    await page.waitFor(
      (n: Names) => document.querySelectorAll(`${n.mark}[${n.idAttr}="myokymia"]`).length === 3,
      ctx.names,
    );
    const options = await ctx.driver.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelector('.error')?.textContent?.includes('could not be read'));
    const text = await options.evaluate(() => document.querySelector('.error')?.textContent ?? '');
    expect(text).toContain('theme');
    expect(text).toContain('hoverDelayMs');
    await options.close();
    await page.close();
  });

  it('badge shows the number of distinct terms, and can be turned off', async () => {
    const tabId = tabIdOf(page);
    const control = await ctx.driver.control();
    const badge = () =>
      control.evaluate(
        (id: number) =>
          (
            globalThis as unknown as { chrome: { action: { getBadgeText(o: object): Promise<string> } } }
          ).chrome.action.getBadgeText({
            tabId: id,
          }),
        tabId,
      );
    const distinct = new Set((await markedIds(page, ctx.names)).map((m) => m.split(':')[0])).size;
    await control.waitFor(
      async ([id, want]: [number, string]) =>
        (await (
          globalThis as unknown as { chrome: { action: { getBadgeText(o: object): Promise<string> } } }
        ).chrome.action.getBadgeText({
          tabId: id,
        })) === want,
      [tabId, String(distinct)] as [number, string],
    );
    await setSettings(ctx.driver, { showBadge: false });
    await control.waitFor(
      async (id: number) =>
        (await (
          globalThis as unknown as { chrome: { action: { getBadgeText(o: object): Promise<string> } } }
        ).chrome.action.getBadgeText({
          tabId: id,
        })) === '',
      tabId,
    );
    expect(await badge()).toBe('');
    await page.close();
  });

  it('explains selected text at the selection, as the context menu does; and steps through terms', async () => {
    const tabId = tabIdOf(page);
    await page.evaluate(() => {
      const p = document.querySelector('blockquote') as HTMLElement;
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    const control = await ctx.driver.control();
    await control.evaluate(async (id: number) => {
      const api = (
        globalThis as unknown as {
          chrome: { tabs: { sendMessage(t: number, m: object, o: object): Promise<unknown> } };
        }
      ).chrome;
      await api.tabs.sendMessage(
        id,
        {
          type: 'explain-selection',
          text: 'Uhthoff',
          choices: [{ id: 'uhthoffs-phenomenon', term: "Uhthoff's phenomenon" }],
        },
        { frameId: 0 },
      );
    }, tabId);
    await page.waitFor(
      (n: Names) => document.querySelector(n.host)?.shadowRoot?.textContent?.includes('Closest matches'),
      ctx.names,
    );
    await page.press('Escape');
    await control.evaluate(async (id: number) => {
      const api = (
        globalThis as unknown as {
          chrome: { tabs: { sendMessage(t: number, m: object, o: object): Promise<unknown> } };
        }
      ).chrome;
      await api.tabs.sendMessage(id, { type: 'step-term', direction: 1 }, { frameId: 0 });
    }, tabId);
    await page.waitFor((n: Names) => document.querySelector(n.host) !== null, ctx.names);
    await page.close();
  });

  it('options, popup and glossary pages reflow at 200% zoom (a 640 px wide window) without sideways scrolling', async () => {
    const tabId = tabIdOf(page);
    for (const path of [`popup.html?tab=${tabId}`, 'options.html', 'glossary.html', 'welcome.html']) {
      const tab = await ctx.driver.openExtensionPage(path);
      await (tab.raw as PwPage).setViewportSize({ width: 640, height: 800 });
      await tab.waitFor(() => document.querySelector('main') !== null);
      const overflow = await tab.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
      await tab.close();
    }
    await page.close();
  });

  it('popup, options and glossary pages pass axe-core in light and dark', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await setSettings(ctx.driver, { theme });
      const tabId = tabIdOf(page);
      for (const path of [`popup.html?tab=${tabId}`, 'options.html', 'glossary.html', 'welcome.html']) {
        const tab = await ctx.driver.openExtensionPage(path);
        await tab.waitFor(
          (t: string) => document.documentElement.dataset.theme === t && document.querySelector('main') !== null,
          theme,
        );
        const violations = await axeViolations(tab);
        expect({ path, theme, violations }).toEqual({ path, theme, violations: [] });
        await tab.close();
      }
    }
    await page.close();
  });
});
