/**
 * What the popover shows: one entry at a time, with Back after following a
 * related link, or a short list of entries to choose from (context menu).
 * A non-modal dialog labelled by the term.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { GlossaryEntry } from '../../core/glossary-types.ts';
import { TermCard } from '../../ui/TermCard.tsx';

export interface PopoverViewProps {
  /** Entry to show first; or choices to pick from. */
  startId: string | null;
  choices?: { id: string; term: string }[];
  /** Heading for a choice list ("Closest matches for …"). */
  choicesLabel?: string;
  loadEntry: (id: string) => Promise<GlossaryEntry | null>;
  termOf: (id: string) => string | undefined;
  /** Move keyboard focus into the dialog when it opens. */
  takeFocus: boolean;
  onClose: () => void;
  onOpenGlossary: (id: string) => void;
  /** "I know this word" (and Undo); offered only for a highlighted term. */
  onKnow?: (id: string, known: boolean) => void;
  /** Content changed size (for repositioning). */
  onResize: () => void;
  /** The first entry is on screen (for the benchmark's latency figure). */
  onReady?: () => void;
  /** "My words": the star that saves a term, when offered. */
  words?: WordsAccess;
}

/** Saving terms to "My words" from the popover. */
export interface WordsAccess {
  isSaved: (id: string) => Promise<boolean>;
  setSaved: (id: string, saved: boolean) => Promise<boolean>;
  /** An explanation was shown (recorded only if the reader keeps a history). */
  opened: (id: string) => void;
}

/** The star button: saves the shown term to My words, or takes it out again. */
function StarButton({ id, term, words }: { id: string; term: string; words: WordsAccess }) {
  const [saved, setSaved] = useState<boolean | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    let live = true;
    words.isSaved(id).then(
      (s) => live && setSaved(s),
      () => live && setSaved(false),
    );
    return () => {
      live = false;
    };
  }, [id, words]);
  const toggle = () => {
    const next = !saved;
    setSaved(next);
    words.setSaved(id, next).then(
      () => setError(false),
      () => {
        setSaved(!next);
        setError(true);
      },
    );
  };
  return (
    <>
      <button
        type="button"
        class="tc-button pop-star"
        aria-pressed={saved === true}
        disabled={saved === null}
        onClick={toggle}
      >
        <span aria-hidden="true">{saved ? '★ ' : '☆ '}</span>
        {saved ? 'Saved in My words' : 'Save to My words'}
      </button>
      <span class={error ? 'pop-hint' : 'visually-hidden'} role="status">
        {error ? 'Could not save. Try again.' : saved ? `“${term}” is in your list of words to ask about.` : ''}
      </span>
    </>
  );
}

type Loaded = { state: 'loading' } | { state: 'ready'; entry: GlossaryEntry } | { state: 'missing' };

/** How long the Undo of "I know this word" stays, unless the reader is pointing at or in the popover. */
export const UNDO_MS = 10_000;

export function PopoverView(props: PopoverViewProps) {
  const { loadEntry, termOf, onClose, onOpenGlossary, onResize } = props;
  const [stack, setStack] = useState<string[]>(props.startId ? [props.startId] : []);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const dialog = useRef<HTMLDivElement>(null);
  const current = stack.at(-1) ?? null;
  const headingId = 'pop-term';

  useEffect(() => {
    if (!current) return;
    let live = true;
    setLoaded({ state: 'loading' });
    loadEntry(current).then(
      (entry) => live && setLoaded(entry ? { state: 'ready', entry } : { state: 'missing' }),
      () => live && setLoaded({ state: 'missing' }),
    );
    return () => {
      live = false;
    };
  }, [current, loadEntry]);

  useLayoutEffect(() => {
    onResize();
  }, [loaded, stack, onResize]);

  const { onReady, words } = props;
  const ready = loaded.state === 'ready';
  useLayoutEffect(() => {
    if (ready) onReady?.();
  }, [ready, onReady]);
  const readyId = loaded.state === 'ready' ? loaded.entry.id : null;
  useEffect(() => {
    if (readyId) words?.opened(readyId);
  }, [readyId, words]);

  useEffect(() => {
    if ((props.takeFocus || stack.length > 1) && loaded.state !== 'loading') dialog.current?.focus();
  }, [loaded, stack.length, props.takeFocus]);

  const [known, setKnown] = useState<GlossaryEntry | null>(null);
  const undo = useRef<HTMLButtonElement>(null);
  const hovered = useRef(false);
  const { onKnow } = props;
  // The popover keeps its height while it shows the Undo, so it does not shrink from under the
  // pointer (which would then rest on the page, perhaps on another term, and open that).
  const [keptHeight, setKeptHeight] = useState<number | null>(null);
  const knowWord = (entry: GlossaryEntry) => {
    setKeptHeight(dialog.current?.getBoundingClientRect().height ?? null);
    onKnow?.(entry.id, true);
    setKnown(entry);
  };
  const undoKnown = () => {
    if (!known) return;
    onKnow?.(known.id, false);
    setKnown(null);
  };
  useEffect(() => {
    if (!known) return;
    undo.current?.focus();
    // The Undo stays while the reader is using the popover, then it closes.
    let waited = 0;
    const timer = setInterval(() => {
      waited += 500;
      const root = dialog.current?.getRootNode() as ShadowRoot | Document | undefined;
      const busy = hovered.current || (root?.activeElement != null && dialog.current?.contains(root.activeElement));
      if (waited >= UNDO_MS && !busy) onClose();
    }, 500);
    return () => clearInterval(timer);
  }, [known, onClose]);

  const open = (id: string) => setStack([...stack, id]);
  const back = () => setStack(stack.slice(0, -1));
  const label = current ? undefined : (props.choicesLabel ?? 'MS Lens');

  return (
    <div
      ref={dialog}
      class="pop-dialog"
      role="dialog"
      aria-modal="false"
      aria-labelledby={!known && current && loaded.state === 'ready' ? headingId : undefined}
      aria-label={known ? `MS Lens: ${known.term}` : current && loaded.state === 'ready' ? undefined : label}
      tabIndex={-1}
      style={known && keptHeight ? { minHeight: `${keptHeight}px` } : undefined}
      onPointerEnter={() => {
        hovered.current = true;
      }}
      onPointerLeave={() => {
        hovered.current = false;
      }}
    >
      <div class="pop-bar">
        {stack.length > (props.startId ? 1 : 0) && (
          <button type="button" class="tc-button" onClick={back}>
            <span aria-hidden="true">← </span>Back
          </button>
        )}
        <span class="pop-brand">MS Lens</span>
        {/* Near the top, so saving a word never needs scrolling to the end of a long explanation. */}
        {words && !known && current && loaded.state === 'ready' && (
          <StarButton id={loaded.entry.id} term={loaded.entry.term} words={words} />
        )}
        <button type="button" class="tc-button pop-close" aria-label="Close" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {!current && (
        <>
          <p class="pop-status">{props.choicesLabel}</p>
          {props.choices && props.choices.length > 0 ? (
            <ul class="pop-results">
              {props.choices.map((c) => (
                <li key={c.id}>
                  <button type="button" class="tc-button" onClick={() => open(c.id)}>
                    {c.term}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p>No glossary entry matches this text.</p>
          )}
        </>
      )}
      {current && loaded.state === 'loading' && <p class="pop-status">Loading…</p>}
      {current && loaded.state === 'missing' && <p class="pop-status">This entry could not be loaded.</p>}
      {known && (
        <div class="pop-known">
          <p role="status">
            “{known.term}” will no longer be highlighted, on any page. You can bring it back here or in MS Lens options.
          </p>
          <button ref={undo} type="button" class="tc-button" onClick={undoKnown}>
            Undo
          </button>
        </div>
      )}
      {!known && current && loaded.state === 'ready' && (
        <>
          <TermCard
            key={loaded.entry.id}
            entry={loaded.entry}
            headingId={headingId}
            termOf={termOf}
            onOpenEntry={open}
            onOpenGlossary={onOpenGlossary}
          />
          {onKnow && stack.length === 1 && (
            <p class="pop-actions">
              <button
                type="button"
                class="tc-button pop-know"
                aria-describedby="pop-know-hint"
                onClick={() => knowWord(loaded.entry)}
              >
                I know this word
              </button>
              <span id="pop-know-hint" class="pop-hint">
                Stops highlighting “{loaded.entry.term}”
              </span>
            </p>
          )}
        </>
      )}
    </div>
  );
}
