/**
 * `npm start`: builds MS Lens for Chromium and opens it on the bundled demo
 * article. With a display it opens a normal browser window and waits until you
 * close it. Without one (servers, CI) it runs headless, hovers a term, saves a
 * screenshot of the open popover and prints where.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../e2e/harness/browsers.ts';
import { lensNames, markSelector, waitForMark, waitForPopover } from '../e2e/harness/lens.ts';
import { ROOT, startServer } from './server.ts';

const headed = Boolean(process.env.DISPLAY) && process.env.HEADLESS !== '1';

console.log('Building MS Lens for Chromium…');
try {
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'pipe' });
} catch (err) {
  const { stdout, stderr } = err as { stdout?: Buffer; stderr?: Buffer };
  console.error(`The build failed:\n${stdout ?? ''}${stderr ?? ''}`);
  process.exit(1);
}

const server = await startServer(Number(process.env.PORT ?? 0));
const demo = server.url('/pages/demo-article.html');
if (headed) process.env.HEADED = '1';
const driver = await launchChromium();
const page = await driver.open(demo);
const names = await lensNames(driver);
await waitForMark(page, names, 'myokymia');

if (headed) {
  console.log(`MS Lens is running in Chromium on ${demo}. Close the browser window to stop.`);
  await new Promise<void>((done) => driver.context.on('close', () => done()));
} else {
  await page.hover(markSelector(names, 'myokymia'));
  await waitForPopover(page, names, 'myokymia');
  const outDir = join(ROOT, 'test', 'output');
  mkdirSync(outDir, { recursive: true });
  const shot = join(outDir, 'demo-popover.png');
  await page.screenshot(shot);
  console.log(`No display found, so MS Lens ran headless on ${demo}.`);
  console.log(`Screenshot of a highlighted term with its popover: ${shot}`);
  await driver.close();
}
await server.close();
