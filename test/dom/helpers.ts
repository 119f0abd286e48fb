/** Shared set-up for the jsdom tests of page code. */
import type { IndexEntry } from '../../src/core/glossary-types';
import { compileMatcher } from '../../src/core/matcher';
import type { Settings } from '../../src/core/settings';
import { type HighlightConfig, Highlighter } from '../../src/page/highlighter.ts';
import { markCss } from '../../src/page/mark-styles.ts';
import { pageNames } from '../../src/page/page-names.ts';
import { testIdAttr } from '../../src/page/test-names.ts';

export const NAMES = pageNames('ktest1234');
/** The entry-id attribute the test hooks write on highlights. */
export const ID_ATTR = testIdAttr(NAMES);

export const INDEX: IndexEntry[] = [
  { id: 'multiple-sclerosis', level: 'common', forms: ['multiple sclerosis', 'MS'], ms: 1 },
  { id: 'myokymia', level: 'common', forms: ['myokymia'] },
  { id: 'gabapentin', level: 'common', forms: ['gabapentin', 'Neurontin'] },
  { id: 'relapse', level: 'common', forms: ['relapse', 'MS relapse', 'attack'], ctx: [0, 2], ms: 1 },
  { id: 'axon', level: 'common', forms: ['axon', 'nerve fibre'] },
  { id: 'ocrelizumab', level: 'common', forms: ['ocrelizumab', 'Ocrevus'], ms: 1 },
];

export function config(overrides: Partial<HighlightConfig> & { occurrences?: Settings['occurrences'] } = {}) {
  return {
    matcher: compileMatcher(INDEX),
    occurrences: 'all' as const,
    contextRule: true,
    css: markCss(NAMES, 'soft'),
    ...overrides,
  } satisfies HighlightConfig;
}

/** Resolves when the highlighter has nothing left to do. */
export async function settled(h: Highlighter, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  // Two quiet checks in a row: work can schedule more work.
  let quiet = 0;
  while (quiet < 2) {
    if (Date.now() > end) throw new Error('highlighter did not settle');
    await new Promise((r) => setTimeout(r, 20));
    quiet = h.idle ? quiet + 1 : 0;
  }
}

export function marks(root: ParentNode = document): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`mark.${NAMES.markClass}`)];
}

export function markedIds(root: ParentNode = document): string[] {
  return marks(root).map((m) => `${m.getAttribute(ID_ATTR)}:${m.textContent}`);
}

/** Every text node under root, in order. */
export function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

export async function highlight(html: string, overrides?: Parameters<typeof config>[0]): Promise<Highlighter> {
  document.head.innerHTML = '<title>Test page</title>';
  document.body.innerHTML = html;
  const h = new Highlighter(document, NAMES, config(overrides));
  h.start();
  await settled(h);
  return h;
}
