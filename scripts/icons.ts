/**
 * Draws the toolbar and store icons (public/icon/<size>.png) from
 * assets/icon.svg with the system's Chromium, the same browser the tests use
 * (ImageMagick here has no SVG reader). Run it after changing the SVG:
 * `npx tsx scripts/icons.ts`; the PNGs are committed.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = resolve(import.meta.dirname, '..');
const SIZES = [16, 32, 48, 96, 128];
const svg = readFileSync(join(ROOT, 'assets', 'icon.svg'), 'utf8');
const outDir = join(ROOT, 'public', 'icon');
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = svg.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
    await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
    await page.screenshot({ path: join(outDir, `${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`Wrote ${SIZES.map((s) => `public/icon/${s}.png`).join(', ')}`);
