/**
 * Pages built to break MS Lens, in Chromium and Firefox: a term inside a web
 * component's open shadow root opens the popover on hover; Escape closes the
 * popover although the page swallows every key in a capture listener that an
 * inline <head> script added to window; and a chat that never stops adding and
 * removing messages is still highlighted after the equivalent of hours (the
 * test lowers the per-pass limit and the throttle through the test builds'
 * hook, so hours fit in seconds).
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, launch, type Tab } from './harness/browsers.ts';
import {
  type Names,
  popover,
  resetSettings,
  waitForMark,
  waitForNoPopover,
  waitForPopover,
  withTestLimits,
} from './harness/lens.ts';
import { useSession } from './harness/session.ts';

/** Centre of the highlight inside the web component's shadow root. */
function shadowMarkCentre(tab: Tab, names: Names) {
  return tab.evaluate((n: Names) => {
    const mark = document.getElementById('post')?.shadowRoot?.querySelector(n.mark) as HTMLElement | null;
    if (!mark) return null;
    const r = mark.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, names);
}

describe.each(BROWSERS)('%s', (browserName) => {
  const ctx = useSession(() => launch(browserName));

  const open = async () => {
    await resetSettings(ctx.driver);
    const tab = await ctx.driver.open(ctx.server.url('/pages/robust.html'));
    await waitForMark(tab, ctx.names, 'myokymia');
    return tab;
  };

  it('opens the popover on hover over a term inside an open shadow root', async () => {
    const tab = await open();
    await tab.waitFor(
      (n: Names) => document.getElementById('post')?.shadowRoot?.querySelector(n.mark) != null,
      ctx.names,
    );
    const at = await shadowMarkCentre(tab, ctx.names);
    expect(at).not.toBeNull();
    await tab.mouseMove(5, 5);
    await tab.mouseMove(at?.x ?? 0, at?.y ?? 0);
    await waitForPopover(tab, ctx.names, "Lhermitte's sign");
    await tab.close();
  });

  it('closes the popover with Escape although the page swallows every key first', async () => {
    const tab = await open();
    await tab.click(`${ctx.names.mark}[${ctx.names.idAttr}="myokymia"]`);
    await waitForPopover(tab, ctx.names, 'myokymia');
    await tab.press('Escape');
    await waitForNoPopover(tab, ctx.names);
    expect((await popover(tab, ctx.names)).open).toBe(false);
    await tab.close();
  });

  it('keeps highlighting a chat that has run for hours', async () => {
    await withTestLimits(ctx.driver, { maxTextNodes: 120, minFlushDelay: 2, maxFlushDelay: 10 }, async () => {
      const tab = await open();
      // 300 rounds of 6 messages: 1,800 text nodes read, 15 times the lowered per-pass limit.
      await tab.evaluate(() =>
        (window as unknown as { runChat(r: number, n: number, ms: number): Promise<void> }).runChat(300, 6, 4),
      );
      await tab.evaluate(() =>
        (window as unknown as { say(t: string): void }).say('Does anyone else get oscillopsia?'),
      );
      await waitForMark(tab, ctx.names, 'oscillopsia');
      await tab.close();
    });
  });
});
