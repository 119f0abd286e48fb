/**
 * The options page, in three screens (issue 14): the main choices (which
 * words, text size, hover or click, contrast); then behaviour, where MS Lens
 * may read, sites and backup; then the term list, collapsed by category. Every
 * change is saved at once and applies live in open tabs.
 */
import entries from 'virtual:glossary-entries';
import { useMemo, useRef, useState } from 'preact/hooks';
import { levelShown } from '../../core/glossary-index.ts';
import { CATEGORIES, CATEGORY_LABELS, type GlossaryEntry, type Level } from '../../core/glossary-types.ts';
import {
  HOVER_DELAY_CHOICES,
  HOVER_DELAY_MS,
  type HoverDelayChoice,
  hoverDelayChoice,
} from '../../core/hover-delay.ts';
import { DEFAULT_SETTINGS, exportSettings, FONT_SIZES, parseSettingsFile, type Settings } from '../../core/settings.ts';
import { normalizeSite } from '../../core/sites.ts';
import { writeSettings } from '../../platform/settings-store.ts';
import { openGlossaryPage } from '../../platform/tabs.ts';
import { useSettings, useThemeOn } from '../use-settings.ts';
import { AccessSection } from './AccessSection.tsx';

const FONT_LABELS: Record<(typeof FONT_SIZES)[number], string> = {
  small: 'Small',
  medium: 'Medium (recommended)',
  large: 'Large',
  'x-large': 'Extra large',
};

const DELAY_LABELS: Record<HoverDelayChoice, { label: string; hint: string }> = {
  short: { label: 'Short', hint: 'opens almost at once' },
  medium: { label: 'Medium (recommended)', hint: 'about a third of a second' },
  long: { label: 'Long', hint: 'wait a little, so a passing pointer opens nothing' },
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
  if (!settings) return <p class="muted">Loading settings…</p>;
  return (
    <main class="options" aria-labelledby="options-title">
      <h1 id="options-title">MS Lens options</h1>
      <nav aria-label="Parts of this page" class="jump">
        <ul>
          <li>
            <a href="#main">Main choices</a>
          </li>
          <li>
            <a href="#more">Behaviour and sites</a>
            <ul class="jump-sub">
              <li>
                <a href="#behaviour-title">Behaviour</a>
              </li>
              <li>
                <a href="#access-title">Where MS Lens may read</a>
              </li>
              <li>
                <a href="#sites-title">Sites</a>
              </li>
              <li>
                <a href="#backup-title">Back up and reset</a>
              </li>
            </ul>
          </li>
          <li>
            <a href="#terms">Terms to highlight</a>
          </li>
        </ul>
      </nav>
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
      <MainSection settings={settings} save={save} />
      <section id="more" class="screen" aria-labelledby="more-title" tabIndex={-1}>
        <h2 id="more-title" class="screen-title">
          Behaviour and sites
        </h2>
        <BehaviourSection settings={settings} save={save} />
        <AccessSection welcome={false} level={3} />
        <SitesSection settings={settings} save={save} />
        <BackupSection settings={settings} />
      </section>
      <TermsSection settings={settings} save={save} />
      <p>
        <button type="button" class="tc-button" onClick={() => openGlossaryPage()}>
          Open the A–Z glossary
        </button>
      </p>
    </main>
  );
}

function TermsSection({ settings, save }: { settings: Settings; save: Save }) {
  const [filter, setFilter] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  /** The term list before the last change to many terms at once, so it can be undone. */
  const [undo, setUndo] = useState<{ message: string; before: string[] } | null>(null);
  const [undone, setUndone] = useState(false);
  const disabled = useMemo(() => new Set(settings.disabledTerms), [settings.disabledTerms]);
  const q = filter.trim().toLowerCase();
  const matches = (e: GlossaryEntry) =>
    !q || e.term.toLowerCase().includes(q) || e.aliases.some((a) => a.toLowerCase().includes(q));
  const setMany = (ids: string[], on: boolean, undoMessage?: string) => {
    const next = new Set(disabled);
    for (const id of ids) {
      if (on) next.delete(id);
      else next.add(id);
    }
    if (undoMessage) {
      setUndo({ message: undoMessage, before: [...settings.disabledTerms] });
      setUndone(false);
    }
    void save({ disabledTerms: [...next].sort() });
  };
  const undoLast = () => {
    if (!undo) return;
    void save({ disabledTerms: undo.before });
    setUndo(null);
    setUndone(true);
  };
  const shownAtLevel = (e: GlossaryEntry) => levelShown(e.level, settings.termLevel);
  const enabledCount = entries.filter((e) => !disabled.has(e.id) && shownAtLevel(e)).length;
  const visible = entries.filter(matches);
  const ids = visible.map((e) => e.id);

  return (
    <section id="terms" aria-labelledby="terms-title" class="card screen" tabIndex={-1}>
      <h2 id="terms-title">Terms to highlight</h2>
      <p aria-live="polite">
        {enabledCount} of {entries.length} terms are highlighted.
      </p>
      <p class="muted">
        Which words in general is a main choice, at the top. Here you can turn single terms, or a whole group, on or
        off.
      </p>
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
          onClick={() => setMany(ids, true, q ? `The ${ids.length} terms shown are on.` : 'All terms are on.')}
        >
          {q ? 'Select shown' : 'Select all'}
        </button>
        <button
          type="button"
          class="tc-button"
          onClick={() => setMany(ids, false, q ? `The ${ids.length} terms shown are off.` : 'All terms are off.')}
        >
          {q ? 'Clear shown' : 'Select none'}
        </button>
      </div>
      <div role="status" class="undo-status">
        {undo && (
          <p class="ok undo">
            <span>{undo.message}</span>{' '}
            <button type="button" class="tc-button small" onClick={undoLast}>
              Undo
            </button>
          </p>
        )}
        {undone && <p class="ok">Your earlier choice of terms is back.</p>}
      </div>
      {CATEGORIES.map((category) => {
        const inCategory = visible.filter((e) => e.category === category);
        if (inCategory.length === 0) return null;
        const on = inCategory.filter((e) => !disabled.has(e.id)).length;
        const label = CATEGORY_LABELS[category];
        return (
          <details key={category} class="category" data-category={category} open={q !== ''}>
            <summary>
              <span class="category-name">{label}</span>{' '}
              <span class="count">
                ({on} of {inCategory.length} on)
              </span>
            </summary>
            <label class="switch">
              <input
                type="checkbox"
                checked={on === inCategory.length}
                ref={(el) => {
                  if (el) el.indeterminate = on > 0 && on < inCategory.length;
                }}
                onChange={(e) => {
                  const checked = (e.target as HTMLInputElement).checked;
                  setMany(
                    inCategory.map((x) => x.id),
                    checked,
                    `${label}: ${checked ? 'all on' : 'all off'}.`,
                  );
                }}
              />
              <span>Every term in “{label}”</span>
            </label>
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
                        <span class="hint"> ({LEVEL_NOTES[e.level]}: not highlighted at your main choice)</span>
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
          </details>
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
function MainSection({ settings, save }: { settings: Settings; save: Save }) {
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
      <p class="preview" aria-hidden="true">
        Preview: people with MS may feel <span class={`preview-mark preview-${settings.highlightStyle}`}>myokymia</span>{' '}
        in the face.
      </p>
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
    <div class="card">
      <h3 id="behaviour-title">Behaviour</h3>
      <Radios
        name="hoverDelay"
        legend="Wait before showing an explanation on hover"
        value={hoverDelayChoice(settings.hoverDelayMs)}
        disabled={settings.trigger !== 'hover'}
        options={HOVER_DELAY_CHOICES.map((c) => ({ value: c, ...DELAY_LABELS[c] }))}
        onChange={(c) => void save({ hoverDelayMs: HOVER_DELAY_MS[c] })}
      />
      {settings.trigger !== 'hover' && (
        <p class="muted">You chose click or tap in the main choices, so there is no wait.</p>
      )}
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
    </div>
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
    <div class="card">
      <h3 id="sites-title">Sites</h3>
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
    </div>
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
    <div class="card">
      <h3 id="backup-title">Back up and reset</h3>
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
    </div>
  );
}
