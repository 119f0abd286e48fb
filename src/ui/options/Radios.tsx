/** A group of radio buttons with a legend and an optional hint per choice. */
export function Radios<T extends string>(props: {
  name: string;
  legend: string;
  value: T;
  options: readonly { value: T; label: string; hint?: string }[];
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

/** The first screen: the few choices that change the most. */
