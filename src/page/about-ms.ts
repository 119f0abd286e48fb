/**
 * Whether the page is about MS, as the highlighter learns it: from the title
 * at once, then from the MS-specific words its walks read. Text whose form
 * may only be highlighted on such a page waits here until the page proves it.
 */
import { ContextEvidence } from '../core/page-context.ts';

export class AboutMs {
  private evidence = new ContextEvidence();
  /** Whether the page has been treated as about MS (waiting text was released). */
  private treated = false;
  private readonly waiting = new Set<Text>();

  /** Starts afresh: a page load, or a single-page app's new page. */
  reset(): void {
    this.evidence = new ContextEvidence();
    this.treated = false;
  }

  /** Whether the title names an MS-specific term; a page about MS by its title is treated so from the start. */
  setTitle(mentionsMs: boolean): void {
    this.evidence.titleHit = mentionsMs;
    this.treated = this.evidence.isAboutMs();
  }

  /** Counts one MS-specific word read in the page. */
  add(entryId: string): void {
    this.evidence.add(entryId);
  }

  /** Whether the evidence so far says the page is about MS. */
  get now(): boolean {
    return this.evidence.isAboutMs();
  }

  /** True once: when the page has just proved to be about MS. */
  proved(): boolean {
    if (this.treated || !this.evidence.isAboutMs()) return false;
    this.treated = true;
    return true;
  }

  /** Text that waits for the proof. */
  wait(node: Text): void {
    this.waiting.add(node);
  }

  /** The waiting text, in the order it waited; none waits after this. */
  release(): Text[] {
    const nodes = [...this.waiting];
    this.waiting.clear();
    return nodes;
  }
}
