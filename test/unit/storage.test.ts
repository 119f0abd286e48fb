/**
 * Settings storage and the pattern cache, against WXT's in-memory fake
 * browser: corrupt or old stored values load with defaults for the bad fields
 * only, writes touch only what changed, and long term lists are chunked.
 */
import index from 'virtual:glossary-index';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hiddenIds } from '../../src/core/glossary-index.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { chunkIds, getPageKey, loadSettings, saveSettings, writeSettings } from '../../src/platform/settings-store.ts';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings storage', () => {
  it('gives defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it('keeps good fields and reports bad ones from corrupted storage', async () => {
    await fakeBrowser.storage.sync.set({
      settings: { theme: 'dark', occurrences: 7, hoverDelayMs: 'slow', unknown: true },
      disabledTerms: ['axon', null, 'axon', 'NOT AN ID'],
    });
    const { settings, problems } = await loadSettings();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', disabledTerms: ['axon'] });
    expect(problems.join('\n')).toMatch(/occurrences/);
    expect(problems.join('\n')).toMatch(/hoverDelayMs/);
    expect(problems.join('\n')).toMatch(/disabledTerms: 2 unusable/);
  });

  it('survives values of the wrong kind altogether', async () => {
    await fakeBrowser.storage.sync.set({ settings: 'oops', disabledTerms: { a: 1 } });
    const { settings, problems } = await loadSettings();
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problems.length).toBeGreaterThan(0);
  });

  it('loads settings written by an older version that lacked fields', async () => {
    await fakeBrowser.storage.sync.set({ settings: { theme: 'light', occurrences: 'all' } });
    expect((await loadSettings()).settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'light', occurrences: 'all' });
  });

  it('saves one field without touching the others', async () => {
    await saveSettings({ theme: 'dark' });
    await saveSettings({ hoverDelayMs: 500 });
    expect((await loadSettings()).settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', hoverDelayMs: 500 });
  });

  it('hides the entries turned off and those below the chosen level', () => {
    const byLevel = (level: string) => index.filter((e) => e.level === level).map((e) => e.id);
    const common = hiddenIds(index, { disabledTerms: ['axon', 'myokymia'], termLevel: 'common' });
    expect(common).toEqual([...new Set([...byLevel('everyday'), 'axon', 'myokymia'])].sort());
    expect(hiddenIds(index, { disabledTerms: [], termLevel: 'everyday' })).toEqual([]);
    const specialist = hiddenIds(index, { disabledTerms: [], termLevel: 'specialist' });
    expect(index.filter((e) => !specialist.includes(e.id)).every((e) => e.level === 'specialist')).toBe(true);
  });

  it('keeps a term list longer than one sync item allows ("Select none") in chunks, and shrinks it again', async () => {
    const all = index.map((e) => e.id).sort();
    expect(JSON.stringify(all).length).toBeGreaterThan(8192); // more than storage.sync takes in one item
    await writeSettings({ ...DEFAULT_SETTINGS, disabledTerms: all });
    const stored = await fakeBrowser.storage.sync.get(null);
    const chunkKeys = Object.keys(stored).filter((k) => k.startsWith('disabledTerms') && !k.endsWith('$'));
    expect(chunkKeys.length).toBeGreaterThan(1);
    for (const key of chunkKeys) expect(JSON.stringify(stored[key]).length + key.length).toBeLessThan(8192);
    expect((await loadSettings()).settings.disabledTerms).toEqual(all);
    await writeSettings({ ...DEFAULT_SETTINGS, disabledTerms: ['axon'] });
    const after = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(after).filter((k) => k.startsWith('disabledTerms.'))).toEqual([]);
    expect((await loadSettings()).settings.disabledTerms).toEqual(['axon']);
  });

  it('splits ids into chunks under a byte limit, never leaving an empty chunk', () => {
    expect(chunkIds([])).toEqual([[]]);
    expect(chunkIds(['aaaa', 'bbbb', 'cccc'], 16)).toEqual([['aaaa', 'bbbb'], ['cccc']]);
  });

  it('makes one random page key per install and keeps it', async () => {
    const key = await getPageKey();
    expect(key).toMatch(/^[a-z][a-z0-9]{7}$/);
    expect(await getPageKey()).toBe(key);
    fakeBrowser.reset();
    expect(await getPageKey()).not.toBe(key);
  });
});
