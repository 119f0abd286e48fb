/**
 * MS Lens never turns text into HTML: page text and glossary text are always
 * inserted as text. This scans the extension's own source for the APIs that
 * parse HTML or code at run time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && /\.(ts|tsx)$/.test(f.name))
    .map((f) => join(f.parentPath, f.name));
}

const FORBIDDEN = [
  /dangerouslySetInnerHTML/,
  /\.innerHTML\s*=/,
  /\.outerHTML\s*=/,
  /insertAdjacentHTML/,
  /document\.write/,
  /\beval\s*\(/,
  /new\s+Function\s*\(/,
  /createContextualFragment/,
  /DOMParser/,
];

describe('extension source', () => {
  const files = [...sources('src'), ...sources('entrypoints')];

  it('has files to scan', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(FORBIDDEN.map((p) => [p.source, p] as const))('never uses %s', (_name, pattern) => {
    const offenders = files.filter((f) => pattern.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
