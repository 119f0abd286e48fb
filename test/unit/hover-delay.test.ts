import { describe, expect, it } from 'vitest';
import { HOVER_DELAY_MS, hoverDelayChoice } from '../../src/core/hover-delay.ts';
import { DEFAULT_SETTINGS, repairSettings } from '../../src/core/settings.ts';

describe('hover delay as short / medium / long', () => {
  it('each choice saves a delay that reads back as the same choice', () => {
    for (const [choice, ms] of Object.entries(HOVER_DELAY_MS)) expect(hoverDelayChoice(ms)).toBe(choice);
    expect(HOVER_DELAY_MS.short).toBeLessThan(HOVER_DELAY_MS.medium);
    expect(HOVER_DELAY_MS.medium).toBeLessThan(HOVER_DELAY_MS.long);
  });

  it('the default delay is medium', () => {
    expect(hoverDelayChoice(DEFAULT_SETTINGS.hoverDelayMs)).toBe('medium');
  });

  it('old free-number delays read as the nearest choice', () => {
    expect(hoverDelayChoice(0)).toBe('short');
    expect(hoverDelayChoice(200)).toBe('short');
    expect(hoverDelayChoice(250)).toBe('medium');
    expect(hoverDelayChoice(450)).toBe('medium');
    expect(hoverDelayChoice(600)).toBe('long');
    expect(hoverDelayChoice(2000)).toBe('long');
  });

  it('malformed values fall back to medium, before and after settings repair', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, '300', null, undefined, {}, 'slow']) {
      expect(hoverDelayChoice(bad)).toBe('medium');
      const { settings } = repairSettings({ hoverDelayMs: bad });
      expect(hoverDelayChoice(settings.hoverDelayMs)).toBe('medium');
    }
  });
});
