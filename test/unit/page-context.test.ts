import { describe, expect, it } from 'vitest';
import { ContextEvidence, MIN_DISTINCT, MIN_OCCURRENCES } from '../../src/core/page-context.ts';

describe('ContextEvidence', () => {
  it('is not about MS with no evidence or too little', () => {
    const e = new ContextEvidence();
    expect(e.isAboutMs()).toBe(false);
    e.add('multiple-sclerosis');
    expect(e.isAboutMs()).toBe(false);
  });

  it('needs enough occurrences from enough different entries', () => {
    const same = new ContextEvidence();
    for (let i = 0; i < 10; i++) same.add('multiple-sclerosis');
    expect(same.isAboutMs()).toBe(MIN_DISTINCT <= 1);
    const mixed = new ContextEvidence();
    mixed.add('multiple-sclerosis');
    mixed.add('ocrelizumab');
    expect(mixed.isAboutMs()).toBe(MIN_OCCURRENCES <= 2);
    mixed.add('multiple-sclerosis');
    expect(mixed.isAboutMs()).toBe(true);
  });

  it('counts an MS term in the title on its own', () => {
    const e = new ContextEvidence();
    e.titleHit = true;
    expect(e.isAboutMs()).toBe(true);
  });
});
