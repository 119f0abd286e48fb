/**
 * MS Lens inside its own reader and My words pages: the same highlighter,
 * matcher, popover and settings as on web pages (src/page/lens.ts), applied
 * to the document's text layer or text view. Page chrome carries
 * `names.skipAttr` and is never highlighted.
 */
import { readIndex } from 'virtual:glossary-index';
import { matcherForSelection } from '../core/glossary-index.ts';
import type { Settings } from '../core/settings.ts';
import { Highlighter } from '../page/highlighter.ts';
import { markCss } from '../page/mark-styles.ts';
import { type PageNames, pageNames } from '../page/page-names.ts';
import { PopoverController } from '../page/popover/popover-controller.ts';
import { createSurface } from '../page/popover/popover-surface.ts';
import { entryById, termOf } from '../platform/glossary-entries.ts';
import { isWordSaved, noteOpened, setWordSaved } from '../platform/my-words-store.ts';
import { getPageKey, loadSettings, setTermOff, watchSettings } from '../platform/settings-store.ts';
import { openGlossaryPage } from '../platform/tabs.ts';

export class ReaderLens {
  private highlighter: Highlighter | null = null;
  private popover: PopoverController | null = null;
  private readonly matcherFor = matcherForSelection(readIndex);
  private stopWatching: (() => void) | null = null;

  private constructor(
    private readonly doc: Document,
    readonly names: PageNames,
    private settings: Settings,
  ) {}

  /** Starts highlighting the reader page; it follows text the page adds later. */
  static async start(doc: Document = document): Promise<ReaderLens> {
    const [key, { settings }] = await Promise.all([getPageKey(), loadSettings()]);
    const lens = new ReaderLens(doc, pageNames(key), settings);
    lens.apply();
    lens.stopWatching = watchSettings(({ settings: next }) => {
      lens.settings = next;
      lens.apply();
    });
    return lens;
  }

  /** Highlights in the page now (for tests and the benchmark through the page's own state). */
  marks(): HTMLElement[] {
    return this.highlighter?.marks() ?? [];
  }

  get idle(): boolean {
    return this.highlighter?.idle ?? true;
  }

  get stats(): Highlighter['stats'] | null {
    return this.highlighter?.stats ?? null;
  }

  /**
   * Highlights afresh after the reader switches view (pages or text only): with
   * "first occurrence only", the first occurrences must be in the view shown.
   */
  rescan(): void {
    if (!this.highlighter) return;
    this.highlighter.stop();
    this.highlighter.start();
  }

  destroy(): void {
    this.stopWatching?.();
    this.popover?.destroy();
    this.highlighter?.stop();
  }

  private apply(): void {
    const s = this.settings;
    const config = {
      matcher: this.matcherFor(s),
      occurrences: s.occurrences,
      contextRule: s.contextRule,
      css: markCss(this.names, s.highlightStyle),
    };
    const prefs = { trigger: s.trigger, hoverDelayMs: s.hoverDelayMs, theme: s.theme, fontSize: s.fontSize };
    this.popover ??= new PopoverController(
      {
        doc: this.doc,
        names: this.names,
        loadSurface: async (onAnchorHidden) => createSurface(this.doc, this.names, onAnchorHidden),
        entryIdOf: (el) => this.highlighter?.entryIdOf(el) ?? null,
        loadEntry: (id) => Promise.resolve(entryById(id) ?? null),
        termOf,
        openGlossary: (id) => openGlossaryPage(id),
        setKnown: (id, known) => void setTermOff(id, known),
        words: {
          isSaved: isWordSaved,
          setSaved: setWordSaved,
          opened: (id) => void noteOpened(id).catch(() => undefined),
        },
      },
      prefs,
    );
    const popover = this.popover;
    popover.setPrefs(prefs);
    if (this.highlighter) {
      this.highlighter.update(config);
      return;
    }
    this.highlighter = new Highlighter(this.doc, this.names, config);
    this.highlighter.start();
  }
}
