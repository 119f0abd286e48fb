/**
 * The options page's preview draws its term with the very declarations that
 * draw highlights on web pages, and no extension page writes the highlight
 * colours again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, HIGHLIGHT_STYLES, type Settings } from '../../src/core/settings.ts';
import { markCss, markLook } from '../../src/page/mark-styles.ts';
import { pageNames } from '../../src/page/page-names.ts';
import { MainSection } from '../../src/ui/options/MainSection.tsx';

const ROOT = join(import.meta.dirname, '..', '..');

afterEach(() => {
  render(null, document.body);
});

describe('highlight preview', () => {
  for (const style of HIGHLIGHT_STYLES) {
    it(`${style}: the preview's stylesheet holds the web pages' declarations for its term`, () => {
      const settings: Settings = { ...structuredClone(DEFAULT_SETTINGS), highlightStyle: style };
      render(<MainSection settings={settings} save={async () => {}} />, document.body);
      const term = document.querySelector('.preview .preview-mark');
      expect(term?.textContent).toBe('myokymia');
      const css = [...document.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n');
      expect(css).toContain(markLook(style));
      expect(markCss(pageNames('k1234567'), style)).toContain(markLook(style));
      // The rule applies to the preview's term.
      const sheet = [...document.styleSheets].flatMap((s) => [...s.cssRules]) as CSSStyleRule[];
      const rule = sheet.find((r) => r.selectorText === '.preview-mark');
      expect(rule && term?.matches(rule.selectorText)).toBe(true);
    });
  }

  it('no extension page stylesheet or component writes the highlight colours again', () => {
    const files = readdirSync(join(ROOT, 'src', 'ui'), { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile() && /\.(css|ts|tsx)$/.test(f.name))
      .map((f) => join(f.parentPath, f.name));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/rgba\(255,\s*193,\s*7|#ffff00|underline (dotted|solid) /i);
    }
  });
});
