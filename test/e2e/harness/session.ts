/**
 * The set-up every end-to-end describe block shares: a fixture server and a
 * browser with the built extension, started before its tests and closed after.
 * Every tab a test opens (in its beforeEach hooks too) is closed after it,
 * pass or fail, so no test sees another's tabs.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startServer, type TestServer } from '../../tools/server.ts';
import type { Driver, Tab } from './browsers.ts';
import { lensNames, type Names, resetSettings, waitForMark } from './lens.ts';

export interface Session<D extends Driver = Driver> {
  readonly server: TestServer;
  readonly driver: D;
  readonly names: Names;
}

/** Registers beforeAll/afterAll hooks; the returned session is ready inside tests. */
export function useSession<D extends Driver>(
  start: () => Promise<D>,
  ready?: (s: Session<D>) => Promise<void>,
): Session<D> {
  const session = {} as { server: TestServer; driver: D; names: Names };
  beforeAll(async () => {
    session.server = await startServer();
    session.driver = await start();
    session.names = await lensNames(session.driver);
    await ready?.(session);
  });
  let closeTabs: (() => Promise<void>) | null = null;
  beforeEach(async () => {
    closeTabs = (await session.driver?.trackTabs()) ?? null;
  });
  afterEach(async () => {
    await closeTabs?.();
    closeTabs = null;
  });
  afterAll(async () => {
    await session.driver?.close();
    await session.server?.close();
  });
  return session;
}

/**
 * Before each test: default settings and a freshly loaded demo article whose
 * highlights are in (waiting for `entryId`). Hands the tab to `use`; returns
 * the article's URL.
 */
export function useDemoPage(session: Session, use: (tab: Tab) => void, entryId = 'myokymia'): () => string {
  const url = () => session.server.url('/pages/demo-article.html');
  beforeEach(async () => {
    await resetSettings(session.driver);
    const tab = await session.driver.open(url());
    await waitForMark(tab, session.names, entryId);
    use(tab);
  });
  return url;
}
