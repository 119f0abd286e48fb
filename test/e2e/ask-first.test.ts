/**
 * The "ask first" mode in the real Firefox build: installed without access
 * to any site, MS Lens does nothing in pages; allowing one site from
 * the popup highlights it at once, without a reload; removing it in options
 * stops it again. (Firefox grants the prompts here through a test preference;
 * nothing can click Chromium's prompt, see wxt.config.ts.)
 */
import { describe, expect, it } from 'vitest';
import { launchFirefox } from './harness/browsers.ts';
import { type Names, tabIdOf, waitForMark, waitForNoMarks } from './harness/lens.ts';
import { useSession } from './harness/session.ts';

describe('firefox, installed without site access', () => {
  const ctx = useSession(() => launchFirefox({ grantAllSites: false }));

  it('reads no page until the reader allows it, then highlights live; removing access stops it', async () => {
    const url = ctx.server.url('/pages/demo-article.html');
    const page = await ctx.driver.open(url);
    await new Promise((r) => setTimeout(r, 2000));
    const untouched = await page.evaluate(
      (n: Names) => ({
        marks: document.querySelectorAll(n.mark).length,
        styles: document.querySelectorAll('style').length,
      }),
      ctx.names,
    );
    expect(untouched).toEqual({ marks: 0, styles: 1 }); // only the page's own stylesheet

    const control = await ctx.driver.control();
    const status = await control.evaluate(() => document.querySelector('#access-title ~ [role="status"]')?.textContent);
    expect(status).toMatch(/^Ask first/);

    // Without access MS Lens cannot even see the tab's address (no "tabs" permission): the
    // popup learns it from activeTab when the reader clicks the toolbar button, which
    // automation cannot do. The options page's "Always allow a site" uses the same request.
    const allow = await ctx.driver.openExtensionPage('options.html');
    await allow.waitFor(() => document.getElementById('access-site') !== null);
    await allow.click('#access-site');
    await allow.type('127.0.0.1');
    await allow.click('#access-site ~ button');
    await waitForMark(page, ctx.names, 'myokymia');
    await allow.close();

    // With access granted, the popup sees the site and offers the usual switch.
    const tabId = tabIdOf(page);
    const popup = await ctx.driver.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitFor(() => document.querySelector('input[role="switch"]') !== null);
    expect(await popup.evaluate(() => document.querySelector('.access-note'))).toBeNull();
    await popup.close();

    const options = await ctx.driver.openExtensionPage('options.html');
    await options.waitFor(() => document.querySelector('.site-list')?.textContent?.includes('127.0.0.1'));
    await options.click('button[aria-label="Stop allowing 127.0.0.1"]');
    await options.waitFor(() => !document.querySelector('.site-list'));
    await options.close();
    await page.goto(url);
    await new Promise((r) => setTimeout(r, 2000));
    await waitForNoMarks(page, ctx.names);
    await page.close();
  });
});
