/** Preact hook: the current settings, live, and a way to change them. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Settings } from '../core/settings.ts';
import { loadSettings, saveSettings, watchSettings } from '../platform/settings-store.ts';

export interface SettingsState {
  settings: Settings | null;
  /** Problems found in stored settings (shown by the options page). */
  problems: string[];
  save: (patch: Partial<Settings>) => Promise<void>;
  /** Last error from saving, e.g. a storage quota. */
  saveError: string | null;
}

export function useSettings(): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [saveError, setSaveError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void loadSettings().then((r) => {
      if (!live) return;
      setSettings(r.settings);
      setProblems(r.problems);
    });
    const unwatch = watchSettings((r) => live && setSettings(r.settings));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  const save = useCallback(async (patch: Partial<Settings>) => {
    setSettings((s) => (s ? { ...s, ...patch } : s));
    try {
      await saveSettings(patch);
      setSaveError(null);
    } catch (err) {
      setSaveError(`Your change could not be saved: ${String(err)}`);
    }
  }, []);
  return { settings, problems, save, saveError };
}

/** Applies theme and font size to the page root. */
export function useThemeOn(root: HTMLElement, settings: Settings | null): void {
  useEffect(() => {
    root.classList.add('ms-theme');
    root.dataset.theme = settings?.theme ?? 'system';
    root.dataset.font = settings?.fontSize ?? 'medium';
  }, [root, settings?.theme, settings?.fontSize]);
}
