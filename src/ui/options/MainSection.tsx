/** The first screen of the options page: which words, text size, hover or click, highlight style and colours. */
import type { Level } from '../../core/glossary-types.ts';
import type { HoverDelayChoice } from '../../core/hover-delay.ts';
import { FONT_SIZES, type Settings } from '../../core/settings.ts';
import { HighlightPreview } from './HighlightPreview.tsx';
import { FONT_LABELS, LEVEL_CHOICES } from './labels.ts';
import { Radios } from './Radios.tsx';
import type { Save } from './save.ts';

const _DELAY_LABELS: Record<HoverDelayChoice, { label: string; hint: string }> = {
  short: { label: 'Short', hint: 'opens almost at once' },
  medium: { label: 'Medium (recommended)', hint: 'about a third of a second' },
  long: { label: 'Long', hint: 'wait a little, so a passing pointer opens nothing' },
};

const _LEVEL_NOTES: Record<Level, string> = {
  everyday: 'everyday word',
  common: 'common word',
  specialist: 'specialist word',
};

export function MainSection({ settings, save }: { settings: Settings; save: Save }) {
  return (
    <section id="main" aria-labelledby="main-title" class="card screen" tabIndex={-1}>
      <h2 id="main-title">Main choices</h2>
      <fieldset class="level-choice">
        <legend>Which words to highlight</legend>
        {LEVEL_CHOICES.map((choice) => (
          <label key={choice.level} class="choice">
            <input
              type="radio"
              name="term-level"
              value={choice.level}
              checked={settings.termLevel === choice.level}
              aria-describedby={`level-hint-${choice.level}`}
              onChange={() => void save({ termLevel: choice.level })}
            />
            <span>
              {choice.label}
              <span id={`level-hint-${choice.level}`} class="hint">
                {choice.hint}
              </span>
            </span>
          </label>
        ))}
        <p class="muted">Every word can still be looked up in the popup, the A–Z glossary and “Explain selection”.</p>
      </fieldset>
      <Radios
        name="fontSize"
        legend="Text size, on every MS Lens page and in explanations"
        value={settings.fontSize}
        options={FONT_SIZES.map((f) => ({ value: f, label: FONT_LABELS[f] }))}
        onChange={(fontSize) => void save({ fontSize })}
      />
      <Radios
        name="trigger"
        legend="Show an explanation when I…"
        value={settings.trigger}
        options={[
          { value: 'hover', label: 'Rest the pointer on a term', hint: 'or focus it with the keyboard' },
          { value: 'click', label: 'Click or tap a term', hint: 'best if your hand shakes' },
        ]}
        onChange={(trigger) => void save({ trigger })}
      />
      <Radios
        name="highlightStyle"
        legend="Highlight style"
        value={settings.highlightStyle}
        options={[
          { value: 'soft', label: 'Soft', hint: 'light tint and dotted underline' },
          { value: 'underline', label: 'Underline only', hint: 'dotted underline, no tint' },
          { value: 'strong', label: 'Strong', hint: 'deeper tint and solid underline' },
          { value: 'high-contrast', label: 'High contrast', hint: 'black on yellow, thick underline' },
        ]}
        onChange={(highlightStyle) => void save({ highlightStyle })}
      />
      <HighlightPreview style={settings.highlightStyle} />
      <Radios
        name="theme"
        legend="Colours"
        value={settings.theme}
        options={[
          { value: 'system', label: 'Match my system' },
          { value: 'light', label: 'Light' },
          { value: 'dark', label: 'Dark' },
        ]}
        onChange={(theme) => void save({ theme })}
      />
    </section>
  );
}
