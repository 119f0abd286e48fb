/**
 * `npm start` (add `-- --firefox` for Firefox): builds MS Lens and opens it on
 * the bundled demo article.
 *
 * With a display it opens a normal browser window with the real build, exactly
 * as a reader installs it: the welcome page asks where MS Lens may read, then
 * the demo article shows the highlights. It waits until you close the window.
 *
 * Without a display (servers, CI), or with HEADLESS=1, it runs headless, hovers
 * a term, saves a screenshot of the open popover and prints its path. Headless
 * runs load the test builds the end-to-end tests load (see wxt.config.ts):
 * Chromium's has site access granted at install, because nothing can click
 * Chromium's permission prompt without a person; Firefox's grants it on the
 * welcome page.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CHROMIUM_PATH,
  type Driver,
  FIREFOX_PATH,
  launchChromium,
  launchFirefox,
} from '../test/e2e/harness/browsers.ts';
import { lensNames, markSelector, waitForMark, waitForPopover } from '../test/e2e/harness/lens.ts';
import { buildExtension } from '../test/tools/build.ts';
import { ROOT, startServer } from '../test/tools/server.ts';

const firefox = process.argv.includes('--firefox');
const headed = Boolean(process.env.DISPLAY) && process.env.HEADLESS !== '1';
const browserName = firefox ? 'Firefox' : 'Chromium';

/** Runs a browser process until its window is closed; a failed start is reported with its output. */
function runUntilClosed(command: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on('error', fail);
    child.on('exit', (code) => {
      if (code) fail(new Error(`${browserName} stopped with exit code ${code}:\n${stderr}`));
      else done();
    });
  });
}

async function openHeaded(demo: string): Promise<void> {
  console.log(`\n${browserName} opens with MS Lens installed, as a reader would install it:`);
  console.log('  1. On the "Welcome to MS Lens" tab, choose "Highlight on every site",');
  console.log(`     then allow access in ${browserName}'s prompt.`);
  console.log('  2. Go to the demo article tab and reload it: MS terms are underlined.');
  console.log('     Rest the pointer on one, or Tab to it, to see its explanation.');
  console.log(`Close the ${browserName} window to stop.\n`);
  if (firefox) {
    const dir = join(ROOT, '.output', 'firefox-mv3');
    await runUntilClosed('npx', [
      'web-ext',
      'run',
      '--source-dir',
      dir,
      '--firefox',
      FIREFOX_PATH,
      '--no-reload',
      '--start-url',
      demo,
    ]);
    return;
  }
  const dir = join(ROOT, '.output', 'chrome-mv3');
  const profile = mkdtempSync(join(tmpdir(), 'ms-lens-start-'));
  try {
    await runUntilClosed(CHROMIUM_PATH, [
      `--user-data-dir=${profile}`,
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-first-run',
      '--no-default-browser-check',
      // Chromium refuses to start as root (containers, CI images) without this.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      demo,
    ]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

async function screenshotHeadless(demo: string): Promise<void> {
  const driver: Driver = firefox ? await launchFirefox() : await launchChromium();
  try {
    const names = await lensNames(driver);
    const page = await driver.open(demo);
    await waitForMark(page, names, 'myokymia');
    await page.hover(markSelector(names, 'myokymia'));
    await waitForPopover(page, names, 'myokymia');
    await new Promise((r) => setTimeout(r, 400)); // let the short fade-in finish
    const outDir = join(ROOT, 'test', 'output');
    mkdirSync(outDir, { recursive: true });
    const shot = join(outDir, firefox ? 'demo-popover-firefox.png' : 'demo-popover.png');
    await page.screenshot(shot);
    console.log(`No display found (or HEADLESS=1), so MS Lens ran headless in ${browserName} on ${demo}.`);
    console.log(`Screenshot of a highlighted term with its popover: ${shot}`);
  } finally {
    await driver.close();
  }
}

buildExtension(headed ? (firefox ? 'firefox' : 'chrome') : firefox ? 'firefox-e2e' : 'chrome-e2e');
const server = await startServer(Number(process.env.PORT ?? 0));
const demo = server.url('/pages/demo-article.html');
try {
  if (headed) await openHeaded(demo);
  else await screenshotHeadless(demo);
} finally {
  await server.close();
}
