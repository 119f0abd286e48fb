/**
 * The set-up every end-to-end describe block shares: a fixture server and a
 * browser with the built extension, started before its tests and closed after.
 */
import { afterAll, beforeAll } from 'vitest';
import { startServer, type TestServer } from '../../tools/server.ts';
import type { Driver } from './browsers.ts';
import { lensNames, type Names } from './lens.ts';

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
  afterAll(async () => {
    await session.driver?.close();
    await session.server?.close();
  });
  return session;
}
