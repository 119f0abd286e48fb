/** What the highlighter is told (its settings) and the bounds on its work. */
import type { CompiledMatcher } from '../core/matcher.ts';
import type { Settings } from '../core/settings.ts';

export interface HighlightConfig {
  matcher: CompiledMatcher;
  occurrences: Settings['occurrences'];
  /** When false, words that need an MS context are highlighted everywhere. */
  contextRule: boolean;
  /** Stylesheet text for highlights (mark-styles.ts). */
  css: string;
}

export interface HighlighterHooks {
  /** Marks were added or removed. */
  onChange?(): void;
}

/**
 * Work bounds: one pass never costs more than this, however big the page is.
 * Every bound is per pass (one walk, one mutation batch), never for the tab's
 * lifetime: a feed or chat open for hours keeps being highlighted.
 */
export const LIMITS = {
  maxMarks: 10_000,
  /** Text nodes one walk reads at most. */
  maxTextNodes: 500_000,
  /** More pending mutation roots than this trigger one idle rescan instead. */
  hugeBatch: 1_500,
  /** Throttle for mutation handling, in ms; it grows while a page keeps changing. */
  minFlushDelay: 80,
  maxFlushDelay: 2_000,
};
