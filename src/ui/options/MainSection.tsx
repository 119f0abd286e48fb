/** The first screen of the options page: which words, text size, hover or click, highlight style and colours. */
import type { Settings } from '../../core/settings.ts';
import { HighlightPreview } from './HighlightPreview.tsx';
import { FONT_GROUP, HIGHLIGHT_GROUP, LEVEL_CHOICES, THEME_GROUP, TRIGGER_GROUP } from './labels.ts';
import { SettingRadios } from './Radios.tsx';
import type { Save } from './save.ts';

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
      <SettingRadios group={FONT_GROUP} settings={settings} save={save} />
      <SettingRadios group={TRIGGER_GROUP} settings={settings} save={save} />
      <SettingRadios group={HIGHLIGHT_GROUP} settings={settings} save={save} />
      <HighlightPreview style={settings.highlightStyle} />
      <SettingRadios group={THEME_GROUP} settings={settings} save={save} />
    </section>
  );
}
