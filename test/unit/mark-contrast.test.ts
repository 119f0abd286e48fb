/**
 * Issue 14: in high contrast the open or hovered term keeps at least 7:1 on
 * any page, and the focus ring stands out (3:1) from light and dark pages.
 */
import { describe, expect, it } from 'vitest';
import { FOCUS_RING_COLOURS, markCss } from '../../src/page/mark-styles.ts';
import { pageNames } from '../../src/page/page-names.ts';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The declarations of the rule whose selector list contains `part`. */
function ruleWith(css: string, part: string): string {
  const rule = css.split('}').find((r) => r.split('{')[0]?.includes(part));
  if (!rule) throw new Error(`no rule for ${part}`);
  return rule.split('{')[1] ?? '';
}

const names = pageNames('k1234567');

describe('highlight contrast', () => {
  const css = markCss(names, 'high-contrast');

  for (const state of [':hover', '[aria-expanded="true"]']) {
    it(`high contrast ${state}: solid colours at 7:1 or more, nothing the page can show through`, () => {
      const rule = ruleWith(css, state);
      const bg = /background-color:\s*(#[0-9a-f]{6})/i.exec(rule)?.[1];
      const fg = /[^-]color:\s*(#[0-9a-f]{6})/i.exec(rule)?.[1];
      expect(bg, rule).toBeDefined();
      expect(fg, rule).toBeDefined();
      expect(contrast(bg as string, fg as string)).toBeGreaterThanOrEqual(7);
      expect(rule).not.toMatch(/rgba/);
    });
  }

  for (const style of ['soft', 'underline', 'strong'] as const) {
    it(`${style}: hovering or opening a term never changes its colours, so its contrast never drops`, () => {
      const active = ruleWith(markCss(names, style), ':hover');
      expect(active).not.toMatch(/background|[^-]color:/);
      expect(active).toMatch(/text-decoration-style:\s*solid/);
    });
  }

  it('the focus ring stands out from white and from near-black pages', () => {
    const ring = ruleWith(css, ':focus-visible');
    expect(ring).toContain(FOCUS_RING_COLOURS.outer);
    expect(ring).toContain(FOCUS_RING_COLOURS.inner);
    for (const page of ['#ffffff', '#f3f4f8']) expect(contrast(FOCUS_RING_COLOURS.outer, page)).toBeGreaterThan(3);
    for (const page of ['#000000', '#121212', '#1d1e22']) {
      expect(contrast(FOCUS_RING_COLOURS.inner, page)).toBeGreaterThan(3);
    }
    // The two rings differ enough to read as one indicator on either page.
    expect(contrast(FOCUS_RING_COLOURS.outer, FOCUS_RING_COLOURS.inner)).toBeGreaterThan(3);
  });
});
