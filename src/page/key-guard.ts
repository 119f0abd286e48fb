/**
 * Escape must close MS Lens's popover even on a page that swallows key events,
 * for example with `window.addEventListener('keydown', e =>
 * e.stopImmediatePropagation(), true)` in an inline <head> script. Listeners on
 * one target run in the order they were added, so the content script, which
 * runs at document_start before any page script, adds its window capture
 * listener first and hands each key to whoever listens now (the popover).
 */
type KeyHandler = (e: KeyboardEvent) => void;

let handler: KeyHandler | null = null;
const guarded = new WeakSet<Window>();

/** Adds MS Lens's keydown listener to `win` now, ahead of the page's own (call at document_start). */
export function guardKeys(win: Window): void {
  if (guarded.has(win)) return;
  guarded.add(win);
  win.addEventListener('keydown', (e) => handler?.(e), true);
}

/** Receives every keydown first. Returns a function that stops it. */
export function listenKeys(win: Window, fn: KeyHandler): () => void {
  // Injected later (the reader clicked the toolbar button): the guard goes in now, as early as it can.
  guardKeys(win);
  handler = fn;
  return () => {
    if (handler === fn) handler = null;
  };
}
