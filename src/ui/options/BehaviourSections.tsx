/** The second screen of the options page: behaviour, where MS Lens may read, sites to leave alone, and backup. */
import { useState } from 'preact/hooks';
import { HOVER_DELAY_CHOICES, HOVER_DELAY_MS, hoverDelayChoice } from '../../core/hover-delay.ts';
import { DEFAULT_SETTINGS, exportSettings, parseSettingsFile, type Settings } from '../../core/settings.ts';
import { normalizeSite } from '../../core/sites.ts';
import { writeSettings } from '../../platform/settings-store.ts';
import { DELAY_LABELS, notASite, OCCURRENCE_GROUP, SITE_MODE_GROUP } from './labels.ts';
import { Radios, SettingRadios } from './Radios.tsx';
import type { Save } from './save.ts';

export function BehaviourSection({ settings, save }: { settings: Settings; save: Save }) {
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
      <SettingRadios group={OCCURRENCE_GROUP} settings={settings} save={save} />
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

export function SitesSection({ settings, save }: { settings: Settings; save: Save }) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const onlyListed = settings.siteMode === 'only-listed';
  const key = onlyListed ? 'enabledSites' : 'disabledSites';
  const list = settings[key];
  const add = (e: Event) => {
    e.preventDefault();
    const site = normalizeSite(input);
    if (!site) {
      setError(notASite(input));
      return;
    }
    setError(null);
    setInput('');
    if (!list.includes(site)) void save({ [key]: [...list, site].sort() });
  };
  return (
    <div class="card">
      <h3 id="sites-title">Sites</h3>
      <SettingRadios group={SITE_MODE_GROUP} settings={settings} save={save} />
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

export function BackupSection({ settings }: { settings: Settings }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);

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
