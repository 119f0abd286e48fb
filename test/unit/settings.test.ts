import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  EXPORT_FORMAT,
  exportSettings,
  MAX_IMPORT_BYTES,
  parseSettingsFile,
  repairSettings,
  type Settings,
  SettingsSchema,
} from '../../src/core/settings.ts';

const custom: Settings = {
  ...DEFAULT_SETTINGS,
  disabledTerms: ['myokymia', 'phenytoin'],
  disabledSites: ['example.org'],
  highlightStyle: 'high-contrast',
  fontSize: 'x-large',
  theme: 'dark',
  hoverDelayMs: 700,
  occurrences: 'all',
  contextRule: false,
};

describe('defaults', () => {
  it('are a valid, complete settings object', () => {
    expect(v.is(SettingsSchema, DEFAULT_SETTINGS)).toBe(true);
    expect(DEFAULT_SETTINGS.occurrences).toBe('first');
    expect(DEFAULT_SETTINGS.hoverDelayMs).toBe(300);
  });
});

describe('repairSettings', () => {
  it('keeps valid settings as they are', () => {
    expect(repairSettings(custom)).toEqual({ settings: custom, problems: [] });
  });

  it('fills missing fields with defaults without reporting them', () => {
    expect(repairSettings({ theme: 'dark' })).toEqual({
      settings: { ...DEFAULT_SETTINGS, theme: 'dark' },
      problems: [],
    });
    expect(repairSettings(undefined).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('resets only the corrupt field and reports it', () => {
    const { settings, problems } = repairSettings({ ...custom, theme: 'purple', hoverDelayMs: -5 });
    expect(settings).toEqual({ ...custom, theme: 'system', hoverDelayMs: 300 });
    expect(problems).toHaveLength(2);
    expect(problems.join(' ')).toMatch(/theme/);
  });

  it('keeps the good items of a damaged list', () => {
    const { settings, problems } = repairSettings({ disabledTerms: ['myokymia', 42, 'BAD ID', 'myokymia', 'axon'] });
    expect(settings.disabledTerms).toEqual(['myokymia', 'axon']);
    expect(problems[0]).toMatch(/disabledTerms: 2 unusable/);
  });

  it('survives values that are not objects', () => {
    for (const raw of [null, 7, 'x', [1, 2], true]) {
      const { settings } = repairSettings(raw);
      expect(settings).toEqual(DEFAULT_SETTINGS);
    }
    expect(repairSettings('garbage').problems[0]).toMatch(/not an object/);
  });

  it('never throws and always returns valid settings, keeping every valid field (property test)', () => {
    const field = fc.constantFrom(...(Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]));
    fc.assert(
      fc.property(fc.anything(), fc.dictionary(field, fc.anything()), (junk, fields) => {
        for (const raw of [junk, { ...custom, ...fields }]) {
          const { settings } = repairSettings(raw);
          expect(v.is(SettingsSchema, settings)).toBe(true);
        }
        const { settings } = repairSettings({ ...custom, ...fields });
        for (const key of Object.keys(custom) as (keyof Settings)[]) {
          if (!(key in fields)) expect(settings[key]).toEqual(custom[key]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('settings files', () => {
  it('round-trips through export and import', () => {
    const text = exportSettings(custom, new Date('2026-01-02T03:04:05Z'));
    expect(JSON.parse(text)).toMatchObject({
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(parseSettingsFile(text)).toEqual({ ok: true, settings: custom });
  });

  it('fills fields a partial file leaves out', () => {
    const text = JSON.stringify({ format: EXPORT_FORMAT, version: 1, settings: { theme: 'light' } });
    expect(parseSettingsFile(text)).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, theme: 'light' } });
  });

  it.each([
    ['empty', '', /empty/],
    ['whitespace', '  \n ', /empty/],
    ['not JSON', '{"format": ', /not valid JSON/],
    ['a JSON array', '[1,2,3]', /not an MS Lens settings file/],
    ['a foreign JSON file', '{"name": "my-app", "version": "1.0.0"}', /not an MS Lens settings file/],
    ['wrong format marker', JSON.stringify({ format: 'other', version: 1, settings: {} }), /not an MS Lens/],
    ['settings not an object', JSON.stringify({ format: EXPORT_FORMAT, version: 1, settings: [1] }), /not an MS Lens/],
    ['a newer format', JSON.stringify({ format: EXPORT_FORMAT, version: 99, settings: {} }), /newer MS Lens/],
    [
      'wrong types',
      JSON.stringify({ format: EXPORT_FORMAT, version: 1, settings: { theme: 3, hoverDelayMs: 'slow' } }),
      /not valid: theme, hoverDelayMs/,
    ],
    [
      'unknown fields',
      JSON.stringify({ format: EXPORT_FORMAT, version: 1, settings: { sparkles: true } }),
      /not valid: sparkles/,
    ],
    ['huge', `{"format":"${EXPORT_FORMAT}","pad":"${'x'.repeat(MAX_IMPORT_BYTES)}"}`, /too large/],
  ])('refuses %s with a clear message', (_name, text, message) => {
    const result = parseSettingsFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('never throws on arbitrary text (property test)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.anything().map((x) => JSON.stringify(x) ?? ''),
        ),
        (text) => {
          const result = parseSettingsFile(text);
          if (result.ok) expect(v.is(SettingsSchema, result.settings)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
