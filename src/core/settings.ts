/**
 * The reader's settings: schema, defaults, repair of bad stored values, and the
 * import/export file format. Pure: storage lives in src/platform/.
 *
 * Each field is validated on its own so that one corrupt value falls back to
 * its default without touching the others ("never loses the reader's
 * settings").
 */
import * as v from 'valibot';
import { ENTRY_ID_PATTERN, LEVELS } from './glossary-types.ts';
import { HOST_PATTERN } from './sites.ts';

export const HIGHLIGHT_STYLES = ['soft', 'underline', 'strong', 'high-contrast'] as const;
export const FONT_SIZES = ['small', 'medium', 'large', 'x-large'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;
export const TRIGGERS = ['hover', 'click'] as const;
export const OCCURRENCES = ['first', 'all'] as const;
export const SITE_MODES = ['everywhere', 'only-listed'] as const;

export const HOVER_DELAY_MIN = 0;
export const HOVER_DELAY_MAX = 2000;
/** Enough for every glossary id; bounds what a corrupt value can cost. */
const MAX_LIST = 2000;

const id = v.pipe(v.string(), v.maxLength(64), v.regex(ENTRY_ID_PATTERN));
const host = v.pipe(v.string(), v.regex(HOST_PATTERN), v.maxLength(253));

/** Item schemas of the list fields, used to keep the good items of a damaged list. */
const LIST_ITEMS: Partial<Record<string, v.GenericSchema<unknown, string>>> = {
  disabledTerms: id,
  disabledSites: host,
  enabledSites: host,
};

/** One schema per field; the object schema is derived from these. */
export const FIELD_SCHEMAS = {
  disabledTerms: v.pipe(v.array(id), v.maxLength(MAX_LIST)),
  /** The least specialised level highlighted: 'specialist' only, 'common' and up, or 'everyday' (everything). */
  termLevel: v.picklist(LEVELS),
  siteMode: v.picklist(SITE_MODES),
  disabledSites: v.pipe(v.array(host), v.maxLength(MAX_LIST)),
  enabledSites: v.pipe(v.array(host), v.maxLength(MAX_LIST)),
  highlightStyle: v.picklist(HIGHLIGHT_STYLES),
  fontSize: v.picklist(FONT_SIZES),
  theme: v.picklist(THEMES),
  trigger: v.picklist(TRIGGERS),
  hoverDelayMs: v.pipe(v.number(), v.integer(), v.minValue(HOVER_DELAY_MIN), v.maxValue(HOVER_DELAY_MAX)),
  occurrences: v.picklist(OCCURRENCES),
  contextRule: v.boolean(),
  showBadge: v.boolean(),
} as const;

export type SettingsKey = keyof typeof FIELD_SCHEMAS;
export type Settings = { [K in SettingsKey]: v.InferOutput<(typeof FIELD_SCHEMAS)[K]> };

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  disabledTerms: [],
  termLevel: 'common',
  siteMode: 'everywhere',
  disabledSites: [],
  enabledSites: [],
  highlightStyle: 'soft',
  fontSize: 'medium',
  theme: 'system',
  trigger: 'hover',
  hoverDelayMs: 300,
  occurrences: 'first',
  contextRule: true,
  showBadge: true,
});

export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];
export type FontSize = (typeof FONT_SIZES)[number];
export type Theme = (typeof THEMES)[number];

export const SETTINGS_KEYS = Object.keys(FIELD_SCHEMAS) as SettingsKey[];

/** Strict schema for a complete settings object (used for exports and tests). */
export const SettingsSchema = v.strictObject(FIELD_SCHEMAS);

export interface Repaired {
  settings: Settings;
  /** Fields whose stored value was unusable or partly unusable, with what was done. */
  problems: string[];
}

function freshDefault<K extends SettingsKey>(key: K): Settings[K] {
  const value = DEFAULT_SETTINGS[key];
  return (Array.isArray(value) ? [...value] : value) as Settings[K];
}

/**
 * Turns whatever is stored into valid settings: good fields are kept, bad
 * fields fall back to their defaults, bad items are dropped from lists, and
 * unknown fields are ignored. Never throws.
 */
export function repairSettings(raw: unknown): Repaired {
  const problems: string[] = [];
  const settings = {} as Record<SettingsKey, unknown>;
  const source: Record<string, unknown> =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  if (raw !== undefined && raw !== null && source !== raw) {
    problems.push('The stored settings were not an object; all defaults were used.');
  }
  for (const key of SETTINGS_KEYS) {
    const schema = FIELD_SCHEMAS[key];
    const value = Object.hasOwn(source, key) ? source[key] : undefined;
    if (value === undefined) {
      settings[key] = freshDefault(key);
    } else if (v.is(schema, value)) {
      settings[key] = Array.isArray(value) ? [...new Set(value)] : value;
    } else if (Array.isArray(value) && LIST_ITEMS[key]) {
      const item = LIST_ITEMS[key];
      const valid = value.filter((x) => v.is(item, x));
      settings[key] = [...new Set(valid)].slice(0, MAX_LIST);
      problems.push(`${key}: ${value.length - valid.length} unusable item(s) were dropped.`);
    } else {
      settings[key] = freshDefault(key);
      problems.push(`${key}: the stored value was not valid and was reset to its default.`);
    }
  }
  return { settings: settings as Settings, problems };
}

export const EXPORT_FORMAT = 'ms-lens-settings';
export const EXPORT_VERSION = 1;
/** Larger files are refused before parsing. */
export const MAX_IMPORT_BYTES = 256 * 1024;

/** Serialises settings for the export file. */
export function exportSettings(settings: Settings, now = new Date()): string {
  return `${JSON.stringify(
    { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), settings },
    null,
    2,
  )}\n`;
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; error: string };

const ImportFileSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  settings: v.custom<Record<string, unknown>>((x) => typeof x === 'object' && x !== null && !Array.isArray(x)),
});

/**
 * Reads an exported settings file. Anything malformed, foreign, from a newer
 * version or with an invalid field is refused with a message a reader can act
 * on; a refused import changes nothing.
 */
export function parseSettingsFile(text: string): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) {
    return { ok: false, error: 'This file is too large to be an MS Lens settings file.' };
  }
  if (text.trim() === '') return { ok: false, error: 'This file is empty.' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not valid JSON, so it cannot be an MS Lens settings file.' };
  }
  const file = v.safeParse(ImportFileSchema, data);
  if (!file.success) {
    return { ok: false, error: 'This is not an MS Lens settings file (it lacks the MS Lens format marker).' };
  }
  if (file.output.version > EXPORT_VERSION) {
    return {
      ok: false,
      error: `This file was made by a newer MS Lens (format ${file.output.version}); update MS Lens first.`,
    };
  }
  const raw = file.output.settings;
  const unknownKeys = Object.keys(raw).filter((k) => !(SETTINGS_KEYS as string[]).includes(k));
  const invalid = SETTINGS_KEYS.filter((k) => Object.hasOwn(raw, k) && !v.is(FIELD_SCHEMAS[k], raw[k]));
  if (invalid.length > 0 || unknownKeys.length > 0) {
    const names = [...invalid, ...unknownKeys].join(', ');
    return { ok: false, error: `Nothing was changed: these settings in the file are not valid: ${names}.` };
  }
  return { ok: true, settings: repairSettings(raw).settings };
}
