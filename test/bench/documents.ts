/**
 * `npm run bench:documents`: opens generated PDFs in the reader
 * page of the built extension in Chromium and reports how soon the first page
 * shows its highlights, the long tasks (>= 50 ms) while opening and reading,
 * and memory after reading a 500-page, ~20 MB file. `--write` rewrites the
 * "documents" section of BENCHMARKS.md. It reports; it never asserts.
 */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { CHROMIUM_PATH, launchChromium, type Tab } from '../e2e/harness/browsers.ts';
import { lensNames, type Names, resetSettings } from '../e2e/harness/lens.ts';
import { writeBenchmarkSection } from '../tools/benchmarks-file.ts';
import { multiPagePdf } from '../tools/pdf-fixtures.ts';
import { ROOT, startServer } from '../tools/server.ts';

const args = process.argv.slice(2);
const WRITE = args.includes('--write');
const RUNS = Number(args.find((a) => a.startsWith('--runs='))?.split('=')[1] ?? 3);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;
const mb = (x: number) => `${(x / (1024 * 1024)).toFixed(1)} MB`;

interface Figures {
  firstHighlightMs: number;
  longTasks: number[];
  heapBytes: number;
  drawnPages: number;
  pages: number;
}

/** Opens `url` in the reader, clicks Open, and measures until the first page has highlights, then reads on. */
async function measure(tab: Tab, names: Names, pages: number, visit: number[]): Promise<Figures> {
  await tab.waitFor(() =>
    [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Open this document'),
  );
  await tab.evaluate((mark: string) => {
    const w = window as unknown as { bench: { longTasks: number[]; firstAt: number; clickAt: number } };
    w.bench = { longTasks: [], firstAt: 0, clickAt: 0 };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.bench.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
    const seen = new MutationObserver(() => {
      if (!w.bench.firstAt && document.querySelector(`.pdf-page[data-page="1"] ${mark}`)) {
        w.bench.firstAt = performance.now();
        seen.disconnect();
      }
    });
    seen.observe(document.body, { childList: true, subtree: true });
    for (const b of document.querySelectorAll('button')) {
      if (b.textContent?.trim() === 'Open this document') {
        w.bench.clickAt = performance.now();
        b.click();
      }
    }
  }, names.mark);
  await tab.waitFor(() => (window as unknown as { bench: { firstAt: number } }).bench.firstAt > 0, undefined, 60_000);
  for (const page of visit) {
    await tab.evaluate((n: number) => {
      const input = document.querySelector('.page-box input') as HTMLInputElement;
      input.value = String(n);
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, page);
    await tab.waitFor(
      (n: number) => document.querySelector(`.pdf-page[data-page="${n}"] .textLayer span`) !== null,
      page,
      60_000,
    );
  }
  await new Promise((r) => setTimeout(r, 500));
  return tab.evaluate((count: number) => {
    const w = window as unknown as { bench: { longTasks: number[]; firstAt: number; clickAt: number } };
    const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return {
      firstHighlightMs: w.bench.firstAt - w.bench.clickAt,
      longTasks: w.bench.longTasks,
      heapBytes: memory?.usedJSHeapSize ?? 0,
      drawnPages: document.querySelectorAll('.pdf-page canvas').length,
      pages: count,
    };
  }, pages);
}

async function main() {
  if (!args.includes('--no-build')) {
    console.log('Building the extension (Chromium, with site access for automation)…');
    execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, MS_LENS_E2E: '1' } });
  }
  console.log('Generating PDFs…');
  const docs = [
    { name: '50 pages', pages: 50, bytes: await multiPagePdf(50, { linesPerPage: 30, shapesPerPage: 200 }) },
    {
      name: '500 pages',
      pages: 500,
      bytes: await multiPagePdf(500, { linesPerPage: 30, shapesPerPage: 200, paddingPerPage: 40_000 }),
    },
  ];
  const server = await startServer();
  const driver = await launchChromium();
  const names = await lensNames(driver);
  await resetSettings(driver);
  const browserVersion = execFileSync(CHROMIUM_PATH, ['--version']).toString().trim();
  const rows: string[] = [];
  for (const doc of docs) {
    const url = server.addFile(`bench-${doc.pages}.pdf`, doc.bytes, 'application/pdf');
    const runs: Figures[] = [];
    // Reading: every page in turn for 50 pages; jumps through the 500-page file.
    const visit =
      doc.pages <= 50
        ? Array.from({ length: doc.pages - 1 }, (_, i) => i + 2)
        : [2, 50, 100, 200, 300, 400, 499, 500, 250, 1];
    for (let i = 0; i < RUNS; i++) {
      const tab = await driver.openExtensionPage(`reader.html?url=${encodeURIComponent(url)}`);
      runs.push(await measure(tab, names, doc.pages, visit));
      await tab.close();
    }
    const all = runs.flatMap((r) => r.longTasks);
    const figures = {
      first: median(runs.map((r) => r.firstHighlightMs)),
      longCount: median(runs.map((r) => r.longTasks.length)),
      longest: all.length ? Math.max(...all) : 0,
      heap: Math.max(...runs.map((r) => r.heapBytes)),
      drawn: Math.max(...runs.map((r) => r.drawnPages)),
    };
    console.log(doc.name, mb(doc.bytes.length), figures);
    rows.push(
      `| ${doc.name} (${mb(doc.bytes.length)}) | ${ms(figures.first)} | ${figures.longCount} | ${
        figures.longest ? ms(figures.longest) : '—'
      } | ${mb(figures.heap)} | ${figures.drawn} |`,
    );
  }
  await driver.close();
  await server.close();
  const text = [
    '## Documents (reader page)',
    '',
    `\`npm run bench:documents\`: ${browserVersion}, headless, ${cpus().length} CPUs, ${mb(totalmem())} RAM; median of ${RUNS} runs, default settings.`,
    'Generated PDFs (30 lines of a clinic letter and 200 drawn shapes per page; the 500-page file also carries 40 KB of\nuncompressible bulk per page, to reach ~20 MB). Time is from the click on',
    '"Open this document" (download from 127.0.0.1, PDF.js parse, first page drawn, text layer, highlights) to the first',
    'highlight on page 1. Long tasks are the page\'s main-thread tasks of 50 ms or more (PerformanceObserver "longtask")',
    'while opening and then reading: every page in turn for 50 pages; jumps to pages 2, 50, 100, …, 500, 250, 1 for 500 pages.',
    "Heap is the reader page's JS heap after reading; drawn pages are canvases kept (far pages are released).",
    '',
    '| Document | First page with highlights | Long tasks (median count) | Longest task | JS heap after reading | Drawn pages kept |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
  console.log(`\n${text}`);
  if (WRITE) writeBenchmarkSection('documents', text);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
