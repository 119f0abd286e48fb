/**
 * Which matches become highlights: the rules applied to what a walk read.
 * - Rejected matches never do (look-alikes, other senses: src/core/matcher.ts).
 * - A word that needs an MS page waits (is deferred) until the page proves to
 *   be about MS, unless the reader turned the context rule off.
 * - In "first occurrence" mode, an entry already highlighted, or planned in
 *   this walk, is not highlighted again; and once one of its forms waits,
 *   later hits of the entry are held until the walk ends, so the first in the
 *   page is the one highlighted.
 * - Never more than the room left under the cap on highlights.
 */
import type { Settings } from '../core/settings.ts';
import type { NodePlan } from './marker.ts';
import type { ScanHit } from './region-scan.ts';

/** Planning state that lasts for a whole walk (a walk plans after each of its slices). */
export interface WalkPlanState {
  /** Entries planned in this walk whose highlights may not be in the page yet. */
  plannedIds: Set<string>;
  /** Entries with a form that waited for MS evidence in this walk, and the later hits held back with them. */
  heldIds: Set<string>;
  held: ScanHit[];
}

export interface PlanRules {
  occurrences: Settings['occurrences'];
  contextRule: boolean;
  /** Whether the page is, so far, clearly about MS. */
  aboutMs: boolean;
  /** Highlights that may still be added. */
  room: number;
  /** Whether an entry already has a highlight in the page. */
  isMarked(id: string): boolean;
  /** Whether a text node can still be highlighted (in the page, rendered, not already ours). */
  canWrap(node: Text): boolean;
  /** Keeps a node to re-scan if the page proves to be about MS. */
  defer(node: Text): void;
}

export function planHits(hits: ScanHit[], walk: WalkPlanState, rules: PlanRules): NodePlan[] {
  const { occurrences, contextRule, aboutMs } = rules;
  const first = occurrences === 'first';
  const plans: NodePlan[] = [];
  let planned = 0;
  for (const hit of hits) {
    if (!rules.canWrap(hit.node)) continue;
    if (first && hit.candidates.some((c) => c.rejected === null && walk.heldIds.has(c.entryId))) {
      walk.held.push(hit);
      continue;
    }
    const matches: NodePlan['matches'] = [];
    for (const c of hit.candidates) {
      if (c.rejected !== null) continue;
      if (c.needsContext && contextRule && !aboutMs) {
        rules.defer(hit.node);
        walk.heldIds.add(c.entryId);
        continue;
      }
      if (first && (rules.isMarked(c.entryId) || walk.plannedIds.has(c.entryId))) continue;
      if (planned >= rules.room) continue;
      planned++;
      if (first) walk.plannedIds.add(c.entryId);
      matches.push({ start: c.start, end: c.end, entryId: c.entryId });
    }
    if (matches.length > 0) plans.push({ node: hit.node, data: hit.data, matches });
  }
  return plans;
}

/** How far beyond the screen text counts as near it, in px. */
const VIEWPORT_MARGIN = 800;

/** Plans whose text is on or near the screen, and the rest (which wait for idle time). */
export function splitByViewport(plans: NodePlan[], viewportHeight: number): { near: NodePlan[]; far: NodePlan[] } {
  if (!viewportHeight) return { near: plans, far: [] };
  const near: NodePlan[] = [];
  const far: NodePlan[] = [];
  for (const plan of plans) {
    const rect = plan.node.parentElement?.getBoundingClientRect();
    const isNear = !rect || (rect.bottom >= -VIEWPORT_MARGIN && rect.top <= viewportHeight + VIEWPORT_MARGIN);
    (isNear ? near : far).push(plan);
  }
  return { near, far };
}
