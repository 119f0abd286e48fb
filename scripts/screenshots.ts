/**
 * `npm run screenshots`: the README's pictures, taken from the built extension
 * in Chromium (popover in light and dark, popup, welcome, options, a PDF in
 * the reader, My words). Writes them to
 * test/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page as PwPage } from 'playwright-core';
import { launchChromium } from '../test/e2e/harness/browsers.ts';
import {
  clickInPopover,
  lensNames,
  markSelector,
  resetSettings,
  setSettings,
  tabIdOf,
  waitForMark,
  waitForPopover,
} from '../test/e2e/harness/lens.ts';
import { buildExtension } from '../test/tools/build.ts';
import { multiPagePdf } from '../test/tools/pdf-fixtures.ts';
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
    const tabId = tabIdOf(page);
    const popup = await driver.openExtensionPage(`popup.html?tab=${tabId}`);
    const raw = popup.raw as PwPage;
    await raw.setViewportSize({ width: 400, height: 600 });
    await popup.waitFor(() => document.querySelector('.page-terms li') !== null);
    await popup.type('ocrevus');
    await popup.waitFor(() => document.querySelector('[role="option"]') !== null);
    await raw.screenshot({ path: join(out, 'popup.png') });
    // The welcome page, with its "try it" word explained.
    const welcome = await driver.openExtensionPage('welcome.html');
    await (welcome.raw as PwPage).setViewportSize({ width: 900, height: 1400 });
    await waitForMark(welcome, names, 'myokymia', 15_000);
    await welcome.hover(`.try-sentence ${markSelector(names, 'myokymia')}`);
    await waitForPopover(welcome, names, 'myokymia');
    await new Promise((r) => setTimeout(r, 400));
    await (welcome.raw as PwPage).screenshot({ path: join(out, 'welcome.png') });
    await setSettings(driver, { theme: 'light' });
    const options = await driver.openExtensionPage('options.html');
    await (options.raw as PwPage).setViewportSize({ width: 900, height: 1100 });
    await options.waitFor(() => document.getElementById('terms-title') !== null);
    await (options.raw as PwPage).screenshot({ path: join(out, 'options.png') });

    // A generated clinic-letter PDF in the reader, a term explained and starred.
    const pdfUrl = server.addFile('clinic-letter.pdf', await multiPagePdf(3), 'application/pdf');
    const reader = await driver.openExtensionPage(`reader.html?url=${encodeURIComponent(pdfUrl)}`);
    await (reader.raw as PwPage).setViewportSize({ width: 1000, height: 700 });
    await reader.waitFor(() =>
      [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Open this document'),
    );
    await reader.evaluate(() => {
      for (const b of document.querySelectorAll('button'))
        if (b.textContent?.trim() === 'Open this document') b.click();
    });
    await waitForMark(reader, names, 'ocrelizumab', 15_000);
    await reader.click(markSelector(names, 'ocrelizumab'));
    await waitForPopover(reader, names, 'ocrelizumab');
    await clickInPopover(reader, names, 'Save to My words');
    await new Promise((r) => setTimeout(r, 600));
    await reader.screenshot(join(out, 'reader-pdf.png'));

    // My words with a few saved terms and notes.
    const control = await driver.control();
    await control.evaluate(async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      const now = Date.now();
      await api.storage.local.set({
        myWords: {
          words: [
            { id: 'ocrelizumab', savedAt: now, note: 'How often would I have the infusion?' },
            { id: 'edss', savedAt: now - 1000, note: 'What does my score of 3.0 mean for work?' },
            { id: 'myokymia', savedAt: now - 2000, note: '' },
          ],
          history: [],
        },
      });
    });
    const words = await driver.openExtensionPage('words.html');
    await (words.raw as PwPage).setViewportSize({ width: 900, height: 1000 });
    await words.waitFor(() => document.querySelectorAll('.word').length === 3);
    await (words.raw as PwPage).screenshot({ path: join(out, 'my-words.png') });
  }
  await driver.close();
}
await server.close();
declare const chrome: { storage: { local: { set(o: object): Promise<void> } } };
console.log(`Screenshots written to ${out}`);
