import { readIndex } from 'virtual:glossary-index';
import { describe, expect, it } from 'vitest';
import { isExactWord } from '../../src/core/form-code.ts';
import type { IndexEntry } from '../../src/core/glossary-types.ts';
import { compileMatcher, findCandidates, normalizeKey, pluralForms } from '../../src/core/matcher.ts';

const index = readIndex();

const SAMPLE: IndexEntry[] = [
  { id: 'ms', level: 'common', forms: ['multiple sclerosis', 'MS'] },
  { id: 'lhermitte', level: 'common', forms: ["Lhermitte's sign", "Lhermitte's phenomenon"] },
  { id: 'rrms', level: 'common', forms: ['relapsing-remitting MS', 'RRMS'] },
  { id: 'fasciculation', level: 'common', forms: ['fasciculation'] },
  { id: 'therapy', level: 'common', forms: ['disease-modifying therapy', 'DMT'] },
  { id: 'relapse', level: 'common', forms: ['relapse', 'MS relapse', 'attack'], ctx: [0, 2] },
  { id: 't1', level: 'common', forms: ['T1-weighted scan', 'T1'] },
  { id: 'bcell', level: 'common', forms: ['B cell'] },
  { id: 'nfl', level: 'common', forms: ['neurofilament light chain', 'NfL'] },
  { id: 'ocrelizumab', level: 'common', forms: ['ocrelizumab', 'Ocrevus'] },
  { id: 'hpt', level: 'common', forms: ['Nine-Hole Peg Test', '9-HPT'] },
  { id: 'reflex', level: 'common', forms: ['reflex'] },
  { id: 'uhthoff', level: 'common', forms: ["Uhthoff's phenomenon"] },
  { id: 'lp', level: 'common', forms: ['lumbar puncture', 'LP'], cs: [1] },
];

const sample = compileMatcher(SAMPLE);
const real = compileMatcher(index);

/** Highlightable matches in `text` as "entry:matched" strings. */
function found(text: string, matcher = sample): string[] {
  return findCandidates(text, matcher)
    .filter((c) => c.rejected === null)
    .map((c) => `${c.entryId}:${c.text}`);
}

describe('forms and spelling variants', () => {
  it.each([
    ['Myokymia and fasciculations differ.', ['fasciculation:fasciculations']],
    ["He had Lhermitte's sign.", ["lhermitte:Lhermitte's sign"]],
    ['He had Lhermitte’s sign.', ['lhermitte:Lhermitte’s sign']],
    ['He had Lhermitte sign.', ['lhermitte:Lhermitte sign']],
    ["Lhermitte's signs were noted", ["lhermitte:Lhermitte's signs"]],
    ['She has relapsing-remitting MS.', ['rrms:relapsing-remitting MS']],
    ['She has relapsing remitting MS.', ['rrms:relapsing remitting MS']],
    ['She has relapsing/remitting MS.', ['rrms:relapsing/remitting MS']],
    ['She has Relapsing-Remitting MS.', ['rrms:Relapsing-Remitting MS']],
    ['Two DMTs were compared.', ['therapy:DMTs']],
    ['Disease-modifying therapies help.', ['therapy:Disease-modifying therapies']],
    ['Brisk reflexes on exam.', ['reflex:reflexes']],
    ["MS's effects vary.", ["ms:MS's"]],
    ['MULTIPLE SCLEROSIS SOCIETY', ['ms:MULTIPLE SCLEROSIS']],
    ['The Ocrevus infusion', ['ocrelizumab:Ocrevus']],
    ['the ocrevus infusion', ['ocrelizumab:ocrevus']],
    ["Uhthoff's phenomenon appears in heat.", ["uhthoff:Uhthoff's phenomenon"]],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('prefers the longest form at a position', () => {
    expect(found('An MS relapse, not a relapse.')).toEqual(['relapse:MS relapse', 'relapse:relapse']);
    expect(found('A T1-weighted scan and a T1 image.')).toEqual(['t1:T1-weighted scan', 't1:T1']);
  });

  it('matches whole words only', () => {
    expect(found('MSc graduates, AMS, MSS, smsg')).toEqual([]);
    expect(found('myfasciculation unfasciculations')).toEqual([]);
    expect(found('(MS)')).toEqual(['ms:MS']);
  });

  it('never highlights a fragment of a hyphenated or slashed compound, only a whole one', () => {
    expect(found('non-MS causes, MS-related fatigue, MS/ALS clinic, pre‑MS years')).toEqual([]);
    expect(found('non-relapsing disease; a relapse-free year')).toEqual([]);
    expect(found('She has relapsing-remitting MS.')).toEqual(['rrms:relapsing-remitting MS']);
    expect(found('A T1-weighted scan.')).toEqual(['t1:T1-weighted scan']);
    // Dashes with spaces, and em dashes, separate words rather than join them.
    expect(found('MS - a guide; MS — a guide; MS—fatigue')).toEqual(['ms:MS', 'ms:MS', 'ms:MS']);
  });

  it('keeps abbreviations and codes case-sensitive', () => {
    expect(found('ms and Ms and mS')).toEqual([]);
    expect(found('t1 and T1')).toEqual(['t1:T1']);
    expect(found('nfl season; NfL levels; NFL')).toEqual(['nfl:NfL']);
    expect(found('b cell and B cell and B Cell')).toEqual(['bcell:B cell', 'bcell:B Cell']);
    expect(found('9-HPT and 9-hpt')).toEqual(['hpt:9-HPT']);
    expect(found('lp LP Lp')).toEqual(['lp:LP']);
  });

  it('is Unicode-aware at word edges', () => {
    expect(found('éMS MSé ÉMS')).toEqual([]);
    expect(found('«MS» — MS—fatigue')).toEqual(['ms:MS', 'ms:MS']);
  });
});

describe('look-alikes of "MS" are never multiple sclerosis', () => {
  it.each([
    'The page loads in 300 ms.',
    'A delay of 300 MS was measured.',
    'Ms. Smith called.',
    'MS. SMITH CALLED',
    'Open it in MS Word.',
    'It ran on MS-DOS.',
    'It ran on MS DOS.',
    'She has an MSc in biology.',
    'Send mail to Jackson, MS 39201.',
    'Send mail to Jackson, MS 39201-1234.',
    'See https://example.org/MS/guide for more.',
    'Write to info@MS.example.org today.',
    'Write to MS@example.org today.',
    'Visit www.MS-society.example today.',
    'Progress MS-04 broke up over Siberia.',
    'font-family: "Comic Sans MS", cursive',
    'Trebuchet MS is a typeface.',
    'Jane Doe, MS, RD, wrote it.',
  ])('%s', (text) => {
    expect(found(text, real).filter((f) => f.startsWith('multiple-sclerosis:MS'))).toEqual([]);
  });

  it.each([
    ['I was diagnosed with MS in 2019.', 1],
    ['MS: what to expect', 1],
    ['People with MS (multiple sclerosis) often tire.', 2],
    ['Living with MS. It is hard.', 1],
  ])('still finds real uses: %s', (text, n) => {
    expect(found(text, real).filter((f) => f.startsWith('multiple-sclerosis:')).length).toBe(n);
  });
});

describe('abbreviations that are dates or measurements are never MS terms', () => {
  const lookAlikes = compileMatcher([
    { id: 'oct', level: 'common', forms: ['optical coherence tomography', 'OCT'], cs: [1] },
    { id: 'rms', level: 'common', forms: ['relapsing MS', 'RMS'], cs: [1] },
  ]);
  it.each([
    'Posted 12 OCT 2024 by the editor',
    'Posted 3rd OCT, 2024',
    'OCT 12, 2024: clinic news',
    "Seen OCT '24",
    'the RMS value of the signal',
    'RMS voltage and RMS current',
    'a low RMS error',
  ])('%s', (text) => {
    expect(found(text, lookAlikes)).toEqual([]);
  });
  it.each([
    ['An OCT scan of the retina', ['oct:OCT']],
    ['OCT showed thinning in 2024.', ['oct:OCT']],
    ['Most people with RMS start on a DMT.', ['rms:RMS']],
  ])('still finds real uses: %s', (text, expected) => {
    expect(found(text, lookAlikes)).toEqual(expected);
  });
});

describe('everyday words keep their everyday sense', () => {
  const everyday = compileMatcher([
    { id: 'relapse', level: 'common', forms: ['relapse', 'attack', 'flare'], ctx: [0, 1, 2] },
    { id: 'lesion', level: 'common', forms: ['lesion', 'plaque'], ctx: [1] },
  ]);
  it.each([
    'In MS the immune system attacks myelin.',
    'Symptoms can flare in hot weather.',
    'People who relapse often recover.',
    'Antibodies attack the nerves.',
    'He had a heart attack last year.',
    'Panic attacks and anxiety attacks are common.',
    'Dental plaque builds up on teeth.',
    'She had plaque psoriasis.',
    'the plaque in my arteries',
    'plaque build-up in vessels',
    'a relapse of cancer after chemotherapy',
    'a cancer relapse',
    'My friend says her cancer "went into relapse" last year.',
    'In cancer, relapse means the tumour is back.',
  ])('%s', (text) => {
    expect(found(text, everyday)).toEqual([]);
  });
  it.each([
    ['She had an attack of optic neuritis.', ['relapse:attack']],
    ['A new approach to flare management.', ['relapse:flare']],
    ['Can a relapse happen in summer?', ['relapse:relapse']],
    ['Some call it a flare.', ['relapse:flare']],
    ['A relapse lasts at least a day.', ['relapse:relapse']],
    ['During a flare her legs felt weak.', ['relapse:flare']],
    ['MRI showed a new plaque near the ventricles.', ['lesion:plaque']],
    ['Each lesion was small.', ['lesion:lesion']],
  ])('still finds the MS sense: %s', (text, expected) => {
    expect(found(text, everyday)).toEqual(expected);
  });
});

describe('context and rejection data', () => {
  it('flags words that need an MS page', () => {
    const c = findCandidates('A relapse, an attack, an MS relapse.', sample);
    expect(c.map((x) => [x.text, x.needsContext])).toEqual([
      ['relapse', true],
      ['attack', true],
      ['MS relapse', false],
    ]);
  });

  it('reports rejected regex matches so mark.js can replay the sequence', () => {
    const c = findCandidates('MS Word and MS.', real);
    expect(c.map((x) => [x.text, x.rejected])).toEqual([
      ['MS', 'excluded-context'],
      ['MS', null],
    ]);
  });

  it('finds nothing with no entries', () => {
    expect(findCandidates('multiple sclerosis', compileMatcher([]))).toEqual([]);
  });
});

describe('helpers', () => {
  it('decides which words keep their case', () => {
    expect([isExactWord('MS'), isExactWord('NfL'), isExactWord('T1'), isExactWord('B')]).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([isExactWord('Ocrevus'), isExactWord('sign'), isExactWord("Lhermitte's"), isExactWord('9')]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('spells regular plurals', () => {
    expect(pluralForms('cramp')).toEqual(['cramps']);
    expect(pluralForms('therapy')).toEqual(['therapies']);
    expect(pluralForms('reflex')).toEqual(['reflexes']);
    expect(pluralForms('9-HPT')).toEqual(['9-HPTs']);
    expect(pluralForms('T1')).toEqual([]);
  });

  it('normalises keys for lookup', () => {
    expect(normalizeKey('Lhermitte’s  Sign')).toBe('lhermitte sign');
    expect(normalizeKey('relapsing–remitting')).toBe('relapsing remitting');
  });

  it('compiles the whole glossary and finds every form of every entry', () => {
    expect(real.slots.size).toBeGreaterThan(500);
    for (const entry of index) {
      for (const form of entry.forms) {
        const hits = findCandidates(`See ${form} here.`, real);
        expect(
          hits.map((h) => h.entryId),
          `${entry.id}: "${form}"`,
        ).toContain(entry.id);
      }
    }
  });
});
