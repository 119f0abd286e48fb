/**
 * Vite plugin that validates the glossary and serves it to the extension as
 * two virtual modules:
 * - `virtual:glossary-index`: `readIndex()`, the compact match index (content script);
 * - `virtual:glossary-entries`: the full entries (background, extension pages).
 * A broken entry fails the build with the file and field named.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { toIndex } from '../core/glossary-index.ts';
import { formatProblems, GLOSSARY_DIR, loadGlossary } from './glossary-load.ts';
import { GLOSSARY_OPTIONS } from './glossary-options.ts';

const INDEX_ID = 'virtual:glossary-index';
const ENTRIES_ID = 'virtual:glossary-entries';

export function glossaryPlugin(): Plugin {
  return {
    name: 'ms-lens-glossary',
    resolveId(id) {
      if (id === INDEX_ID || id === ENTRIES_ID) return `\0${id}`;
      return null;
    },
    load(id) {
      if (id !== `\0${INDEX_ID}` && id !== `\0${ENTRIES_ID}`) return null;
      this.addWatchFile(GLOSSARY_DIR);
      const result = loadGlossary(GLOSSARY_DIR, GLOSSARY_OPTIONS);
      if (result.problems.length > 0) {
        this.error(`The glossary has ${result.problems.length} problem(s):\n${formatProblems(result)}`);
      }
      // JSON.parse of a string literal parses faster than an object literal.
      const json = (data: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(data))})`;
      if (id === `\0${ENTRIES_ID}`) return `export default ${json(result.entries)};`;
      const index = toIndex(result.entries);
      const version = createHash('sha256').update(JSON.stringify(index)).digest('hex').slice(0, 12);
      // Read on demand: the parsed index is dropped once the matcher is built, and each tab keeps only the string.
      return [
        `const json = ${JSON.stringify(JSON.stringify(index))};`,
        'export function readIndex() { return JSON.parse(json); }',
        `export const version = ${JSON.stringify(version)};`,
      ].join('\n');
    },
  };
}
