/**
 * PDFs made in memory for tests and the benchmark of the document reader: a multi-page
 * clinic-style document with MS terms, a scan without text, a
 * password-protected one and malformed ones. Nothing here is committed as a
 * file.
 */
import { PDFDocument, PDFName, PDFString, rgb, StandardFonts } from 'pdf-lib';

export const LETTER_PARAGRAPHS = [
  'Dear Dr Patel, I saw Ms Jones today in the neurology clinic.',
  'She has relapsing-remitting multiple sclerosis, diagnosed in 2019.',
  'Her MRI shows two new T2 lesions and no gadolinium-enhancing lesions.',
  'She reports fatigue, spasticity in both legs and some myokymia.',
  'We discussed starting ocrelizumab. Her EDSS today is 3.0.',
];

/** A document of `pages` pages; every page carries MS terms and a page number. */
export async function multiPagePdf(
  pages: number,
  opts: { link?: string; linesPerPage?: number; shapesPerPage?: number; paddingPerPage?: number } = {},
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const lines = opts.linesPerPage ?? LETTER_PARAGRAPHS.length;
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Clinic letter, page ${p}`, { x: 50, y: 790, size: 18, font });
    for (let i = 0; i < lines; i++) {
      const text = LETTER_PARAGRAPHS[i % LETTER_PARAGRAPHS.length] as string;
      page.drawText(text, { x: 50, y: 750 - i * 22, size: 12, font, color: rgb(0, 0, 0) });
    }
    // Drawing that makes pages heavy (file size and render time), as in scanned-and-typed reports.
    for (let i = 0; i < (opts.shapesPerPage ?? 0); i++) {
      const x = (i * 7919 + p * 31) % 545;
      const y = (i * 104729 + p * 17) % 800;
      page.drawRectangle({
        x,
        y,
        width: 3 + (i % 5),
        height: 2 + (i % 3),
        color: rgb((i % 7) / 7, (i % 11) / 11, 0.9),
      });
    }
    if (opts.paddingPerPage) {
      // Bulk that neither compresses nor draws (comment lines in an extra content stream): file size for limits.
      let seed = p * 2654435761;
      const chars: string[] = [];
      for (let i = 0; i < opts.paddingPerPage; i++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        chars.push(i % 100 === 0 ? '\n%' : String.fromCharCode(33 + (seed % 90)));
      }
      const ref = doc.context.register(doc.context.stream(chars.join('')));
      page.node.addContentStream(ref);
    }
    if (opts.link && p === 1) {
      page.drawText('More about MS', { x: 50, y: 120, size: 12, font, color: rgb(0, 0, 0.8) });
      const annot = doc.context.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [50, 115, 200, 135],
        Border: [0, 0, 0],
        A: { Type: 'Action', S: 'URI', URI: PDFString.of(opts.link) },
      });
      page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(annot)]));
    }
  }
  return doc.save({ useObjectStreams: false });
}

/** A "scanned" PDF: pages with only a drawn rectangle, no text. */
export async function scannedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let p = 0; p < 2; p++) {
    const page = doc.addPage([595, 842]);
    page.drawRectangle({ x: 40, y: 40, width: 515, height: 760, color: rgb(0.9, 0.9, 0.85) });
  }
  return doc.save();
}

const enc = (s: string) => new TextEncoder().encode(s);

/** Builds a classic PDF from object bodies, with a correct xref unless told otherwise. */
function rawPdf(objects: string[], trailerExtra = '', opts: { badXref?: boolean } = {}): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(opts.badXref ? off + 7919 : off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${opts.badXref ? xrefAt + 333 : xrefAt}\n%%EOF\n`;
  return enc(out);
}

const PAGE_OBJECTS = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
  '<< /Length 58 >>\nstream\nBT /F1 14 Tf 50 750 Td (Spasticity and fatigue in MS.) Tj ET\nendstream',
  '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
];

/** Needs a password: a standard security handler whose empty user password does not match. */
export function passwordPdf(): Uint8Array {
  const hex = (n: number) =>
    Array.from({ length: n }, (_, i) => ((i * 37 + 11) % 256).toString(16).padStart(2, '0')).join('');
  const objects = [...PAGE_OBJECTS, `<< /Filter /Standard /V 1 /R 2 /O <${hex(32)}> /U <${hex(32)}> /P -44 >>`];
  return rawPdf(objects, `/Encrypt 6 0 R /ID [<${hex(16)}> <${hex(16)}>] `);
}

/** A PDF cut off early: a header and half an object. */
export function truncatedPdf(): Uint8Array {
  return enc('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R');
}

/** A PDF whose xref table and startxref point at the wrong places. */
export function wrongXrefPdf(): Uint8Array {
  return rawPdf(PAGE_OBJECTS, '', { badXref: true });
}

/** A PDF whose page tree lists one page `count` times (a million by default: about 7 MB). */
export function hugePageCountPdf(count = 1_000_000): Uint8Array {
  const objects = [...PAGE_OBJECTS];
  objects[1] = `<< /Type /Pages /Kids [${'3 0 R '.repeat(count)}] /Count ${count} >>`;
  return rawPdf(objects);
}

/** A PDF with an object nested 100,000 arrays deep. */
export function deeplyNestedPdf(depth = 100_000): Uint8Array {
  const objects = [...PAGE_OBJECTS];
  objects[2] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Junk ${'['.repeat(depth)}${']'.repeat(depth)} >>`;
  return rawPdf(objects);
}

/** Not a PDF at all: random-looking bytes with a PDF name. */
export function corruptPdf(): Uint8Array {
  const bytes = new Uint8Array(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 251;
  bytes.set(enc('%PDF-1.7\n'), 0);
  return bytes;
}

/** The first bytes of a PNG image. */
export function pngBytes(): Uint8Array {
  return new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
  ]);
}
