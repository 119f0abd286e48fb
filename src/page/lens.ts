/**
 * MS Lens in one page (or frame): reads settings, highlights, shows the
 * popover, follows settings changes live, answers the popup, and cleans up
 * completely when it is turned off, replaced by a newer copy of itself
 * (extension update or reload), or orphaned.
 */
import { matcherForSelection } from '../core/glossary-index.ts';
import type { GlossaryEntry } from '../core/glossary-types.ts';
import { type CompiledMatcher, compileMatcher, findCandidates } from '../core/matcher.ts';
import type { Settings } from '../core/settings.ts';
import { hostOf, isSiteEnabled } from '../core/sites.ts';
import type { PageTerms, TabHandlers } from '../platform/messages.ts';
import { onHandover, takeOver } from './handover.ts';
import { Highlighter, LIMITS } from './highlighter.ts';
import type { LensDeps } from './lens-deps.ts';
import { markCss } from './mark-styles.ts';
import { type PageNames, pageNames } from './page-names.ts';
import { PopoverController } from './popover/popover-controller.ts';
import type { PopoverSurface } from './popover/popover-surface.ts';
import { publishedSurface } from './popover/surface-global.ts';
import { TEST_HOOKS } from './test-hooks.ts';

/** When this copy of the content script started running. */
const SCRIPT_START = performance.now();

/** Figures for the benchmark and tests (see Lens.start). */
export interface Diagnostics {
  /** When the bundle began to evaluate, and when this module did (after its imports). */
  loadedAt: number;
  scriptStart: number;
  /** Start-up work once settings were read: matcher (built before the DOM is ready), highlighter, first slice queued. */
  startupMs: number;
  /** Time from the end of the hover delay (or focus, click) to a rendered definition. */
  popoverMs: number[];
  /** The last time highlighting was turned off here: how long removal took and how many marks it removed. */
  lastStop: { ms: number; marks: number } | null;
  active: boolean;
  idle: boolean;
  marks: number;
  errors: number;
  stats: Highlighter['stats'] | null;
}

export class Lens {
  private highlighter: Highlighter | null = null;
  private readonly matcherFor: ReturnType<typeof matcherForSelection>;
  /** The matcher for every entry, whatever the settings ("Explain selection" finds everyday words too). */
  private wholeGlossary: CompiledMatcher | null = null;
  /** Entry id to term, for the popover: built when the first popover needs it, not on every page load. */
  private termOf: Map<string, string> | null = null;
  private popover: PopoverController | null = null;
  private settings: Settings;
  private readonly cache = new Map<string, Promise<GlossaryEntry | null>>();
  private readonly cleanup: (() => void)[] = [];
  private reportTimer: ReturnType<typeof setTimeout> | null = null;
  private lastUrl: string;
  /** The term list last sent to the background, so unchanged lists are not sent again. */
  private reported = '';
  private destroyed = false;
  private startupMs = 0;
  private lastStop: { ms: number; marks: number } | null = null;
  private loadedAt = SCRIPT_START;

  constructor(
    private readonly doc: Document,
    private readonly names: PageNames,
    settings: Settings,
    private readonly deps: LensDeps,
  ) {
    this.settings = settings;
    this.matcherFor = matcherForSelection(deps.readIndex);
    this.lastUrl = deps.url();
  }

  /**
   * Starts MS Lens in this document. Settings are read and the matcher built
   * as soon as the script runs (document_start), while the page is still
   * loading; highlighting starts once `domReady` resolves.
   */
  static async start(
    doc: Document,
    deps: LensDeps,
    loadedAt = SCRIPT_START,
    domReady = Promise.resolve(),
  ): Promise<Lens> {
    // One round of storage reads, in parallel (the test builds also read lowered limits).
    const [key, settings, limits] = await Promise.all([deps.pageKey(), deps.loadSettings(), deps.testLimits()]);
    Object.assign(LIMITS, limits);
    const lens = new Lens(doc, pageNames(key), settings, deps);
    const prepared = performance.now();
    if (lens.siteEnabled()) lens.matcherFor(settings);
    const matcherMs = performance.now() - prepared;
    await domReady;
    const began = performance.now() - matcherMs;
    takeOver(doc, lens.names);
    lens.listen();
    await lens.apply();
    lens.startupMs = performance.now() - began;
    lens.loadedAt = loadedAt;
    if (TEST_HOOKS) {
      // Readable only in the content script's own world: pages cannot see it. Test builds only.
      (globalThis as { msLensDiagnostics?: () => Diagnostics }).msLensDiagnostics = () => lens.diagnostics();
    }
    return lens;
  }

  diagnostics(): Diagnostics {
    const h = this.highlighter;
    return {
      loadedAt: this.loadedAt,
      scriptStart: SCRIPT_START,
      startupMs: this.startupMs,
      popoverMs: this.popover?.latencies ?? [],
      lastStop: this.lastStop,
      active: h !== null,
      idle: h?.idle ?? true,
      marks: h?.marks().length ?? 0,
      errors: h?.errors ?? 0,
      stats: h ? { ...h.stats } : null,
    };
  }

  /** Whether highlighting is on for this page. */
  get active(): boolean {
    return this.highlighter !== null;
  }

  /** Takes everything out of the page and stops listening. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.turnOff();
    for (const fn of this.cleanup.splice(0)) fn();
    if (this.reportTimer) clearTimeout(this.reportTimer);
  }

  private listen(): void {
    const { deps } = this;
    this.cleanup.push(onHandover(this.doc, this.names, () => this.destroy()));
    this.cleanup.push(
      deps.watchSettings((settings) => {
        if (this.destroyed) return;
        this.settings = settings;
        void this.apply();
      }),
    );
    this.cleanup.push(deps.listenTabRequests(this.requests));
    // Single-page apps change the URL without loading a page (history.pushState).
    // The Navigation API reports that; where it is missing, poll once a second.
    const { navigation } = deps;
    if (navigation) {
      const onNavigate = () => setTimeout(() => this.checkLocation(), 0);
      navigation.addEventListener('currententrychange', onNavigate);
      this.cleanup.push(() => navigation.removeEventListener('currententrychange', onNavigate));
    } else {
      const timer = setInterval(() => this.checkLocation(), 1000);
      this.cleanup.push(() => clearInterval(timer));
    }
  }

  private checkLocation(): void {
    const url = this.deps.url();
    if (url === this.lastUrl) return;
    this.lastUrl = url;
    this.highlighter?.onNavigate();
  }

  /** Turns highlighting on, off or updates it to match the settings. */
  private async apply(): Promise<void> {
    const s = this.settings;
    if (!this.siteEnabled()) {
      this.turnOff();
      return;
    }
    const matcher = this.matcherFor(s);
    const config = {
      matcher,
      occurrences: s.occurrences,
      contextRule: s.contextRule,
      css: markCss(this.names, s.highlightStyle),
    };
    const popover = this.ensurePopover();
    popover.setPrefs(this.popoverPrefs());
    if (this.highlighter) {
      this.highlighter.update(config);
      return;
    }
    this.highlighter = new Highlighter(this.doc, this.names, config, { onChange: () => this.scheduleReport() });
    this.highlighter.start();
  }

  /** Whether the reader's site rules let MS Lens highlight this page. */
  private siteEnabled(): boolean {
    return isSiteEnabled(hostOf(this.deps.url()) ?? '', this.settings);
  }

  private popoverPrefs() {
    const s = this.settings;
    return { trigger: s.trigger, hoverDelayMs: s.hoverDelayMs, theme: s.theme, fontSize: s.fontSize };
  }

  private ensurePopover(): PopoverController {
    this.popover ??= new PopoverController(
      {
        doc: this.doc,
        names: this.names,
        loadSurface: (onAnchorHidden) => this.loadSurface(onAnchorHidden),
        entryIdOf: (el) => this.highlighter?.entryIdOf(el) ?? null,
        loadEntry: (id) => this.loadEntry(id),
        termOf: (id) => this.termNamed(id),
        openGlossary: (id) => void this.deps.askBackground({ type: 'open-glossary', id }).catch(() => this.orphaned()),
        setKnown: (id, known) => void this.deps.setTermOff(id, known).catch(() => this.orphaned()),
        words: this.deps.words,
      },
      this.popoverPrefs(),
    );
    return this.popover;
  }

  /** The popover's view: injected by the background into this frame the first time it is needed. */
  private async loadSurface(onAnchorHidden: () => void): Promise<PopoverSurface> {
    if (!publishedSurface()) {
      const loaded = await this.deps.askBackground({ type: 'load-popover' }).catch(() => {
        this.orphaned();
        return false;
      });
      if (!loaded) throw new Error('The background could not load the popover into this frame.');
    }
    const create = publishedSurface();
    if (!create) throw new Error('The popover did not load.');
    return create(this.doc, this.names, onAnchorHidden);
  }

  private termNamed(id: string): string | undefined {
    this.termOf ??= new Map(this.deps.readIndex().map((e) => [e.id, e.forms[0] ?? e.id]));
    return this.termOf.get(id);
  }

  private turnOff(): void {
    this.popover?.destroy();
    this.popover = null;
    if (this.highlighter) {
      this.highlighter.stop();
      const { lastStopMs, lastStopMarks } = this.highlighter.stats;
      this.lastStop = { ms: lastStopMs, marks: lastStopMarks };
    }
    this.highlighter = null;
    this.scheduleReport();
  }

  private loadEntry(id: string): Promise<GlossaryEntry | null> {
    let pending = this.cache.get(id);
    if (!pending) {
      pending = this.deps.askBackground({ type: 'get-entry', id }).catch(() => {
        this.orphaned();
        return null;
      });
      this.cache.set(id, pending);
    }
    return pending;
  }

  /** The extension was updated, reloaded or removed under us: leave the page clean. */
  private orphaned(): void {
    if (!this.deps.extensionAlive()) this.destroy();
  }

  private pageTerms(): PageTerms {
    return { active: this.active, terms: this.highlighter?.termCounts() ?? [] };
  }

  private scheduleReport(): void {
    if (this.reportTimer || this.destroyed) return;
    this.reportTimer = setTimeout(() => {
      this.reportTimer = null;
      const ids = this.pageTerms().terms.map((t) => t.id);
      // Pages without terms (most of the web) never wake the background.
      if (ids.join() === this.reported) return;
      this.reported = ids.join();
      this.deps.askBackground({ type: 'page-terms', ids }).catch(() => this.orphaned());
    }, 400);
  }

  /** Answers to the popup and the background (destroy() stops listening). */
  private readonly requests: TabHandlers = {
    'get-page-terms': () => this.pageTerms(),
    'reveal-term': ({ id }) => {
      const mark = this.highlighter?.marks().find((m) => this.highlighter?.entryIdOf(m) === id);
      if (mark && this.popover) this.popover.reveal(mark, `${this.names.markClass}-flash`);
      return Boolean(mark);
    },
    'step-term': ({ direction }) => this.step(direction),
    'explain-selection': ({ text, choices }) => this.explainSelection(text, choices),
  };

  /** Moves to the next or previous highlight after the focused one and opens it. */
  private step(direction: 1 | -1): boolean {
    const marks = this.highlighter?.marks() ?? [];
    if (marks.length === 0 || !this.popover) return false;
    const active = this.doc.activeElement;
    let i = active ? marks.indexOf(active as HTMLElement) : -1;
    if (i < 0) {
      // Start from what is on screen.
      i = marks.findIndex((m) => m.getBoundingClientRect().top >= 0) - (direction === 1 ? 1 : 0);
    }
    const next = marks[(i + direction + marks.length) % marks.length];
    if (!next) return false;
    this.popover.reveal(next, `${this.names.markClass}-flash`);
    return true;
  }

  /** Context menu: the entry for the selected words, or the closest search results. */
  private explainSelection(text: string, choices: { id: string; term: string }[]): boolean {
    const selection = this.doc.getSelection();
    if (!selection || selection.rangeCount === 0) return false;
    const range = selection.getRangeAt(0);
    this.wholeGlossary ??= compileMatcher(this.deps.readIndex());
    const exact = findCandidates(text.trim(), this.wholeGlossary).find(
      (c) => c.rejected === null && c.start === 0 && c.end === text.trim().length,
    );
    const label = choices.length > 0 ? `Closest matches for “${text.trim()}”:` : `No entry matches “${text.trim()}”.`;
    this.ensurePopover().explainSelection(range, exact?.entryId ?? null, choices, label);
    return true;
  }
}
