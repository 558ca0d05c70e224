import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** What the API's thread asks of the embedded database's. */
export type EmbeddedServerOptions = { dataDir: string | null; socketPath: string; maxConnections: number };

/**
 * The embedded database's own thread: PGlite's work — creating the cluster on a first start, then every statement —
 * runs beside the API's JavaScript, on the other core, as a database server's process would. It says `serving` once
 * the socket listens, and stops (closing the files cleanly) when the API's thread asks.
 */
async function serve({ dataDir, socketPath, maxConnections }: EmbeddedServerOptions): Promise<void> {
  const db = await PGlite.create(dataDir ?? undefined);
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections });
  await server.start();
  parentPort!.once('message', async () => {
    await server.stop();
    await db.close();
    parentPort!.close();
  });
  parentPort!.postMessage('serving');
}

void serve(workerData as EmbeddedServerOptions);
