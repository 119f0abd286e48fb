/**
 * Opens a PDF with PDF.js, hardened, because every PDF a reader opens may be hostile: the
 * worker and the fonts and CMaps it needs are the extension's own files (not
 * web-accessible), no eval, no XFA forms, no PDF JavaScript (the scripting
 * sandbox is never loaded), no fetching by PDF.js itself.
 */
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { MAX_PAGES, MESSAGES, pdfErrorMessage } from '../core/document-input.ts';

GlobalWorkerOptions.workerSrc = workerUrl;

/** How long opening may take before the reader is told it failed (a malformed file must not hang). */
export const OPEN_TIMEOUT_MS = 20_000;

export type OpenResult = { ok: true; pdf: PDFDocumentProxy } | { ok: false; message: string };

/** Opens PDF bytes (which PDF.js takes over: the buffer is transferred to its worker). */
export async function openPdf(data: Uint8Array, timeoutMs = OPEN_TIMEOUT_MS): Promise<OpenResult> {
  const task = getDocument({
    data,
    isEvalSupported: false,
    enableXfa: false,
    // Fonts and CMaps come from the extension's own files (wxt.config.ts copies them).
    standardFontDataUrl: '/pdfjs/standard_fonts/',
    cMapUrl: '/pdfjs/cmaps/',
    cMapPacked: true,
    useSystemFonts: false,
    stopAtErrors: false,
    // Bounds what one image may cost in memory (pixels).
    maxImageSize: 64 * 1024 * 1024,
    disableAutoFetch: true,
    disableStream: true,
  });
  // No onPassword handler: a password PDF then rejects with PasswordException (MS Lens takes no passwords).
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
  });
  try {
    const pdf = await Promise.race([task.promise, timeout]);
    if (pdf.numPages > MAX_PAGES) {
      void pdf.destroy();
      return { ok: false, message: MESSAGES.tooManyPages(pdf.numPages) };
    }
    if (pdf.numPages < 1) {
      void pdf.destroy();
      return { ok: false, message: MESSAGES.corrupt };
    }
    return { ok: true, pdf };
  } catch (err) {
    void task.destroy();
    return { ok: false, message: pdfErrorMessage(err) };
  } finally {
    clearTimeout(timer);
  }
}
