/**
 * The one list of word separators, for the matcher, the look-alike rules and
 * search. Pure.
 */

/** Word separators: space, hyphens (ASCII, Unicode, non-breaking), en dash, slash. */
export const SEPARATORS = ' -\u2010\u2011\u2013/';

/** Characters that join a compound's parts with no space ("non-relapsing", "MS/ALS"). */
export const JOINERS = SEPARATORS.slice(1);

/** Escapes characters that are special inside a regex character class. */
export function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^[-]/g, '\\$&');
}
