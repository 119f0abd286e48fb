/**
 * Which parts of a page are never highlighted. Checked per element by the text
 * walker, which then skips the whole subtree.
 */
import type { PageNames } from './page-names.ts';

/** Elements whose text is code, input, hidden, or not prose (the design's list: script, style, form fields, code, hidden UI; plus media). */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'svg',
  'math',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'mark',
  'datalist',
  'output',
]);

/**
 * Roles of interactive widgets. A focusable highlight inside them would nest
 * interactive controls (axe "nested-interactive") and fight the widget's clicks.
 * Links are not here: their text is prose that readers most need explained
 * (see `isInLink`).
 */
const INTERACTIVE_ROLES = new Set([
  'button',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'tab',
  'option',
  'checkbox',
  'radio',
  'switch',
  'textbox',
  'combobox',
  'searchbox',
  'slider',
  'spinbutton',
  'treeitem',
]);

/**
 * Attribute conditions as one selector, so an element with attributes costs a
 * single native matches() call rather than several attribute reads.
 */
const SKIPPED_BY_ATTRIBUTE = [
  '[hidden]',
  '[aria-hidden="true"]',
  '[contenteditable]:not([contenteditable="false"])',
  ...[...INTERACTIVE_ROLES].map((role) => `[role="${role}"]`),
].join(',');

/** Whether an element's whole subtree must be left alone. */
export function isSkippedElement(el: Element, names: PageNames): boolean {
  const tag = el.localName;
  if (SKIPPED_TAGS.has(tag) || tag === names.hostTag || tag === 'label') return true;
  // Most elements have no attributes at all.
  return el.hasAttributes() && (el.matches(SKIPPED_BY_ATTRIBUTE) || el.hasAttribute(names.skipAttr));
}

/**
 * Links and <details> toggles whose text MS Lens highlights without making the
 * highlight interactive: a click still follows the link or opens the details,
 * the highlight is no extra tab stop, and the control's accessible name stays
 * its own text.
 */
export const LINK_LIKE = 'a[href], [role="link"], summary';

/** Whether a highlight sits inside a link or a <details> toggle. */
export function isInLink(mark: Element): boolean {
  return mark.parentElement?.closest(LINK_LIKE) != null;
}

/** Whether text in this element is rendered (not display:none or visibility:hidden). */
export function isRendered(el: Element): boolean {
  if (typeof el.checkVisibility === 'function') {
    return el.checkVisibility({ visibilityProperty: true });
  }
  return true;
}
