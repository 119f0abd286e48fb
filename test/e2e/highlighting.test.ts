/**
 * Highlighting on pages that change, in Chromium and Firefox: content added
 * later, history.pushState navigation, an open shadow root, a same-origin iframe, first-occurrence mode,
 * and a page whose text changes all the time (work measured over 2 s, with the
 * throttle lowered through the test builds' hook).
 */

import type { BrowserContext, Page as PwPage } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Diagnostics } from '../../src/page/lens.ts';
import { BROWSERS, type Driver, evalInContentScript, launch } from './harness/browsers.ts';
import { markedIds, type Names, resetSettings, setSettings, waitForMark, withTestLimits } from './harness/lens.ts';
import { useSession } from './harness/session.ts';

describe.each(BROWSERS)('%s', (browserName) => {
  const ctx = useSession(() => launch(browserName));

  beforeEach(async () => {
    await resetSettings(ctx.driver);
  });

  it('highlights content added later, such as comments loading', async () => {
    await setSettings(ctx.driver, { occurrences: 'all' });
    const page = await ctx.driver.open(ctx.server.url('/pages/dynamic.html'));
    await waitForMark(page, ctx.names, 'relapsing-remitting-ms');
    await page.evaluate(() => (window as unknown as { addComments(n: number): void }).addComments(30));
    await page.waitFor(
      (n: Names) => document.querySelectorAll(`#comments ${n.mark}[${n.idAttr}="myokymia"]`).length === 30,
      ctx.names,
    );
    const perComment = await page.evaluate(
      (n: Names) => [...document.querySelectorAll('.comment')].map((c) => c.querySelectorAll(n.mark).length),
      ctx.names,
    );
    expect(new Set(perComment)).toEqual(new Set([3])); // neurologist, myokymia, spasticity
    await page.close();
  });

  it('follows single-page-app navigation (history.pushState) in first-occurrence mode', async () => {
    const page = await ctx.driver.open(ctx.server.url('/pages/dynamic.html'));
    await waitForMark(page, ctx.names, 'relapsing-remitting-ms');
    await page.evaluate(() => (window as unknown as { navigateTo(s: string): void }).navigateTo('optic-neuritis'));
    await waitForMark(page, ctx.names, 'optic-neuritis');
    await waitForMark(page, ctx.names, 'nystagmus');
    expect(await page.evaluate(() => location.hash)).toBe('#optic-neuritis');
    if (ctx.driver.name === 'chromium') {
      // MS Lens saw the URL change itself (first occurrences start afresh on the new "page").
      const d = await evalInContentScript<Diagnostics>(
        (ctx.driver as Driver & { context: BrowserContext }).context,
        page.raw as PwPage,
        'msLensDiagnostics()',
      );
      expect(d.stats?.navigations).toBe(1);
    }
    await page.close();
  });

  it('covers an open shadow root and a same-origin iframe', async () => {
    const page = await ctx.driver.open(ctx.server.url('/pages/dynamic.html'));
    await page.waitFor(
      (n: Names) =>
        document
          .getElementById('shadow-host')
          ?.shadowRoot?.querySelector(`${n.mark}[${n.idAttr}="lhermittes-sign"]`) !== null,
      ctx.names,
    );
    await page.waitFor((n: Names) => {
      const doc = (document.getElementById('frame') as HTMLIFrameElement).contentDocument;
      return doc?.querySelector(`${n.mark}[${n.idAttr}="uhthoffs-phenomenon"]`) != null;
    }, ctx.names);
    await page.close();
  });

  it('marks only the first occurrence by default and every one when asked', async () => {
    const html = `<!doctype html><title>MS</title><p>Myokymia and myokymia.</p><p>More myokymia in multiple sclerosis.</p>`;
    const url = ctx.server.addPage(`occurrences-${browserName}.html`, html);
    let page = await ctx.driver.open(url);
    await waitForMark(page, ctx.names, 'multiple-sclerosis');
    expect((await markedIds(page, ctx.names)).filter((m) => m.startsWith('myokymia:'))).toEqual(['myokymia:Myokymia']);
    await setSettings(ctx.driver, { occurrences: 'all' });
    await page.waitFor(
      (n: Names) => document.querySelectorAll(`${n.mark}[${n.idAttr}="myokymia"]`).length === 3,
      ctx.names,
    );
    await page.close();
    page = await ctx.driver.open(url);
    await page.waitFor(
      (n: Names) => document.querySelectorAll(`${n.mark}[${n.idAttr}="myokymia"]`).length === 3,
      ctx.names,
    );
    await page.close();
  });

  it('keeps its work bounded on a page that changes text all the time', async () => {
    // 10 s of a page that changes every 100 ms under the real throttle (80 ms growing to 2 s),
    // in 2 s: the page changes every 20 ms and the throttle is 5 times shorter (16 ms to 400 ms).
    const page = await withTestLimits(ctx.driver, { minFlushDelay: 16, maxFlushDelay: 400 }, async () => {
      const tab = await ctx.driver.open(ctx.server.url('/pages/clock.html?tick=20'));
      // Highlights show that MS Lens started, and so read the lowered limits.
      await waitForMark(tab, ctx.names, 'ms-nurse');
      return tab;
    });
    const textBefore = await page.evaluate(() =>
      document.body.textContent?.includes('Your MS nurse will call you soon'),
    );
    const read = async () =>
      ctx.driver.name === 'chromium'
        ? evalInContentScript<Diagnostics>(
            (ctx.driver as Driver & { context: BrowserContext }).context,
            page.raw as PwPage,
            'msLensDiagnostics()',
          )
        : null;
    const start = await read();
    await new Promise((r) => setTimeout(r, 2_000));
    const end = await read();
    const ticks = await page.evaluate(() => Number(document.getElementById('ticker')?.textContent?.split(' ')[0]));
    expect(Number.isFinite(ticks)).toBe(true);
    if (start?.stats && end?.stats) {
      // About 100 page changes; MS Lens looks at them in a few throttled batches.
      const flushes = end.stats.mutationFlushes - start.stats.mutationFlushes;
      const workMs = end.stats.mutationWorkMs - start.stats.mutationWorkMs;
      console.log(
        `[${browserName}] clock page, 100 changes in 2 s: ${flushes} mutation batches, ${workMs.toFixed(1)} ms of MS Lens work`,
      );
      expect(flushes).toBeGreaterThan(0);
      expect(flushes).toBeLessThanOrEqual(20);
    }
    expect(await markedIds(page, ctx.names)).toContain('ms-nurse:MS nurse');
    expect(textBefore).toBe(true);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
