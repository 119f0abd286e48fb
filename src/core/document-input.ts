/**
 * What a file or a fetched document is, before anything parses it, and the
 * messages a reader sees when it cannot be read. Pure: no DOM.
 */

/** Larger files are refused before reading: PDF.js would hold several copies in memory. */
export const MAX_DOCUMENT_BYTES = 100 * 1024 * 1024;
/** Pasted or text-file text beyond this is cut (a clinic letter is a few KB). */
export const MAX_TEXT_CHARS = 2_000_000;

export type InputKind = { kind: 'pdf' } | { kind: 'text' } | { kind: 'refused'; message: string };

export const MESSAGES = {
  empty: 'This file is empty: there is nothing in it to read.',
  tooBig: (bytes: number) =>
    `This file is too big to open here (${Math.round(bytes / (1024 * 1024))} MB; the limit is ${
      MAX_DOCUMENT_BYTES / (1024 * 1024)
    } MB). Try a smaller copy or split it into parts.`,
  image:
    'This is a picture, not a PDF or text file. MS Lens cannot read words in pictures. If it is a scan of a letter, ask for a text or PDF copy.',
  unknown: 'MS Lens can open PDF files and plain text files. This file is neither.',
  corrupt: 'This PDF is damaged or is not really a PDF, so it cannot be shown. Try downloading it again.',
  password:
    'This PDF is protected by a password. MS Lens does not open protected PDFs: open it in your PDF viewer instead.',
  scanned:
    'This PDF has no text that MS Lens can read: it looks like a scan or a picture of pages. MS Lens cannot explain words in pictures.',
  failed: 'This PDF could not be read. It may be damaged or use features MS Lens does not support.',
  tooManyPages: (pages: number) =>
    `This PDF says it has ${pages.toLocaleString('en')} pages, more than MS Lens can show (the limit is ${MAX_PAGES.toLocaleString('en')}).`,
} as const;

/** Documents claiming more pages than this are refused (a malformed page count must not hang the page). */
export const MAX_PAGES = 5_000;

const IMAGE_SIGNATURES: number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x42, 0x4d], // BMP
  [0x49, 0x49, 0x2a, 0x00], // TIFF (little-endian)
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF (big-endian)
];

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

function isImage(head: Uint8Array): boolean {
  if (IMAGE_SIGNATURES.some((sig) => startsWith(head, sig))) return true;
  // RIFF....WEBP
  return startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8);
}

/** Whether the first KB holds "%PDF-" (readers accept junk before it, so do we). */
export function isPdf(head: Uint8Array): boolean {
  const limit = Math.min(head.length - 5, 1024);
  for (let i = 0; i <= limit; i++) {
    if (
      head[i] === 0x25 &&
      head[i + 1] === 0x50 &&
      head[i + 2] === 0x44 &&
      head[i + 3] === 0x46 &&
      head[i + 4] === 0x2d
    )
      return true;
  }
  return false;
}

/** Whether bytes look like text: no NUL bytes and few control characters. */
function looksLikeText(head: Uint8Array): boolean {
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control <= head.length / 100;
}

/**
 * Decides from the size and the first bytes (a few KB are enough) how a
 * document is opened, or why it is refused, before it is read in full.
 */
export function classifyDocument(size: number, head: Uint8Array): InputKind {
  if (size === 0) return { kind: 'refused', message: MESSAGES.empty };
  if (size > MAX_DOCUMENT_BYTES) return { kind: 'refused', message: MESSAGES.tooBig(size) };
  if (isPdf(head)) return { kind: 'pdf' };
  if (isImage(head)) return { kind: 'refused', message: MESSAGES.image };
  if (looksLikeText(head)) return { kind: 'text' };
  return { kind: 'refused', message: MESSAGES.unknown };
}

/** The message for an error thrown while PDF.js opens a document (its exceptions are told apart by name). */
export function pdfErrorMessage(err: unknown): string {
  const name = err !== null && typeof err === 'object' && 'name' in err ? String(err.name) : '';
  if (name === 'PasswordException') return MESSAGES.password;
  if (name === 'InvalidPDFException' || name === 'MissingPDFException') return MESSAGES.corrupt;
  return MESSAGES.failed;
}

/** One piece of text as PDF.js reports it (a subset of its TextItem). */
export interface TextPiece {
  str: string;
  hasEOL?: boolean;
}

/**
 * A page's text as paragraphs for the text-only view: pieces joined into
 * lines, lines into paragraphs at blank lines, hyphenated line breaks
 * ("demyelin-" + "ation") joined.
 */
export function pageParagraphs(pieces: readonly TextPiece[]): string[] {
  const lines: string[] = [];
  let line = '';
  for (const p of pieces) {
    line += p.str;
    if (p.hasEOL) {
      lines.push(line);
      line = '';
    }
  }
  if (line) lines.push(line);
  const paragraphs: string[] = [];
  let current = '';
  for (const raw of lines) {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (!text) {
      if (current) paragraphs.push(current);
      current = '';
      continue;
    }
    if (!current) current = text;
    else if (/[a-z]-$/i.test(current) && /^[a-z]/.test(text)) current = current.slice(0, -1) + text;
    else current = `${current} ${text}`;
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

/** Paragraphs of pasted or plain-text input: blank lines separate them. */
export function textParagraphs(text: string): string[] {
  return text
    .slice(0, MAX_TEXT_CHARS)
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/[ \t]+/g, ' ').trim())
    .filter((p) => p.length > 0);
}

/** Whether a tab's address probably shows a PDF (the popup offers "Explain this PDF" then). */
export function looksLikePdfUrl(url: string): boolean {
  try {
    const u = new URL(url);
    if (!['http:', 'https:', 'file:'].includes(u.protocol)) return false;
    return /\.pdf$/i.test(u.pathname);
  } catch {
    return false;
  }
}

/** Where a link inside a PDF may go: only web and mail addresses, never javascript: or file:. */
export function safeLinkUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return ['http:', 'https:', 'mailto:'].includes(u.protocol) ? u.href : null;
  } catch {
    return null;
  }
}
