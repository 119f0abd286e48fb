import entries from 'virtual:glossary-entries';
import { describe, expect, it } from 'vitest';
import { checkGlossary, type GlossaryFile, readingGrade, sentences } from '../../src/build/glossary-check.ts';
import { formatProblems, loadGlossary } from '../../src/build/glossary-load.ts';
import { GLOSSARY_OPTIONS } from '../../src/build/glossary-options.ts';
import { toIndex } from '../../src/core/glossary-index.ts';
import { CATEGORIES } from '../../src/core/glossary-types.ts';

const good = {
  id: 'axon',
  term: 'axon',
  category: 'science',
  summary: 'The long, thin part of a nerve cell that carries its signals to other cells.',
  details: 'Each nerve cell has one axon. Signals travel along it as tiny electrical pulses.',
  aliases: ['nerve fibre'],
  related: ['neuron'],
  sources: [{ title: 'Brain basics', url: 'https://www.ninds.nih.gov/', publisher: 'NINDS' }],
  reviewed: '2026-11-26',
};
const neuron = { ...good, id: 'neuron', term: 'neuron', aliases: ['nerve cell'], related: ['axon'] };

function files(...list: { path: string; data: unknown }[]): GlossaryFile[] {
  return list;
}

function problemsOf(...list: { path: string; data: unknown }[]): string[] {
  return checkGlossary(files(...list), { today: '2026-11-26' }).problems.map(
    (p) => `${p.file} ${p.field}: ${p.message}`,
  );
}

describe('the shipped glossary', () => {
  it('passes every check', () => {
    const result = loadGlossary(undefined, GLOSSARY_OPTIONS);
    expect(formatProblems(result)).toBe('');
    expect(result.entries.length).toBe(entries.length);
  });

  it('is compiled into a match index that holds terms and aliases only', () => {
    const index = toIndex(entries);
    expect(index.length).toBe(entries.length);
    const json = JSON.stringify(index);
    for (const e of entries.slice(0, 20)) expect(json).not.toContain(e.summary);
  });

  it('uses only known categories', () => {
    for (const e of entries) expect(CATEGORIES).toContain(e.category);
  });
});

describe('a broken entry fails with the file and field named', () => {
  it('accepts a good pair', () => {
    expect(
      problemsOf({ path: 'science/axon.json', data: good }, { path: 'science/neuron.json', data: neuron }),
    ).toEqual([]);
  });

  it('duplicate alias', () => {
    const clash = { ...neuron, aliases: ['nerve fibre'] };
    expect(problemsOf({ path: 'science/axon.json', data: good }, { path: 'science/neuron.json', data: clash })).toEqual(
      ['science/neuron.json /aliases: "nerve fibre" is also claimed by "axon"; mark it shared in both or remove one'],
    );
  });

  it('alias shared by both entries is allowed', () => {
    const a = { ...good, match: { shared: ['nerve fibre'] } };
    const b = { ...neuron, aliases: ['nerve fibre'], match: { shared: ['nerve fibre'] } };
    expect(problemsOf({ path: 'science/axon.json', data: a }, { path: 'science/neuron.json', data: b })).toEqual([]);
  });

  it('missing source', () => {
    const bad = { ...good, sources: [] };
    expect(problemsOf({ path: 'science/axon.json', data: bad }, { path: 'science/neuron.json', data: neuron })).toEqual(
      ['science/axon.json /sources: must NOT have fewer than 1 items'],
    );
  });

  it('source that is not https', () => {
    const bad = { ...good, sources: [{ ...good.sources[0], url: 'http://example.org/x' }] };
    const out = problemsOf({ path: 'science/axon.json', data: bad }, { path: 'science/neuron.json', data: neuron });
    expect(out).toEqual(['science/axon.json /sources/0/url: must match pattern "^https://"']);
  });

  it('dangling related id', () => {
    const bad = { ...good, related: ['neuron', 'no-such-entry'] };
    expect(problemsOf({ path: 'science/axon.json', data: bad }, { path: 'science/neuron.json', data: neuron })).toEqual(
      ['science/axon.json /related: "no-such-entry" is not an entry id'],
    );
  });

  it('overlong summary', () => {
    const long = `${'This summary keeps going on and on with many more words than fit. '.repeat(3)}`;
    const bad = { ...good, summary: long.trim() };
    const out = problemsOf({ path: 'science/axon.json', data: bad }, { path: 'science/neuron.json', data: neuron });
    expect(out.some((p) => /^science\/axon\.json \/summary: has \d+ words; at most 35/.test(p))).toBe(true);
  });

  it('unknown field, wrong category folder, id not matching the file, bad JSON', () => {
    expect(problemsOf({ path: 'science/axon.json', data: { ...good, colour: 'red' } })).toContain(
      'science/axon.json (entry): must NOT have additional properties (colour)',
    );
    expect(problemsOf({ path: 'symptom/axon.json', data: { ...good, related: [] } })).toEqual([
      'symptom/axon.json /category: must equal the folder name "symptom"',
    ]);
    expect(problemsOf({ path: 'science/nerve.json', data: { ...good, related: [] } })).toEqual([
      'science/nerve.json /id: must equal the file name "nerve"',
    ]);
    const broken = checkGlossary([{ path: 'science/x.json', data: null, parseError: 'Unexpected token' }]);
    expect(broken.problems[0]).toMatchObject({ file: 'science/x.json', message: 'not valid JSON: Unexpected token' });
  });

  it('regular plurals listed as aliases', () => {
    const bad = { ...good, aliases: ['nerve fibre', 'nerve fibres', 'axons'], related: [] };
    expect(problemsOf({ path: 'science/axon.json', data: bad })).toEqual([
      'science/axon.json /aliases: "nerve fibres" is the regular plural of "nerve fibre"; plurals are found automatically',
      'science/axon.json /aliases: "axons" is the regular plural of "axon"; plurals are found automatically',
    ]);
  });

  it('match rules naming forms the entry does not have, and broken patterns', () => {
    const bad = { ...good, related: [], match: { needsContext: ['dendrite'], notBefore: ['(unclosed'] } };
    const out = problemsOf({ path: 'science/axon.json', data: bad });
    expect(out[0]).toBe('science/axon.json /match/needsContext: "dendrite" is not the term or an alias');
    expect(out[1]).toMatch(/^science\/axon\.json \/match: pattern "\(unclosed" is not a valid regular expression/);
  });

  it('unexplained abbreviation in a summary', () => {
    const bad = { ...good, related: [], summary: 'Part of a nerve cell in the CNS that carries signals.' };
    expect(problemsOf({ path: 'science/axon.json', data: bad })).toEqual([
      'science/axon.json /summary: uses "CNS", which is not itself an entry or alias',
    ]);
  });

  it('too many sentences, and a summary that is hard to read', () => {
    const bad = { ...good, related: [], details: 'Only one sentence here about the axon and its role.' };
    expect(problemsOf({ path: 'science/axon.json', data: bad })).toEqual([
      'science/axon.json /details: has 1 sentence(s); use two to five',
    ]);
    const hard = {
      ...good,
      related: [],
      summary:
        'Electrophysiological characteristics of myelinated neuronal projections facilitate saltatory propagation.',
    };
    const result = checkGlossary(files({ path: 'science/axon.json', data: hard }), { maxMeanGrade: 9 });
    expect(result.problems.map((p) => p.message).join()).toMatch(
      /mean reading grade of summaries is \d+\.\d; at most 9/,
    );
  });

  it('an empty category when the full glossary is required', () => {
    const out = checkGlossary(files({ path: 'science/axon.json', data: { ...good, related: [] } }), {
      requireAllCategories: true,
    }).problems;
    expect(out.map((p) => p.message)).toContain('no entry in category "dmt"');
  });
});

describe('prose helpers', () => {
  it('split sentences without breaking on "e.g."', () => {
    expect(sentences('It helps, e.g. with walking. It is a pill.')).toHaveLength(2);
  });
  it('grade plain text lower than jargon', () => {
    expect(readingGrade('A cramp is a short, hard squeeze of a muscle.')).toBeLessThan(
      readingGrade('Electrophysiological abnormalities characterise demyelinating polyneuropathies.'),
    );
  });
});
