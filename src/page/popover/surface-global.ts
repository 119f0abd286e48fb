/**
 * Where entrypoints/popover-ui.ts leaves `createSurface` for the content
 * script: a property of the content script's own global object. Both run in
 * the extension's isolated world, which the page cannot see.
 */
import type { CreateSurface } from './popover-surface.ts';

const KEY = '__msLensCreateSurface';

type Holder = { [KEY]?: CreateSurface };

export function publishSurface(create: CreateSurface): void {
  (globalThis as Holder)[KEY] = create;
}

export function publishedSurface(): CreateSurface | undefined {
  return (globalThis as Holder)[KEY];
}
