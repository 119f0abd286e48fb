/**
 * Everything `Lens` needs from outside the page: the glossary index, stored
 * settings, messages to the background, My words, and where the page is.
 * The content script passes the browser's (`browserLensDeps`); the DOM tests
 * pass fakes, so the page's orchestration runs without a browser.
 */
import { readIndex } from 'virtual:glossary-index';
import type { IndexEntry } from '../core/glossary-types.ts';
import type { Settings } from '../core/settings.ts';
import {
  askBackground,
  type BackgroundRequest,
  type BackgroundResponses,
  extensionAlive,
  listenTabRequests,
  type TabHandlers,
} from '../platform/messages.ts';
import { isWordSaved, noteOpened, setWordSaved } from '../platform/my-words-store.ts';
import { getPageKey, loadSettings, loadTestLimits, setTermOff, watchSettings } from '../platform/settings-store.ts';
import type { WordsAccess } from './popover/PopoverView.tsx';
import { TEST_HOOKS, TEST_LIMITS_KEY } from './test-hooks.ts';

export interface LensDeps {
  /** The glossary's compact index (forms and rules, no text), read afresh on each call so no one holds it for long. */
  readIndex: () => readonly IndexEntry[];
  /** The install's random name for what MS Lens puts in pages. */
  pageKey: () => Promise<string>;
  loadSettings: () => Promise<Settings>;
  /** Lowered highlighter limits (test builds only; `{}` otherwise). */
  testLimits: () => Promise<Record<string, number>>;
  /** Calls back with the new settings whenever they change; returns the unsubscribe. */
  watchSettings: (onChange: (settings: Settings) => void) => () => void;
  setTermOff: (id: string, off: boolean) => Promise<void>;
  askBackground: <R extends BackgroundRequest>(request: R) => Promise<BackgroundResponses[R['type']]>;
  /** Answers the popup's and background's requests to this tab; returns the unsubscribe. */
  listenTabRequests: (handlers: TabHandlers) => () => void;
  /** False once the extension was updated, reloaded or removed under this page. */
  extensionAlive: () => boolean;
  words: WordsAccess;
  /** The page's address now (single-page apps change it without a load). */
  url: () => string;
  /** The Navigation API, where the browser has it (reports history.pushState). */
  navigation: EventTarget | undefined;
}

/** The real thing: extension storage and messaging, this window's location. */
export function browserLensDeps(): LensDeps {
  return {
    readIndex,
    pageKey: getPageKey,
    loadSettings: async () => (await loadSettings()).settings,
    testLimits: async () => (TEST_HOOKS ? loadTestLimits(TEST_LIMITS_KEY) : {}),
    watchSettings: (onChange) => watchSettings(({ settings }) => onChange(settings)),
    setTermOff,
    askBackground,
    listenTabRequests,
    extensionAlive,
    // My words live in extension storage, which content scripts may use directly.
    words: {
      isSaved: isWordSaved,
      setSaved: setWordSaved,
      opened: (id: string) => void noteOpened(id).catch(() => undefined),
    },
    url: () => location.href,
    navigation: (globalThis as { navigation?: EventTarget }).navigation,
  };
}
