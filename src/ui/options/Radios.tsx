/** Groups of radio buttons: any list of choices, and the settings chosen from a short list. */
import type { Settings } from '../../core/settings.ts';
import type { Choice, ChoiceGroup, ChoiceSetting } from './labels.ts';
import type { Save } from './save.ts';

/** A group of radio buttons with a legend and an optional hint per choice. */
export function Radios<T extends string>(props: {
  name: string;
  legend: string;
  value: T;
  options: readonly Choice<T>[];
  onChange: (value: T) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset class="radios" disabled={props.disabled}>
      <legend>{props.legend}</legend>
      {props.options.map((o) => (
        <label key={o.value} class="switch">
          <input
            type="radio"
            name={props.name}
            value={o.value}
            checked={props.value === o.value}
            onChange={() => props.onChange(o.value)}
          />
          <span>
            {o.label}
            {o.hint && <span class="muted"> — {o.hint}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** A setting's radio group: shows its value, and saves the reader's choice. */
export function SettingRadios<K extends ChoiceSetting>(props: {
  group: ChoiceGroup<K>;
  settings: Settings;
  save: Save;
}) {
  const { field, legend, choices } = props.group;
  return (
    <Radios
      name={field}
      legend={legend}
      value={props.settings[field]}
      options={choices}
      onChange={(value) => void props.save({ [field]: value })}
    />
  );
}
