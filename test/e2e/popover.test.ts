/**
 * The definition popover end to end by mouse, keyboard and touch, on a
 * normal page and on a hostile one, in Chromium and Firefox; axe-core on the
 * open popover in light and dark.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from './harness/axe.ts';
import { BROWSERS, launch, launchChromium, type Tab } from './harness/browsers.ts';
import {
  clickInPopover,
  markSelector,
  type Names,
  popover,
  resetSettings,
  setSettings,
  waitForMark,
  waitForNoPopover,
  waitForPopover,
} from './harness/lens.ts';
import { useSession } from './harness/session.ts';

/** Centre of the first highlight of an entry, in viewport coordinates. */
function markCentre(tab: Tab, names: Names, id: string) {
  return tab.evaluate(
    (sel: string) => {
      const r = (document.querySelector(sel) as HTMLElement).getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2, top: r.top, bottom: r.bottom };
    },
    markSelector(names, id),
  );
}

function panelRect(tab: Tab, names: Names) {
  return tab.evaluate((n: Names) => {
    const panel = document.querySelector(n.host)?.shadowRoot?.querySelector('.pop-panel') as HTMLElement | null;
    if (!panel) return null;
    const r = panel.getBoundingClientRect();
    const style = getComputedStyle(panel);
    return { x: r.x, y: r.y, width: r.width, height: r.height, display: style.display, visibility: style.visibility };
  }, names);
}

/** The popover's box once it has stopped moving (its content loads, then it is placed again). */
async function settledPanelRect(tab: Tab, names: Names) {
  let last = await panelRect(tab, names);
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const now = await panelRect(tab, names);
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  throw new Error('the popover kept moving');
}

describe.each(BROWSERS)('%s', (browserName) => {
  const ctx = useSession(() => launch(browserName));
  let page: Tab;

  beforeEach(async () => {
    await resetSettings(ctx.driver);
    page = await ctx.driver.open(ctx.server.url('/pages/demo-article.html'));
    await waitForMark(page, ctx.names, 'hemifacial-spasm');
  });

  it('stays open while the pointer crosses slowly from the term into the popover, and closes when it leaves both', async () => {
    await page.hover(markSelector(ctx.names, 'hemifacial-spasm'));
    await waitForPopover(page, ctx.names, 'hemifacial spasm');
    const rect = await settledPanelRect(page, ctx.names);
    expect(rect).not.toBeNull();
    const term = await markCentre(page, ctx.names, 'hemifacial-spasm');
    const panel = { top: rect?.y ?? 0, bottom: (rect?.y ?? 0) + (rect?.height ?? 0), x: rect?.x ?? 0 };
    // The popover sits above or below its term, across a gap.
    const below = panel.top >= term.bottom;
    const [gapStart, gapEnd] = below ? [term.bottom, panel.top] : [panel.bottom, term.top];
    expect(gapEnd - gapStart).toBeGreaterThan(2);
    // Rest in that gap, longer than the grace period, as a slow hand would.
    const from = { x: term.x, y: (gapStart + gapEnd) / 2 };
    await page.mouseMove(from.x, from.y);
    await new Promise((r) => setTimeout(r, 900));
    expect((await popover(page, ctx.names)).term).toBe('hemifacial spasm');
    // Then on into the popover in small steps.
    const target = { x: panel.x + 40, y: below ? panel.top + 30 : panel.bottom - 30 };
    for (let i = 1; i <= 4; i++) {
      await page.mouseMove(from.x + ((target.x - from.x) * i) / 4, from.y + ((target.y - from.y) * i) / 4);
    }
    await new Promise((r) => setTimeout(r, 600));
    expect((await popover(page, ctx.names)).term).toBe('hemifacial spasm');
    await page.mouseMove(5, 700);
    await waitForNoPopover(page, ctx.names);
    await page.close();
  });

  it('pins on click, shows More, follows a related term and goes Back, and closes with its button', async () => {
    await page.click(markSelector(ctx.names, 'myokymia'));
    await waitForPopover(page, ctx.names, 'myokymia');
    await page.mouseMove(5, 700);
    await new Promise((r) => setTimeout(r, 700));
    expect((await popover(page, ctx.names)).term).toBe('myokymia'); // pinned
    await clickInPopover(page, ctx.names, 'More');
    expect((await popover(page, ctx.names)).text).toContain('rippling can go on for minutes');
    await clickInPopover(page, ctx.names, 'fasciculation');
    await waitForPopover(page, ctx.names, 'fasciculation');
    const state = await popover(page, ctx.names);
    expect(state.dialogLabel).toBe('fasciculation');
    expect(state.focused).toMatch(/^div\.pop-dialog/);
    await clickInPopover(page, ctx.names, 'Back');
    await waitForPopover(page, ctx.names, 'myokymia');
    await clickInPopover(page, ctx.names, 'Close');
    await waitForNoPopover(page, ctx.names);
    await page.close();
  });

  it('works by keyboard: Tab reaches terms, Enter moves focus in, Escape returns it', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // Tab until a highlight has focus (only the first of each term is a tab stop).
    let focusedId: string | null = null;
    for (let i = 0; i < 10 && !focusedId; i++) {
      await page.press('Tab');
      focusedId = await page.evaluate((n: Names) => document.activeElement?.getAttribute(n.idAttr) ?? null, ctx.names);
    }
    expect(focusedId).not.toBeNull();
    const term = await page.evaluate(() => (document.activeElement as HTMLElement).textContent);
    await page.waitFor((n: Names) => document.querySelector(n.host) !== null, ctx.names);
    expect((await popover(page, ctx.names)).focused).toBeNull(); // focus stays on the term
    await page.press('Enter');
    await page.waitFor(
      (n: Names) => document.querySelector(n.host)?.shadowRoot?.activeElement?.getAttribute('role') === 'dialog',
      ctx.names,
    );
    expect(await page.evaluate((n: Names) => document.activeElement?.localName === n.host, ctx.names)).toBe(true);
    await page.press('Tab');
    expect((await popover(page, ctx.names)).focused).toMatch(/^button/);
    await page.press('Escape');
    await waitForNoPopover(page, ctx.names);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(term);
    // All highlights are one tab stop: the one used last.
    const tabStops = await page.evaluate(
      (n: Names) =>
        [...document.querySelectorAll(n.mark)]
          .filter((m) => m.getAttribute('tabindex') === '0')
          .map((m) => m.textContent),
      ctx.names,
    );
    expect(tabStops).toEqual([term]);
    await page.close();
  });

  it('keyboard walk: all highlights are one Tab stop, arrows move between them, Tab out of a card returns to its term', async () => {
    const terms = [
      'myokymia',
      'spasticity',
      'nystagmus',
      'dysarthria',
      'dysphagia',
      'optic neuritis',
      'ataxia',
      'paraesthesia',
      'diplopia',
      'vertigo',
      'foot drop',
      'clonus',
      'hemiparesis',
      'paraparesis',
      'dysdiadochokinesia',
      'intention tremor',
      'oscillopsia',
      'trigeminal neuralgia',
      'hemifacial spasm',
      'Lhermitte’s sign',
      'Uhthoff’s phenomenon',
      'MS hug',
      'cognitive fog',
      'EDSS',
      'ocrelizumab',
      'natalizumab',
      'fingolimod',
      'lumbar puncture',
      'oligoclonal bands',
      'demyelination',
    ];
    const links = Array.from({ length: 5 }, (_, i) => `<a id="link-${i}" href="#l${i}">Section ${i + 1}</a>`).join(' ');
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Living with multiple sclerosis (MS)</title></head><body><main><h1>Multiple sclerosis symptoms</h1>${terms
      .map((t, i) => `<p>Paragraph ${i + 1} is about ${t} in multiple sclerosis.</p>`)
      .join('')}<nav>${links}</nav></main></body></html>`;
    const tab = await ctx.driver.open(ctx.server.addPage(`keyboard-walk-${browserName}.html`, html));
    await waitForMark(tab, ctx.names, 'demyelination');
    await tab.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // From the top of the page to the last link: fewer presses than links + 5.
    let presses = 0;
    for (; presses < 40; presses++) {
      if ((await tab.evaluate(() => document.activeElement?.id)) === 'link-4') break;
      await tab.press('Tab');
    }
    expect(presses).toBeLessThan(5 + 5);
    // Back to the highlights: the arrow keys move from one to the next, each explaining itself.
    // Back to the top (focus on the heading), then one Tab reaches the highlights again.
    await tab.evaluate(() => {
      const h1 = document.querySelector('h1') as HTMLElement;
      h1.tabIndex = -1;
      h1.focus();
    });
    await tab.press('Tab');
    const first = await tab.evaluate((n: Names) => document.activeElement?.getAttribute(n.idAttr), ctx.names);
    await tab.press('ArrowRight');
    await tab.press('ArrowRight');
    const third = await tab.evaluate((n: Names) => document.activeElement?.getAttribute(n.idAttr), ctx.names);
    expect(first).not.toBeNull();
    expect(third).not.toBe(first);
    await tab.waitFor((n: Names) => document.querySelector(n.host) !== null, ctx.names);
    // Enter moves into the card; tabbing past its last control returns to the term, card closed.
    await tab.press('Enter');
    await tab.waitFor(
      (n: Names) => document.querySelector(n.host)?.shadowRoot?.activeElement?.getAttribute('role') === 'dialog',
      ctx.names,
    );
    for (let i = 0; i < 15 && (await popover(tab, ctx.names)).term !== null; i++) await tab.press('Tab');
    await waitForNoPopover(tab, ctx.names);
    expect(await tab.evaluate((n: Names) => document.activeElement?.getAttribute(n.idAttr), ctx.names)).toBe(third);
    await tab.close();
  });

  it('closes when its term scrolls out of view, unless pinned', async () => {
    await page.hover(markSelector(ctx.names, 'myokymia'));
    await page.waitFor((n: Names) => document.querySelector(n.host) !== null, ctx.names);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await waitForNoPopover(page, ctx.names);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click(markSelector(ctx.names, 'myokymia'));
    await waitForPopover(page, ctx.names, 'myokymia');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await new Promise((r) => setTimeout(r, 500));
    expect((await popover(page, ctx.names)).term).toBe('myokymia'); // pinned: stays until closed
    await page.close();
  });

  it('applies the text-size and highlight-style settings live', async () => {
    await page.hover(markSelector(ctx.names, 'gabapentin'));
    await waitForPopover(page, ctx.names, 'gabapentin');
    const size = () =>
      page.evaluate(
        (n: Names) =>
          Number.parseFloat(
            getComputedStyle(document.querySelector(n.host)?.shadowRoot?.querySelector('.tc-summary') as Element)
              .fontSize,
          ),
        ctx.names,
      );
    const medium = await size();
    await page.mouseMove(5, 700);
    await waitForNoPopover(page, ctx.names);
    await setSettings(ctx.driver, { fontSize: 'x-large', highlightStyle: 'high-contrast' });
    await page.waitFor(
      (sel: string) => getComputedStyle(document.querySelector(sel) as Element).backgroundColor === 'rgb(255, 255, 0)',
      markSelector(ctx.names, 'gabapentin'),
    );
    await page.hover(markSelector(ctx.names, 'gabapentin'));
    await waitForPopover(page, ctx.names, 'gabapentin');
    expect(await size()).toBeGreaterThan(medium * 1.3);
    await page.close();
  });

  it('has no axe-core violations with the popover open, and targets of at least 24 px', async () => {
    await page.click(markSelector(ctx.names, 'myokymia'));
    await waitForPopover(page, ctx.names, 'myokymia');
    await clickInPopover(page, ctx.names, 'More');
    const violations = await axeViolations(page, [[ctx.names.host, '.pop-panel']]);
    expect(violations).toEqual([]);
    const small = await page.evaluate(
      (n: Names) =>
        [...(document.querySelector(n.host)?.shadowRoot?.querySelectorAll('button') ?? [])]
          .map((b) => b.getBoundingClientRect())
          .filter((r) => r.width < 24 || r.height < 24).length,
      ctx.names,
    );
    expect(small).toBe(0);
    await page.close();
  });

  it('is unbroken on a hostile page: CSS attacks, overridden built-ins, overlays, transforms, RTL', async () => {
    await page.close();
    const hostile = await ctx.driver.open(ctx.server.url('/pages/hostile.html'));
    await waitForMark(hostile, ctx.names, 'myokymia');
    await waitForMark(hostile, ctx.names, 'gabapentin');
    const look = await hostile.evaluate(
      (sel: string) => {
        const m = document.querySelector(sel) as HTMLElement;
        const s = getComputedStyle(m);
        return {
          display: s.display,
          visibility: s.visibility,
          padding: s.paddingTop,
          width: m.getBoundingClientRect().width,
        };
      },
      markSelector(ctx.names, 'myokymia'),
    );
    expect(look).toMatchObject({ display: 'inline', visibility: 'visible', padding: '0px' });
    expect(look.width).toBeGreaterThan(20);
    // The page's messages cannot steer MS Lens.
    expect(await hostile.evaluate((n: Names) => document.querySelector(n.host), ctx.names)).toBeNull();
    await hostile.hover(markSelector(ctx.names, 'myokymia'));
    await waitForPopover(hostile, ctx.names, 'myokymia');
    const rect = await panelRect(hostile, ctx.names);
    expect(rect).toMatchObject({ display: 'block', visibility: 'visible' });
    expect(rect?.width).toBeGreaterThan(200);
    // Escape closes the popover only: the page's dialog stays open and never sees the key.
    await hostile.evaluate(() => (window as unknown as { openPageDialog(): void }).openPageDialog());
    await hostile.evaluate(
      (sel: string) => (document.querySelector(sel) as HTMLElement).focus(),
      markSelector(ctx.names, 'myokymia'),
    );
    await hostile.press('Escape');
    await waitForNoPopover(hostile, ctx.names);
    expect(await hostile.evaluate(() => (document.getElementById('page-dialog') as HTMLDialogElement).open)).toBe(true);
    expect(await hostile.evaluate(() => (window as unknown as { escapeCount: number }).escapeCount)).toBe(0);
    // Right-to-left text and the gabapentin mark in it.
    await hostile.hover(markSelector(ctx.names, 'gabapentin'));
    await waitForPopover(hostile, ctx.names, 'gabapentin');
    expect(await hostile.evaluate(() => document.body.textContent?.includes('people with'))).toBe(false);
    await hostile.close();
  });
});

describe('chromium: forced colours (Windows high contrast)', () => {
  const ctx = useSession(() => launchChromium());

  it('keeps highlights and the popover usable, with system colours', async () => {
    const page = await ctx.driver.open(ctx.server.url('/pages/demo-article.html'));
    await (page.raw as import('playwright-core').Page).emulateMedia({ forcedColors: 'active' });
    await waitForMark(page, ctx.names, 'gabapentin');
    await page.hover(markSelector(ctx.names, 'gabapentin'));
    await waitForPopover(page, ctx.names, 'gabapentin');
    expect(await axeViolations(page, [[ctx.names.host, '.pop-panel']])).toEqual([]);
    const underline = await page.evaluate(
      (sel: string) => getComputedStyle(document.querySelector(sel) as Element).textDecorationLine,
      markSelector(ctx.names, 'gabapentin'),
    );
    expect(underline).toContain('underline');
    await page.close();
  });
});

describe('chromium: touch and dark mode', () => {
  const ctx = useSession(() => launchChromium({ hasTouch: true, colorScheme: 'dark' }));

  it('opens on a tap, closes on a tap outside, and passes axe in dark mode', async () => {
    const page = await ctx.driver.open(ctx.server.url('/pages/demo-article.html'));
    await waitForMark(page, ctx.names, 'gabapentin');
    const raw = page.raw as import('playwright-core').Page;
    await raw.tap(markSelector(ctx.names, 'gabapentin'));
    await waitForPopover(page, ctx.names, 'gabapentin');
    const bg = await page.evaluate(
      (n: Names) =>
        getComputedStyle(document.querySelector(n.host)?.shadowRoot?.querySelector('.pop-panel') as Element)
          .backgroundColor,
      ctx.names,
    );
    expect(bg).toBe('rgb(29, 30, 34)');
    expect(await axeViolations(page, [[ctx.names.host, '.pop-panel']])).toEqual([]);
    await raw.touchscreen.tap(10, 700);
    await waitForNoPopover(page, ctx.names);
    await page.close();
  });
});
