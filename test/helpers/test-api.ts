import 'reflect-metadata';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { insertDemoStaff } from '../../seeds/seed';
import { demoStaff } from '../../seeds/demo-staff';
import { ConcurrentRequests } from '../../src/access/concurrent-requests';
import { signDevToken } from '../../src/access/tokens';
import { loadConfig, type Config } from '../../src/app/config';
import { createDataSource } from '../../src/app/data-source';
import { runStatementsByName } from '../../src/db/named-statements';
import { appDepsFrom } from '../../src/app/request-context';
import { createLogger, type Logger } from '../../src/common/logger';
import { createServer, type ApiServer } from '../../src/app/server';
import { testDatabaseKind, testDatabaseUrl } from './test-database';

export const TEST_CONFIG = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });

/** The tests' "now": a fixed instant, movable to open and close windows. */
export class TestClock {
  constructor(private instant: Date) {}
  now = (): Date => this.instant;
  set(iso: string): void {
    this.instant = new Date(iso);
  }
}

export type GraphQLResponse = {
  status: number;
  requestId: string;
  data: Record<string, any> | null | undefined;
  errors:
    | {
        message: string;
        path?: (string | number)[];
        extensions: { code: string; reason?: string; field?: string; [more: string]: unknown };
      }[]
    | undefined;
  headers: Record<string, string>;
};

type Send = (query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<GraphQLResponse>;

/**
 * What a refused operation answered where it was refused: a mutation answers no data at all; a lookup answers null at
 * its own path, beside whatever else was asked. Either way, null.
 */
export function answerWhereRefused({ data, errors }: GraphQLResponse): unknown {
  const [refusedAt] = errors?.[0]?.path ?? [];
  return data == null ? null : data[refusedAt as string];
}

export type TestApi = {
  dataSource: DataSource;
  server: ApiServer;
  clock: TestClock;
  /** Sends an operation as a demo member of staff, with any further request headers. */
  as: (username: string) => Send;
  /** Sends an operation as any member of staff, by id (one a test made). */
  asStaff: (staffId: string) => Send;
  /** Sends an operation with a raw Authorization header (or none). */
  withHeader: (authorization: string | null, query: string) => Promise<GraphQLResponse>;
  close: () => Promise<void>;
};

export const DEFAULT_NOW = '2026-11-20T12:00:00Z';

/** Generous enough that no suite meets it (requests a minute, or in flight); the rate-limit tests pass their own. */
const TEST_RATE_LIMIT = 100_000;

export async function startTestApi(
  now: string = DEFAULT_NOW,
  rateLimitPerMinute = TEST_RATE_LIMIT,
  databaseUrl: string = testDatabaseUrl(),
  log: Logger = createLogger('silent'),
  concurrentRequestsPerStaff = TEST_RATE_LIMIT,
  queuedRequestsPerStaff = 0,
  config: Config = TEST_CONFIG,
): Promise<TestApi> {
  const dataSource = createDataSource({ url: databaseUrl, poolMax: 4, log });
  await dataSource.initialize();
  // As the API runs on each: named statements on a real server, unnamed on the embedded database.
  if (testDatabaseKind() === 'postgres') runStatementsByName(dataSource);
  const clock = new TestClock(new Date(now));
  const server = await createServer({
    ...appDepsFrom(config, dataSource, log, clock.now),
    rateLimitPerMinute,
    rateLimitUnauthenticatedPerMinute: rateLimitPerMinute,
    inFlight: new ConcurrentRequests(concurrentRequestsPerStaff, queuedRequestsPerStaff),
  });

  const post = async (
    authorization: string | null,
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) => {
    const req = request(server.app).post('/graphql').set('content-type', 'application/json').set(headers);
    if (authorization !== null) req.set('authorization', authorization);
    const res = await req.send({ query, variables });
    const { status, body } = res;
    return {
      status,
      requestId: res.headers['x-request-id'],
      data: body.data,
      errors: body.errors,
      headers: res.headers,
    } as GraphQLResponse;
  };

  return {
    dataSource,
    server,
    clock,
    as: (username) => async (query, variables, headers) =>
      post(`Bearer ${await signDevToken(TEST_CONFIG.jwt, demoStaff(username).id)}`, query, variables, headers),
    asStaff: (staffId) => async (query, variables, headers) =>
      post(`Bearer ${await signDevToken(TEST_CONFIG.jwt, staffId)}`, query, variables, headers),
    withHeader: (authorization, query) => post(authorization, query),
    close: async () => {
      await server.stop();
      await dataSource.destroy();
    },
  };
}

/**
 * An empty database holding only the demo staff: each test file starts from here. The access log is
 * append-only (the database refuses to truncate it), so it keeps the whole run's events.
 */
export async function resetDatabase(dataSource: DataSource): Promise<void> {
  const tables = dataSource.entityMetadatas
    .filter((m) => m.tableName !== 'audit_events' && m.tableType !== 'view')
    .map((m) => `"${m.tableName}"`)
    .join(', ');
  await dataSource.transaction(async (manager) => {
    await manager.query(`TRUNCATE ${tables} CASCADE`);
    await insertDemoStaff(manager);
  });
}

/**
 * Starts the API for one test file on a freshly reset database, runs `fixtures` once, and stops it
 * after the file. Returns the running API (read it inside tests, not at module load).
 */
export function useTestApi(fixtures: (api: TestApi) => Promise<void> = async () => undefined, now?: string): () => TestApi {
  let api: TestApi | undefined;
  beforeAll(async () => {
    api = await startTestApi(now);
    await resetDatabase(api.dataSource);
    await fixtures(api);
  });
  afterAll(() => api?.close());
  return () => api!;
}
