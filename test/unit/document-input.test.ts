import { describe, expect, it } from 'vitest';
import {
  classifyDocument,
  isPdf,
  looksLikePdfUrl,
  MAX_DOCUMENT_BYTES,
  MESSAGES,
  pageParagraphs,
  pdfErrorMessage,
  safeLinkUrl,
  textParagraphs,
} from '../../src/core/document-input.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('classifyDocument', () => {
  it('opens PDFs, also with junk before the header', () => {
    expect(classifyDocument(100, bytes('%PDF-1.7\n...'))).toEqual({ kind: 'pdf' });
    expect(classifyDocument(100, bytes('\n\n  junk %PDF-1.4'))).toEqual({ kind: 'pdf' });
    expect(isPdf(bytes('%PD'))).toBe(false);
  });

  it('opens plain text, including UTF-8', () => {
    expect(classifyDocument(50, bytes('Dear Dr Patel,\nMRI shows lesions. Café.'))).toEqual({ kind: 'text' });
  });

  it('refuses empty files, files over the limit, images and binary files with their messages', () => {
    expect(classifyDocument(0, new Uint8Array())).toEqual({ kind: 'refused', message: MESSAGES.empty });
    const big = classifyDocument(200 * 1024 * 1024, bytes('%PDF-1.7'));
    expect(big).toEqual({ kind: 'refused', message: MESSAGES.tooBig(200 * 1024 * 1024) });
    expect(MESSAGES.tooBig(200 * 1024 * 1024)).toContain('200 MB');
    expect(classifyDocument(MAX_DOCUMENT_BYTES, bytes('%PDF-1.7'))).toEqual({ kind: 'pdf' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]);
    expect(classifyDocument(6, png)).toEqual({ kind: 'refused', message: MESSAGES.image });
    expect(classifyDocument(4, new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toEqual({
      kind: 'refused',
      message: MESSAGES.image,
    });
    expect(classifyDocument(4, new Uint8Array([1, 0, 2, 3]))).toEqual({ kind: 'refused', message: MESSAGES.unknown });
  });
});

describe('pdfErrorMessage', () => {
  it('tells password, damage and other failures apart', () => {
    expect(pdfErrorMessage({ name: 'PasswordException' })).toBe(MESSAGES.password);
    expect(pdfErrorMessage({ name: 'InvalidPDFException' })).toBe(MESSAGES.corrupt);
    expect(pdfErrorMessage(new RangeError('Maximum call stack size exceeded'))).toBe(MESSAGES.failed);
    expect(pdfErrorMessage(null)).toBe(MESSAGES.failed);
  });
});

describe('paragraphs', () => {
  it('joins PDF text pieces into lines and paragraphs, and mends hyphenated line breaks', () => {
    const pieces = [
      { str: 'Her MRI shows ', hasEOL: false },
      { str: 'demyelin-', hasEOL: true },
      { str: 'ation in the spinal cord.', hasEOL: true },
      { str: '', hasEOL: true },
      { str: 'EDSS 3.0', hasEOL: false },
    ];
    expect(pageParagraphs(pieces)).toEqual(['Her MRI shows demyelination in the spinal cord.', 'EDSS 3.0']);
  });

  it('splits pasted text at blank lines', () => {
    expect(textParagraphs('Dear Dr Patel,\r\n\r\nShe has   MS.\n  \nEDSS 3.0\n')).toEqual([
      'Dear Dr Patel,',
      'She has MS.',
      'EDSS 3.0',
    ]);
    expect(textParagraphs('  \n\n ')).toEqual([]);
  });
});

describe('addresses', () => {
  it('offers "Explain this PDF" for PDF addresses only', () => {
    expect(looksLikePdfUrl('https://example.org/leaflets/Ocrevus.PDF?x=1#page=2')).toBe(true);
    expect(looksLikePdfUrl('file:///home/me/letter.pdf')).toBe(true);
    expect(looksLikePdfUrl('https://example.org/pdf-guide.html')).toBe(false);
    expect(looksLikePdfUrl('chrome://settings/a.pdf')).toBe(false);
    expect(looksLikePdfUrl('not a url')).toBe(false);
  });

  it('follows only web and mail links from inside a PDF', () => {
    expect(safeLinkUrl('https://example.org/a')).toBe('https://example.org/a');
    expect(safeLinkUrl('mailto:nurse@example.org')).toBe('mailto:nurse@example.org');
    expect(safeLinkUrl('javascript:alert(1)')).toBeNull();
    expect(safeLinkUrl('file:///etc/passwd')).toBeNull();
    expect(safeLinkUrl('data:text/html,hi')).toBeNull();
    expect(safeLinkUrl(undefined)).toBeNull();
  });
});
