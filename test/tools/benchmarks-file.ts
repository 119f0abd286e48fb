/**
 * BENCHMARKS.md holds the figures of several commands (`npm run bench`,
 * `npm run quality`). Each owns one section between marker comments and
 * rewrites only that section, so running one never erases the other's figures.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server.ts';

const FILE = join(ROOT, 'BENCHMARKS.md');

/** Replaces (or appends) the section named `name` with `markdown`, then formats the file as the repository does. */
export function writeBenchmarkSection(name: string, markdown: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n\n${markdown.trim()}\n\n${end}`;
  const current = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '# MS Lens benchmarks\n';
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? `${current.slice(0, from)}${block}${current.slice(to + end.length)}`
      : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(FILE, next);
  execFileSync('npx', ['biome', 'format', '--write', FILE], { cwd: ROOT, stdio: 'ignore' });
}
