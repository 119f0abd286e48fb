import { describe, expect, it } from 'vitest';
import { humanDate } from '../../src/core/dates.ts';

describe('humanDate: dates as readers say them', () => {
  it('says dates as people do', () => {
    expect(humanDate('2026-11-26')).toBe('26 November 2026');
    expect(humanDate('2025-01-03')).toBe('3 January 2025');
    expect(humanDate('2025-06')).toBe('June 2025');
  });

  it('leaves anything it cannot read as it was', () => {
    for (const odd of ['', 'soon', '2026-13-01', '2026-02-30', '2026-00-10', '26/11/2026']) {
      expect(humanDate(odd)).toBe(odd);
    }
  });
});
