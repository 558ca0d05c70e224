import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { describeError } from '../../src/common/log-safe-error';
import { generateBenchData } from './generate';
import { COLUMNS } from './tables';
import { prepareTargetDatabase } from './target-database';

const USAGE = 'usage: BENCH_DATABASE_URL=postgres://… node -r @swc-node/register bench/data/generate.cli.ts --children N [--reset]';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { children: { type: 'string' }, reset: { type: 'boolean', default: false } } });
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new UsageError(`BENCH_DATABASE_URL is not set\n${USAGE}`);
  const children = Number(values.children);
  if (!Number.isInteger(children) || children < 1) throw new UsageError(`--children must be a positive whole number\n${USAGE}`);

  const started = performance.now();
  const client = new Client({ connectionString: url, application_name: 'apse-bench-generate' });
  await client.connect();
  try {
    await prepareTargetDatabase(client, url, values.reset);
    console.log(`migrated, demo staff in: ${seconds(performance.now() - started)}`);
    // Triggers off (the audit triggers, and the foreign-key checks): the generator writes the log itself.
    await client.query(`SET session_replication_role = replica`);
    await client.query(`SET synchronous_commit = off`);
    const loader = await generateBenchData(client, children, ({ name, ms }) => console.log(`${name}: ${seconds(ms)}`));
    await client.query(`RESET session_replication_role`);

    const vacuumFrom = performance.now();
    await client.query('VACUUM ANALYZE');
    console.log(`VACUUM ANALYZE: ${seconds(performance.now() - vacuumFrom)}`);

    console.log('\ndatabase time per table (inserts):');
    for (const [table, { rows, ms }] of loader.stats)
      console.log(`  ${table.padEnd(26)} ${String(rows).padStart(10)} rows  ${seconds(ms)}`);
    console.log('\nrows per table:');
    for (const table of Object.keys(COLUMNS)) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
      console.log(`  ${table.padEnd(26)} ${rows[0]!.n.padStart(10)}`);
    }
    console.log(`\ntotal: ${seconds(performance.now() - started)} for ${children} children`);
  } finally {
    await client.end();
  }
}

class UsageError extends Error {}

main().catch((error) => {
  console.error(describeError(error));
  process.exit(1);
});
