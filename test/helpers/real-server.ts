import { testDatabaseKind } from './test-database';

/**
 * `describe` on a real PostgreSQL server; on the embedded database the block is skipped and the reason
 * printed, never silently (PGlite serves every connection from one backend session).
 */
export function onRealServer(reason: string): jest.Describe {
  if (testDatabaseKind() === 'postgres') return describe;
  console.warn(`skipped on the embedded database: ${reason}`);
  return describe.skip;
}
