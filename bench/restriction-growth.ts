import { Client } from 'pg';
import { checkAnswers, load } from './load';
import type { BenchOperation } from './operations';
import {
  addRestrictionsAndPastGrants,
  factsStatementMedian,
  FACTS_READERS,
  removeRestrictionsAndPastGrants,
  RESTRICTION_READERS,
} from './restrictions';
import { startServer } from './servers';

/** One measured thing, without and with the restrictions and past grants: the p50 of each round, in ms. */
export type GrowthRow = { measured: string; without: number[]; with: number[] };

const CONNECTIONS = 10;
const FACTS_RUNS = 2000;
/**
 * Without, with, without, with…: eight short rounds interleaved, so that the machine's drift over the run falls on
 * both sides alike, and each side's figure is the median of its rounds.
 */
const ROUNDS = [false, true, false, true, false, true, false, true];

/**
 * Whether restrictions cost the requests of those they do not concern: the list of 50 (the full API, through HTTP)
 * and the facts statement (alone, in a request scope), on the generated data as it is and with 1,000 restricted
 * records and 1,000 past emergency grants added; removed again at the end, whatever happens.
 */
export async function measureRestrictionGrowth(
  databaseUrl: string,
  jwksUrl: string,
  list: BenchOperation,
  tokenOf: (username: string) => Promise<string>,
  seconds: { warmUp: number; measured: number },
): Promise<GrowthRow[]> {
  const lists = RESTRICTION_READERS.map((username) => ({ ...list, name: `list of 50 as ${username}`, username }));
  const rows: GrowthRow[] = [...lists.map((l) => l.name), ...FACTS_READERS.map((u) => `facts statement of ${u}`)].map((measured) => ({
    measured,
    without: [],
    with: [],
  }));
  const client = new Client({ connectionString: databaseUrl, application_name: 'apse-bench-restrictions' });
  await client.connect();
  const server = await startServer('full', databaseUrl, jwksUrl);
  try {
    await removeRestrictionsAndPastGrants(client);
    for (const restricted of ROUNDS) {
      if (restricted) await addRestrictionsAndPastGrants(client);
      const side = restricted ? 'with' : 'without';
      for (const [index, operation] of lists.entries()) {
        const token = await tokenOf(operation.username);
        await checkAnswers(server, operation, token);
        await load(server, operation, token, CONNECTIONS, seconds.warmUp);
        await checkAnswers(server, operation, token);
        const result = await load(server, operation, token, CONNECTIONS, Math.max(1, Math.round(seconds.measured / 2)));
        rows[index]![side].push(result.latency.p50);
      }
      for (const [index, username] of FACTS_READERS.entries()) {
        rows[lists.length + index]![side].push(await factsStatementMedian(databaseUrl, username, FACTS_RUNS));
      }
      for (const row of rows) console.log(`  ${row.measured.padEnd(34)} ${side.padEnd(7)} p50 ${row[side].at(-1)!.toFixed(2)} ms`);
      if (restricted) await removeRestrictionsAndPastGrants(client);
    }
  } finally {
    await removeRestrictionsAndPastGrants(client);
    await server.stop();
    await client.end();
  }
  return rows;
}
