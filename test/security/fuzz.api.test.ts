import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { seedDemoData } from '../../seeds/seed';
import { DEMO_STAFF } from '../../seeds/demo-staff';
import { seededRandom } from '../../seeds/random';
import { signDevToken } from '../../src/access/tokens';
import { ERROR_CODES } from '../../src/graphql/errors';
import { fuzzOperations, type FuzzOperation } from '../helpers/fuzz-operations';
import { onRealServer } from '../helpers/real-server';
import { resetDatabase, startTestApi, TEST_CONFIG, type TestApi } from '../helpers/test-api';

/**
 * Hostile input: thousands of generated operations, valid and broken, each as a random member of staff
 * (or with no token, or a forged one), against the demo data. No response is a 5xx; every error carries
 * a code of docs/api-contract.md ("Error codes"); and no response holds a child the caller cannot list
 * (a Child object, or the child's NHS number anywhere, even in an error message). A reference to a child
 * (`childId` on a record the caller may read) is not the child.
 */
const OPERATIONS = 3000;
const CONCURRENCY = 8;
const SEED = 20261123;
const USERS = DEMO_STAFF.map((s) => s.username);

type Reply = { status: number; body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };

onRealServer('thousands of requests through one PGlite session would test PGlite, not the API')('fuzz', () => {
  let api: TestApi;
  let server: Server;
  let url: string;
  const tokens = new Map<string, string>();
  let childIds: Set<string>;
  let nhsNumbers: Map<string, string>;
  const listable = new Map<string, Set<string>>();

  async function post(authorization: string | null, operation: Pick<FuzzOperation, 'query' | 'variables'>): Promise<Reply> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (authorization) headers.authorization = authorization;
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(operation) });
    const text = await res.text();
    let body: Reply['body'];
    try {
      body = JSON.parse(text) as Reply['body'];
    } catch {
      body = { errors: [{ message: text }] };
    }
    return { status: res.status, body };
  }

  /** The ids of every child `username` can list, page by page, now. */
  async function listChildren(username: string): Promise<Set<string>> {
    const ids = new Set<string>();
    let after: string | null = null;
    for (;;) {
      const { body } = await post(`Bearer ${tokens.get(username)}`, {
        query:
          'query ($after: String) { children(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        variables: { after },
      });
      const page = (
        body.data as { children?: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } | null
      )?.children;
      if (!page) return ids;
      for (const edge of page.edges) ids.add(edge.node.id);
      if (!page.pageInfo.hasNextPage) return ids;
      after = page.pageInfo.endCursor;
    }
  }

  beforeAll(async () => {
    api = await startTestApi();
    await resetDatabase(api.dataSource);
    await api.dataSource.query('TRUNCATE staff, panels CASCADE');
    await seedDemoData(api.dataSource, '2026-11-20');
    server = api.server.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    for (const s of DEMO_STAFF) tokens.set(s.username, await signDevToken(TEST_CONFIG.jwt, s.id));
    const children = await api.dataSource.query<{ id: string; nhs_number: string | null }[]>(`SELECT id, nhs_number FROM children`);
    childIds = new Set(children.map((c) => c.id));
    nhsNumbers = new Map(children.flatMap((c) => (c.nhs_number ? [[c.nhs_number, c.id] as const] : [])));
    for (const username of USERS) listable.set(username, await listChildren(username));
  }, 120_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await api.close();
  });

  /** The children in `body`: Child objects (by their id) and NHS numbers anywhere in it. */
  function childrenIn(body: Reply['body']): Set<string> {
    const found = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        const { id } = value as { id?: unknown };
        if (typeof id === 'string' && childIds.has(id)) found.add(id);
        Object.values(value).forEach(walk);
      }
    };
    walk(body);
    const text = JSON.stringify(body);
    for (const [nhsNumber, id] of nhsNumbers) if (text.includes(nhsNumber)) found.add(id);
    return found;
  }

  /** Children in `reply` that `username` could not list, and did not name themselves. */
  async function leakedChildren(username: string | null, operation: FuzzOperation, reply: Reply): Promise<string[]> {
    // The access log is the auditor's to read whole, the changes to children's records included.
    if (username === 'auditor.1' && operation.root === 'auditEvents') return [];
    const sent = JSON.stringify(operation);
    const suspects = [...childrenIn(reply.body)].filter((id) => !sent.includes(id) && !(username && listable.get(username)!.has(id)));
    if (suspects.length === 0 || username === null) return suspects;
    // A generated mutation may have brought the child within reach (an allocation): ask again.
    listable.set(username, await listChildren(username));
    return suspects.filter((id) => !listable.get(username)!.has(id));
  }

  it(`${OPERATIONS} generated operations as random callers: no 5xx, every error coded, no child leaked`, async () => {
    const next = fuzzOperations(SEED, [
      ...childIds,
      ...(
        await api.dataSource.query<{ id: string }[]>(
          `SELECT id FROM households UNION ALL SELECT id FROM matches UNION ALL SELECT id FROM agenda_items
       UNION ALL SELECT id FROM panel_meetings UNION ALL SELECT id FROM support_requests UNION ALL SELECT id FROM staff`,
        )
      ).map((r) => r.id),
    ]);
    const callers = seededRandom(SEED);
    const tally = { sent: 0, withData: 0, byCode: {} as Record<string, number>, byStatus: {} as Record<number, number> };
    const failures: string[] = [];

    async function worker(): Promise<void> {
      while (tally.sent < OPERATIONS) {
        tally.sent += 1;
        const operation = next();
        const roll = callers.next();
        const username = roll < 0.03 ? null : callers.pick(USERS);
        const authorization = username ? `Bearer ${tokens.get(username)}` : roll < 0.015 ? null : 'Bearer eyJhbGciOiJub25lIn0.e30.';
        const reply = await post(authorization, operation);
        tally.byStatus[reply.status] = (tally.byStatus[reply.status] ?? 0) + 1;
        if (reply.body.data) tally.withData += 1;
        const codes = (reply.body.errors ?? []).map((e) => e.extensions?.code ?? 'NONE');
        for (const code of codes) tally.byCode[code] = (tally.byCode[code] ?? 0) + 1;
        const leaked = await leakedChildren(username, operation, reply);
        const uncoded = codes.filter((c) => !(ERROR_CODES as readonly string[]).includes(c));
        if (reply.status >= 500 || uncoded.length || leaked.length) {
          failures.push(
            `${reply.status} ${username} ${operation.query.slice(0, 200)} ${JSON.stringify(operation.variables).slice(0, 300)} → ${JSON.stringify(reply.body).slice(0, 400)} leaked ${leaked.join(',')}`,
          );
        }
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    console.log(`fuzz: ${JSON.stringify(tally)}`);
    expect(failures.slice(0, 5)).toEqual([]);
    // Most generated operations are refused, as they should be; enough get through to reach the resolvers.
    expect(tally.withData).toBeGreaterThan(OPERATIONS / 20);
  }, 600_000);
});
