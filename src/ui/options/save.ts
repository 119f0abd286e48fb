import type { Settings } from '../../core/settings.ts';

/** Saves a change to the settings (it applies live in open tabs). */
export type Save = (patch: Partial<Settings>) => Promise<void>;
