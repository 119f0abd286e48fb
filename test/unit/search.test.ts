import entries from 'virtual:glossary-entries';
import { describe, expect, it } from 'vitest';
import { GlossarySearch } from '../../src/core/search.ts';
import { entryById, entryIds, entries as shared, termOf } from '../../src/platform/glossary-entries.ts';

const search = new GlossarySearch(entries);
const top = (q: string) => search.search(q)[0]?.id;

describe('glossary search', () => {
  it.each([
    ['myokymia', 'myokymia'],
    ['Myokymia', 'myokymia'],
    ['myokimia', 'myokymia'],
    ['tegretol', 'carbamazepine'],
    ['Neurontin', 'gabapentin'],
    ['botox', 'botulinum-toxin'],
    ['demylination', 'demyelination'],
    ['EMG', 'electromyography'],
    ['nerve fiber', 'axon'],
    ['multiple sclerosis', 'multiple-sclerosis'],
    ['ocrevus', 'ocrelizumab'],
    ['Ocrevus', 'ocrelizumab'],
    ['lhermite', 'lhermittes-sign'],
    ["Lhermitte's", 'lhermittes-sign'],
    ['EDSS', 'edss'],
    ['tysabri', 'natalizumab'],
    ['ms hug', 'ms-hug'],
    ['uthoff', 'uhthoffs-phenomenon'],
    ['spasticity', 'spasticity'],
  ])('%s finds %s first', (query, id) => {
    expect(top(query)).toBe(id);
  });

  it('finds entries as you type', () => {
    expect(search.search('gaba').map((h) => h.id)).toContain('gabapentin');
  });

  it('returns nothing for an empty query and at most the limit', () => {
    expect(search.search('   ')).toEqual([]);
    expect(search.search('e', 3).length).toBeLessThanOrEqual(3);
  });
});

describe('the entries the extension pages share', () => {
  it('look entries and terms up by id, and know every id', () => {
    expect(shared).toBe(entries);
    const first = entries[0] as (typeof entries)[number];
    expect(entryById(first.id)).toBe(first);
    expect(termOf('myokymia')).toBe(entryById('myokymia')?.term);
    expect(entryById('no-such-entry')).toBeUndefined();
    expect(termOf('no-such-entry')).toBeUndefined();
    expect(entryIds.size).toBe(entries.length);
    expect(entries.every((e) => entryIds.has(e.id))).toBe(true);
  });
});
