/**
 * The wait before a hover popover closes, once the pointer has left both its
 * highlight and the popover. The wait lasts while the pointer is on the way
 * between the two (core/hover-corridor.ts), however slowly it moves; off
 * that way, the popover closes after a short grace period. The pointer is
 * followed only during a wait: no listener runs on pages at rest.
 */
import { type Box, inCorridor } from '../../core/hover-corridor.ts';

/** Time the pointer may spend off both the highlight and the popover, and off the way between them. */
export const CLOSE_GRACE_MS = 350;

/** The highlight's and the popover's boxes on screen, or null when either is gone. */
export type Way = () => { from: Box; to: Box } | null;

export class CloseGrace {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private at = { x: 0, y: 0 };
  /** Stops following the pointer; set while a wait is on. */
  private following: AbortController | null = null;

  constructor(
    /** Where pointer moves are heard (the document). */
    private readonly target: EventTarget,
    private readonly way: Way,
    private readonly close: () => void,
  ) {}

  /** Starts the wait (again) from where the pointer left. */
  start(x: number, y: number): void {
    this.at = { x, y };
    if (!this.following) {
      this.following = new AbortController();
      this.target.addEventListener(
        'pointermove',
        (e) => {
          this.at = { x: (e as PointerEvent).clientX, y: (e as PointerEvent).clientY };
        },
        { capture: true, passive: true, signal: this.following.signal },
      );
    }
    this.arm();
  }

  /** Ends the wait without closing (the pointer came back, or the popover closed or moved on). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.following?.abort();
    this.following = null;
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const way = this.way();
      if (way && inCorridor(this.at.x, this.at.y, way.from, way.to)) {
        this.arm();
        return;
      }
      this.cancel();
      this.close();
    }, CLOSE_GRACE_MS);
  }
}
