/**
 * Follows what the page changes after the first pass: new or rewritten text
 * is gathered and handed back for scanning, at most every few milliseconds
 * (a throttle that grows while a page keeps changing: a clock, a ticker), and
 * highlights whose text the page rewrote or removed are dropped at once.
 * MS Lens's own changes to the DOM are not page activity.
 */
import { countTask, type HighlightStats } from './highlight-stats.ts';
import type { MarkRegistry } from './mark-registry.ts';

const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export interface FollowerLimits {
  /** More pending roots than this are handed back as one 'everything'. */
  hugeBatch: number;
  minFlushDelay: number;
  maxFlushDelay: number;
}

/** What the follower tells the highlighter. */
export interface FollowerHost {
  /** Whether a node is MS Lens's own (the popover host, a stylesheet). */
  isOwn(node: Node): boolean;
  /** Elements were removed: forget records whose text left the page. */
  pruneDetached(): void;
  /** Regions to scan again ('everything' after a huge batch). */
  rescan(roots: Node[] | 'everything'): void;
  /** Highlights were taken out. */
  changed(): void;
}

export class MutationFollower {
  private readonly observer = new MutationObserver((records) => this.onMutations(records));
  private readonly pending = new Set<Node>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private delay: number;
  private lastFlushAt = 0;
  private maybeDetached = false;
  private active = false;

  constructor(
    private readonly registry: MarkRegistry,
    private readonly stats: HighlightStats,
    private readonly host: FollowerHost,
    private readonly limits: FollowerLimits,
  ) {
    this.delay = limits.minFlushDelay;
  }

  /** Starts following a document or shadow root. */
  observe(root: Document | ShadowRoot): void {
    this.active = true;
    this.observer.observe(root, OBSERVE);
  }

  /** Stops following everything and drops what was pending. */
  disconnect(): void {
    this.active = false;
    this.observer.disconnect();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
    this.maybeDetached = false;
  }

  /** Whether nothing is waiting to be handed back. */
  get idle(): boolean {
    return this.pending.size === 0 && this.timer === null;
  }

  /** Runs MS Lens's own DOM changes without taking them for page changes. */
  quietly(change: () => void): void {
    const before = this.observer.takeRecords();
    if (before.length > 0) this.onMutations(before);
    change();
    this.observer.takeRecords();
  }

  private onMutations(mutations: MutationRecord[]): void {
    if (!this.active) return;
    const began = performance.now();
    try {
      this.handle(mutations);
    } finally {
      countTask(this.stats, performance.now() - began);
    }
  }

  private handle(mutations: MutationRecord[]): void {
    let changed = false;
    for (const m of mutations) {
      if (m.type === 'characterData') {
        const target = m.target;
        const record = this.registry.recordOwning(target) ?? this.registry.recordOwning(target.parentNode as Node);
        if (record && this.registry.recordOf(record.original) === record) {
          // The page rewrote text we had split (frameworks keep the original
          // node and set its data): drop our pieces at once, then re-scan.
          this.registry.unwrap(record);
          changed = true;
          this.add(record.original);
        } else if (!record) {
          this.add(target);
        }
        continue;
      }
      for (const node of m.removedNodes) {
        const record = node.nodeType === 3 ? this.registry.recordOf(node as Text) : undefined;
        if (record) {
          // The page removed its text node: our pieces beside it go too.
          this.registry.forget(record, true);
          changed = true;
        } else if (node.nodeType === 1) {
          this.maybeDetached = true;
        }
      }
      for (const node of m.addedNodes) {
        if (this.registry.recordOwning(node) || this.host.isOwn(node)) continue;
        this.add(node);
      }
    }
    // What we just did to the DOM is not page activity.
    this.observer.takeRecords();
    if (this.maybeDetached) this.schedule();
    if (changed) this.host.changed();
  }

  private add(node: Node): void {
    if (node.nodeType !== 1 && node.nodeType !== 3) return;
    this.pending.add(node);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== null) return;
    // A page that changes constantly is handled at most every `delay` ms, and the delay grows while it keeps changing.
    const now = performance.now();
    const calm = now - this.lastFlushAt > this.delay * 4;
    this.delay = calm ? this.limits.minFlushDelay : Math.min(this.limits.maxFlushDelay, Math.round(this.delay * 1.5));
    this.timer = setTimeout(() => this.flush(), this.delay);
  }

  private flush(): void {
    this.timer = null;
    const started = performance.now();
    this.lastFlushAt = started;
    const nodes = [...this.pending];
    this.pending.clear();
    if (this.maybeDetached) {
      this.maybeDetached = false;
      this.host.pruneDetached();
    }
    if (nodes.length > this.limits.hugeBatch) {
      this.host.rescan('everything');
    } else {
      // Only the outermost of the nodes still in the page and not ours.
      this.host.rescan(
        nodes.filter(
          (node) =>
            node.isConnected &&
            !this.registry.recordOwning(node) &&
            !nodes.some((other) => other !== node && other.contains(node)),
        ),
      );
    }
    const took = performance.now() - started;
    this.stats.mutationFlushes++;
    this.stats.mutationWorkMs += took;
    countTask(this.stats, took);
  }
}
