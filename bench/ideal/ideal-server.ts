import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool, types } from 'pg';
import { describeError } from '../../src/common/log-safe-error';
import { board } from './board';
import { child, children, childrenWithCount, createChild } from './children';
import { auditEvents, households } from './households-and-audit';

/**
 * The lower bound the API is measured against: node:http, a pg Pool, hand-written SQL and JSON.stringify.
 * No GraphQL, no authentication, no policy: each route answers one operation of bench/operations.ts
 * for its caller's scope (given in the body) with the same rows and JSON shape as the API.
 */

const POOL_SIZE = 10;
const DEFAULT_PORT = 4200;
const DATE_OID = 1082;

// A date is a calendar day, as in the API: 'YYYY-MM-DD', never a JS Date.
types.setTypeParser(DATE_OID, (value) => value);

/** A route's body is `ideal.body` of its operation (bench/operations.ts): the benchmark's own input, trusted. */
type Route = (pool: Pool, body: never) => Promise<unknown>;

const ROUTES: Record<string, Route> = {
  '/children': children,
  '/children-count': childrenWithCount,
  '/child': child,
  '/households': households,
  '/board': board,
  '/audit-events': auditEvents,
  '/create-child': createChild,
};

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export type IdealServer = { port: number; close(): Promise<void> };

/** Listens on `port` (0: any free port) with a pool of 10 on BENCH_DATABASE_URL. */
export async function startIdealServer(port: number, databaseUrl = process.env.BENCH_DATABASE_URL): Promise<IdealServer> {
  if (!databaseUrl) throw new Error('BENCH_DATABASE_URL is not set');
  const pool = new Pool({ connectionString: databaseUrl, max: POOL_SIZE, application_name: 'apse-bench-ideal' });
  const server = createServer((req, res) => {
    const route = req.method === 'POST' ? ROUTES[req.url ?? ''] : undefined;
    if (!route) return send(res, 404, { errors: [{ message: `no route ${req.method} ${req.url}` }] });
    readBody(req)
      .then((body) => route(pool, body as never))
      .then(
        (data) => (data === null ? send(res, 404, { errors: [{ message: 'not found' }], data: null }) : send(res, 200, { data })),
        (error: unknown) => send(res, 500, { errors: [{ message: describeError(error) }] }),
      );
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}

if (require.main === module) {
  const port = Number(process.argv[2] ?? process.env.IDEAL_PORT ?? DEFAULT_PORT);
  startIdealServer(port).then(
    (server) => {
      console.log(`ideal server on http://127.0.0.1:${server.port} (routes: ${Object.keys(ROUTES).join(' ')})`);
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGINT', stop).once('SIGTERM', stop);
    },
    (error: unknown) => {
      console.error(describeError(error));
      process.exit(1);
    },
  );
}
