/**
 * `npm run quality`: how right the highlights are, measured on the labelled
 * corpus in test/fixtures/quality/ with the built extension in Chromium at the
 * default settings. Prints a table and, with --write, puts it in
 * BENCHMARKS.md. A report, not a test: it never fails on its figures.
 *
 * Every glossary word in a corpus page that is used in its entry's sense sits
 * in <span data-term="entry-id">. A highlight is correct when it lies inside a
 * span of its own entry. Per page:
 * - precision: correct highlights / all highlights;
 * - distinct-term recall: entries found / entries expected, where an entry is
 *   expected when it is labelled and the default settings should highlight it
 *   (not an everyday-level entry, and not an everyday-sense word on a page
 *   that is not about MS);
 * - look-alike violations: highlights outside every label (a date, a unit, a
 *   compound fragment, an everyday sense);
 * - everyday highlights, and on pages not about MS, highlights of words that
 *   need an MS page: both must be zero.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page as PwPage } from 'playwright-core';
import { loadGlossary } from '../../src/build/glossary-load.ts';
import { toIndex } from '../../src/core/glossary-index.ts';
import { compileMatcher, findCandidates } from '../../src/core/matcher.ts';
import { launchChromium, waitForLensIdle } from '../e2e/harness/browsers.ts';
import { lensNames, type Names, resetSettings } from '../e2e/harness/lens.ts';
import { writeBenchmarkSection } from '../tools/benchmarks-file.ts';
import { buildExtension } from '../tools/build.ts';
import { ROOT, startServer } from '../tools/server.ts';

const DIR = join(ROOT, 'test', 'fixtures', 'quality');
const WRITE = process.argv.includes('--write');
/** --no-build: use the test build already in .output/ (when the tests just built it). */
const BUILD = !process.argv.includes('--no-build');

interface PageInfo {
  file: string;
  kind: string;
  aboutMs: boolean;
}

interface Seen {
  marks: { id: string; text: string; label: string | null }[];
  labels: { id: string; text: string }[];
}

interface Row {
  page: PageInfo;
  highlights: number;
  correct: number;
  expected: string[];
  found: string[];
  violations: string[];
  everyday: string[];
  msSense: string[];
  unmatchable: string[];
}

const entries = loadGlossary().entries;
const levelOf = new Map(entries.map((e) => [e.id, e.level]));
const matcher = compileMatcher(toIndex(entries));

/** Whether the default settings should highlight this labelled occurrence. */
function expectedToShow(id: string, text: string, aboutMs: boolean): boolean | 'unmatchable' {
  const c = findCandidates(text, matcher).find((x) => x.entryId === id && x.rejected === null);
  if (!c) return 'unmatchable';
  if (levelOf.get(id) === 'everyday') return false;
  return aboutMs || !c.needsContext;
}

async function main(): Promise<void> {
  const pages = JSON.parse(readFileSync(join(DIR, 'pages.json'), 'utf8')) as PageInfo[];
  if (BUILD) buildExtension('chrome-e2e');
  const server = await startServer();
  const driver = await launchChromium();
  const names = await lensNames(driver);
  await resetSettings(driver);
  const rows: Row[] = [];
  for (const page of pages) {
    const url = server.addPage(page.file, readFileSync(join(DIR, page.file), 'utf8'));
    const tab = await driver.open(url);
    const raw = tab.raw as PwPage;
    const settled = () => waitForLensIdle(driver.context, raw);
    await settled();
    // A reader sees an FAQ's answers once they open them: open every toggle, as they would.
    await tab.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
    });
    await settled();
    const seen = await tab.evaluate(
      (n: Names) => ({
        marks: [...document.querySelectorAll(n.mark)].map((m) => ({
          id: m.getAttribute(n.idAttr) ?? '',
          text: m.textContent ?? '',
          label: m.closest('[data-term]')?.getAttribute('data-term') ?? null,
        })),
        labels: [...document.querySelectorAll('[data-term]')].map((s) => ({
          id: s.getAttribute('data-term') ?? '',
          text: s.textContent ?? '',
        })),
      }),
      names,
    );
    rows.push(score(page, seen as Seen));
    await tab.close();
  }
  await driver.close();
  await server.close();
  report(rows);
}

function score(page: PageInfo, seen: Seen): Row {
  const expected = new Set<string>();
  const unmatchable = new Set<string>();
  for (const label of seen.labels) {
    const show = expectedToShow(label.id, label.text, page.aboutMs);
    if (show === 'unmatchable') unmatchable.add(`${label.id}:"${label.text}"`);
    else if (show) expected.add(label.id);
  }
  const correct = seen.marks.filter((m) => m.label === m.id);
  const found = new Set(correct.map((m) => m.id).filter((id) => expected.has(id)));
  const ctxForm = (text: string) => findCandidates(text, matcher).some((c) => c.needsContext);
  return {
    page,
    highlights: seen.marks.length,
    correct: correct.length,
    expected: [...expected].sort(),
    found: [...found].sort(),
    violations: seen.marks
      .filter((m) => m.label !== m.id)
      .map((m) => `${m.id}:"${m.text}" (label ${m.label ?? 'none'})`),
    everyday: seen.marks.filter((m) => levelOf.get(m.id) === 'everyday').map((m) => `${m.id}:"${m.text}"`),
    msSense: page.aboutMs ? [] : seen.marks.filter((m) => ctxForm(m.text)).map((m) => `${m.id}:"${m.text}"`),
    unmatchable: [...unmatchable],
  };
}

function report(rows: Row[]): void {
  const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
  const sum = (f: (r: Row) => number) => rows.reduce((n, r) => n + f(r), 0);
  const precision =
    sum((r) => r.correct) /
    Math.max(
      1,
      sum((r) => r.highlights),
    );
  const recall =
    sum((r) => r.found.length) /
    Math.max(
      1,
      sum((r) => r.expected.length),
    );
  const recalls = rows.filter((r) => r.expected.length > 0).map((r) => r.found.length / r.expected.length);
  const lines: string[] = [];
  const say = (s = '') => lines.push(s);
  say('## Highlight quality');
  say();
  say(
    `Measured by \`npm run quality\` on ${new Date().toISOString().slice(0, 10)}: the labelled corpus in \`test/fixtures/quality/\` (${rows.length} pages, ${rows.filter((r) => r.page.aboutMs).length} about MS), the built extension in Chromium at the default settings (common and specialist words, first occurrence). Glossary: ${entries.length} entries.`,
  );
  say();
  say(
    '| page | kind | about MS | highlights | correct | precision | expected terms | found | recall | look-alike violations | everyday | MS sense on non-MS page |',
  );
  say('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const p = r.highlights ? r.correct / r.highlights : Number.NaN;
    const rc = r.expected.length ? r.found.length / r.expected.length : Number.NaN;
    say(
      `| ${r.page.file} | ${r.page.kind} | ${r.page.aboutMs ? 'yes' : 'no'} | ${r.highlights} | ${r.correct} | ${fmt(p)} | ${r.expected.length} | ${r.found.length} | ${fmt(rc)} | ${r.violations.length} | ${r.everyday.length} | ${r.msSense.length} |`,
    );
  }
  say(
    `| **all** | | | ${sum((r) => r.highlights)} | ${sum((r) => r.correct)} | **${fmt(precision)}** | ${sum((r) => r.expected.length)} | ${sum((r) => r.found.length)} | **${fmt(recall)}** | ${sum((r) => r.violations.length)} | ${sum((r) => r.everyday.length)} | ${sum((r) => r.msSense.length)} |`,
  );
  say();
  say(
    `Targets: precision >= 0.98 (${fmt(precision)}), distinct-term recall >= 0.95 (overall ${fmt(recall)}, lowest page ${fmt(Math.min(...recalls))}), no look-alike violation (${sum((r) => r.violations.length)}), no everyday-level highlight at the default setting (${sum((r) => r.everyday.length)}), no MS-sense highlight of an everyday word on a page not about MS (${sum((r) => r.msSense.length)}).`,
  );
  const details = rows.flatMap((r) => [
    ...r.violations.map((v) => `- ${r.page.file}: wrong highlight ${v}`),
    ...r.expected.filter((id) => !r.found.includes(id)).map((id) => `- ${r.page.file}: missed ${id}`),
    ...r.unmatchable.map((u) => `- ${r.page.file}: label the glossary cannot match ${u}`),
  ]);
  if (details.length > 0) {
    say();
    say('What was wrong or missed:');
    say();
    for (const d of details) say(d);
  }
  const text = lines.join('\n');
  console.log(text);
  if (WRITE) {
    writeBenchmarkSection('quality', text);
    console.log('\nWrote the quality section of BENCHMARKS.md');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
