/**
 * Typed messages between the parts of the extension, validated on receipt.
 * Only extension contexts can send these (runtime/tabs messaging); pages cannot,
 * and the content script listens to nothing else.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { GlossaryEntry } from '../core/glossary-types.ts';

const entryId = v.pipe(v.string(), v.maxLength(64));

/** Messages to the background. */
export const BackgroundRequest = v.variant('type', [
  v.object({ type: v.literal('get-entry'), id: entryId }),
  v.object({ type: v.literal('open-glossary'), id: v.optional(entryId) }),
  v.object({ type: v.literal('activate-tab'), tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  /** The content script asks for the popover's view in its frame (src/page/popover/popover-surface.ts). */
  v.object({ type: v.literal('load-popover') }),
  v.object({
    type: v.literal('page-terms'),
    ids: v.pipe(v.array(entryId), v.maxLength(5000)),
  }),
]);
export type BackgroundRequest = v.InferOutput<typeof BackgroundRequest>;

/** Messages to a tab's content script. */
export const TabRequest = v.variant('type', [
  v.object({ type: v.literal('get-page-terms') }),
  v.object({ type: v.literal('reveal-term'), id: entryId }),
  v.object({
    type: v.literal('explain-selection'),
    text: v.pipe(v.string(), v.maxLength(200)),
    choices: v.pipe(v.array(v.object({ id: entryId, term: v.pipe(v.string(), v.maxLength(80)) })), v.maxLength(10)),
  }),
  v.object({ type: v.literal('step-term'), direction: v.picklist([1, -1]) }),
]);
export type TabRequest = v.InferOutput<typeof TabRequest>;

/** What a tab reports about itself. */
export interface PageTerms {
  /** Whether highlighting is on for this page. */
  active: boolean;
  /** Entry ids found, in page order, with how many marks each has and the page's word for it (first highlight's text). */
  terms: { id: string; count: number; word?: string }[];
}

type BackgroundResponse<T extends BackgroundRequest['type']> = T extends 'get-entry'
  ? GlossaryEntry | null
  : T extends 'load-popover'
    ? boolean
    : undefined;

/** Sends a request to the background and returns its typed answer. */
export async function askBackground<R extends BackgroundRequest>(request: R): Promise<BackgroundResponse<R['type']>> {
  return (await browser.runtime.sendMessage(request)) as BackgroundResponse<R['type']>;
}

type TabResponse<T extends TabRequest['type']> = T extends 'get-page-terms' ? PageTerms : boolean;

/** Sends a request to a tab's top frame. Resolves to null when the tab has no MS Lens. */
export async function askTab<R extends TabRequest>(tabId: number, request: R): Promise<TabResponse<R['type']> | null> {
  try {
    return (await browser.tabs.sendMessage(tabId, request, { frameId: 0 })) as TabResponse<R['type']>;
  } catch {
    return null;
  }
}

type Sender = { tab?: { id?: number }; frameId?: number };

/**
 * Handles requests to the background. The handler's result is the answer;
 * invalid messages are ignored.
 */
export function listenBackgroundRequests(handler: (request: BackgroundRequest, sender: Sender) => unknown): () => void {
  const listener = (message: unknown, sender: Sender) => {
    const parsed = v.safeParse(BackgroundRequest, message);
    if (!parsed.success) return undefined;
    return Promise.resolve(handler(parsed.output, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Handles requests to this tab's content script; invalid messages are ignored. */
export function listenTabRequests(handler: (request: TabRequest) => unknown): () => void {
  const listener = (message: unknown) => {
    const parsed = v.safeParse(TabRequest, message);
    if (!parsed.success) return undefined;
    return Promise.resolve(handler(parsed.output));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** False once the extension was reloaded, updated or removed under a content script. */
export function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}
