/**
 * `npm run screenshots`: the README's pictures, taken from the built extension
 * in Chromium (popover in light and dark, popup, options). Writes them to
 * test/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page as PwPage } from 'playwright-core';
import { launchChromium } from '../test/e2e/harness/browsers.ts';
import {
  lensNames,
  markSelector,
  resetSettings,
  setSettings,
  tabIdOf,
  waitForMark,
  waitForPopover,
} from '../test/e2e/harness/lens.ts';
import { buildExtension } from '../test/tools/build.ts';
import { ROOT, startServer } from '../test/tools/server.ts';

buildExtension('chrome-e2e');
const out = join(ROOT, 'test', 'screenshots');
mkdirSync(out, { recursive: true });
const server = await startServer();
const demo = server.url('/pages/demo-article.html');

for (const scheme of ['light', 'dark'] as const) {
  const driver = await launchChromium({ colorScheme: scheme, viewport: { width: 1000, height: 640 } });
  const names = await lensNames(driver);
  await resetSettings(driver);
  const page = await driver.open(demo);
  if (scheme === 'dark') {
    // The demo article has a light design; show the dark popover over a dark page.
    await page.evaluate(() => {
      document.body.style.background = '#121212';
      document.body.style.color = '#e8e8e8';
    });
  }
  await waitForMark(page, names, 'myokymia');
  await page.evaluate((sel: string) => document.querySelector(sel)?.scrollIntoView({ block: 'start' }), 'h1');
  await page.hover(markSelector(names, 'myokymia'));
  await waitForPopover(page, names, 'myokymia');
  await new Promise((r) => setTimeout(r, 400)); // let the short fade-in finish
  await page.screenshot(join(out, `popover-${scheme}.png`));
  if (scheme === 'light') {
    // A term inside a link: explained on hover, while a click still follows the link.
    const links = await driver.open(server.url('/pages/links.html'));
    await waitForMark(links, names, 'dysarthria');
    await links.hover(markSelector(names, 'dysarthria'));
    await waitForPopover(links, names, 'dysarthria');
    await new Promise((r) => setTimeout(r, 400));
    await links.screenshot(join(out, 'popover-link.png'));
  }
  if (scheme === 'light') {
    const tabId = await tabIdOf(driver, demo);
    const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
    const raw = popup.raw as PwPage;
    await raw.setViewportSize({ width: 420, height: 560 });
    await popup.waitFor(() => document.querySelector('.page-terms li') !== null);
    await popup.type('ocrevus');
    await popup.waitFor(() => document.querySelector('[role="option"]') !== null);
    await raw.screenshot({ path: join(out, 'popup.png') });
    await setSettings(driver, { theme: 'light' });
    const options = await driver.openExtensionPage('options.html');
    await (options.raw as PwPage).setViewportSize({ width: 900, height: 1100 });
    await options.waitFor(() => document.getElementById('terms-title') !== null);
    await (options.raw as PwPage).screenshot({ path: join(out, 'options.png') });
  }
  await driver.close();
}
await server.close();
console.log(`Screenshots written to ${out}`);
