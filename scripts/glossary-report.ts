/**
 * `npm run glossary`: validates every entry and prints the editor's view of the
 * glossary: counts by category and level, readability, sources, entries due
 * for a recheck, advice flags, the hardest texts and the compiled sizes.
 * Exits 1 on any problem.
 */
import { gzipSync } from 'node:zlib';
import { formatProblems, loadGlossary } from '../src/build/glossary-load.ts';
import { GLOSSARY_OPTIONS } from '../src/build/glossary-options.ts';
import { hostOf } from '../src/build/glossary-sources.ts';
import { toIndex } from '../src/core/glossary-index.ts';
import { CATEGORIES, LEVELS } from '../src/core/glossary-types.ts';
import { compileMatcher } from '../src/core/matcher.ts';

const result = loadGlossary(undefined, GLOSSARY_OPTIONS);
const { stats } = result;
const kb = (s: string) =>
  `${(Buffer.byteLength(s) / 1024).toFixed(1)} KiB (gzip ${(gzipSync(s).length / 1024).toFixed(1)} KiB)`;
const index = toIndex(result.entries);
compileMatcher(index); // warm up the JIT, then time a second build
const t0 = performance.now();
compileMatcher(index);
const compileMs = performance.now() - t0;

const today = new Date().toISOString().slice(0, 10);
const { entries } = result;
const cell = (text: string | number, width: number) => String(text).padStart(width);

console.log(`Entries: ${stats.count}`);
console.log(`  ${'category'.padEnd(10)}${LEVELS.map((l) => cell(l, 12)).join('')}${cell('total', 8)}`);
for (const category of CATEGORIES) {
  const inCategory = entries.filter((e) => e.category === category);
  const counts = LEVELS.map((l) => cell(inCategory.filter((e) => e.level === l).length, 12)).join('');
  console.log(`  ${category.padEnd(10)}${counts}${cell(inCategory.length, 8)}`);
}
console.log(
  `  ${'all'.padEnd(10)}${LEVELS.map((l) => cell(stats.perLevel[l] ?? 0, 12)).join('')}${cell(stats.count, 8)}`,
);

console.log(
  `Reading grade (Flesch-Kincaid): summaries mean ${stats.meanGrade.toFixed(2)}, details mean ${stats.meanDetailsGrade.toFixed(2)}`,
);
const singleSite = entries.filter((e) => new Set(e.sources.map((s) => hostOf(s.url))).size < 2);
console.log(`Entries with sources from fewer than two websites: ${singleSite.length}`);
for (const e of singleSite) console.log(`  ${e.category}/${e.id}`);
const due = entries.filter((e) => e.recheck && e.recheck <= today);
const watched = entries.filter((e) => e.recheck);
console.log(`Entries with a recheck date: ${watched.length}; due now (${today} or earlier): ${due.length}`);
for (const e of due) console.log(`  ${e.category}/${e.id} (recheck ${e.recheck})`);
const reviewedDates = new Map<string, number>();
for (const e of entries) reviewedDates.set(e.reviewed, (reviewedDates.get(e.reviewed) ?? 0) + 1);
console.log(
  `Reviewed dates: ${[...reviewedDates]
    .sort()
    .map(([d, n]) => `${d} (${n})`)
    .join(', ')}`,
);
console.log(`Advice flags outside allowAdvice: ${stats.adviceFlags}`);
console.log(`Labelled facts kept with allowAdvice: ${entries.reduce((n, e) => n + (e.allowAdvice?.length ?? 0), 0)}`);
const hardest = stats.grades
  .flatMap((g) => [
    { id: g.id, field: 'summary', grade: g.summary },
    { id: g.id, field: 'details', grade: g.details },
  ])
  .sort((a, b) => b.grade - a.grade)
  .slice(0, 20);
console.log('The 20 hardest texts:');
for (const h of hardest) console.log(`  ${h.grade.toFixed(1).padStart(5)}  ${h.id} (${h.field})`);
console.log(
  `Match index (content script): ${kb(JSON.stringify(index))}, ${index.reduce((n, e) => n + e.forms.length, 0)} forms`,
);
console.log(`Entry texts (loaded on demand): ${kb(JSON.stringify(result.entries))}`);
console.log(
  `Matcher (compiled spellings of every form): built in ${compileMs.toFixed(1)} ms (Node; pages build it once per selection)`,
);
if (result.problems.length > 0) {
  console.error(`\n${result.problems.length} problem(s):\n${formatProblems(result)}`);
  process.exit(1);
}
console.log('\nThe glossary is valid.');
