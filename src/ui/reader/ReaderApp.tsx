/**
 * The document reader: open a PDF or text file, or paste text;
 * MS Lens highlights and explains its words as on web pages. Nothing is
 * uploaded or stored. The page chrome carries `skip` so only the document's
 * own text is highlighted.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { classifyDocument, MESSAGES, textParagraphs } from '../../core/document-input.ts';
import { ensureAccess, FILE_ACCESS_MESSAGE, fetchDocument } from '../../platform/document-fetch.ts';
import { useSettings, useThemeOn } from '../use-settings.ts';
import { PdfReader } from './PdfReader.tsx';
import { TextReader } from './TextReader.tsx';

type Doc =
  | { kind: 'none' }
  | { kind: 'pdf'; name: string; bytes: Uint8Array }
  | { kind: 'text'; name: string; paragraphs: string[] };

export interface ReaderAppProps {
  /** Attribute that keeps MS Lens from highlighting the page's own controls. */
  skip: string;
  /** Address of a document to offer opening (?url=), from the popup or context menu. */
  remoteUrl: string | null;
  /** Highlight afresh (the view changed between pages and text only). */
  rescan: () => void;
}

async function readFile(file: File): Promise<Doc | { kind: 'error'; message: string }> {
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  const kind = classifyDocument(file.size, head);
  if (kind.kind === 'refused') return { kind: 'error', message: kind.message };
  if (kind.kind === 'pdf') return { kind: 'pdf', name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  const paragraphs = textParagraphs(await file.text());
  if (paragraphs.length === 0) return { kind: 'error', message: MESSAGES.empty };
  return { kind: 'text', name: file.name, paragraphs };
}

export function ReaderApp({ skip, remoteUrl, rescan }: ReaderAppProps) {
  const { settings } = useSettings();
  useThemeOn(document.documentElement, settings);
  const [doc, setDoc] = useState<Doc>({ kind: 'none' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [pasted, setPasted] = useState('');
  const skipAttr = { [skip]: '' };
  const heading = useRef<HTMLHeadingElement>(null);

  const show = (next: Doc | { kind: 'error'; message: string }) => {
    if (next.kind === 'error') {
      setError(next.message);
      return;
    }
    setError(null);
    setDoc(next);
  };

  const openFile = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setBusy(true);
    try {
      show(await readFile(file));
    } catch {
      setError('This file could not be read.');
    } finally {
      setBusy(false);
    }
  };

  const openRemote = async () => {
    if (!remoteUrl) return;
    setBusy(true);
    setError(null);
    try {
      if (!(await ensureAccess(remoteUrl))) {
        setError(
          remoteUrl.startsWith('file:')
            ? FILE_ACCESS_MESSAGE
            : 'MS Lens needs your permission to download this document from its website.',
        );
        return;
      }
      const fetched = await fetchDocument(remoteUrl);
      if (!fetched.ok) {
        setError(fetched.message);
        return;
      }
      const name = decodeURIComponent(new URL(remoteUrl).pathname.split('/').pop() || remoteUrl);
      if (fetched.kind === 'pdf') show({ kind: 'pdf', name, bytes: fetched.bytes });
      else show({ kind: 'text', name, paragraphs: textParagraphs(new TextDecoder().decode(fetched.bytes)) });
    } finally {
      setBusy(false);
    }
  };

  const explainPasted = () => {
    const paragraphs = textParagraphs(pasted);
    if (paragraphs.length === 0) {
      setError('Paste or type some text first.');
      return;
    }
    show({ kind: 'text', name: 'Pasted text', paragraphs });
  };

  const close = () => {
    setDoc({ kind: 'none' });
    setError(null);
  };

  // Drag and drop anywhere on the page opens the dropped file.
  const openRef = useRef(openFile);
  openRef.current = openFile;
  useEffect(() => {
    const over = (e: DragEvent) => {
      e.preventDefault();
      setDragging(true);
    };
    const leave = () => setDragging(false);
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      void openRef.current(e.dataTransfer?.files[0]);
    };
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
    };
  }, []);

  useEffect(() => {
    document.title = doc.kind === 'none' ? 'MS Lens reader' : `${doc.name} – MS Lens reader`;
    heading.current?.focus();
  }, [doc]);

  return (
    <div class={`reader${dragging ? ' reader-drop' : ''}`}>
      <header class="reader-head" {...skipAttr}>
        <h1 ref={heading} tabIndex={-1} id="reader-title">
          {doc.kind === 'none' ? 'MS Lens reader' : doc.name}
        </h1>
        {doc.kind !== 'none' && (
          <button type="button" class="tc-button" onClick={close}>
            Open another document
          </button>
        )}
      </header>
      {error && (
        <p class="error reader-error" role="alert" {...skipAttr}>
          {error}
        </p>
      )}
      {busy && (
        <p class="muted" role="status" {...skipAttr}>
          Opening…
        </p>
      )}
      {doc.kind === 'none' && (
        <main class="reader-start" aria-labelledby="reader-title" {...skipAttr}>
          <p>
            Open a PDF or text file, or paste text such as a letter or report. MS Lens highlights the hard words and
            explains them. Your document stays on this computer: nothing is uploaded or saved.
          </p>
          {remoteUrl && (
            <section class="reader-card" aria-labelledby="remote-title">
              <h2 id="remote-title">Document from the web</h2>
              <p class="reader-url">{remoteUrl}</p>
              <p class="muted">
                MS Lens downloads this one document when you click, without your cookies or sign-ins, and keeps it only
                in this tab.
              </p>
              <button type="button" class="tc-button primary" disabled={busy} onClick={() => void openRemote()}>
                Open this document
              </button>
            </section>
          )}
          <section class="reader-card" aria-labelledby="file-title">
            <h2 id="file-title">A file on this computer</h2>
            <label class="tc-button primary file-button">
              Open a file (PDF or text)
              <input
                type="file"
                accept=".pdf,.txt,application/pdf,text/plain"
                class="visually-hidden"
                onChange={(e) => void openFile((e.currentTarget as HTMLInputElement).files?.[0])}
              />
            </label>
            <p class="muted">Or drag a file onto this page.</p>
          </section>
          <section class="reader-card" aria-labelledby="paste-title">
            <h2 id="paste-title">Paste text</h2>
            <label for="paste-box">Text to explain</label>
            <textarea
              id="paste-box"
              rows={8}
              value={pasted}
              onInput={(e) => setPasted((e.currentTarget as HTMLTextAreaElement).value)}
            />
            <button type="button" class="tc-button primary" onClick={explainPasted}>
              Explain this text
            </button>
          </section>
        </main>
      )}
      {doc.kind === 'pdf' && (
        <PdfReader
          key={doc.bytes}
          rescan={rescan}
          bytes={doc.bytes}
          skip={skip}
          onError={(m) => {
            setDoc({ kind: 'none' });
            setError(m);
          }}
        />
      )}
      {doc.kind === 'text' && <TextReader paragraphs={doc.paragraphs} skip={skip} />}
    </div>
  );
}
