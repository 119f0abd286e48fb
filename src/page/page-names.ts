/**
 * Names MS Lens uses for what it puts into pages. They derive from a random key
 * made once per install (src/platform/settings-store.ts), so a page cannot look
 * for a fixed class, attribute or element name to learn that its reader uses an
 * MS extension, and so that the reader may have MS. They are stable across
 * page loads so styles apply.
 */
export interface PageNames {
  key: string;
  /** Class of every highlight `<mark>`. */
  markClass: string;
  /** Tag of the popover's host element (a custom element name). */
  hostTag: string;
  /** Name of the event a new content script sends to an old one it replaces. */
  handoverEvent: string;
  /** Attribute on MS Lens's own page chrome (reader, My words) whose text is never highlighted. */
  skipAttr: string;
}

export function pageNames(key: string): PageNames {
  return {
    key,
    markClass: key,
    hostTag: `${key}-box`,
    handoverEvent: `${key}:handover`,
    skipAttr: `data-${key}-skip`,
  };
}
