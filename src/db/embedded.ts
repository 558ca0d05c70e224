import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

/**
 * PostgreSQL in process (PGlite), served on a loopback port to the ordinary `pg` driver.
 * `dataDir` null keeps it in memory (tests). Every socket connection shares PGlite's one
 * session, so the server admits a few more connections than the pool opens.
 */
export async function startEmbeddedPostgres(dataDir: string | null, poolMax: number): Promise<EmbeddedPostgres> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? undefined);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: poolMax + 4 });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
