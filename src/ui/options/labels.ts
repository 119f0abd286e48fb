/** Words the options page shows for settings' values. */
import type { Level } from '../../core/glossary-types.ts';
import type { HoverDelayChoice } from '../../core/hover-delay.ts';
import type { FONT_SIZES } from '../../core/settings.ts';

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
