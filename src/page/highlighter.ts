/**
 * Finds glossary words in a page and highlights them, in time slices, near the
 * viewport first; keeps up with content the page adds later; and takes every
 * highlight out again on request, leaving the page's DOM as it was.
 *
 * Pipeline per region: walk text (TextWalker) -> find candidates (pure matcher)
 * -> decide which to highlight (context rule, first occurrence, caps) ->
 * wrap with mark.js (marker.ts). One MutationObserver feeds new regions in.
 */
import { type CompiledMatcher, findCandidates } from '../core/matcher.ts';
import { ContextEvidence } from '../core/page-context.ts';
import type { Settings } from '../core/settings.ts';
import { isInLink, isRendered } from './exclusions.ts';
import { type MarkRecord, type NodePlan, unwrapRecord, wrapPlannedMatches } from './marker.ts';
import type { PageNames } from './page-names.ts';
import { type Deadline, Scheduler } from './scheduler.ts';
import { TEST_HOOKS, testIdAttr } from './test-hooks.ts';
import { insideSkipped, TextWalker } from './text-walker.ts';

export interface HighlightConfig {
  matcher: CompiledMatcher;
  occurrences: Settings['occurrences'];
  /** When false, words that need an MS context are highlighted everywhere. */
  contextRule: boolean;
  /** Stylesheet text for highlights (mark-styles.ts). */
  css: string;
}

export interface HighlighterHooks {
  /** Marks were added or removed. */
  onChange?(): void;
  /** A highlight was created for an entry; set its accessibility attributes here. */
  decorate?(mark: HTMLElement, entryId: string): void;
}

/**
 * Work bounds: one pass never costs more than this, however big the page is.
 * Every bound is per pass (one walk, one mutation batch), never for the tab's
 * lifetime: a feed or chat open for hours keeps being highlighted.
 */
export const LIMITS = {
  maxMarks: 10_000,
  /** Text nodes one walk reads at most. */
  maxTextNodes: 500_000,
  /** More pending mutation roots than this trigger one idle rescan instead. */
  hugeBatch: 1_500,
  /** Throttle for mutation handling, in ms; it grows while a page keeps changing. */
  minFlushDelay: 80,
  maxFlushDelay: 2_000,
};

const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };
const VIEWPORT_MARGIN = 800;
const SMALL_BATCH = 400;

interface Hit {
  node: Text;
  data: string;
  candidates: ReturnType<typeof findCandidates>;
}

/**
 * Where one walk over a region stands. The matcher's sense and look-alike
 * rules read the words around a match, which may be in the neighbouring text
 * node of the same sentence ("the <a>immune system</a> attacks myelin"), so a
 * node's candidates are settled only once the next node is read.
 */
interface WalkState {
  hits: Hit[];
  /** Text nodes this walk has read: the bound on one walk (a tab that lives for hours makes many walks). */
  scanned: number;
  /** The block-level element, and text, of the last node read. */
  last: { block: Element | null; data: string } | null;
  /** The last node's hit, waiting for the text after it. */
  pending: (Hit & { block: Element | null; before: string }) | null;
}

/** Elements that flow inside a line of text: text on either side of them belongs to one sentence. */
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'del',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
]);

/** The nearest ancestor that is not an inline element: text nodes with the same one share a line of text. */
function blockOf(node: Text): Element | null {
  let el = node.parentElement;
  while (el && INLINE_TAGS.has(el.localName)) el = el.parentElement;
  return el;
}

const CONTEXT_CHARS = 40;

/** Timings for the benchmark; all times are performance.now() values. */
export interface HighlightStats {
  startedAt: number;
  firstMarkAt: number | null;
  lastMarkAt: number | null;
  scannedNodes: number;
  mutationWorkMs: number;
  mutationFlushes: number;
  /** Same-page URL changes seen (single-page apps). */
  navigations: number;
  /** Time spent finding matches (TreeWalker + trie), and wrapping them with mark.js. */
  scanMs: number;
  markMs: number;
  /** All main-thread time MS Lens spent in this page, and its longest single task. */
  busyMs: number;
  longestTaskMs: number;
  /** Sum over MS Lens's tasks of the time beyond 50 ms (total blocking time). */
  blockingMs: number;
  /** How long the last complete removal of highlights took, and how many it removed. */
  lastStopMs: number;
  lastStopMarks: number;
}

export class Highlighter {
  private config: HighlightConfig;
  private readonly records = new Map<Text, MarkRecord>();
  private readonly owner = new WeakMap<Node, MarkRecord>();
  private readonly entryOf = new WeakMap<HTMLElement, string>();
  private readonly firstMark = new Map<string, HTMLElement>();
  private evidence = new ContextEvidence();
  private readonly deferred = new Set<Text>();
  private readonly roots = new Set<Document | ShadowRoot>();
  private readonly styles = new Map<Document | ShadowRoot, HTMLStyleElement>();
  private readonly observer: MutationObserver;
  private scheduler = this.newScheduler();
  private readonly pending = new Set<Node>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private flushDelay = LIMITS.minFlushDelay;
  private lastFlushAt = 0;
  private tabStopsTimer: ReturnType<typeof setTimeout> | null = null;
  private markCount = 0;
  private running = false;
  private wasAboutMs = false;
  private maybeDetached = false;
  private stoppedErrors = 0;
  readonly stats: HighlightStats = {
    startedAt: 0,
    firstMarkAt: null,
    lastMarkAt: null,
    scannedNodes: 0,
    mutationWorkMs: 0,
    mutationFlushes: 0,
    navigations: 0,
    scanMs: 0,
    markMs: 0,
    busyMs: 0,
    longestTaskMs: 0,
    blockingMs: 0,
    lastStopMs: 0,
    lastStopMarks: 0,
  };

  constructor(
    private readonly doc: Document,
    private readonly names: PageNames,
    config: HighlightConfig,
    private readonly hooks: HighlighterHooks = {},
  ) {
    this.config = config;
    this.observer = new MutationObserver((records) => this.onMutations(records));
  }

  /** Highlights the whole page and starts following changes. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.stats.startedAt = performance.now();
    this.evidence = new ContextEvidence();
    this.wasAboutMs = false;
    this.addRoot(this.doc);
    // Text in a closed <details> is not rendered, so it is skipped until the reader opens it.
    this.doc.addEventListener('toggle', this.onToggle, true);
    this.warmUp();
    const body = this.doc.body ?? this.doc.documentElement;
    if (body) this.queueScan(body, 'soon');
  }

  /** The title check, in a slice of its own. */
  private warmUp(): void {
    this.scheduler.add(() => {
      this.evidence.titleHit = this.titleMentionsMs();
      this.wasAboutMs = this.evidence.isAboutMs();
      return false;
    }, 'soon');
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
    const removed = this.markCount;
    this.running = false;
    this.scheduler.stop();
    this.stoppedErrors += this.scheduler.errors;
    this.scheduler = this.newScheduler();
    this.observer.disconnect();
    this.doc.removeEventListener('toggle', this.onToggle, true);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.tabStopsTimer) clearTimeout(this.tabStopsTimer);
    this.flushTimer = null;
    this.tabStopsTimer = null;
    this.pending.clear();
    for (const record of [...this.records.values()]) this.unwrap(record);
    this.firstMark.clear();
    this.deferred.clear();
    this.markCount = 0;
    for (const style of this.styles.values()) style.remove();
    this.styles.clear();
    this.roots.clear();
    this.stats.lastStopMs = performance.now() - began;
    this.stats.lastStopMarks = removed;
    this.countWork(this.stats.lastStopMs);
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
    if (config.css !== before.css) {
      for (const style of this.styles.values()) style.textContent = config.css;
    }
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
    return this.entryOf.get(el as HTMLElement) ?? null;
  }

  /** Live highlights in document order (main document, then shadow roots). */
  marks(): HTMLElement[] {
    const out: HTMLElement[] = [];
    for (const root of this.roots) {
      for (const el of root.querySelectorAll<HTMLElement>(`mark.${this.names.markClass}`)) {
        if (this.entryOf.has(el)) out.push(el);
      }
    }
    return out;
  }

  /** Entries highlighted in the page, in order of first appearance, with counts and the page's own word (its first highlight's text). */
  termCounts(): { id: string; count: number; word: string }[] {
    const counts = new Map<string, { id: string; count: number; word: string }>();
    for (const mark of this.marks()) {
      const id = this.entryOf.get(mark) as string;
      const seen = counts.get(id);
      if (seen) seen.count++;
      else counts.set(id, { id, count: 1, word: (mark.textContent ?? '').slice(0, 80) });
    }
    return [...counts.values()];
  }

  private newScheduler(): Scheduler {
    return new Scheduler(undefined, (ms) => this.countWork(ms));
  }

  private countWork(ms: number): void {
    this.stats.busyMs += ms;
    if (ms > this.stats.longestTaskMs) this.stats.longestTaskMs = ms;
    if (ms > 50) this.stats.blockingMs += ms - 50;
  }

  /** Highlighting steps that failed since start (each is skipped, not fatal). */
  get errors(): number {
    return this.scheduler.errors + this.stoppedErrors;
  }

  /** Whether work is still queued (used by tests and the benchmark). */
  get idle(): boolean {
    return !this.scheduler.busy && this.pending.size === 0 && this.flushTimer === null;
  }

  /** The page moved to a new URL without loading (SPA): start first occurrences afresh. */
  onNavigate(): void {
    if (!this.running) return;
    this.stats.navigations++;
    this.firstMark.clear();
    this.evidence = new ContextEvidence();
    this.evidence.titleHit = this.titleMentionsMs();
    this.wasAboutMs = this.evidence.isAboutMs();
    const body = this.doc.body;
    if (body) this.queueScan(body, 'idle');
  }

  private titleMentionsMs(): boolean {
    const title = this.doc.title ?? '';
    return findCandidates(title, this.config.matcher).some((c) => !c.rejected && c.msSpecific);
  }

  private addRoot(root: Document | ShadowRoot): void {
    if (this.roots.has(root)) return;
    this.roots.add(root);
    this.observer.observe(root, OBSERVE);
  }

  private queueScan(root: Node, priority: 'soon' | 'idle'): void {
    const walker = new TextWalker(
      root,
      this.names,
      (node) => this.owner.has(node) || this.owner.has(node.parentNode as Node),
      (shadow) => {
        if (!this.roots.has(shadow)) {
          this.addRoot(shadow);
          this.queueScan(shadow, priority);
        }
      },
    );
    const state: WalkState = { hits: [], scanned: 0, last: null, pending: null };
    this.scheduler.add((deadline) => this.scanSlice(walker, root, state, deadline), priority);
  }

  private scanSlice(walker: TextWalker, root: Node, state: WalkState, deadline: Deadline): boolean {
    const began = performance.now();
    try {
      return this.scanSome(walker, root, state, deadline);
    } finally {
      this.stats.scanMs += performance.now() - began;
    }
  }

  /** Keeps a node's settled candidates, and counts those that show the page is about MS. */
  private settle(state: WalkState, after: string): void {
    const hit = state.pending;
    if (!hit) return;
    state.pending = null;
    if (after) hit.candidates = findCandidates(hit.data, this.config.matcher, { before: hit.before, after });
    state.hits.push(hit);
    for (const c of hit.candidates) if (!c.rejected && c.msSpecific) this.evidence.add(c.entryId);
  }

  private scanSome(walker: TextWalker, root: Node, state: WalkState, deadline: Deadline): boolean {
    const { matcher } = this.config;
    const { hits } = state;
    for (let n = 1; ; n++) {
      if (n % 16 === 0 && deadline.expired()) return true;
      if (walker.lost) {
        // The page removed the node the walk stood on; walk that region again later.
        if (root.isConnected) this.queueScan(root, 'idle');
        break;
      }
      if (state.scanned >= LIMITS.maxTextNodes) break;
      const node = walker.next();
      if (!node) break;
      state.scanned++;
      this.stats.scannedNodes++;
      const data = node.data;
      const block = blockOf(node);
      const sameLine = state.last !== null && state.last.block === block;
      this.settle(state, sameLine && state.pending?.block === block ? data.slice(0, CONTEXT_CHARS) : '');
      const before = sameLine ? (state.last?.data.slice(-CONTEXT_CHARS) ?? '') : '';
      state.last = { block, data };
      const candidates = findCandidates(data, matcher, { before });
      if (candidates.length > 0) state.pending = { node, data, candidates, block, before };
    }
    this.settle(state, '');
    this.planAndMark(hits);
    return false;
  }

  /** Decides what to highlight among scanned hits, then queues the wrapping. */
  private planAndMark(hits: Hit[]): void {
    const plannedIds = new Set<string>();
    const aboutMs = this.evidence.isAboutMs();
    const { occurrences, contextRule } = this.config;
    const plans: NodePlan[] = [];
    let planned = 0;
    for (const hit of hits) {
      const parent = hit.node.parentElement;
      if (!hit.node.isConnected || !parent || this.owner.has(hit.node) || !isRendered(parent)) continue;
      let wraps = 0;
      const steps = hit.candidates.map((c) => {
        let wrap = c.rejected === null;
        if (wrap && c.needsContext && contextRule && !aboutMs) {
          this.deferred.add(hit.node);
          wrap = false;
        }
        if (
          wrap &&
          occurrences === 'first' &&
          (this.firstMark.get(c.entryId)?.isConnected || plannedIds.has(c.entryId))
        ) {
          wrap = false;
        }
        if (wrap && this.markCount + planned >= LIMITS.maxMarks) wrap = false;
        if (wrap) {
          planned++;
          wraps++;
          if (occurrences === 'first') plannedIds.add(c.entryId);
        }
        return { start: c.start, end: c.end, entryId: c.entryId, wrap };
      });
      if (wraps > 0) plans.push({ node: hit.node, data: hit.data, matches: steps.filter((m) => m.wrap) });
    }
    if (aboutMs && !this.wasAboutMs) {
      this.wasAboutMs = true;
      this.releaseDeferred();
    }
    if (plans.length === 0) return;
    // A small batch (late content, a re-scan) is marked at once: measuring where
    // it is on screen would force a layout of the whole page for little gain.
    if (plans.length <= SMALL_BATCH) {
      this.queueMarking(plans, 'soon');
      return;
    }
    const { near, far } = this.splitByViewport(plans);
    if (near.length > 0) this.queueMarking(near, 'soon');
    if (far.length > 0) this.queueMarking(far, 'idle');
  }

  /** Plans whose text is on or near the screen first; the rest wait for idle time. */
  private splitByViewport(plans: NodePlan[]): { near: NodePlan[]; far: NodePlan[] } {
    const view = this.doc.defaultView;
    const height = view?.innerHeight ?? 0;
    if (!height) return { near: plans, far: [] };
    const near: NodePlan[] = [];
    const far: NodePlan[] = [];
    for (const plan of plans) {
      const rect = plan.node.parentElement?.getBoundingClientRect();
      const isNear = !rect || (rect.bottom >= -VIEWPORT_MARGIN && rect.top <= height + VIEWPORT_MARGIN);
      (isNear ? near : far).push(plan);
    }
    return { near, far };
  }

  private queueMarking(plans: NodePlan[], priority: 'soon' | 'idle'): void {
    let i = 0;
    this.scheduler.add((deadline) => {
      const began = performance.now();
      this.withoutObserving(() => {
        while (i < plans.length && !deadline.expired()) {
          const plan = plans[i++] as NodePlan;
          this.markPlan(plan);
        }
      });
      this.stats.markMs += performance.now() - began;
      if (i >= plans.length) this.scheduleTabStops();
      return i < plans.length;
    }, priority);
  }

  private markPlan(plan: NodePlan): void {
    const { node } = plan;
    if (!node.isConnected || this.owner.has(node)) return;
    if (node.data !== plan.data) {
      this.queueScan(node, 'idle');
      return;
    }
    const { occurrences } = this.config;
    const record = wrapPlannedMatches(plan, (entryId) => this.makeMark(entryId));
    if (!record) return;
    this.records.set(node, record);
    this.owner.set(node, record);
    for (const created of record.created) this.owner.set(created, record);
    this.markCount += record.marks.length;
    for (const mark of record.marks) {
      const id = this.entryOf.get(mark) as string;
      // Decorated once in place, where it can tell whether it sits inside a link.
      this.hooks.decorate?.(mark, id);
      if (occurrences === 'first' || !this.firstMark.get(id)?.isConnected) this.firstMark.set(id, mark);
    }
    this.ensureStyle(node.getRootNode() as Document | ShadowRoot);
    const now = performance.now();
    this.stats.firstMarkAt ??= now;
    this.stats.lastMarkAt = now;
  }

  private makeMark(id: string): HTMLElement {
    const mark = this.doc.createElement('mark');
    mark.className = this.names.markClass;
    if (TEST_HOOKS) mark.setAttribute(testIdAttr(this.names), id);
    this.entryOf.set(mark, id);
    return mark;
  }

  private ensureStyle(root: Document | ShadowRoot): void {
    const existing = this.styles.get(root);
    if (existing?.isConnected) return;
    const style = existing ?? this.doc.createElement('style');
    style.textContent = this.config.css;
    const parent = root.nodeType === 9 ? ((root as Document).head ?? (root as Document).documentElement) : root;
    parent?.appendChild(style);
    this.styles.set(root, style);
  }

  /** Runs our own DOM changes without treating them as page changes. */
  private withoutObserving(change: () => void): void {
    const before = this.observer.takeRecords();
    if (before.length > 0) this.onMutations(before);
    change();
    this.observer.takeRecords();
  }

  private releaseDeferred(): void {
    const nodes = [...this.deferred];
    this.deferred.clear();
    this.withoutObserving(() => {
      for (const node of nodes) {
        const record = this.owner.get(node);
        if (record) this.unwrap(record);
      }
    });
    for (const node of nodes) if (node.isConnected) this.queueScan(node, 'soon');
    this.hooks.onChange?.();
  }

  /** Removes highlights of the given entries and re-scans the text that held them. */
  private removeEntries(ids: ReadonlySet<string>): void {
    const touched: Text[] = [];
    this.withoutObserving(() => {
      for (const record of [...this.records.values()]) {
        if (record.marks.some((m) => ids.has(this.entryOf.get(m) ?? ''))) {
          this.unwrap(record);
          touched.push(record.original);
        }
      }
    });
    for (const id of ids) this.firstMark.delete(id);
    for (const node of touched) if (node.isConnected) this.queueScan(node, 'soon');
    this.hooks.onChange?.();
  }

  private unwrap(record: MarkRecord): void {
    unwrapRecord(record);
    this.forget(record);
  }

  /** Drops a record from the bookkeeping (its nodes are already out of the page). */
  private forget(record: MarkRecord): void {
    this.records.delete(record.original);
    this.owner.delete(record.original);
    this.markCount -= record.marks.length;
    for (const mark of record.marks) {
      const id = this.entryOf.get(mark);
      if (id && this.firstMark.get(id) === mark) this.firstMark.delete(id);
    }
  }

  private onMutations(mutations: MutationRecord[]): void {
    if (!this.running) return;
    const began = performance.now();
    try {
      this.handleMutations(mutations);
    } finally {
      this.countWork(performance.now() - began);
    }
  }

  private handleMutations(mutations: MutationRecord[]): void {
    let changed = false;
    for (const m of mutations) {
      if (m.type === 'characterData') {
        const target = m.target;
        const record = this.owner.get(target) ?? this.owner.get(target.parentNode as Node);
        if (record && this.records.get(record.original) === record) {
          // The page rewrote text we had split (frameworks keep the original
          // node and set its data): drop our pieces at once, then re-scan.
          this.unwrap(record);
          changed = true;
          this.addPending(record.original);
        } else if (!record) {
          this.addPending(target);
        }
        continue;
      }
      for (const node of m.removedNodes) {
        const record = node.nodeType === 3 ? this.records.get(node as Text) : undefined;
        if (record) {
          // The page removed its text node; our pieces beside it must go too.
          for (const created of record.created) created.remove();
          this.forget(record);
          changed = true;
        } else if (node.nodeType === 1) {
          this.maybeDetached = true;
        }
      }
      for (const node of m.addedNodes) {
        if (this.owner.has(node) || this.isOwnElement(node)) continue;
        this.addPending(node);
      }
    }
    // What we just did to the DOM is not page activity.
    this.observer.takeRecords();
    if (this.maybeDetached) this.scheduleFlush();
    if (changed) this.hooks.onChange?.();
  }

  private isOwnElement(node: Node): boolean {
    if (node.nodeType !== 1) return false;
    const el = node as Element;
    return el.localName === this.names.hostTag || [...this.styles.values()].includes(el as HTMLStyleElement);
  }

  private addPending(node: Node): void {
    if (node.nodeType !== 1 && node.nodeType !== 3) return;
    this.pending.add(node);
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== null) return;
    // Throttle: a page that changes constantly (a clock, a ticker) is handled
    // at most every flushDelay ms, and the delay grows while it keeps changing.
    const now = performance.now();
    const calm = now - this.lastFlushAt > this.flushDelay * 4;
    this.flushDelay = calm ? LIMITS.minFlushDelay : Math.min(LIMITS.maxFlushDelay, Math.round(this.flushDelay * 1.5));
    this.flushTimer = setTimeout(() => this.flush(), this.flushDelay);
  }

  private flush(): void {
    this.flushTimer = null;
    const started = performance.now();
    this.lastFlushAt = started;
    this.stats.mutationFlushes++;
    const nodes = [...this.pending];
    this.pending.clear();
    if (this.maybeDetached) this.pruneDetached();
    if (nodes.length > LIMITS.hugeBatch) {
      const body = this.doc.body;
      if (body) this.queueScan(body, 'idle');
    } else {
      const roots = nodes.filter(
        (node) =>
          node.isConnected &&
          !this.owner.has(node) &&
          !nodes.some((other) => other !== node && other.contains(node)) &&
          !insideSkipped(node, this.names),
      );
      for (const root of roots) this.queueScan(root, 'soon');
    }
    const took = performance.now() - started;
    this.stats.mutationWorkMs += took;
    this.countWork(took);
  }

  /** Forgets records whose text the page removed, and restores a removed stylesheet. */
  private pruneDetached(): void {
    this.maybeDetached = false;
    for (const record of [...this.records.values()]) {
      if (!record.original.isConnected) this.forget(record);
    }
    if (this.records.size > 0) {
      this.withoutObserving(() => {
        for (const root of this.styles.keys()) this.ensureStyle(root);
      });
    }
  }

  /** In "every occurrence" mode only the first highlight of a term is a tab stop. */
  private scheduleTabStops(): void {
    this.hooks.onChange?.();
    if (this.tabStopsTimer !== null) return;
    this.tabStopsTimer = setTimeout(() => {
      this.tabStopsTimer = null;
      const seen = new Set<string>();
      for (const mark of this.marks()) {
        if (isInLink(mark)) continue; // its link is the tab stop
        const id = this.entryOf.get(mark) as string;
        const first = !seen.has(id);
        seen.add(id);
        if (mark.tabIndex !== (first ? 0 : -1)) {
          this.withoutObserving(() => mark.setAttribute('tabindex', first ? '0' : '-1'));
        }
      }
    }, 200);
  }
}
