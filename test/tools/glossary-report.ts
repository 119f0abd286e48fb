/**
 * `npm run glossary`: validates every entry and prints counts per category,
 * readability of summaries and the compiled sizes. Exits 1 on any problem.
 */
import { gzipSync } from 'node:zlib';
import { formatProblems, loadGlossary } from '../../src/build/glossary-load.ts';
import { GLOSSARY_OPTIONS } from '../../src/build/glossary-options.ts';
import { toIndex } from '../../src/core/glossary-index.ts';
import { buildPattern } from '../../src/core/matcher.ts';

const result = loadGlossary(undefined, GLOSSARY_OPTIONS);
const { stats } = result;
const kb = (s: string) =>
  `${(Buffer.byteLength(s) / 1024).toFixed(1)} KiB (gzip ${(gzipSync(s).length / 1024).toFixed(1)} KiB)`;
const index = toIndex(result.entries);
buildPattern(index); // warm up the JIT, then time a second build
const t0 = performance.now();
const pattern = buildPattern(index);
const compileMs = performance.now() - t0;

console.log(`Entries: ${stats.count}`);
for (const [category, n] of Object.entries(stats.perCategory)) console.log(`  ${category.padEnd(10)} ${n}`);
console.log(
  `Summary reading grade (Flesch-Kincaid): mean ${stats.meanGrade.toFixed(2)}, worst ${stats.worstGrade.grade.toFixed(1)} (${stats.worstGrade.id})`,
);
console.log(
  `Match index (content script): ${kb(JSON.stringify(index))}, ${index.reduce((n, e) => n + e.forms.length, 0)} forms`,
);
console.log(`Entry texts (loaded on demand): ${kb(JSON.stringify(result.entries))}`);
console.log(
  `Combined regex: ${(pattern.length / 1024).toFixed(1)} KiB source, built in ${compileMs.toFixed(1)} ms (Node; at build time, and in pages only when terms are turned off)`,
);
if (result.problems.length > 0) {
  console.error(`\n${result.problems.length} problem(s):\n${formatProblems(result)}`);
  process.exit(1);
}
console.log('\nThe glossary is valid.');
