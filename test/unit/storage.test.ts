/**
 * Settings storage and the pattern cache, against WXT's in-memory fake
 * browser: corrupt or old stored values load with defaults for the bad fields
 * only, writes touch only what changed, and long term lists are chunked.
 */
import { readIndex } from 'virtual:glossary-index';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hiddenIds } from '../../src/core/glossary-index.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.ts';
import { applyChanges, type Items, migrate, planWrite, readSettings } from '../../src/core/settings-format.ts';
import {
  chunkIds,
  getPageKey,
  loadSettings,
  migrateSettings,
  saveSettings,
  setTermOff,
  watchSettings,
  writeSettings,
} from '../../src/platform/settings-store.ts';
/** storage.sync as MS Lens 0.1 (settings format 1) saved it: every field in `settings`, the term list in three chunks. */
import syncV1 from '../fixtures/settings/sync-v1.json' with { type: 'json' };

const index = readIndex();

const V1_IDS = [...syncV1.disabledTerms, ...syncV1['disabledTerms.1'], ...syncV1['disabledTerms.2']];
const V1_SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  termLevel: 'specialist',
  disabledSites: ['example.com'],
  theme: 'dark',
  hoverDelayMs: 500,
  disabledTerms: V1_IDS,
};

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

describe('settings format 2: only what the reader changed', () => {
  it('reads a stored format-1 value (three term chunks) as it was meant, before any migration', async () => {
    expect(V1_IDS.length).toBeGreaterThan(700);
    await fakeBrowser.storage.sync.set(structuredClone(syncV1));
    expect(await loadSettings()).toEqual({ settings: V1_SETTINGS, problems: [] });
  });

  it('migrates a stored format-1 value to one item per changed field, keeping every setting', async () => {
    await fakeBrowser.storage.sync.set(structuredClone(syncV1));
    await migrateSettings();
    const stored = await fakeBrowser.storage.sync.get(null);
    expect(stored).toEqual({
      settingsFormat: 2,
      'setting.termLevel': 'specialist',
      'setting.disabledSites': ['example.com'],
      'setting.theme': 'dark',
      'setting.hoverDelayMs': 500,
      // The term list was already in its own items: untouched.
      disabledTerms: syncV1.disabledTerms,
      'disabledTerms.1': syncV1['disabledTerms.1'],
      'disabledTerms.2': syncV1['disabledTerms.2'],
    });
    expect(await loadSettings()).toEqual({ settings: V1_SETTINGS, problems: [] });
    // Run again (every start of the background): nothing changes.
    await migrateSettings();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(stored);
  });

  it('lets a later change of a default reach a reader who saved other fields', async () => {
    await saveSettings({ theme: 'dark' });
    const stored = await fakeBrowser.storage.sync.get(null);
    expect(stored).toEqual({ settingsFormat: 2, 'setting.theme': 'dark' });
    // What another default would give: the stored items name no other field.
    expect(readSettings({ ...stored }).settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it('writes nothing but the changed field, so two devices changing different fields both keep theirs', () => {
    const before: Items = { settingsFormat: 2, 'setting.theme': 'light' };
    const base = readSettings(before).settings;
    const laptop = planWrite(before, { ...base, hoverDelayMs: 800 });
    const phone = planWrite(before, { ...base, occurrences: 'all' });
    expect(laptop).toEqual({ set: { 'setting.hoverDelayMs': 800 }, remove: [] });
    expect(phone).toEqual({ set: { 'setting.occurrences': 'all' }, remove: [] });
    // storage.sync merges item by item, in either order.
    const merged = applyChanges(applyChanges(before, laptop), phone);
    expect(readSettings(merged).settings).toEqual({ ...base, hoverDelayMs: 800, occurrences: 'all' });
    expect(applyChanges(applyChanges(before, phone), laptop)).toEqual(merged);
  });

  it('removes a field’s item when it goes back to its default, and the term list when it empties', async () => {
    await writeSettings(V1_SETTINGS);
    expect(Object.keys(await fakeBrowser.storage.sync.get(null)).length).toBeGreaterThan(4);
    await writeSettings({ ...DEFAULT_SETTINGS });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({ settingsFormat: 2 });
    expect((await loadSettings()).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('migrates before writing, so a save on format-1 storage keeps the other stored fields', async () => {
    await fakeBrowser.storage.sync.set(structuredClone(syncV1));
    await setTermOff('myokymia', true);
    const { settings } = await loadSettings();
    expect(settings).toEqual({ ...V1_SETTINGS, disabledTerms: [...V1_IDS, 'myokymia'].sort() });
    expect(await fakeBrowser.storage.sync.get('settings')).toEqual({});
  });

  it('never deletes a damaged format-1 item it could not carry over, and still starts', async () => {
    await fakeBrowser.storage.sync.set({ settings: 'oops' });
    await migrateSettings();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({ settings: 'oops', settingsFormat: 2 });
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });

    fakeBrowser.reset();
    await fakeBrowser.storage.sync.set({ settings: { theme: 'dark', hoverDelayMs: 'slow' } });
    await migrateSettings();
    const stored = await fakeBrowser.storage.sync.get(null);
    expect(stored).toEqual({
      settings: { theme: 'dark', hoverDelayMs: 'slow' },
      settingsFormat: 2,
      'setting.theme': 'dark',
    });
    expect((await loadSettings()).settings).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it('reports damaged format-2 items field by field and repairs them on the next save', async () => {
    await fakeBrowser.storage.sync.set({ settingsFormat: 2, 'setting.theme': 42, 'setting.occurrences': 'all' });
    const { settings, problems } = await loadSettings();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, occurrences: 'all' });
    expect(problems.join('\n')).toMatch(/theme/);
    await saveSettings({ hoverDelayMs: 400 });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({
      settingsFormat: 2,
      'setting.occurrences': 'all',
      'setting.hoverDelayMs': 400,
    });
  });

  it('leaves a damaged term list alone when another field is saved', async () => {
    const damaged = { settingsFormat: 2, disabledTerms: 'oops', 'disabledTerms.1': ['axon'] };
    await fakeBrowser.storage.sync.set(damaged);
    expect((await loadSettings()).settings.disabledTerms).toEqual([]);
    await saveSettings({ theme: 'dark' });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({ ...damaged, 'setting.theme': 'dark' });
    // The reader's own change of the list replaces it.
    await setTermOff('edss', true);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({
      settingsFormat: 2,
      'setting.theme': 'dark',
      disabledTerms: ['edss'],
    });
  });

  it('reads a damaged format number as if it were absent', () => {
    expect(migrate({ settingsFormat: 'two', settings: { theme: 'dark' } })?.set).toEqual({
      settingsFormat: 2,
      'setting.theme': 'dark',
    });
    expect(migrate({ settingsFormat: 2.5 })).toBeNull(); // nothing stored in format 1
    expect(planWrite({ settingsFormat: 2.5 }, { ...DEFAULT_SETTINGS }).set).toEqual({ settingsFormat: 2 });
    expect(migrate({ settingsFormat: 2 })).toBeNull();
    // From a newer MS Lens: left alone, read as the current format.
    expect(migrate({ settingsFormat: 3, 'setting.theme': 'dark' })).toBeNull();
    expect(readSettings({ settingsFormat: 3, 'setting.theme': 'dark' }).settings.theme).toBe('dark');
  });

  it('reports each change of stored settings once, through one listener, and ignores other items', async () => {
    const seen = vi.fn();
    const stop = watchSettings((r) => seen(r.settings));
    await saveSettings({ theme: 'dark' });
    await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(1));
    expect(seen).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, theme: 'dark' });
    await writeSettings({ ...DEFAULT_SETTINGS, theme: 'dark', disabledTerms: V1_IDS });
    await vi.waitFor(() =>
      expect(seen).toHaveBeenLastCalledWith({ ...DEFAULT_SETTINGS, theme: 'dark', disabledTerms: V1_IDS }),
    );
    const calls = seen.mock.calls.length;
    await fakeBrowser.storage.sync.set({ myWords: { words: [] } });
    await fakeBrowser.storage.local.set({ 'setting.theme': 'light' });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveBeenCalledTimes(calls);
    stop();
    await saveSettings({ theme: 'light' });
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toHaveBeenCalledTimes(calls);
  });
});
