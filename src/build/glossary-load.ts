/**
 * Reads glossary/<category>/<id>.json files from disk (build time only).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type CheckOptions, type CheckResult, checkGlossary, type GlossaryFile } from './glossary-check.ts';

/** The glossary folder: this checkout's, unless MS_LENS_GLOSSARY_DIR names another (for experiments). */
export const GLOSSARY_DIR = process.env.MS_LENS_GLOSSARY_DIR ?? join(import.meta.dirname, '..', '..', 'glossary');

/** Every entry file under `dir`, sorted by path so builds are reproducible. */
export function readGlossaryFiles(dir = GLOSSARY_DIR): GlossaryFile[] {
  const files: GlossaryFile[] = [];
  for (const item of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!item.isFile() || !item.name.endsWith('.json')) continue;
    const full = join(item.parentPath, item.name);
    const path = relative(dir, full).split(sep).join('/');
    if (!path.includes('/')) continue; // schema.json and other top-level files are not entries
    const text = readFileSync(full, 'utf8');
    try {
      files.push({ path, data: JSON.parse(text) });
    } catch (err) {
      files.push({ path, data: null, parseError: (err as Error).message });
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Reads and checks the glossary. */
export function loadGlossary(dir = GLOSSARY_DIR, options?: CheckOptions): CheckResult {
  return checkGlossary(readGlossaryFiles(dir), options);
}

/** One readable line per problem: "symptom/x.json /summary: has 40 words ...". */
export function formatProblems(result: CheckResult): string {
  return result.problems.map((p) => `  ${p.file} ${p.field}: ${p.message}`).join('\n');
}
