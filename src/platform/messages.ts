/**
 * Typed messages between the parts of the extension, validated on receipt.
 * Only extension contexts can send these (runtime/tabs messaging); pages cannot,
 * and the content script listens to nothing else.
 *
 * Each channel has one request table (a valibot schema per request type) and
 * one response table (what the handler of each type answers). Senders and
 * handlers are typed from these two tables, so an answer's type is checked
 * where it is made and where it is used.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { GlossaryEntry } from '../core/glossary-types.ts';

const entryId = v.pipe(v.string(), v.maxLength(64));

/** What a tab reports about itself. */
export interface PageTerms {
  /** Whether highlighting is on for this page. */
  active: boolean;
  /** Entry ids found, in page order, with how many marks each has and the page's word for it (first highlight's text). */
  terms: { id: string; count: number; word?: string }[];
}

/** Requests to the background, by type. */
const backgroundRequests = {
  'get-entry': v.object({ type: v.literal('get-entry'), id: entryId }),
  'open-glossary': v.object({ type: v.literal('open-glossary'), id: v.optional(entryId) }),
  'activate-tab': v.object({
    type: v.literal('activate-tab'),
    tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  'page-terms': v.object({ type: v.literal('page-terms'), ids: v.pipe(v.array(entryId), v.maxLength(5000)) }),
  /** The content script asks for the popover's view in its frame (src/page/popover/popover-surface.ts). */
  'load-popover': v.object({ type: v.literal('load-popover') }),
};

/** What the background answers, by request type. */
export type BackgroundResponses = {
  /** The entry, or null when no entry has this id. */
  'get-entry': GlossaryEntry | null;
  'open-glossary': undefined;
  /** Whether MS Lens now runs in the tab (false when it may not read that page). */
  'activate-tab': boolean;
  'page-terms': undefined;
  /** Whether the popover's view is now loaded in the asking frame. */
  'load-popover': boolean;
};

/** Requests to a tab's content script, by type. */
const tabRequests = {
  'get-page-terms': v.object({ type: v.literal('get-page-terms') }),
  'reveal-term': v.object({ type: v.literal('reveal-term'), id: entryId }),
  'explain-selection': v.object({
    type: v.literal('explain-selection'),
    text: v.pipe(v.string(), v.maxLength(200)),
    choices: v.pipe(v.array(v.object({ id: entryId, term: v.pipe(v.string(), v.maxLength(80)) })), v.maxLength(10)),
  }),
  'step-term': v.object({ type: v.literal('step-term'), direction: v.picklist([1, -1]) }),
};

/** What a tab answers, by request type. */
export type TabResponses = {
  'get-page-terms': PageTerms;
  /** Whether the term is on the page (and was revealed). */
  'reveal-term': boolean;
  /** Whether there was a selection to explain. */
  'explain-selection': boolean;
  /** Whether there was a term to move to. */
  'step-term': boolean;
};

type RequestSchema<K extends string> = v.ObjectSchema<
  { readonly type: v.LiteralSchema<K, undefined> } & v.ObjectEntries,
  undefined
>;
/** Request schemas by type. */
type RequestTable = Record<string, RequestSchema<string>>;
/** A request table whose every key is its schema's `type` literal. */
type KeyedBy<T> = { [K in keyof T]: RequestSchema<K & string> };
type RequestsOf<T extends RequestTable> = { [K in keyof T]: v.InferOutput<T[K]> }[keyof T];

/** One direction of messaging: its request table, and the response table it answers from. */
export interface Channel<T extends RequestTable, Responses extends Record<keyof T, unknown>> {
  readonly schema: v.GenericSchema<unknown, RequestsOf<T>>;
  /** Types only: never read. */
  readonly responses?: Responses;
}

function channel<T extends RequestTable & KeyedBy<T>, Responses extends Record<keyof T, unknown>>(
  table: T,
): Channel<T, Responses> {
  const schemas = Object.values(table) as T[keyof T][];
  return { schema: v.variant('type', schemas) as unknown as v.GenericSchema<unknown, RequestsOf<T>> };
}

export const backgroundChannel = channel<typeof backgroundRequests, BackgroundResponses>(backgroundRequests);
export const tabChannel = channel<typeof tabRequests, TabResponses>(tabRequests);

export type BackgroundRequest = RequestsOf<typeof backgroundRequests>;
export type TabRequest = RequestsOf<typeof tabRequests>;

/** Who sent a message: the tab and frame, for messages from content scripts. */
export type Sender = { tab?: { id?: number }; frameId?: number };

/** One handler per request type of a channel, each returning that type's response. */
export type Handlers<T extends RequestTable, Responses extends Record<keyof T, unknown>> = {
  [K in keyof T]: (request: v.InferOutput<T[K]>, sender: Sender) => Responses[K] | Promise<Responses[K]>;
};

export type BackgroundHandlers = Handlers<typeof backgroundRequests, BackgroundResponses>;
export type TabHandlers = Handlers<typeof tabRequests, TabResponses>;

/**
 * Answers a channel's requests arriving at this context with `handlers`;
 * messages that are not valid requests of the channel are ignored (left for
 * other listeners). Returns a function that stops listening.
 */
export function listen<T extends RequestTable, Responses extends Record<keyof T, unknown>>(
  chan: Channel<T, Responses>,
  handlers: Handlers<T, Responses>,
): () => void {
  const byType = handlers as Record<string, (request: unknown, sender: Sender) => unknown>;
  const listener = (message: unknown, sender: Sender) => {
    const parsed = v.safeParse(chan.schema, message);
    if (!parsed.success) return undefined;
    // The schema admits only the table's types, and the table has a handler for each.
    const handler = byType[(parsed.output as { type: string }).type];
    return Promise.resolve(handler?.(parsed.output, sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Sends a request to the background and returns its typed answer. */
export async function askBackground<R extends BackgroundRequest>(request: R): Promise<BackgroundResponses[R['type']]> {
  return (await browser.runtime.sendMessage(request)) as BackgroundResponses[R['type']];
}

/** Sends a request to a tab's top frame. Resolves to null when the tab has no MS Lens. */
export async function askTab<R extends TabRequest>(tabId: number, request: R): Promise<TabResponses[R['type']] | null> {
  try {
    return (await browser.tabs.sendMessage(tabId, request, { frameId: 0 })) as TabResponses[R['type']];
  } catch {
    return null;
  }
}

/** Handles requests to the background with one handler per request type. */
export function listenBackgroundRequests(handlers: BackgroundHandlers): () => void {
  return listen(backgroundChannel, handlers);
}

/** Handles requests to this tab's content script with one handler per request type. */
export function listenTabRequests(handlers: TabHandlers): () => void {
  return listen(tabChannel, handlers);
}

/** False once the extension was reloaded, updated or removed under a content script. */
export function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}
