/**
 * Runs long jobs in slices of a few milliseconds so the page never sees a long
 * task caused by MS Lens. "soon" slices follow each other as fast as the page
 * allows (a MessageChannel message is not throttled like setTimeout); "idle"
 * slices wait for the browser to be idle.
 */
export type Priority = 'soon' | 'idle';

/** Default time a slice may take, in ms. Long tasks start at 50 ms. */
export const SLICE_MS = 6;
/** Most an idle slice may take, when the browser reports that much idle time. */
export const IDLE_SLICE_MS = 30;

export interface Deadline {
  /** Whether the slice should stop and yield. */
  expired(): boolean;
}

/** A task does some work and returns true while it has more to do. */
export type SlicedTask = (deadline: Deadline) => boolean;

export class Scheduler {
  private readonly queue: { task: SlicedTask; priority: Priority }[] = [];
  private scheduled: Priority | null = null;
  private readonly channel = new MessageChannel();
  private idleHandle: number | null = null;
  private stopped = false;
  /** Tasks that threw (and were skipped); the tests expect none. */
  errors = 0;

  constructor(
    /** Told how long each slice took (for the benchmark's long-task figures). */
    private readonly onSlice: (ms: number) => void = () => {},
  ) {
    this.channel.port1.onmessage = () => this.runSlice();
  }

  /** Adds a task; "soon" tasks run before "idle" ones. */
  add(task: SlicedTask, priority: Priority = 'soon'): void {
    if (this.stopped) return;
    if (priority === 'soon') {
      const firstIdle = this.queue.findIndex((t) => t.priority === 'idle');
      this.queue.splice(firstIdle < 0 ? this.queue.length : firstIdle, 0, { task, priority });
    } else {
      this.queue.push({ task, priority });
    }
    this.wake();
  }

  /** Adds a task in front of every other, even the one running now (its results must show before it goes on). */
  addFirst(task: SlicedTask): void {
    if (this.stopped) return;
    this.queue.unshift({ task, priority: 'soon' });
    this.wake();
  }

  /** Runs one slice of up to `budgetMs` at once, in the caller's task (the first frame: see inFirstFrame). */
  runNow(budgetMs = SLICE_MS): void {
    this.runSlice(undefined, budgetMs);
  }

  get busy(): boolean {
    return this.queue.length > 0;
  }

  /** Drops every queued task and stops for good. */
  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
    if (this.idleHandle !== null && typeof cancelIdleCallback === 'function') cancelIdleCallback(this.idleHandle);
    this.channel.port1.onmessage = null;
    this.channel.port1.close();
  }

  private wake(): void {
    const head = this.queue[0];
    if (!head || this.stopped) return;
    if (this.scheduled === 'soon' || this.scheduled === head.priority) return;
    this.scheduled = head.priority;
    if (head.priority === 'soon' || typeof requestIdleCallback !== 'function') {
      this.channel.port2.postMessage(0);
    } else {
      this.idleHandle = requestIdleCallback((idle) => this.runSlice(idle), { timeout: 1000 });
    }
  }

  private runSlice(idle?: IdleDeadline, budgetMs = SLICE_MS): void {
    this.scheduled = null;
    this.idleHandle = null;
    if (this.stopped) return;
    const begin = performance.now();
    // In idle time, use what the browser offers (up to IDLE_SLICE_MS), else a short slice.
    const budget =
      idle && !idle.didTimeout ? Math.min(IDLE_SLICE_MS, Math.max(SLICE_MS, idle.timeRemaining())) : budgetMs;
    const end = begin + budget;
    const deadline: Deadline = { expired: () => performance.now() >= end };
    while (this.queue.length > 0 && !deadline.expired()) {
      const head = this.queue[0];
      if (!head) break;
      let more = false;
      try {
        more = head.task(deadline);
      } catch (err) {
        this.errors++;
        console.error('MS Lens: a highlighting step failed and was skipped.', err);
      }
      if (!more) {
        // The task may have queued more urgent work in front of itself.
        const at = this.queue.indexOf(head);
        if (at >= 0) this.queue.splice(at, 1);
      }
    }
    this.onSlice(performance.now() - begin);
    this.wake();
  }
}

/**
 * Runs `fn` inside the browser's next animation frame, before it computes
 * that frame's styles; after 100 ms in a tab that draws nothing (a background
 * tab); at once where there is no window. Reading styles (checkVisibility)
 * there shares the frame's own style pass instead of forcing one of its own
 * in another task, and what `fn` adds to the page is in that frame's paint.
 */
export function inFirstFrame(view: Window | null, fn: () => void): void {
  if (typeof view?.requestAnimationFrame !== 'function') {
    fn();
    return;
  }
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    fn();
  };
  view.requestAnimationFrame(go);
  view.setTimeout(go, 100);
}
