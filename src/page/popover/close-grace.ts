/**
 * The wait before a hover popover closes, once the pointer has left both its
 * highlight and the popover. The wait lasts while the pointer is on the way
 * between the two (core/hover-corridor.ts), however slowly it moves; off
 * that way, the popover closes after a short grace period.
 */
import { type Box, inCorridor } from '../../core/hover-corridor.ts';

/** Time the pointer may spend off both the highlight and the popover, and off the way between them. */
export const CLOSE_GRACE_MS = 350;

/** The highlight's and the popover's boxes on screen, or null when either is gone. */
export type Way = () => { from: Box; to: Box } | null;

export class CloseGrace {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private at: { x: number; y: number } | null = null;

  constructor(
    private readonly way: Way,
    private readonly close: () => void,
  ) {}

  /** Starts the wait (again) from where the pointer left. */
  start(x: number, y: number): void {
    this.at = { x, y };
    this.arm();
  }

  /** Follows the pointer while a wait is on. */
  moved(x: number, y: number): void {
    if (this.timer) this.at = { x, y };
  }

  /** Ends the wait without closing (the pointer came back, or the popover closed or moved on). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.at = null;
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const way = this.way();
      if (way && this.at && inCorridor(this.at.x, this.at.y, way.from, way.to)) {
        this.arm();
        return;
      }
      this.at = null;
      this.close();
    }, CLOSE_GRACE_MS);
  }
}
