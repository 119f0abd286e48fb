/**
 * The popover's view (src/page/popover/popover-surface.ts), built as
 * popover-ui.js. The background injects it into a frame, in the content
 * script's isolated world, the first time the reader points at, focuses or
 * taps a highlight there; it is not web-accessible and never in the manifest.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createSurface } from '../src/page/popover/popover-surface.ts';
import { publishSurface } from '../src/page/popover/surface-global.ts';

export default defineUnlistedScript(() => {
  publishSurface(createSurface);
});
