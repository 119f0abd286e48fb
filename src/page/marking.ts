/**
 * Puts planned highlights into the page, in time slices: plans for the top
 * of the page go to the front of the queue, the rest wait for idle time.
 * Each slice marks at least one plan, so marking always moves on; a text the
 * page changed since it was read is handed back to be read again.
 */
import type { Settings } from '../core/settings.ts';
import { splitByViewport } from './highlight-plan.ts';
import { countMarks, type HighlightStats } from './highlight-stats.ts';
import type { HighlightStyles } from './highlight-styles.ts';
import type { MarkRegistry } from './mark-registry.ts';
import type { NodePlan } from './marker.ts';
import type { Deadline, Scheduler } from './scheduler.ts';

export interface MarkingDeps {
  /** The highlighter's current scheduler (a new one after every stop). */
  scheduler: () => Scheduler;
  registry: MarkRegistry;
  styles: HighlightStyles;
  stats: HighlightStats;
  occurrences: () => Settings['occurrences'];
  /** Runs a change of ours without the mutation follower taking it for the page's. */
  quietly: (change: () => void) => void;
  /** The page changed this text since it was read. */
  reread: (node: Text) => void;
  /** A batch is in the page. */
  done: () => void;
}

/** A batch this small is marked at once, wherever it is on the page. */
const SMALL_BATCH = 400;

export class Marking {
  constructor(private readonly deps: MarkingDeps) {}

  /**
   * Queues plans: those on screen (within `viewportHeight`) in front of other
   * work, the rest for idle time. A small batch (one slice of a walk, late
   * content, a re-scan) goes in front whole: measuring where it is on screen
   * would force a layout of the whole page for little gain.
   */
  add(plans: NodePlan[], viewportHeight: number): void {
    if (plans.length === 0) return;
    if (plans.length <= SMALL_BATCH) {
      this.queue(plans, 'first');
      return;
    }
    const { near, far } = splitByViewport(plans, viewportHeight);
    if (near.length > 0) this.queue(near, 'first');
    if (far.length > 0) this.queue(far, 'idle');
  }

  private queue(plans: NodePlan[], priority: 'first' | 'idle'): void {
    const { deps } = this;
    let i = 0;
    const task = (deadline: Deadline) => {
      const began = performance.now();
      deps.quietly(() => {
        // At least one plan per slice, however little time is left: marking always moves on.
        do this.mark(plans[i++] as NodePlan);
        while (i < plans.length && !deadline.expired());
      });
      deps.stats.markMs += performance.now() - began;
      if (i >= plans.length) deps.done();
      return i < plans.length;
    };
    if (priority === 'first') deps.scheduler().addFirst(task);
    else deps.scheduler().add(task, 'idle');
  }

  private mark(plan: NodePlan): void {
    const { node } = plan;
    const { registry } = this.deps;
    if (!node.isConnected || registry.recordOwning(node)) return;
    if (node.data !== plan.data) this.deps.reread(node);
    else if (registry.wrap(plan, this.deps.occurrences() === 'first')) {
      this.deps.styles.ensure(node.getRootNode() as Document | ShadowRoot);
      countMarks(this.deps.stats);
    }
  }
}
