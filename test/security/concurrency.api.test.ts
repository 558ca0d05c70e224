import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { demoStaff } from '../../seeds/demo-staff';
import { signDevToken } from '../../src/access/tokens';
import type { Authority } from '../../src/authz/vocabulary';
import { startTestApi, resetDatabase, TEST_CONFIG, type TestApi } from '../helpers/test-api';
import { insertChildren } from '../helpers/factories';
import { onRealServer } from '../helpers/real-server';

/**
 * Thousands of interleaved requests from staff of different authorities, through a pool of 4 connections:
 * every response holds only the caller's authority's records, and none fails.
 */
const REQUESTS = 2000;
type GraphQLReply = {
  data?: { children?: { edges: { node: { authority: string } }[] }; child?: { authority: string } };
  errors?: { extensions: { code: string } }[];
};
const CONCURRENCY = 32;
const ACTORS: [string, Authority][] = [
  ['adm.bexley', 'BEXLEY'],
  ['adm.kent', 'KENT'],
  ['adm.medway', 'MEDWAY'],
  ['ppm.bexley', 'BEXLEY'],
  ['ppm.kent', 'KENT'],
  ['ppm.medway', 'MEDWAY'],
];

onRealServer('thousands of requests through one PGlite session would test PGlite, not the API')('concurrency', () => {
  let api: TestApi;
  let server: Server;
  let url: string;
  const childIds: Record<Authority, string[]> = { BEXLEY: [], KENT: [], MEDWAY: [] };

  beforeAll(async () => {
    api = await startTestApi();
    await resetDatabase(api.dataSource);
    for (const authority of ['BEXLEY', 'KENT', 'MEDWAY'] as const) {
      childIds[authority] = (await insertChildren(api.dataSource, authority, 8)).map((c) => c.id);
    }
    server = api.server.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await api.close();
  });

  it(`${REQUESTS} requests, ${CONCURRENCY} at a time: no response holds another authority’s record, none fails`, async () => {
    const tokens = await Promise.all(ACTORS.map(([username]) => signDevToken(TEST_CONFIG.jwt, demoStaff(username).id)));
    const all = Object.entries(childIds).flatMap(([authority, ids]) => ids.map((id) => [authority, id] as const));
    let sent = 0;
    const outcomes = { ok: 0, notFound: 0, leaks: 0, failures: 0 };

    async function worker(): Promise<void> {
      while (sent < REQUESTS) {
        const n = sent++;
        const [, own] = ACTORS[n % ACTORS.length]!;
        const [authority, id] = all[(n * 7) % all.length]!;
        const listing = n % 2 === 0;
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[n % ACTORS.length]}` },
          body: JSON.stringify(
            listing
              ? { query: '{ children(first: 50) { edges { node { authority } } } }' }
              : { query: 'query ($id: ID!) { child(id: $id) { authority } }', variables: { id } },
          ),
        });
        const body = (await res.json()) as GraphQLReply;
        const seen = listing
          ? (body.data?.children?.edges ?? []).map((e) => e.node.authority)
          : body.data?.child
            ? [body.data.child.authority]
            : [];
        if (seen.some((a) => a !== own)) outcomes.leaks += 1;
        if (res.status >= 500) outcomes.failures += 1;
        else if (listing ? seen.length === childIds[own].length : authority === own && seen.length === 1) outcomes.ok += 1;
        else if (!listing && authority !== own && body.errors?.[0]?.extensions.code === 'NOT_FOUND') outcomes.notFound += 1;
        else outcomes.failures += 1;
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    console.log(`concurrency: ${REQUESTS} requests, ${JSON.stringify(outcomes)}`);
    expect(outcomes).toEqual({ ok: expect.any(Number), notFound: expect.any(Number), leaks: 0, failures: 0 });
    expect(outcomes.ok + outcomes.notFound).toBe(REQUESTS);
  }, 120_000);
});
