import entries from 'virtual:glossary-entries';
import { describe, expect, it } from 'vitest';
import schema from '../../glossary/schema.json' with { type: 'json' };
import { checkGlossary, type GlossaryFile } from '../../src/build/glossary-check.ts';
import { formatProblems, loadGlossary } from '../../src/build/glossary-load.ts';
import { GLOSSARY_OPTIONS } from '../../src/build/glossary-options.ts';
import { readingGrade, sentences } from '../../src/build/glossary-prose.ts';
import { toIndex } from '../../src/core/glossary-index.ts';
import {
  CATEGORIES,
  ENTRY_ID_PATTERN,
  type FieldTable,
  type GlossaryEntry,
  LEVELS,
  type MatchRules,
  type Source,
} from '../../src/core/glossary-types.ts';

const good = {
  id: 'axon',
  term: 'axon',
  category: 'science',
  level: 'specialist',
  summary: 'The long, thin part of a nerve cell that carries its signals to other cells.',
  details: 'Each nerve cell has one axon. Signals travel along it as tiny electrical pulses.',
  aliases: ['nerve fibre'],
  related: ['neuron'],
  sources: [
    { title: 'Brain basics', url: 'https://www.ninds.nih.gov/', publisher: 'NINDS' },
    { title: 'Nerve cells', url: 'https://medlineplus.gov/ency/', publisher: 'MedlinePlus' },
  ],
  reviewed: '2026-11-26',
};
const neuron = { ...good, id: 'neuron', term: 'neuron', level: 'common', aliases: ['nerve cell'], related: ['axon'] };

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

  it('one source, or two from the same website', () => {
    const one = { ...good, sources: [good.sources[0]] };
    expect(problemsOf({ path: 'science/axon.json', data: one }, { path: 'science/neuron.json', data: neuron })).toEqual(
      ['science/axon.json /sources: must NOT have fewer than 2 items'],
    );
    const sameSite = {
      ...good,
      sources: [good.sources[0], { title: 'Neurons', url: 'https://ninds.nih.gov/neurons', publisher: 'NINDS' }],
    };
    expect(
      problemsOf({ path: 'science/axon.json', data: sameSite }, { path: 'science/neuron.json', data: neuron }),
    ).toEqual(['science/axon.json /sources: needs at least two sources from different websites']);
  });

  it('missing or unknown level', () => {
    const { level: _, ...noLevel } = good;
    expect(problemsOf({ path: 'science/axon.json', data: { ...noLevel, related: [] } })).toEqual([
      "science/axon.json (entry): must have required property 'level'",
    ]);
    expect(problemsOf({ path: 'science/axon.json', data: { ...good, related: [], level: 'rare' } })).toEqual([
      'science/axon.json /level: must be equal to one of the allowed values',
    ]);
  });

  it('advice phrasing, unless a labelled fact is allowed by its exact words', () => {
    const advice = {
      ...good,
      related: [],
      details: 'Axons carry signals. Do not stop treatment suddenly. It is worth telling your MS team about changes.',
    };
    expect(problemsOf({ path: 'science/axon.json', data: advice })).toEqual([
      'science/axon.json /details: "It is worth" reads as advice: say what it is, not what to do (or list a labelled fact in allowAdvice)',
      'science/axon.json /details: "Do not" reads as advice: say what it is, not what to do (or list a labelled fact in allowAdvice)',
    ]);
    const facts = {
      ...good,
      related: [],
      details: 'Most people do not notice axon damage at first. People who avoid heat often feel better.',
    };
    expect(problemsOf({ path: 'science/axon.json', data: facts })).toEqual([]);
    const labelled = {
      ...good,
      related: [],
      details: 'Axons carry signals. The label says it must not be taken with nitrates.',
      allowAdvice: ['must not be taken with nitrates'],
    };
    expect(problemsOf({ path: 'science/axon.json', data: labelled })).toEqual([]);
    const stale = { ...labelled, allowAdvice: ['must not be given to children'] };
    expect(problemsOf({ path: 'science/axon.json', data: stale })).toEqual([
      'science/axon.json /details: "must" reads as advice: say what it is, not what to do (or list a labelled fact in allowAdvice)',
      'science/axon.json /allowAdvice: "must not be given to children" is not in the summary or details',
    ]);
  });

  it('an approval fact without the regulator or the primary publication', () => {
    const news = {
      ...good,
      related: [],
      details: 'Axons carry signals. A drug to protect them was approved in 2030.',
      sources: [
        { title: 'News', url: 'https://news.example/a', publisher: 'News' },
        { title: 'Charity', url: 'https://charity.example/b', publisher: 'Charity' },
      ],
    };
    expect(problemsOf({ path: 'science/axon.json', data: news })).toEqual([
      'science/axon.json /sources: states an approval, licence or withdrawal: cite the regulator or the primary publication',
    ]);
    const label = {
      ...news,
      sources: [news.sources[0], { title: 'Label', url: 'https://www.accessdata.fda.gov/x.pdf', publisher: 'FDA' }],
    };
    expect(problemsOf({ path: 'science/axon.json', data: label })).toEqual([]);
  });

  it('details that are too hard to read', () => {
    const hard = {
      ...good,
      related: [],
      details:
        'Electrophysiological characteristics of myelinated neuronal projections facilitate saltatory propagation. Demyelination consequently compromises conduction velocity substantially.',
    };
    const out = problemsOf({ path: 'science/axon.json', data: hard });
    expect(out[0]).toMatch(/^science\/axon\.json \/details: reading grade \d+\.\d; at most 12/);
  });

  it('a specialist term of another entry used unexplained in a summary', () => {
    const jargon = { ...neuron, level: 'common', summary: 'A nerve cell. Its axon carries signals to other cells.' };
    expect(
      problemsOf({ path: 'science/axon.json', data: good }, { path: 'science/neuron.json', data: jargon }),
    ).toEqual([
      'science/neuron.json /summary: uses the specialist term "axon": explain it in the summary and list it in summaryExplains, or rephrase',
    ]);
    const explained = { ...jargon, summaryExplains: ['axon'] };
    expect(
      problemsOf({ path: 'science/axon.json', data: good }, { path: 'science/neuron.json', data: explained }),
    ).toEqual([]);
  });

  it('a very common English word as a form, unless it waits for an MS page', () => {
    const broad = { ...good, related: [], aliases: ['contrast'] };
    expect(problemsOf({ path: 'science/axon.json', data: broad })).toEqual([
      'science/axon.json /match/needsContext: "contrast" is a common English word: list it in needsContext or noHighlight, or remove it',
    ]);
    expect(
      problemsOf({ path: 'science/axon.json', data: { ...broad, match: { needsContext: ['contrast'] } } }),
    ).toEqual([]);
    expect(problemsOf({ path: 'science/axon.json', data: { ...broad, level: 'everyday' } })).toEqual([]);
  });

  it('source that is not https', () => {
    const bad = { ...good, sources: [{ ...good.sources[0], url: 'http://example.org/x' }, good.sources[1]] };
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

/**
 * The fields of the glossary types, as the compiler sees them (tsc fails if
 * this table and the types differ); the test below compares it with the schema.
 */
const GLOSSARY_FIELDS = {
  entry: {
    id: 'required',
    term: 'required',
    pronunciation: 'optional',
    category: 'required',
    level: 'required',
    summary: 'required',
    details: 'required',
    aliases: 'required',
    related: 'required',
    sources: 'required',
    reviewed: 'required',
    recheck: 'optional',
    allowAdvice: 'optional',
    summaryExplains: 'optional',
    match: 'optional',
  } satisfies FieldTable<GlossaryEntry>,
  source: { title: 'required', url: 'required', publisher: 'required' } satisfies FieldTable<Source>,
  match: {
    caseSensitive: 'optional',
    caseInsensitive: 'optional',
    needsContext: 'optional',
    noHighlight: 'optional',
    shared: 'optional',
    msSpecific: 'optional',
    notBefore: 'optional',
    notAfter: 'optional',
  } satisfies FieldTable<MatchRules>,
};

/** A schema object's fields, marked required or optional. */
function schemaFields(node: { properties: Record<string, unknown>; required?: string[] }): Record<string, string> {
  return Object.fromEntries(
    Object.keys(node.properties)
      .filter((k) => k !== '$schema')
      .map((k) => [k, node.required?.includes(k) ? 'required' : 'optional']),
  );
}

describe('one source for each rule', () => {
  it('the schema and the GlossaryEntry type have the same fields, required alike', () => {
    expect(schemaFields(schema)).toEqual(GLOSSARY_FIELDS.entry);
    expect(schemaFields(schema.properties.sources.items)).toEqual(GLOSSARY_FIELDS.source);
    expect(schemaFields(schema.properties.match)).toEqual(GLOSSARY_FIELDS.match);
  });

  it('the schema and the code agree on ids, categories and levels', () => {
    const props = schema.properties;
    expect(props.id.pattern).toBe(ENTRY_ID_PATTERN.source);
    expect(props.related.items.pattern).toBe(ENTRY_ID_PATTERN.source);
    expect(props.category.enum).toEqual([...CATEGORIES]);
    expect(props.level.enum).toEqual([...LEVELS]);
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
