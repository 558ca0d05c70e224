import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appDepsFrom } from '../../src/app/request-context';
import { createServer, type ApiServer } from '../../src/app/server';
import { createLogger } from '../../src/common/logger';
import { TEST_CONFIG, type TestApi } from './test-api';

/**
 * The API on the test database as configured, but serving the policy evidence from `evidenceFile`, and with a
 * manifest of trusted documents that lists nothing: as in production with the pages as the only front end, no
 * operation runs but the pages' own.
 */
export function serverWithEvidence(api: TestApi, evidenceFile: string): Promise<ApiServer> {
  const deps = appDepsFrom(TEST_CONFIG, api.dataSource, createLogger('silent'), api.clock.now);
  return createServer({ ...deps, evidenceFile, trustedDocuments: new Map() });
}

/** An API listening on a loopback port of its own, for a browser: its origin, and how to stop it. */
export async function listening(server: ApiServer): Promise<{ origin: string; close: () => Promise<void> }> {
  const http: Server = createHttpServer(server.app);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: async () => {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await server.stop();
    },
  };
}
