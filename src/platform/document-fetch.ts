/**
 * The one network request MS Lens makes: fetching the PDF the
 * reader asked the reader page to open, on their click. No cookies or other
 * credentials are sent; nothing else is ever fetched from the web.
 */
import { browser } from 'wxt/browser';
import { classifyDocument, MAX_DOCUMENT_BYTES, MESSAGES } from '../core/document-input.ts';
import { originPatternOf } from '../core/sites.ts';

export type Fetched = { ok: true; bytes: Uint8Array; kind: 'pdf' | 'text' } | { ok: false; message: string };

export const FILE_ACCESS_MESSAGE =
  'Your browser does not let MS Lens read files on your computer by their address. Save the PDF, then use "Open a file" here and choose it. (In Chrome or Edge you can instead turn on "Allow access to file URLs" on MS Lens\'s page under Extensions.)';

/** Asks for access to the document's site if MS Lens lacks it. Must run in the click handler. */
export async function ensureAccess(url: string): Promise<boolean> {
  const u = new URL(url);
  if (u.protocol === 'file:') {
    // Firefox never lets extensions read file: addresses; Chromium does when the reader allows it.
    const allowed = await browser.extension.isAllowedFileSchemeAccess().catch(() => false);
    return allowed && import.meta.env.CHROME;
  }
  const origin = originPatternOf(url);
  if (!origin) return false;
  const origins = [origin];
  if (await browser.permissions.contains({ origins })) return true;
  return browser.permissions.request({ origins });
}

/** Fetches one document the reader asked for. */
export async function fetchDocument(url: string): Promise<Fetched> {
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    return {
      ok: false,
      message: url.startsWith('file:')
        ? FILE_ACCESS_MESSAGE
        : 'MS Lens could not download this document. Check your connection, or save the PDF and open the file here.',
    };
  }
  if (!response.ok) {
    return {
      ok: false,
      message: `The website refused to send this document (error ${response.status}). If you need to sign in to see it, save the PDF and open the file here.`,
    };
  }
  const length = Number(response.headers.get('content-length') ?? '0');
  if (length > MAX_DOCUMENT_BYTES) return { ok: false, message: MESSAGES.tooBig(length) };
  const bytes = new Uint8Array(await response.arrayBuffer());
  const kind = classifyDocument(bytes.length, bytes.subarray(0, 4096));
  if (kind.kind === 'refused') return { ok: false, message: kind.message };
  return { ok: true, bytes, kind: kind.kind };
}
