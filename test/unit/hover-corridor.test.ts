import { describe, expect, it } from 'vitest';
import { inCorridor } from '../../src/core/hover-corridor.ts';

const box = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });

describe('the way from a highlight to its popover', () => {
  // A short term above a wide popover, with an 8 px gap.
  const term = box(100, 100, 180, 120);
  const panel = box(100, 128, 420, 328);

  it('holds both boxes and the gap between them', () => {
    expect(inCorridor(140, 110, term, panel)).toBe(true);
    expect(inCorridor(300, 200, term, panel)).toBe(true);
    expect(inCorridor(150, 124, term, panel)).toBe(true);
    // Diagonally from the term's right end towards the popover's far corner.
    expect(inCorridor(300, 125, term, panel)).toBe(true);
  });

  it('leaves out what is beside them', () => {
    expect(inCorridor(300, 105, term, panel, 0)).toBe(false); // right of the term, above the popover
    expect(inCorridor(60, 124, term, panel)).toBe(false); // left of both
    expect(inCorridor(150, 400, term, panel)).toBe(false); // below the popover
    expect(inCorridor(5, 700, term, panel)).toBe(false);
  });

  it('works with the popover above the term and with boxes side by side', () => {
    expect(inCorridor(150, 330, box(100, 300, 180, 320), box(100, 20, 420, 292))).toBe(false);
    expect(inCorridor(400, 310, box(100, 300, 180, 320), box(100, 20, 420, 292))).toBe(false);
    expect(inCorridor(150, 296, box(100, 300, 180, 320), box(100, 20, 420, 292))).toBe(true);
    expect(inCorridor(200, 110, box(100, 100, 180, 120), box(220, 90, 400, 300))).toBe(true);
    expect(inCorridor(200, 300, box(100, 100, 180, 120), box(220, 90, 400, 300))).toBe(false);
  });

  it('grows each box by the slack', () => {
    expect(inCorridor(97, 110, term, panel, 0)).toBe(false);
    expect(inCorridor(97, 110, term, panel, 4)).toBe(true);
  });
});
