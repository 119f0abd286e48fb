/**
 * The background's answers, without a browser: the handlers get fake
 * dependencies, and messages go through the same validation and dispatch as
 * in the extension (WXT's fake browser carries them).
 */
import entries from 'virtual:glossary-entries';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type BackgroundDeps, backgroundHandlers, TermsByTab } from '../../src/platform/background-handlers.ts';
import { askBackground, listenBackgroundRequests, listenTabRequests } from '../../src/platform/messages.ts';

function fakeDeps(running = true) {
  const byId = new Map(entries.map((e) => [e.id, e]));
  return {
    entry: (id: string) => byId.get(id),
    openGlossary: vi.fn(async (_id?: string) => undefined),
    ensureRunning: vi.fn(async (_tabId: number) => running),
    loadPopover: vi.fn(async (sender: { tab?: { id?: number } }) => sender.tab?.id !== undefined),
    terms: new TermsByTab(),
    updateBadge: vi.fn(async (_tabId: number) => undefined),
  } satisfies BackgroundDeps;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('background handlers', () => {
  it('serves an entry by id, and null for an unknown id', async () => {
    const h = backgroundHandlers(fakeDeps());
    expect(await h['get-entry']({ type: 'get-entry', id: 'myokymia' }, {})).toMatchObject({ id: 'myokymia' });
    expect(await h['get-entry']({ type: 'get-entry', id: 'no-such-entry' }, {})).toBeNull();
  });

  it('answers activate-tab with whether MS Lens runs in the tab', async () => {
    const yes = fakeDeps(true);
    expect(await backgroundHandlers(yes)['activate-tab']({ type: 'activate-tab', tabId: 7 }, {})).toBe(true);
    expect(yes.ensureRunning).toHaveBeenCalledWith(7);
    const no = fakeDeps(false);
    expect(await backgroundHandlers(no)['activate-tab']({ type: 'activate-tab', tabId: 7 }, {})).toBe(false);
  });

  it('loads the popover view into the frame that asks, and only for a tab', async () => {
    const deps = fakeDeps();
    const sender = { tab: { id: 4 }, frameId: 2 };
    expect(await backgroundHandlers(deps)['load-popover']({ type: 'load-popover' }, sender as never)).toBe(true);
    expect(deps.loadPopover).toHaveBeenCalledWith(sender);
    expect(await backgroundHandlers(deps)['load-popover']({ type: 'load-popover' }, {})).toBe(false);
  });

  it('opens the glossary at the asked entry', async () => {
    const deps = fakeDeps();
    await backgroundHandlers(deps)['open-glossary']({ type: 'open-glossary', id: 'edss' }, {});
    expect(deps.openGlossary).toHaveBeenCalledWith('edss');
  });

  it('counts distinct terms over a tab’s frames for the badge, and ignores reports from no tab', async () => {
    const deps = fakeDeps();
    const h = backgroundHandlers(deps);
    await h['page-terms']({ type: 'page-terms', ids: ['edss', 'relapse'] }, { tab: { id: 3 }, frameId: 0 });
    await h['page-terms']({ type: 'page-terms', ids: ['relapse', 'myelin'] }, { tab: { id: 3 }, frameId: 5 });
    expect(deps.terms.badgeText(3, true)).toBe('3');
    expect(deps.terms.badgeText(3, false)).toBe('');
    expect(deps.updateBadge).toHaveBeenCalledTimes(2);
    // A frame's new report replaces its old one.
    await h['page-terms']({ type: 'page-terms', ids: [] }, { tab: { id: 3 }, frameId: 5 });
    expect(deps.terms.badgeText(3, true)).toBe('2');
    await h['page-terms']({ type: 'page-terms', ids: ['edss'] }, {});
    expect(deps.updateBadge).toHaveBeenCalledTimes(3);
    deps.terms.forget(3);
    expect(deps.terms.badgeText(3, true)).toBe('');
  });
});

describe('background messaging', () => {
  it('answers valid requests with the handler’s typed result and ignores anything else', async () => {
    const deps = fakeDeps(true);
    const stop = listenBackgroundRequests(backgroundHandlers(deps));
    const ok: boolean = await askBackground({ type: 'activate-tab', tabId: 4 });
    expect(ok).toBe(true);
    expect((await askBackground({ type: 'get-entry', id: 'edss' }))?.id).toBe('edss');
    // Not a request of this channel: nobody answers.
    const send = (message: unknown) => fakeBrowser.runtime.sendMessage(message);
    await expect(send({ type: 'activate-tab', tabId: -1 })).resolves.toBeUndefined();
    await expect(send({ type: 'get-page-terms' })).resolves.toBeUndefined();
    await expect(send('get-entry')).resolves.toBeUndefined();
    expect(deps.ensureRunning).toHaveBeenCalledTimes(1);
    stop();
  });

  it('keeps the channels apart: a tab answers tab requests only', async () => {
    const reveal = vi.fn(() => true);
    const stop = listenTabRequests({
      'get-page-terms': () => ({ active: true, terms: [] }),
      'reveal-term': reveal,
      'explain-selection': () => false,
      'step-term': () => false,
    });
    const send = (message: unknown) => fakeBrowser.runtime.sendMessage(message);
    await expect(send({ type: 'get-entry', id: 'edss' })).resolves.toBeUndefined();
    await expect(send({ type: 'reveal-term', id: 'edss' })).resolves.toBe(true);
    await expect(send({ type: 'step-term', direction: 2 })).resolves.toBeUndefined();
    expect(reveal).toHaveBeenCalledTimes(1);
    stop();
  });
});
