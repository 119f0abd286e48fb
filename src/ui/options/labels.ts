/** Words the options page shows for settings' values. */
import type { Level } from '../../core/glossary-types.ts';
import type { HoverDelayChoice } from '../../core/hover-delay.ts';
import { FONT_SIZES, type Settings } from '../../core/settings.ts';

export const FONT_LABELS: Record<(typeof FONT_SIZES)[number], string> = {
  small: 'Small',
  medium: 'Medium (recommended)',
  large: 'Large',
  'x-large': 'Extra large',
};

export const DELAY_LABELS: Record<HoverDelayChoice, { label: string; hint: string }> = {
  short: { label: 'Short', hint: 'opens almost at once' },
  medium: { label: 'Medium (recommended)', hint: 'about a third of a second' },
  long: { label: 'Long', hint: 'wait a little, so a passing pointer opens nothing' },
};

/** The reader's choice of levels, from fewest highlights to most. */
export const LEVEL_CHOICES: { level: Level; label: string; hint: string }[] = [
  {
    level: 'specialist',
    label: 'Specialist words only',
    hint: 'Clinical and scientific words, such as myokymia or oligoclonal bands.',
  },
  {
    level: 'common',
    label: 'Common and specialist words (recommended)',
    hint: 'Also words often met when reading about MS, such as relapse, MRI or spasticity.',
  },
  {
    level: 'everyday',
    label: 'Every word in the glossary',
    hint: 'Also everyday words such as brain, vaccine or wheelchair.',
  },
];

export const LEVEL_NOTES: Record<Level, string> = {
  everyday: 'everyday word',
  common: 'common word',
  specialist: 'specialist word',
};

/** What the options page says when a site it was given is not one. */
export const notASite = (input: string) => `“${input}” is not a web address or site name, such as example.org.`;

/** One choice in a group of radio buttons. */
export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

/** The settings chosen from a short list, each shown as a group of radio buttons. */
export type ChoiceSetting = 'fontSize' | 'trigger' | 'highlightStyle' | 'theme' | 'occurrences' | 'siteMode';

/** A setting's radio group: its legend and its choices in the order shown. */
export interface ChoiceGroup<K extends ChoiceSetting> {
  field: K;
  legend: string;
  choices: readonly Choice<Settings[K]>[];
}

export const FONT_GROUP: ChoiceGroup<'fontSize'> = {
  field: 'fontSize',
  legend: 'Text size, on every MS Lens page and in explanations',
  choices: FONT_SIZES.map((f) => ({ value: f, label: FONT_LABELS[f] })),
};

export const TRIGGER_GROUP: ChoiceGroup<'trigger'> = {
  field: 'trigger',
  legend: 'Show an explanation when I…',
  choices: [
    { value: 'hover', label: 'Rest the pointer on a term', hint: 'or focus it with the keyboard' },
    { value: 'click', label: 'Click or tap a term', hint: 'best if your hand shakes' },
  ],
};

export const HIGHLIGHT_GROUP: ChoiceGroup<'highlightStyle'> = {
  field: 'highlightStyle',
  legend: 'Highlight style',
  choices: [
    { value: 'soft', label: 'Soft', hint: 'light tint and dotted underline' },
    { value: 'underline', label: 'Underline only', hint: 'dotted underline, no tint' },
    { value: 'strong', label: 'Strong', hint: 'deeper tint and solid underline' },
    { value: 'high-contrast', label: 'High contrast', hint: 'black on yellow, thick underline' },
  ],
};

export const THEME_GROUP: ChoiceGroup<'theme'> = {
  field: 'theme',
  legend: 'Colours',
  choices: [
    { value: 'system', label: 'Match my system' },
    { value: 'light', label: 'Light' },
    { value: 'dark', label: 'Dark' },
  ],
};

export const OCCURRENCE_GROUP: ChoiceGroup<'occurrences'> = {
  field: 'occurrences',
  legend: 'Highlight',
  choices: [
    { value: 'first', label: 'The first time each term appears on a page' },
    { value: 'all', label: 'Every time a term appears' },
  ],
};

export const SITE_MODE_GROUP: ChoiceGroup<'siteMode'> = {
  field: 'siteMode',
  legend: 'Where MS Lens highlights terms',
  choices: [
    { value: 'everywhere', label: 'On every site, except the ones listed below' },
    { value: 'only-listed', label: 'Only on the sites listed below' },
  ],
};
