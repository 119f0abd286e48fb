/**
 * The hover delay as readers choose it: short, medium or long,
 * stored as milliseconds in `hoverDelayMs` as before, so older settings,
 * exports and other installs keep working. Any stored number, however it got
 * there, reads as the nearest choice; anything else reads as medium.
 */
import { DEFAULT_SETTINGS } from './settings.ts';

export const HOVER_DELAY_CHOICES = ['short', 'medium', 'long'] as const;
export type HoverDelayChoice = (typeof HOVER_DELAY_CHOICES)[number];

/** Milliseconds saved for each choice; medium is the default setting. */
export const HOVER_DELAY_MS: Readonly<Record<HoverDelayChoice, number>> = Object.freeze({
  short: 150,
  medium: DEFAULT_SETTINGS.hoverDelayMs,
  long: 700,
});

/** The choice a stored delay belongs to: the nearest one, with ties going to the longer delay. */
export function hoverDelayChoice(ms: unknown): HoverDelayChoice {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return 'medium';
  let best: HoverDelayChoice = 'medium';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const choice of HOVER_DELAY_CHOICES) {
    const distance = Math.abs(HOVER_DELAY_MS[choice] - ms);
    if (distance <= bestDistance) {
      best = choice;
      bestDistance = distance;
    }
  }
  return best;
}
