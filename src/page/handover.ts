/**
 * Taking over a page from an older copy of MS Lens. An extension update or
 * reload starts a new content script while the old one may still run: the
 * old copy hears the handover event and cleans up after itself. Firefox drops
 * the old copy without telling it, so whatever highlights it left are swept.
 */
import type { PageNames } from './page-names.ts';

/** Tells an older copy to leave, and removes highlights that no copy can clean up any more. */
export function takeOver(doc: Document, names: PageNames): void {
  doc.dispatchEvent(new CustomEvent(names.handoverEvent));
  for (const mark of doc.querySelectorAll(`mark.${names.markClass}`)) {
    const prev = mark.previousSibling;
    const next = mark.nextSibling;
    const text = mark.textContent ?? '';
    if (prev?.nodeType === 3) {
      (prev as Text).data += text + (next?.nodeType === 3 ? (next as Text).data : '');
      if (next?.nodeType === 3) next.remove();
      mark.remove();
    } else {
      mark.replaceWith(doc.createTextNode(text));
    }
  }
}

/** Calls `onHandover` once when a newer copy takes over; returns the unsubscribe. */
export function onHandover(doc: Document, names: PageNames, leave: () => void): () => void {
  doc.addEventListener(names.handoverEvent, leave, { once: true });
  return () => doc.removeEventListener(names.handoverEvent, leave);
}
