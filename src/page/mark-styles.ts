/**
 * CSS for highlights, scoped to the install's random class. `all: unset`
 * cancels whatever the page says about `mark` (padding, colours, display:none)
 * so a highlight never changes layout; `!important` and a doubled class beat
 * hostile page rules. Every style underlines, so colour is never the only cue.
 */
import type { HighlightStyle } from '../core/settings.ts';
import type { PageNames } from './page-names.ts';

/** Each style's colours and underline: the one place they are written. */
const LOOKS: Record<HighlightStyle, string> = {
  soft: `background-color: rgba(255, 193, 7, 0.28) !important;
    text-decoration: underline dotted currentColor 0.1em !important;`,
  underline: `background-color: transparent !important;
    text-decoration: underline dotted currentColor 0.1em !important;`,
  strong: `background-color: rgba(255, 193, 7, 0.5) !important;
    text-decoration: underline solid currentColor 0.12em !important;`,
  'high-contrast': `background-color: #ffff00 !important; color: #000000 !important;
    text-decoration: underline solid #000000 0.15em !important;`,
};

/**
 * The term being hovered or explained. Its colours stay those of its style,
 * so its contrast never drops: the old deeper translucent amber let a dark
 * page through (light text on it fell under 4.5:1, and high contrast's black
 * text to about 3.6:1). The underline turns solid and thicker
 * instead. High contrast stays black on solid yellow (19:1).
 */
const SOFT_ACTIVE = `text-decoration-style: solid !important;
    text-decoration-thickness: 0.15em !important;`;
const HIGH_CONTRAST_ACTIVE = `background-color: #ffff00 !important; color: #000000 !important;
    text-decoration-thickness: 0.2em !important;`;

/**
 * Focus and the open term: a dark blue ring (10:1 on white) around a white
 * one (about 19:1 on near-black), so one of the two always stands out from
 * the page, light or dark (WCAG technique C40).
 */
export const FOCUS_RING_COLOURS = { outer: '#0b3d91', inner: '#ffffff' } as const;
const FOCUS_RING = `outline: 3px solid ${FOCUS_RING_COLOURS.outer} !important;
  outline-offset: 2px !important;
  box-shadow: 0 0 0 2px ${FOCUS_RING_COLOURS.inner} !important;`;

/**
 * The declarations that draw a highlight in the given style, at rest: the same
 * text on web pages (markCss) and in the options page's preview.
 */
export function markLook(style: HighlightStyle): string {
  return `all: unset !important;
  display: inline !important;
  color: inherit !important;
  text-underline-offset: 0.18em !important;
  text-decoration-skip-ink: none !important;
  border-radius: 0.15em !important;
  ${LOOKS[style]}`;
}

/** The page stylesheet for highlights in the given style. */
export function markCss(names: PageNames, style: HighlightStyle): string {
  // Two never-matching :not(#id) raise specificity above any plausible page rule.
  const sel = `mark.${names.markClass}.${names.markClass}:not(#${names.key}-a):not(#${names.key}-b)`;
  return `${sel} {
  ${markLook(style)}
  cursor: help !important;
}
${sel}:hover, ${sel}[aria-expanded="true"] { ${style === 'high-contrast' ? HIGH_CONTRAST_ACTIVE : SOFT_ACTIVE} }
${sel}:focus-visible, ${sel}[aria-expanded="true"] { ${FOCUS_RING} }
@media (forced-colors: active) {
  ${sel} { background-color: Mark !important; color: MarkText !important; forced-color-adjust: none !important; }
  ${sel}:focus-visible, ${sel}[aria-expanded="true"] { outline-color: Highlight !important; }
}
@media (prefers-reduced-motion: no-preference) {
  ${sel}.${names.markClass}-flash { animation: ${names.key}-flash 1.2s ease-out 2 !important; }
}
${sel}.${names.markClass}-flash { ${FOCUS_RING} }
@keyframes ${names.key}-flash { 50% { background-color: rgba(26, 95, 180, 0.35); } }
`;
}
