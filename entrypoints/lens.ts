/**
 * The content script (built as lens.js and listed in the manifest by
 * wxt.config.ts). It is an unlisted script rather than a WXT content script
 * because WXT's ContentScriptContext announces itself to the page with events
 * named after the extension id, which would let any page detect MS Lens
 * (issue 7). src/page/lens.ts does the work.
 */

import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { LOADED_AT } from '../src/page/clock.ts';
import { Lens } from '../src/page/lens.ts';

export default defineUnlistedScript(() => {
  Lens.start(document, LOADED_AT).catch((err: unknown) => console.error('MS Lens could not start on this page.', err));
});
