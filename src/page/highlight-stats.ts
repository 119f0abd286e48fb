/**
 * Figures about the highlighter's work, for the benchmark and the test
 * builds' diagnostics. Written as work happens, never read by behaviour.
 * All times are performance.now() values or milliseconds.
 */
export interface HighlightStats {
  startedAt: number;
  firstMarkAt: number | null;
  lastMarkAt: number | null;
  scannedNodes: number;
  mutationWorkMs: number;
  mutationFlushes: number;
  /** Same-page URL changes seen (single-page apps). */
  navigations: number;
  /** Time spent finding matches (text walk + matcher), and wrapping them with mark.js. */
  scanMs: number;
  markMs: number;
  /** All main-thread time MS Lens spent in this page, and its longest single task. */
  busyMs: number;
  longestTaskMs: number;
  /** Sum over MS Lens's tasks of the time beyond 50 ms (total blocking time). */
  blockingMs: number;
  /** How long the last complete removal of highlights took, and how many it removed. */
  lastStopMs: number;
  lastStopMarks: number;
}

export function newStats(): HighlightStats {
  return {
    startedAt: 0,
    firstMarkAt: null,
    lastMarkAt: null,
    scannedNodes: 0,
    mutationWorkMs: 0,
    mutationFlushes: 0,
    navigations: 0,
    scanMs: 0,
    markMs: 0,
    busyMs: 0,
    longestTaskMs: 0,
    blockingMs: 0,
    lastStopMs: 0,
    lastStopMarks: 0,
  };
}

/** Counts one task of MS Lens's on the main thread. */
export function countTask(stats: HighlightStats, ms: number): void {
  stats.busyMs += ms;
  if (ms > stats.longestTaskMs) stats.longestTaskMs = ms;
  if (ms > 50) stats.blockingMs += ms - 50;
}

/** Notes that highlights were just put in the page. */
export function countMarks(stats: HighlightStats): void {
  const now = performance.now();
  stats.firstMarkAt ??= now;
  stats.lastMarkAt = now;
}
