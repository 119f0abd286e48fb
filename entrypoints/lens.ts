/**
 * The content script, built as lens.js and registered at run time for the
 * sites the reader allowed (src/platform/registration.ts), at document_start.
 * It is an unlisted script rather than a WXT content script because WXT's
 * ContentScriptContext announces itself to the page with events named after
 * the extension id, which would let any page detect MS Lens and so guess at
 * its reader's health. src/page/lens.ts does the work.
 */

import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { LOADED_AT } from '../src/page/clock.ts';
import { guardKeys } from '../src/page/key-guard.ts';
import { Lens } from '../src/page/lens.ts';
import { browserLensDeps } from '../src/page/lens-deps.ts';

export default defineUnlistedScript(() => {
  // Registered to run at document_start: claim Escape before any page script can.
  guardKeys(window);
  // Settings and the matcher are ready while the page loads; highlighting waits for the DOM.
  const domReady = new Promise<void>((resolve) => {
    if (document.readyState === 'loading')
      document.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
    else resolve();
  });
  Lens.start(document, browserLensDeps(), LOADED_AT, domReady).catch((err: unknown) =>
    console.error('MS Lens could not start on this page.', err),
  );
});
