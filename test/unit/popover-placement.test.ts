import { describe, expect, it } from 'vitest';
import { choosePlacement } from '../../src/page/popover/popover-host.ts';

describe('popover placement', () => {
  it('goes below the term when it fits there', () => {
    expect(choosePlacement(300, 500, 400)).toBe('bottom-start');
  });

  it('flips above a term near the bottom when it fits above', () => {
    expect(choosePlacement(300, 500, 180)).toBe('top-start');
  });

  it('takes the side with more room when it fits on neither', () => {
    expect(choosePlacement(700, 450, 200)).toBe('top-start');
    expect(choosePlacement(700, 200, 450)).toBe('bottom-start');
  });
});
