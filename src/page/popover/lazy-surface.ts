/**
 * The popover's view, loaded the first time a popover is wanted (during the
 * hover delay when there is one). Loading starts once; a load that fails is
 * logged and tried again the next time.
 */
import type { PopoverSurface } from './popover-surface.ts';

export class LazySurface {
  /** The view, once loaded. */
  current: PopoverSurface | null = null;
  private loading: Promise<PopoverSurface | null> | null = null;

  constructor(private readonly loadView: () => Promise<PopoverSurface>) {}

  /** Starts loading the view, or joins a load under way; resolves to null if it cannot load. */
  load(): Promise<PopoverSurface | null> {
    this.loading ??= this.loadView()
      .then((surface) => {
        this.current = surface;
        return surface;
      })
      .catch((err: unknown) => {
        console.error('MS Lens could not load its popover.', err);
        this.loading = null; // try again next time
        return null;
      });
    return this.loading;
  }
}
