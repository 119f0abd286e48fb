/**
 * Links inside a PDF: shown as buttons over the page that name
 * their address; a click asks first, showing the address, then opens it in a
 * new tab with noopener. Nothing opens by itself, and only web and mail
 * addresses are followed.
 */
import type { PageViewport } from 'pdfjs-dist';
import { safeLinkUrl } from '../core/document-input.ts';

interface LinkAnnotation {
  subtype?: string;
  url?: string;
  rect?: number[];
}

/** Asks the reader before leaving for a link's address. */
export type ConfirmLink = (url: string) => Promise<boolean>;

export function addLinks(
  layer: HTMLElement,
  annotations: readonly LinkAnnotation[],
  viewport: PageViewport,
  confirm: ConfirmLink,
): number {
  const doc = layer.ownerDocument;
  let count = 0;
  for (const a of annotations) {
    const url = a.subtype === 'Link' ? safeLinkUrl(a.url) : null;
    if (!url || !a.rect || a.rect.length !== 4) continue;
    const [x1, y1, x2, y2] = viewport.convertToViewportRectangle(a.rect);
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'pdf-link';
    button.title = url;
    button.setAttribute('aria-label', `Link to ${url}`);
    Object.assign(button.style, {
      left: `${Math.min(x1, x2)}px`,
      top: `${Math.min(y1, y2)}px`,
      width: `${Math.abs(x2 - x1)}px`,
      height: `${Math.abs(y2 - y1)}px`,
    });
    button.addEventListener('click', () => {
      void confirm(url).then((yes) => {
        if (yes) window.open(url, '_blank', 'noopener,noreferrer');
      });
    });
    layer.append(button);
    count++;
  }
  return count;
}
