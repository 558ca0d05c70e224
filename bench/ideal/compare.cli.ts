import { isDeepStrictEqual } from 'node:util';
import { Pool } from 'pg';
import { demoStaff } from '../../seeds/demo-staff';
import { signDevToken } from '../../src/access/tokens';
import { loadConfig } from '../../src/app/config';
import { describeError } from '../../src/common/log-safe-error';
import { benchOperations, type BenchOperation } from '../operations';
import { startIdealServer } from './ideal-server';

/**
 * Checks that the ideal server answers every benchmark operation as the API does, on the same database:
 * BENCH_DATABASE_URL, and the API at API_URL (default http://127.0.0.1:4100/graphql) started on it.
 * A created child is a new row each time, so its id is left out of the comparison.
 */
const API_URL = process.env.API_URL ?? 'http://127.0.0.1:4100/graphql';

async function post(url: string, body: unknown, token?: string): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  return res.json();
}

/** The first path where `a` and `b` differ, or null: the path only, as the values may be a record's. */
function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return path;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

function withoutCreatedId(operation: BenchOperation, response: unknown): unknown {
  if (operation.name !== 'createChild') return response;
  const { data } = response as { data: { createChild: Record<string, unknown> } };
  const { id: _id, ...created } = data.createChild;
  return { data: { createChild: created } };
}

async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 1 });
  const ideal = await startIdealServer(0);
  const jwt = loadConfig().jwt;
  let differences = 0;
  try {
    for (const operation of await benchOperations(pool)) {
      const token = await signDevToken(jwt, demoStaff(operation.username).id);
      const api = await post(API_URL, { query: operation.query, variables: operation.variables }, token);
      const answer = await post(`http://127.0.0.1:${ideal.port}${operation.ideal.path}`, operation.ideal.body);
      const difference = firstDifference(withoutCreatedId(operation, api), withoutCreatedId(operation, answer));
      if (difference) differences += 1;
      console.log(`${operation.name.padEnd(20)} ${difference ? `differs at ${difference}` : 'same'}`);
    }
  } finally {
    await ideal.close();
    await pool.end();
  }
  process.exitCode = differences ? 1 : 0;
}

main().catch((error) => {
  console.error(describeError(error));
  process.exit(1);
});
