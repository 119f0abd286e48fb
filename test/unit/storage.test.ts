/**
 * Settings storage and the pattern cache, against WXT's in-memory fake
 * browser: corrupt or old stored values load with defaults for the bad fields
 * only, writes touch only what changed, and a new term selection gets its
 * regex cached before pages hear about it.
 */
import index, { pattern as fullPattern } from 'virtual:glossary-index';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { enabledIndex } from '../../src/core/glossary-index.ts';
import { buildPattern } from '../../src/core/matcher.ts';
import { DEFAULT_SETTINGS } from '../../src/core/settings.ts';
import { cachedPatternFor, selectionKey } from '../../src/platform/pattern-cache.ts';
import { getPageKey, loadSettings, saveSettings, writeSettings } from '../../src/platform/settings-store.ts';

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

  it('caches the regex for a new term selection before storing the selection', async () => {
    const disabled = ['axon', 'myokymia'];
    await writeSettings({ ...DEFAULT_SETTINGS, disabledTerms: disabled });
    const cached = await cachedPatternFor(new Set(disabled));
    expect(cached).toBe(buildPattern(enabledIndex(index, new Set(disabled))));
    expect(cached).not.toBe(fullPattern);
    expect(await cachedPatternFor(new Set(['axon']))).toBeNull();
    expect(await cachedPatternFor(new Set())).toBe(fullPattern);
    expect(selectionKey(['b', 'a'])).toBe(selectionKey(['a', 'b']));
  });

  it('makes one random page key per install and keeps it', async () => {
    const key = await getPageKey();
    expect(key).toMatch(/^[a-z][a-z0-9]{7}$/);
    expect(await getPageKey()).toBe(key);
    fakeBrowser.reset();
    expect(await getPageKey()).not.toBe(key);
  });
});
