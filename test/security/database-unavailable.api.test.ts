import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createLogger } from '../../src/common/logger';
import { onRealServer } from '../helpers/real-server';
import { DEFAULT_NOW, resetDatabase, startTestApi, type TestApi } from '../helpers/test-api';
import { testDatabaseUrl } from '../helpers/test-database';

/**
 * The database going away under a running API (the server restarting, a failover, the network): requests are
 * DATABASE_UNAVAILABLE (503, Retry-After), each logged once with its request id and the cause's class and code,
 * and the API serves again as soon as the database is back, without a restart. The API reaches the database
 * through a relay the test cuts and restores.
 */
class Relay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Every connection cut, and new ones refused. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    const closed = new Promise((resolve) => server.close(resolve));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }
}

onRealServer('the API reaches the database through a TCP relay; the embedded one listens on a Unix socket')(
  'the database unreachable while the API runs',
  () => {
    const lines: string[] = [];
    let api: TestApi;
    let relay: Relay;
    const ME = '{ me { username } }';

    beforeAll(async () => {
      const url = new URL(testDatabaseUrl());
      relay = new Relay({ host: url.hostname, port: Number(url.port || 5432) });
      await relay.open();
      url.hostname = '127.0.0.1';
      url.port = String(relay.port);
      const log = createLogger('info', { write: (line: string) => lines.push(line) });
      api = await startTestApi(DEFAULT_NOW, undefined, url.toString(), log);
      await resetDatabase(api.dataSource);
    });
    afterAll(async () => {
      await relay?.open();
      await api?.close();
      await relay?.cut();
    });

    const failuresOf = (requestId: string) =>
      lines.map((line) => JSON.parse(line)).filter((entry) => entry.requestId === requestId && entry.err);

    it('a request is DATABASE_UNAVAILABLE (503, Retry-After), logged once with its request id and the cause, not INTERNAL_SERVER_ERROR', async () => {
      expect((await api.as('adm.kent')(ME)).data?.me.username).toBe('adm.kent');
      await relay.cut();

      for (const ask of [() => api.as('adm.kent')(ME), () => api.withHeader(null, ME)]) {
        const res = await ask();
        expect(res.status).toBe(503);
        expect(res.errors).toEqual([
          expect.objectContaining({ extensions: { code: 'DATABASE_UNAVAILABLE', retryAfterSeconds: 5, requestId: res.requestId } }),
        ]);
        expect(res.data).toBeUndefined();
        const failures = failuresOf(res.requestId);
        expect(failures).toHaveLength(1);
        expect(failures[0]).toMatchObject({ level: 50, msg: 'database unavailable' });
        expect(failures[0].err.code ?? failures[0].err.message).toMatch(/ECONNREFUSED|^08|^57P0|Connection terminated/);
      }
    });

    it('the answer carries Retry-After', async () => {
      const res = await request(api.server.app).post('/graphql').set('content-type', 'application/json').send({ query: ME });
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
    });

    it('/readyz is 503 naming the database; /healthz, liveness only, still answers', async () => {
      const ready = await request(api.server.app).get('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({ status: 'not ready', database: 'unavailable', identityProvider: 'not configured' });
      expect((await request(api.server.app).get('/healthz')).status).toBe(200);
    });

    it('once the database is back, requests are served again without a restart', async () => {
      await relay.open();
      expect((await api.as('adm.kent')(ME)).data?.me.username).toBe('adm.kent');
      expect((await request(api.server.app).get('/readyz')).status).toBe(200);
    });
  },
);
