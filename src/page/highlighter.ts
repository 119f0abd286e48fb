/**
 * Finds glossary words in a page and highlights them, in time slices, from the
 * top of the page; keeps up with content the page adds later; and takes every
 * highlight out again on request, leaving the page's DOM as it was.
 *
 * Pipeline per region: read its text (RegionScan: TextWalker + the pure
 * matcher) -> decide which matches to highlight (highlight-plan.ts: context
 * rule, first occurrence, caps; this module holds a walk's state) -> put them
 * in the page (marking.ts, through mark.js in marker.ts). Around it, one
 * module per job: AboutMs tracks whether the page is about MS and what waits
 * for that, MutationFollower feeds changed regions in, HighlightStyles keeps
 * the stylesheet in each root, tab-stops.ts owns keyboard access, and
 * highlight-stats.ts keeps figures for the benchmark.
 */
import { findCandidates } from '../core/matcher.ts';
import { AboutMs } from './about-ms.ts';
import { isRendered } from './exclusions.ts';
import { type HighlightConfig, type HighlighterHooks, LIMITS } from './highlight-config.ts';
import { planHits, type WalkPlanState } from './highlight-plan.ts';
import { countTask, type HighlightStats, newStats } from './highlight-stats.ts';
import { HighlightStyles } from './highlight-styles.ts';
import { MarkRegistry } from './mark-registry.ts';
import type { NodePlan } from './marker.ts';
import { Marking } from './marking.ts';
import { MutationFollower } from './mutation-follower.ts';
import type { PageNames } from './page-names.ts';
import { RegionScan, type ScanHit } from './region-scan.ts';
import { type Deadline, inFirstFrame, Scheduler } from './scheduler.ts';
import { TabStops } from './tab-stops.ts';
import { insideSkipped, TextWalker } from './text-walker.ts';

export { type HighlightConfig, type HighlighterHooks, LIMITS } from './highlight-config.ts';
export type { HighlightStats } from './highlight-stats.ts';

/** Text nodes a walk plans slice by slice before it waits for its end (a few screens of an article). */
const EARLY_NODES = 1_500;
/**
 * About a screenful of text nodes: the page's first slice reads this many and
 * highlights them in the same slice, inside the first frame, so the first
 * screen's highlights are in the first paint.
 */
const FIRST_SCREEN_NODES = 100;
/** Time the slice inside the first frame may take: reading and marking the first screen. */
const FIRST_FRAME_MS = 8;

/** One walk over a region: its reader, and the planning state that lasts for the whole walk (see planAndMark). */
interface Walk extends WalkPlanState {
  root: Node;
  scan: RegionScan;
  /** Text nodes the next slice may read at most (the first slice of the page's walk: one screenful). */
  firstSlice: number;
}

export class Highlighter {
  private config: HighlightConfig;
  private readonly registry: MarkRegistry;
  /** Whether the page is about MS, and the text that waits for it. */
  private readonly aboutMs = new AboutMs();
  private readonly roots = new Set<Document | ShadowRoot>();
  private readonly styles: HighlightStyles;
  private readonly follower: MutationFollower;
  private readonly tabStops: TabStops;
  private readonly marking: Marking;
  private scheduler = this.newScheduler();
  private running = false;
  private waitingForFrame = false;
  private stoppedErrors = 0;
  readonly stats: HighlightStats = newStats();

  constructor(
    private readonly doc: Document,
    private readonly names: PageNames,
    config: HighlightConfig,
    private readonly hooks: HighlighterHooks = {},
  ) {
    this.config = config;
    this.tabStops = new TabStops(
      doc,
      () => this.marks(),
      (el) => this.registry.entryIdOf(el) !== null,
    );
    this.registry = new MarkRegistry(doc, names, (mark) => this.tabStops.decorate(mark));
    this.styles = new HighlightStyles(doc, config.css);
    this.follower = new MutationFollower(
      this.registry,
      this.stats,
      {
        isOwn: (node) =>
          (node.nodeType === 1 && (node as Element).localName === this.names.hostTag) || this.styles.owns(node),
        pruneDetached: () => this.pruneDetached(),
        rescan: (roots) => this.rescan(roots),
        changed: () => this.hooks.onChange?.(),
      },
      LIMITS,
    );
    this.marking = new Marking({
      scheduler: () => this.scheduler,
      registry: this.registry,
      styles: this.styles,
      stats: this.stats,
      occurrences: () => this.config.occurrences,
      quietly: (change) => this.follower.quietly(change),
      reread: (node) => this.queueScan(node, 'idle'),
      done: () => {
        this.tabStops.schedule();
        this.hooks.onChange?.();
      },
    });
  }

  /** Highlights the whole page and starts following changes. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.stats.startedAt = performance.now();
    this.aboutMs.reset();
    this.addRoot(this.doc);
    this.tabStops.start();
    // Text in a closed <details> is not rendered, so it is skipped until the reader opens it.
    this.doc.addEventListener('toggle', this.onToggle, true);
    // The title check, in a slice of its own.
    this.scheduler.add(() => {
      this.aboutMs.setTitle(this.titleMentionsMs());
      return false;
    }, 'soon');
    const body = this.doc.body ?? this.doc.documentElement;
    // The first screenful is read and highlighted inside the first frame (see inFirstFrame).
    if (body) {
      this.waitingForFrame = true;
      inFirstFrame(this.doc.defaultView, () => {
        if (!this.waitingForFrame) return;
        this.waitingForFrame = false;
        if (!this.running) return;
        this.queueScan(body, 'soon', FIRST_SCREEN_NODES);
        // Styles first: the frame computes them anyway, and the slice's time then goes to reading and marking.
        body.checkVisibility?.();
        this.scheduler.runNow(FIRST_FRAME_MS);
      });
    }
  }

  private readonly onToggle = (e: Event): void => {
    const target = e.target as Element | null;
    if (this.running && target?.localName === 'details' && (target as HTMLDetailsElement).open) {
      this.queueScan(target, 'soon');
    }
  };

  /** Takes out every highlight and stops all work and observation. */
  stop(): void {
    const began = performance.now();
    const removed = this.registry.size;
    this.running = false;
    this.waitingForFrame = false;
    this.scheduler.stop();
    this.stoppedErrors += this.scheduler.errors;
    this.scheduler = this.newScheduler();
    this.follower.disconnect();
    this.doc.removeEventListener('toggle', this.onToggle, true);
    this.tabStops.stop();
    this.registry.unwrapAll();
    this.aboutMs.release();
    this.styles.removeAll();
    this.roots.clear();
    this.stats.lastStopMs = performance.now() - began;
    this.stats.lastStopMarks = removed;
    countTask(this.stats, this.stats.lastStopMs);
    this.hooks.onChange?.();
  }

  /**
   * Applies new settings. Removing entries only touches the text nodes that
   * held them; anything that can add highlights re-runs the page.
   */
  update(config: HighlightConfig): void {
    const before = this.config;
    this.config = config;
    if (!this.running) return;
    this.styles.setCss(config.css);
    const added = [...config.matcher.entryIds].some((id) => !before.matcher.entryIds.has(id));
    if (added || config.occurrences !== before.occurrences || config.contextRule !== before.contextRule) {
      this.stop();
      this.start();
      return;
    }
    if (config.matcher !== before.matcher) {
      const removed = new Set([...before.matcher.entryIds].filter((id) => !config.matcher.entryIds.has(id)));
      if (removed.size > 0) this.removeEntries(removed);
    }
  }

  /** Entry id of a highlight made by this highlighter, or null. */
  entryIdOf(el: Element): string | null {
    return this.registry.entryIdOf(el);
  }

  /** Live highlights in document order (main document, then shadow roots). */
  marks(): HTMLElement[] {
    return this.registry.marks(this.roots);
  }

  /** Entries highlighted in the page, in order of first appearance, with counts and the page's own word (its first highlight's text). */
  termCounts(): { id: string; count: number; word: string }[] {
    return this.registry.termCounts(this.roots);
  }

  /** Highlighting steps that failed since start (each is skipped, not fatal). */
  get errors(): number {
    return this.scheduler.errors + this.stoppedErrors;
  }

  /** Whether work is still queued (used by tests and the benchmark). */
  get idle(): boolean {
    return !this.waitingForFrame && !this.scheduler.busy && this.follower.idle;
  }

  /** The page moved to a new URL without loading (SPA): start first occurrences afresh. */
  onNavigate(): void {
    if (!this.running) return;
    this.stats.navigations++;
    this.registry.forgetFirsts();
    this.aboutMs.reset();
    this.aboutMs.setTitle(this.titleMentionsMs());
    const body = this.doc.body;
    if (body) this.queueScan(body, 'idle');
  }

  private newScheduler(): Scheduler {
    return new Scheduler((ms) => countTask(this.stats, ms));
  }

  private titleMentionsMs(): boolean {
    const title = this.doc.title ?? '';
    return findCandidates(title, this.config.matcher).some((c) => !c.rejected && c.msSpecific);
  }

  private addRoot(root: Document | ShadowRoot): void {
    if (this.roots.has(root)) return;
    this.roots.add(root);
    this.follower.observe(root);
  }

  /** Regions the page changed, handed back by the mutation follower. */
  private rescan(roots: Node[] | 'everything'): void {
    if (roots === 'everything') {
      const body = this.doc.body;
      if (body) this.queueScan(body, 'idle');
      return;
    }
    for (const root of roots) if (!insideSkipped(root, this.names)) this.queueScan(root, 'soon');
  }

  /** Queues a walk over `root`; its first slice stops after `firstSlice` text nodes (the first screen) if given. */
  private queueScan(root: Node, priority: 'soon' | 'idle', firstSlice = Number.POSITIVE_INFINITY): void {
    const walker = new TextWalker(
      root,
      this.names,
      (node) => Boolean(this.registry.recordOwning(node) ?? this.registry.recordOwning(node.parentNode as Node)),
      (shadow) => {
        if (!this.roots.has(shadow)) {
          this.addRoot(shadow);
          this.queueScan(shadow, priority);
        }
      },
    );
    const scan = new RegionScan(walker, this.config.matcher, (c) => {
      if (c.msSpecific) this.aboutMs.add(c.entryId);
    });
    const walk: Walk = { root, scan, firstSlice, plannedIds: new Set(), heldIds: new Set(), held: [] };
    this.scheduler.add((deadline) => this.scanSlice(walk, deadline), priority);
  }

  /** One slice of a walk: read on, then highlight what was found (the top of the page shows first). */
  private scanSlice(walk: Walk, deadline: Deadline): boolean {
    const began = performance.now();
    const readBefore = walk.scan.nodesRead;
    let result: ReturnType<RegionScan['read']>;
    try {
      const cap = walk.firstSlice;
      walk.firstSlice = Number.POSITIVE_INFINITY;
      result = walk.scan.read(() => deadline.expired() || walk.scan.nodesRead >= cap, LIMITS.maxTextNodes);
    } finally {
      this.stats.scanMs += performance.now() - began;
      this.stats.scannedNodes += walk.scan.nodesRead - readBefore;
    }
    // The page removed the node the walk stood on: walk that region again later.
    if (result === 'lost' && walk.root.isConnected) this.queueScan(walk.root, 'idle');
    const ended = result !== 'paused';
    // The first screens are highlighted slice by slice, so the top of the page shows at once. After
    // that, hits wait for the end of the walk: planning reads styles (checkVisibility), and reading
    // them between marking slices would make the browser recalculate the page's styles every slice.
    if (ended || walk.scan.nodesRead <= EARLY_NODES) this.planAndMark(walk, ended);
    return !ended;
  }

  /**
   * Decides what to highlight among the hits read so far, then queues the
   * wrapping in front of the walk. The evidence that the page is about MS may
   * still grow during a walk: a form that needs it waits (deferred), and so do
   * later hits of its entry (held), so that "first occurrence" still means the
   * first in the page. When the walk ends, the waiting ones are re-scanned if
   * the page proved to be about MS, and the held ones are planned now if not.
   */
  private planAndMark(walk: Walk, walkEnded: boolean): void {
    const aboutMs = this.aboutMs.now;
    const plans = this.plan(walk, walk.scan.take(), aboutMs);
    if (walkEnded) {
      const held = walk.held.splice(0);
      walk.heldIds.clear();
      if (this.aboutMs.proved()) {
        for (const hit of held) this.aboutMs.wait(hit.node);
        this.releaseDeferred();
      } else {
        plans.push(...this.plan(walk, held, aboutMs));
      }
    }
    this.marking.add(plans, this.doc.defaultView?.innerHeight ?? 0);
  }

  private plan(walk: Walk, hits: ScanHit[], aboutMs: boolean): NodePlan[] {
    return planHits(hits, walk, {
      ...this.config,
      aboutMs,
      room: LIMITS.maxMarks - this.registry.size,
      isMarked: (id) => this.registry.hasFirst(id),
      canWrap: (node) =>
        node.isConnected &&
        node.parentElement !== null &&
        !this.registry.recordOwning(node) &&
        isRendered(node.parentElement),
      defer: (node) => this.aboutMs.wait(node),
    });
  }

  /** The page proved to be about MS: words that waited for it are re-scanned, in page order. */
  private releaseDeferred(): void {
    const nodes = this.aboutMs.release();
    this.follower.quietly(() => {
      for (const node of nodes) {
        const record = this.registry.recordOwning(node);
        if (record) this.registry.unwrap(record);
      }
    });
    for (const node of nodes) if (node.isConnected) this.queueScan(node, 'soon');
    this.hooks.onChange?.();
  }

  /** Removes highlights of the given entries and re-scans the text that held them. */
  private removeEntries(ids: ReadonlySet<string>): void {
    let touched: Text[] = [];
    this.follower.quietly(() => {
      touched = this.registry.unwrapAll(ids);
    });
    for (const node of touched) if (node.isConnected) this.queueScan(node, 'soon');
    this.hooks.onChange?.();
  }

  /** Forgets records whose text the page removed, and restores a removed stylesheet. */
  private pruneDetached(): void {
    this.registry.pruneDetached();
    if (!this.registry.empty) this.follower.quietly(() => this.styles.restore());
  }
}
