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

/** `describe` on the embedded database; on a real server the block is skipped and the reason printed. */
export function onEmbeddedDatabase(reason: string): jest.Describe {
  if (testDatabaseKind() === 'embedded') return describe;
  console.warn(`skipped on a real server: ${reason}`);
  return describe.skip;
}
