/**
 * A PDF in the reader: toolbar (page, zoom, find, text-only view), the pages
 * (drawn lazily by PdfView with a selectable, highlighted text layer), and
 * the messages for a PDF with no text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { MESSAGES } from '../../core/document-input.ts';
import { openPdf } from '../../reader/pdf-open.ts';
import { PdfView, ZOOMS } from '../../reader/pdf-view.ts';
import { LinkDialog } from './LinkDialog.tsx';

interface Props {
  bytes: Uint8Array;
  skip: string;
  onError: (message: string) => void;
  rescan: () => void;
}

/** Lets the page breathe between steps of long work. */
const pause = () => new Promise((r) => setTimeout(r, 0));

export function PdfReader({ bytes, skip, onError, rescan }: Props) {
  const pagesEl = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<PdfView | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(1);
  const [textOnly, setTextOnly] = useState(false);
  const [noText, setNoText] = useState(false);
  const [texts, setTexts] = useState<string[][]>([]);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<number[] | null>(null);
  const [hitIndex, setHitIndex] = useState(0);
  const [link, setLink] = useState<{ url: string; answer: (yes: boolean) => void } | null>(null);
  const skipAttr = { [skip]: '' };
  const reportError = useRef(onError);
  reportError.current = onError;

  useEffect(() => {
    const onError = (m: string) => reportError.current(m);
    let live = true;
    let opened: PdfView | null = null;
    const emptyPages = new Set<number>();
    void openPdf(bytes).then(async (result) => {
      if (!live) {
        if (result.ok) void result.pdf.destroy();
        return;
      }
      if (!result.ok) {
        onError(result.message);
        return;
      }
      const container = pagesEl.current as HTMLDivElement;
      opened = new PdfView(result.pdf, container, {
        onPageChange: setPage,
        onPageDrawn: (n, items) => {
          if (items === 0) emptyPages.add(n);
          // A scan: the first pages drawn have no text at all.
          if (n === 1 && items === 0) setNoText(true);
          if (items > 0) setNoText(false);
        },
        confirmLink: (url) => new Promise((answer) => setLink({ url, answer })),
      });
      try {
        await opened.start(1);
        setView(opened);
      } catch {
        onError(MESSAGES.failed);
      }
    });
    return () => {
      live = false;
      opened?.destroy();
    };
  }, [bytes]);

  /** Reads every page's text, a page at a time, for the text view and find. */
  const readAll = async (v: PdfView): Promise<string[][]> => {
    const out: string[][] = [];
    for (let n = 1; n <= v.pageCount; n++) {
      out.push(await v.pageText(n).catch(() => []));
      if (n % 5 === 0) {
        setTexts([...out]);
        await pause();
      }
    }
    setTexts(out);
    return out;
  };

  const switched = useRef(false);
  useEffect(() => {
    // Not on first render: the document's first highlights are already under way.
    if (switched.current) rescan();
    switched.current = true;
  }, [textOnly, rescan]);

  useEffect(() => {
    if (textOnly && view && texts.length < view.pageCount) void readAll(view);
  }, [textOnly, view]);

  const find = async () => {
    if (!view || !query.trim()) return;
    const needle = query.trim().toLocaleLowerCase();
    const all = texts.length === view.pageCount ? texts : await readAll(view);
    const found = all.flatMap((paras, i) => (paras.join(' ').toLocaleLowerCase().includes(needle) ? [i + 1] : []));
    setHits(found);
    setHitIndex(0);
    if (found[0]) goTo(found[0]);
  };

  const stepHit = (d: 1 | -1) => {
    if (!hits || hits.length === 0) return;
    const i = (hitIndex + d + hits.length) % hits.length;
    setHitIndex(i);
    goTo(hits[i] as number);
  };

  const goTo = (n: number) => {
    if (!view) return;
    if (textOnly) document.getElementById(`text-page-${n}`)?.scrollIntoView({ block: 'start' });
    else view.goTo(n);
    setPage(n);
  };

  const changeZoom = (z: number) => {
    setZoom(z);
    view?.setZoom(z);
  };
  const zi = ZOOMS.indexOf(zoom as (typeof ZOOMS)[number]);
  const count = view?.pageCount ?? 0;

  return (
    <main class="pdf-reader" aria-labelledby="reader-title">
      <div class="pdf-toolbar" role="toolbar" aria-label="Document" {...skipAttr}>
        <button type="button" class="tc-button" disabled={!view || page <= 1} onClick={() => goTo(page - 1)}>
          Previous page
        </button>
        <label class="page-box">
          Page{' '}
          <input
            type="number"
            min={1}
            max={count}
            value={page}
            onChange={(e) => goTo(Number((e.currentTarget as HTMLInputElement).value) || 1)}
          />{' '}
          of {count}
        </label>
        <button type="button" class="tc-button" disabled={!view || page >= count} onClick={() => goTo(page + 1)}>
          Next page
        </button>
        <button type="button" class="tc-button" disabled={zi <= 0} onClick={() => changeZoom(ZOOMS[zi - 1] ?? zoom)}>
          Zoom out
        </button>
        <span class="zoom-level" aria-live="polite">
          {Math.round(zoom * 100)}%
        </span>
        <button
          type="button"
          class="tc-button"
          disabled={zi >= ZOOMS.length - 1}
          onClick={() => changeZoom(ZOOMS[zi + 1] ?? zoom)}
        >
          Zoom in
        </button>
        <button type="button" class="tc-button" aria-pressed={textOnly} onClick={() => setTextOnly(!textOnly)}>
          Text only
        </button>
        <form
          class="find-box"
          onSubmit={(e) => {
            e.preventDefault();
            void find();
          }}
        >
          <label for="find-input">Find in document</label>
          <input
            id="find-input"
            type="search"
            value={query}
            onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="tc-button">
            Find
          </button>
          {hits && hits.length > 1 && (
            <>
              <button type="button" class="tc-button" onClick={() => stepHit(-1)}>
                Previous match
              </button>
              <button type="button" class="tc-button" onClick={() => stepHit(1)}>
                Next match
              </button>
            </>
          )}
        </form>
      </div>
      <p class="find-status" role="status" {...skipAttr}>
        {hits === null
          ? ''
          : hits.length === 0
            ? `“${query}” is not in this document.`
            : `“${query}” is on ${hits.length} page${hits.length > 1 ? 's' : ''}; showing page ${hits[hitIndex]}.`}
      </p>
      {noText && (
        <p class="error" role="alert" {...skipAttr}>
          {MESSAGES.scanned}
        </p>
      )}
      <div ref={pagesEl} class="pdf-pages" hidden={textOnly} />
      {textOnly && (
        <article class="doc-text" aria-label="Document text">
          {texts.map((paras, i) => (
            <section key={i} id={`text-page-${i + 1}`} aria-labelledby={`text-page-h-${i + 1}`}>
              <h2 id={`text-page-h-${i + 1}`} {...skipAttr}>
                Page {i + 1}
              </h2>
              {paras.length === 0 ? (
                <p class="muted" {...skipAttr}>
                  (No text on this page.)
                </p>
              ) : (
                paras.map((p, j) => <p key={j}>{p}</p>)
              )}
            </section>
          ))}
          {view && texts.length < view.pageCount && (
            <p class="muted" role="status" {...skipAttr}>
              Reading pages… {texts.length} of {view.pageCount}
            </p>
          )}
        </article>
      )}
      {link && (
        <LinkDialog
          url={link.url}
          skip={skip}
          onAnswer={(yes) => {
            link.answer(yes);
            setLink(null);
          }}
        />
      )}
    </main>
  );
}
