/**
 * The options page: which terms to highlight, how they look, how the popover
 * behaves, where MS Lens runs, and settings backup. Every change is saved at
 * once and applies live in open tabs.
 */
import entries from 'virtual:glossary-entries';
import { useMemo, useRef, useState } from 'preact/hooks';
import { levelShown } from '../../core/glossary-index.ts';
import { CATEGORIES, CATEGORY_LABELS, type GlossaryEntry, type Level } from '../../core/glossary-types.ts';
import {
  DEFAULT_SETTINGS,
  exportSettings,
  FONT_SIZES,
  HOVER_DELAY_MAX,
  HOVER_DELAY_MIN,
  parseSettingsFile,
  type Settings,
} from '../../core/settings.ts';
import { normalizeSite } from '../../core/sites.ts';
import { writeSettings } from '../../platform/settings-store.ts';
import { openGlossaryPage } from '../../platform/tabs.ts';
import { useSettings, useThemeOn } from '../use-settings.ts';
import { AccessSection } from './AccessSection.tsx';

const FONT_LABELS: Record<(typeof FONT_SIZES)[number], string> = {
  small: 'Small',
  medium: 'Medium',
  large: 'Large',
  'x-large': 'Extra large',
};

type Save = (patch: Partial<Settings>) => Promise<void>;

/** The reader's choice of levels, from fewest highlights to most. */
const LEVEL_CHOICES: { level: Level; label: string; hint: string }[] = [
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

const LEVEL_NOTES: Record<Level, string> = {
  everyday: 'everyday word',
  common: 'common word',
  specialist: 'specialist word',
};

export function OptionsApp() {
  const { settings, problems, save, saveError } = useSettings();
  useThemeOn(document.documentElement, settings);
  const welcome = new URLSearchParams(location.search).has('welcome');
  if (!settings) return <p class="muted">Loading settings…</p>;
  return (
    <main class="options" aria-labelledby="options-title">
      <h1 id="options-title">MS Lens options</h1>
      {welcome && <Welcome />}
      <AccessSection welcome={welcome} />
      <p class="muted">Changes are saved as you make them and apply straight away in open tabs.</p>
      {problems.length > 0 && (
        <div class="error" role="status">
          <p>Some saved settings could not be read and were reset to their defaults; everything else was kept:</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {saveError && (
        <p class="error" role="alert">
          {saveError}
        </p>
      )}
      <TermsSection settings={settings} save={save} />
      <AppearanceSection settings={settings} save={save} />
      <BehaviourSection settings={settings} save={save} />
      <SitesSection settings={settings} save={save} />
      <BackupSection settings={settings} />
      <p>
        <button type="button" class="tc-button" onClick={() => openGlossaryPage()}>
          Open the A–Z glossary
        </button>
      </p>
    </main>
  );
}

function Welcome() {
  return (
    <section class="card welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Welcome to MS Lens</h2>
      <p>
        MS Lens quietly underlines words about multiple sclerosis on the pages you read. Rest the pointer on one, focus
        it with the Tab key, or tap it, to see a plain-language explanation.
      </p>
      <p>
        It works entirely inside your browser: it sends nothing anywhere, has no account and keeps no history. The
        explanations are general information, not medical advice.
      </p>
      <p>
        First, choose where it may read pages. Your browser will ask you to confirm. You can change this, and everything
        else below, at any time.
      </p>
    </section>
  );
}

function TermsSection({ settings, save }: { settings: Settings; save: Save }) {
  const [filter, setFilter] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const disabled = useMemo(() => new Set(settings.disabledTerms), [settings.disabledTerms]);
  const q = filter.trim().toLowerCase();
  const matches = (e: GlossaryEntry) =>
    !q || e.term.toLowerCase().includes(q) || e.aliases.some((a) => a.toLowerCase().includes(q));
  const setMany = (ids: string[], on: boolean) => {
    const next = new Set(disabled);
    for (const id of ids) {
      if (on) next.delete(id);
      else next.add(id);
    }
    void save({ disabledTerms: [...next].sort() });
  };
  const shownAtLevel = (e: GlossaryEntry) => levelShown(e.level, settings.termLevel);
  const enabledCount = entries.filter((e) => !disabled.has(e.id) && shownAtLevel(e)).length;
  const visible = entries.filter(matches);

  return (
    <section aria-labelledby="terms-title" class="card">
      <h2 id="terms-title">Terms to highlight</h2>
      <p aria-live="polite">
        {enabledCount} of {entries.length} terms are highlighted.
      </p>
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
      <div class="row">
        <label for="term-filter">Filter terms</label>
        <input
          id="term-filter"
          type="search"
          value={filter}
          onInput={(e) => setFilter((e.target as HTMLInputElement).value)}
        />
        <button
          type="button"
          class="tc-button"
          onClick={() =>
            setMany(
              visible.map((e) => e.id),
              true,
            )
          }
        >
          {q ? 'Select shown' : 'Select all'}
        </button>
        <button
          type="button"
          class="tc-button"
          onClick={() =>
            setMany(
              visible.map((e) => e.id),
              false,
            )
          }
        >
          {q ? 'Clear shown' : 'Select none'}
        </button>
      </div>
      {CATEGORIES.map((category) => {
        const inCategory = visible.filter((e) => e.category === category);
        if (inCategory.length === 0) return null;
        const on = inCategory.filter((e) => !disabled.has(e.id)).length;
        return (
          <fieldset key={category} class="category">
            <legend>
              <label class="switch">
                <input
                  type="checkbox"
                  checked={on === inCategory.length}
                  ref={(el) => {
                    if (el) el.indeterminate = on > 0 && on < inCategory.length;
                  }}
                  onChange={(e) =>
                    setMany(
                      inCategory.map((x) => x.id),
                      (e.target as HTMLInputElement).checked,
                    )
                  }
                />
                <span>
                  {CATEGORY_LABELS[category]} ({on}/{inCategory.length})
                </span>
              </label>
            </legend>
            <ul class="term-list">
              {inCategory.map((e) => (
                <li key={e.id}>
                  <label class="switch">
                    <input
                      type="checkbox"
                      data-term={e.id}
                      checked={!disabled.has(e.id)}
                      onChange={(ev) => setMany([e.id], (ev.target as HTMLInputElement).checked)}
                    />
                    <span>
                      {e.term}
                      {!shownAtLevel(e) && (
                        <span class="hint"> ({LEVEL_NOTES[e.level]}: not highlighted at your choice above)</span>
                      )}
                    </span>
                  </label>
                  <button
                    type="button"
                    class="tc-button small"
                    aria-expanded={shown === e.id}
                    aria-controls={`sum-${e.id}`}
                    aria-label={`What is ${e.term}?`}
                    onClick={() => setShown(shown === e.id ? null : e.id)}
                  >
                    ?
                  </button>
                  <p id={`sum-${e.id}`} class="term-summary" hidden={shown !== e.id}>
                    {e.summary}
                  </p>
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
      {visible.length === 0 && <p>No term matches “{filter}”.</p>}
    </section>
  );
}

function Radios<T extends string>(props: {
  name: string;
  legend: string;
  value: T;
  options: readonly { value: T; label: string; hint?: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset class="radios">
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

function AppearanceSection({ settings, save }: { settings: Settings; save: Save }) {
  return (
    <section aria-labelledby="look-title" class="card">
      <h2 id="look-title">Appearance</h2>
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
      <p class="preview" aria-hidden="true">
        Preview: people with MS may feel <span class={`preview-mark preview-${settings.highlightStyle}`}>myokymia</span>{' '}
        in the face.
      </p>
      <div class="row">
        <label for="font-size">Text size in the popover</label>
        <select
          id="font-size"
          value={settings.fontSize}
          onChange={(e) => void save({ fontSize: (e.target as HTMLSelectElement).value as Settings['fontSize'] })}
        >
          {FONT_SIZES.map((f) => (
            <option key={f} value={f}>
              {FONT_LABELS[f]}
            </option>
          ))}
        </select>
      </div>
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

function BehaviourSection({ settings, save }: { settings: Settings; save: Save }) {
  return (
    <section aria-labelledby="behaviour-title" class="card">
      <h2 id="behaviour-title">Behaviour</h2>
      <Radios
        name="trigger"
        legend="Show a definition when I…"
        value={settings.trigger}
        options={[
          { value: 'hover', label: 'Rest the pointer on a term', hint: 'or focus it with the keyboard' },
          { value: 'click', label: 'Click or tap a term' },
        ]}
        onChange={(trigger) => void save({ trigger })}
      />
      <div class="row">
        <label for="hover-delay">Hover delay (milliseconds)</label>
        <input
          id="hover-delay"
          type="number"
          min={HOVER_DELAY_MIN}
          max={HOVER_DELAY_MAX}
          step={50}
          value={settings.hoverDelayMs}
          disabled={settings.trigger !== 'hover'}
          onChange={(e) => {
            const n = Math.round(Number((e.target as HTMLInputElement).value));
            if (Number.isFinite(n)) {
              void save({ hoverDelayMs: Math.min(HOVER_DELAY_MAX, Math.max(HOVER_DELAY_MIN, n)) });
            }
          }}
        />
      </div>
      <Radios
        name="occurrences"
        legend="Highlight"
        value={settings.occurrences}
        options={[
          { value: 'first', label: 'The first time each term appears on a page' },
          { value: 'all', label: 'Every time a term appears' },
        ]}
        onChange={(occurrences) => void save({ occurrences })}
      />
      <label class="switch">
        <input
          type="checkbox"
          checked={settings.contextRule}
          onChange={(e) => void save({ contextRule: (e.target as HTMLInputElement).checked })}
        />
        <span>Only highlight everyday words such as “relapse” or “plaque” on pages that are clearly about MS</span>
      </label>
      <label class="switch">
        <input
          type="checkbox"
          checked={settings.showBadge}
          onChange={(e) => void save({ showBadge: (e.target as HTMLInputElement).checked })}
        />
        <span>Show the number of terms on the toolbar button</span>
      </label>
    </section>
  );
}

function SitesSection({ settings, save }: { settings: Settings; save: Save }) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const onlyListed = settings.siteMode === 'only-listed';
  const key = onlyListed ? 'enabledSites' : 'disabledSites';
  const list = settings[key];
  const add = (e: Event) => {
    e.preventDefault();
    const site = normalizeSite(input);
    if (!site) {
      setError(`“${input}” is not a web address or site name, such as example.org.`);
      return;
    }
    setError(null);
    setInput('');
    if (!list.includes(site)) void save({ [key]: [...list, site].sort() });
  };
  return (
    <section aria-labelledby="sites-title" class="card">
      <h2 id="sites-title">Sites</h2>
      <Radios
        name="siteMode"
        legend="Where MS Lens highlights terms"
        value={settings.siteMode}
        options={[
          { value: 'everywhere', label: 'On every site, except the ones listed below' },
          { value: 'only-listed', label: 'Only on the sites listed below' },
        ]}
        onChange={(siteMode) => void save({ siteMode })}
      />
      <p class="muted">A site also covers its subdomains: “example.org” includes “forum.example.org”.</p>
      <form class="row" onSubmit={add}>
        <label for="site-input">{onlyListed ? 'Add a site to highlight on' : 'Add a site to leave alone'}</label>
        <input
          id="site-input"
          type="text"
          inputMode="url"
          autoComplete="off"
          value={input}
          aria-describedby={error ? 'site-error' : undefined}
          aria-invalid={error ? true : undefined}
          onInput={(e) => setInput((e.target as HTMLInputElement).value)}
        />
        <button type="submit" class="tc-button">
          Add
        </button>
      </form>
      {error && (
        <p id="site-error" class="error" role="alert">
          {error}
        </p>
      )}
      {list.length === 0 ? (
        <p class="muted">{onlyListed ? 'No sites yet, so MS Lens highlights nowhere.' : 'No sites are excluded.'}</p>
      ) : (
        <ul class="site-list" aria-label={onlyListed ? 'Sites where MS Lens highlights' : 'Sites MS Lens leaves alone'}>
          {list.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button
                type="button"
                class="tc-button small"
                aria-label={`Remove ${site}`}
                onClick={() => void save({ [key]: list.filter((s) => s !== site) })}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function BackupSection({ settings }: { settings: Settings }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const exportFile = () => {
    const blob = new Blob([exportSettings(settings)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'ms-lens-settings.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setMessage({ ok: true, text: 'Settings exported as ms-lens-settings.json.' });
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text().catch(() => null);
    const result =
      text === null ? { ok: false as const, error: 'The file could not be read.' } : parseSettingsFile(text);
    if (!result.ok) {
      setMessage({ ok: false, text: result.error });
      return;
    }
    try {
      await writeSettings(result.settings);
      setMessage({ ok: true, text: 'Settings imported.' });
    } catch (err) {
      setMessage({ ok: false, text: `The settings could not be saved: ${String(err)}` });
    }
  };

  const reset = async () => {
    setConfirming(false);
    await writeSettings(structuredClone(DEFAULT_SETTINGS) as Settings);
    setMessage({ ok: true, text: 'All settings are back to their defaults.' });
  };

  return (
    <section aria-labelledby="backup-title" class="card">
      <h2 id="backup-title">Back up and reset</h2>
      <div class="row">
        <button type="button" class="tc-button" onClick={exportFile}>
          Export settings
        </button>
        <label class="tc-button file-button">
          Import settings…
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            class="visually-hidden"
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              void importFile(input.files?.[0]).finally(() => {
                input.value = '';
              });
            }}
          />
        </label>
        {!confirming && (
          <button type="button" class="tc-button" onClick={() => setConfirming(true)}>
            Reset to defaults…
          </button>
        )}
      </div>
      {confirming && (
        <fieldset class="confirm">
          <legend>Reset every setting, including your term and site choices?</legend>
          <button type="button" class="tc-button danger" onClick={() => void reset()}>
            Yes, reset everything
          </button>
          <button type="button" class="tc-button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </fieldset>
      )}
      {message && (
        <p class={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
