/**
 * The labelled quality corpus (test/fixtures/quality/) stays usable: every
 * label names a glossary entry, labels never nest, every page is a complete
 * document listed in pages.json, and the corpus keeps the mix of pages that
 * `npm run quality` reports on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import entries from 'virtual:glossary-entries';
import { describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'quality');
const pages = JSON.parse(readFileSync(join(DIR, 'pages.json'), 'utf8')) as {
  file: string;
  kind: string;
  aboutMs: boolean;
}[];
const ids = new Set(entries.map((e) => e.id));

describe('the quality corpus', () => {
  it('lists exactly the pages in its folder', () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.html'))
      .sort();
    expect(pages.map((p) => p.file).sort()).toEqual(files);
  });

  it('has at least 12 MS pages and 8 other pages, 5 of them about health', () => {
    expect(pages.filter((p) => p.aboutMs).length).toBeGreaterThanOrEqual(12);
    const other = pages.filter((p) => !p.aboutMs);
    expect(other.length).toBeGreaterThanOrEqual(8);
    expect(other.filter((p) => p.kind.startsWith('health')).length).toBeGreaterThanOrEqual(5);
  });

  it.each(pages.map((p) => p.file))('%s: complete document, labels name entries and never nest', (file) => {
    const html = readFileSync(join(DIR, file), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    const labels = [...html.matchAll(/<span data-term="([^"]*)">([^<]*)<\/span>/g)];
    const unknown = labels.map((m) => m[1] as string).filter((id) => !ids.has(id));
    expect(unknown).toEqual([]);
    // A label's text is plain: no element inside it, so no label inside another.
    expect((html.match(/data-term=/g) ?? []).length).toBe(labels.length);
  });
});
