import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { demoStaff } from '../seeds/demo-staff';
import { describeError } from '../src/common/log-safe-error';
import { cpuSnapshot } from './cpu';
import { startIdentityProvider } from './identity-provider';
import { checkAnswers, load } from './load';
import { benchDatabaseUrl, benchOperations } from './operations';
import { summarise, statementTimes, type CpuProfile } from './profile-summary';
import { startServer } from './servers';

/**
 * `npm run bench:profile -- OPERATION`: where the full API's time goes on one operation of bench/operations.ts.
 * The built API runs as `npm run bench` runs it, under `node --cpu-prof`; after a warm-up, a measured load; then the
 * profile's top entries over the measured load, by origin and by function, and the CPU per request of the API
 * and of PostgreSQL.
 * With `--postgres-log FILE` (PostgreSQL's log file, readable here), every statement of the run is logged
 * (`log_min_duration_statement = 0` on the database, reset afterwards) and its time per request printed by step:
 * parse, bind (where a statement is planned), execute.
 */
const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '10' },
    'postgres-log': { type: 'string' },
  },
});
const WARM_UP_SECONDS = 5;

async function main(): Promise<void> {
  const databaseUrl = benchDatabaseUrl();
  const name = positionals[0] ?? 'child';
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  const operation = (await benchOperations(admin)).find((o) => o.name === name);
  if (!operation) throw new Error(`bench/operations.ts has no operation ${name}`);
  const database = admin.escapeIdentifier(new URL(databaseUrl).pathname.slice(1));
  const postgresLog = flags['postgres-log'];
  const profiles = mkdtempSync(join(tmpdir(), 'apse-profile-'));
  const identity = await startIdentityProvider(4199);
  try {
    if (postgresLog) await admin.query(`ALTER DATABASE ${database} SET log_min_duration_statement = 0`);
    process.env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${profiles}`;
    const server = await startServer('full', databaseUrl, identity.jwksUrl);
    delete process.env.NODE_OPTIONS;
    const token = await identity.sign(demoStaff(operation.username).id);
    const connections = Number(flags.connections);
    await checkAnswers(server, operation, token);
    await load(server, operation, token, connections, WARM_UP_SECONDS);
    const logFrom = postgresLog ? statSync(postgresLog).size : 0;
    const measuredFrom = Date.now();
    const before = cpuSnapshot(server.pid);
    const result = await load(server, operation, token, connections, Number(flags.seconds));
    const after = cpuSnapshot(server.pid);
    const log = postgresLog ? readFrom(postgresLog, logFrom) : '';
    await server.stop();
    const measuredMs = Date.now() - measuredFrom;
    const requests = result.requests.total;
    console.log(
      `${name}, ${connections} connections: ${(requests / Number(flags.seconds)).toFixed(0)} req/s; CPU ms/request: ` +
        `API ${((after.serverMs - before.serverMs) / requests).toFixed(2)}, PostgreSQL ${((after.postgresMs - before.postgresMs) / requests).toFixed(2)}`,
    );
    const file = readdirSync(profiles).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('the API wrote no CPU profile');
    const profile = JSON.parse(readFileSync(join(profiles, file), 'utf8')) as CpuProfile;
    const { byOrigin, byFunction } = summarise(profile, measuredMs);
    const rows = (shares: { name: string; percent: number }[]) => shares.map((s) => `${s.percent.toFixed(1).padStart(6)}%  ${s.name}`);
    console.log('\nThe API process, by origin (self time of the measured load and the stop):', ...rows(byOrigin).map((r) => `\n${r}`));
    console.log('\nby function:', ...rows(byFunction).map((r) => `\n${r}`));
    if (postgresLog) {
      console.log('\nPostgreSQL, ms per request (all connections, the warm-up excluded):');
      for (const s of statementTimes(log, requests))
        console.log(
          `${s.msPerRequest.toFixed(3).padStart(8)}  ${s.step.padEnd(9)} ${s.statement}  (median ${s.median.toFixed(3)} ms, ${s.count}×)`,
        );
    }
  } finally {
    if (postgresLog) await admin.query(`ALTER DATABASE ${database} RESET log_min_duration_statement`);
    await admin.end();
    await identity.close();
    rmSync(profiles, { recursive: true, force: true });
  }
}

/** A file's text from byte `offset` on: what PostgreSQL logged since. */
function readFrom(file: string, offset: number): string {
  return readFileSync(file).subarray(offset).toString('utf8');
}

main().catch((error) => {
  console.error(describeError(error));
  process.exit(1);
});
