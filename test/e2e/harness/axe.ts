/**
 * Runs axe-core in a page (main world) and returns its violations, so a test
 * can assert there are none. axe looks inside open shadow roots, where the
 * popover lives.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Tab } from './browsers.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Violations of WCAG 2.x A/AA and best-practice rules within `selector` (or the whole page). */
export async function axeViolations(tab: Tab, include?: string[][]): Promise<AxeViolation[]> {
  await tab.evaluate((src: string) => {
    if (!(window as unknown as { axe?: unknown }).axe) {
      // Indirect eval runs axe-core in the page's global scope (test-only).
      // biome-ignore lint/security/noGlobalEval: injecting the axe-core checker into the page under test.
      globalThis.eval(src);
    }
  }, axeSource);
  return tab.evaluate(async (inc: string[][] | undefined) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run(inc ? { include: inc } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return (
      result.violations as { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[]
    ).map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, include);
}
