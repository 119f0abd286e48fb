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

describe('PDF.js options (every PDF is hostile)', () => {
  const open = readFileSync(join(ROOT, 'src', 'reader', 'pdf-open.ts'), 'utf8');

  it('never lets PDF.js evaluate code or run XFA forms', () => {
    expect(open).toMatch(/isEvalSupported:\s*false/);
    expect(open).toMatch(/enableXfa:\s*false/);
  });

  it('loads fonts and CMaps only from the extension, and never the scripting sandbox', () => {
    expect(open).toMatch(/standardFontDataUrl:\s*'\/pdfjs\/standard_fonts\/'/);
    expect(open).toMatch(/cMapUrl:\s*'\/pdfjs\/cmaps\/'/);
    const all = [...sources('src'), ...sources('entrypoints')].map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(all).not.toMatch(/pdf\.sandbox|PDFScriptingManager|enableScripting/);
  });

  it('uses a pdfjs-dist with the CVE-2024-4367 fix (4.2.67 or later)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const [major = 0, minor = 0, patch = 0] = (pkg.dependencies['pdfjs-dist'] ?? '0').split('.').map(Number);
    expect(major * 1e6 + minor * 1e3 + patch).toBeGreaterThanOrEqual(4_002_067);
  });
});
