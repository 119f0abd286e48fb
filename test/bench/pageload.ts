/**
 * The cost of MS Lens as a page feels it: whole page loads in real Chromium,
 * each page loaded with and without the extension in the same run, paired and
 * alternating, so machine noise falls on both sides alike. Part of
 * `npm run bench`; it reports, it never fails on its figures.
 *
 * For every load a PerformanceObserver for long tasks (>= 50 ms) is installed
 * before any script of the page, and a MutationObserver notes when the first
 * highlight on screen and the last highlight appear. Per page, medians of:
 * - long tasks and total blocking time (with minus without);
 * - first highlight on screen and last highlight, after DOMContentLoaded;
 * - script CPU (CDP Performance.getMetrics ScriptDuration, with minus without:
 *   the content script's evaluation, set-up and scan, whatever the page does);
 * - JS heap of the tab after a garbage collection (CDP Runtime.getHeapUsage,
 *   with minus without), before any popover opens;
 * and the added script CPU on a page whose site is switched off.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium, waitForLensIdle } from '../e2e/harness/browsers.ts';
import { lensNames, resetSettings, setSettings } from '../e2e/harness/lens.ts';
import { writeBenchmarkSection } from '../tools/benchmarks-file.ts';
import { buildExtension } from '../tools/build.ts';
import { startServer } from '../tools/server.ts';
import { articlePage, generatedPage } from './pages.ts';

const args = process.argv.slice(2);
const RUNS = Number(args.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 10);
const WRITE = args.includes('--write');
/** `--only=1 MB` measures only the pages whose name contains that text (never written to BENCHMARKS.md). */
const ONLY = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);

interface Load {
  longTasks: number[];
  firstOnScreen: number | null;
  last: number | null;
  /** DOMContentLoaded and first contentful paint, from navigation start. */
  dcl: number;
  fcp: number;
  scriptMs: number;
  heapMb: number;
}

const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const blocking = (tasks: number[]) => tasks.reduce((n, d) => n + Math.max(0, d - 50), 0);

/**
 * Installed in the page before its own scripts: long tasks, and when highlights of class `markClass` appear.
 * Both sides of a pair get the same observers, so their own cost cancels out.
 */
function observe(markClass: string) {
  const w = window as unknown as { __bench: { tasks: number[]; first: number | null; last: number | null } };
  w.__bench = { tasks: [], first: null, last: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__bench.tasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  if (!markClass) return;
  new MutationObserver((records) => {
    const now = performance.now();
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1 || (n as Element).localName !== 'mark' || !(n as Element).classList.contains(markClass))
          continue;
        w.__bench.last = now;
        if (w.__bench.first === null) {
          const rect = (n as Element).getBoundingClientRect();
          if (rect.bottom > 0 && rect.top < innerHeight) w.__bench.first = now;
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
}

async function loadOnce(context: BrowserContext, url: string, markClass: string, settle: (p: Page) => Promise<void>) {
  const page = await context.newPage();
  await page.addInitScript(observe, markClass);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  await settle(page);
  const result = await page.evaluate(() => {
    const w = window as unknown as { __bench: { tasks: number[]; first: number | null; last: number | null } };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const dcl = nav.domContentLoadedEventStart;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
    return {
      dcl,
      fcp,
      longTasks: w.__bench.tasks,
      firstOnScreen: w.__bench.first === null ? null : w.__bench.first - dcl,
      last: w.__bench.last === null ? null : w.__bench.last - dcl,
    };
  });
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const scriptMs = (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  await page.close();
  return { ...result, scriptMs, heapMb: heap.usedSize / 1024 / 1024 } satisfies Load;
}

async function main(): Promise<void> {
  // Figures mean little on a busy machine: say how busy it was.
  const loadBefore = loadavg()[0] ?? 0;
  if (!args.includes('--no-build')) buildExtension('chrome-e2e');
  const server = await startServer();
  const pages = [
    { name: 'article 20 KB', html: articlePage(20, 'Living with multiple sclerosis: a guide') },
    { name: 'article 50 KB', html: articlePage(50, 'New MS treatments: what the trials show') },
    { name: 'article 100 KB', html: articlePage(100, 'MS symptoms explained') },
    { name: 'forum 200 KB', html: articlePage(200, 'MS forum: newly diagnosed, questions welcome') },
    { name: 'forum 400 KB', html: articlePage(400, 'MS forum thread: fatigue, heat and work') },
    { name: 'generated 1 MB', html: generatedPage() },
  ]
    .map((p, i) => ({ ...p, kib: Buffer.byteLength(p.html) / 1024, url: server.addPage(`load-${i}.html`, p.html) }))
    .filter((p) => !ONLY || p.name.includes(ONLY));

  const withLens = await launchChromium();
  const names = await lensNames(withLens);
  await resetSettings(withLens);
  const profile = mkdtempSync(join(tmpdir(), 'ms-lens-plain-'));
  const plain = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  const lensIdle = async (page: Page) => {
    await waitForLensIdle(withLens.context, page, 300);
    await new Promise((r) => setTimeout(r, 300));
  };
  const quietFor = (ms: number) => async () => {
    await new Promise((r) => setTimeout(r, ms));
  };

  const rows: string[] = [];
  const totals = { addedTasks: [] as number[], addedBlocking: [] as number[] };
  for (const page of pages) {
    const on: Load[] = [];
    const off: Load[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Alternate which goes first, so neither side always meets a warmer machine.
      const pair = async () => {
        on.push(await loadOnce(withLens.context, page.url, names.key, lensIdle));
        off.push(await loadOnce(plain, page.url, names.key, quietFor(1500)));
      };
      if (run % 2 === 0) await pair();
      else {
        off.push(await loadOnce(plain, page.url, names.key, quietFor(1500)));
        on.push(await loadOnce(withLens.context, page.url, names.key, lensIdle));
      }
    }
    const addedTasks = median(on.map((l, i) => l.longTasks.length - (off[i]?.longTasks.length ?? 0)));
    const addedBlocking = median(on.map((l, i) => blocking(l.longTasks) - blocking(off[i]?.longTasks ?? [])));
    totals.addedTasks.push(addedTasks);
    totals.addedBlocking.push(addedBlocking);
    const fmt = (x: number, unit = ' ms') => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 1 : 0)}${unit}` : '—');
    rows.push(
      `| ${page.name} | ${page.kib.toFixed(0)} KiB | ${on.reduce((n, l) => n + l.longTasks.length, 0)} / ${off.reduce((n, l) => n + l.longTasks.length, 0)} | ${fmt(addedBlocking)} | ${fmt(median(on.map((l, i) => l.dcl - (off[i]?.dcl ?? Number.NaN))))} | ${fmt(median(on.map((l, i) => l.fcp - (off[i]?.fcp ?? Number.NaN))))} | ${fmt(median(on.map((l) => l.firstOnScreen ?? Number.NaN)))} | ${fmt(median(on.map((l) => l.last ?? Number.NaN)))} | ${fmt(median(on.map((l, i) => l.scriptMs - (off[i]?.scriptMs ?? 0))))} | ${median(on.map((l, i) => l.heapMb - (off[i]?.heapMb ?? 0))).toFixed(2)} MB |`,
    );
    console.log(rows.at(-1));
  }

  // A site the reader switched off: the content script still loads, reads the settings and stops.
  await setSettings(withLens, { disabledSites: ['127.0.0.1'] });
  const offSite: number[] = [];
  const small = pages[0]?.url ?? '';
  for (let run = 0; run < RUNS; run++) {
    const on = await loadOnce(withLens.context, small, names.key, quietFor(1500));
    const off = await loadOnce(plain, small, names.key, quietFor(1500));
    offSite.push(on.scriptMs - off.scriptMs);
  }
  await resetSettings(withLens);
  await withLens.close();
  await plain.close();
  rmSync(profile, { recursive: true, force: true });
  await server.close();

  const lines = [
    '## Page loads, with and without MS Lens',
    '',
    `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: headless Chromium, the test build (which adds only test hooks), default settings, each page loaded ${RUNS} times with and ${RUNS} times without the extension, paired and alternating. Highlight times are from DOMContentLoaded; medians. Machine load average (1 min) ${loadBefore.toFixed(1)} before and ${(loadavg()[0] ?? 0).toFixed(1)} after, on ${cpus().length} cores${loadBefore > cpus().length ? ': a busy machine, so times are inflated; the paired differences are the figures to read' : ''}.`,
    '',
    '| page | size | long tasks (with / without, all runs) | added blocking time | DOMContentLoaded later by | first paint later by | first highlight on screen | last highlight | added script CPU | added JS heap after GC |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
    `On a site switched off, the added script CPU is ${median(offSite).toFixed(1)} ms (median of ${RUNS} paired loads of the 20 KB article).`,
    '',
    '- _Added blocking time_: the sum over long tasks of the time beyond 50 ms, with the extension minus without, per paired load.',
    '- _DOMContentLoaded later by_, _first paint later by_: when the page fired DOMContentLoaded and first painted content, from navigation start, with minus without, per paired load.',
    "- _Added script CPU_: Chromium's ScriptDuration for the tab (the page's own scripts plus the content script), with minus without; the content script's evaluation, set-up and scan.",
    "- _Added JS heap_: the tab's used JS heap after a forced garbage collection, with minus without, before any popover opened.",
  ];
  console.log(`\n${lines.join('\n')}`);
  if (WRITE && !ONLY) {
    writeBenchmarkSection('pageload', lines.join('\n'));
    console.log('Wrote the page-load section of BENCHMARKS.md');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
