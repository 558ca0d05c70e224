import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { systemClock } from '../src/common/clock';
import { loadConfig } from '../src/app/config';
import { createDataSource } from '../src/app/data-source';
import { appDepsFrom } from '../src/app/request-context';
import { createLogger } from '../src/common/logger';
import { createServer } from '../src/app/server';
import { benchManifestFile, type BenchOperation } from './operations';

/**
 * The round trips of one request, by what they are for: the set-up (its BEGIN with the actor's and the
 * facts' statements), the domain statements, and the end (the COMMIT, with the access-log append when
 * the request read sensitive fields or was refused).
 */
export type StatementCount = { setup: number; domain: number; end: number; accessLog: boolean };

const SETUP = /^BEGIN;/;
const ACCESS_LOG = /audit_append/;
const END = /(^|\n)(COMMIT|ROLLBACK)$/;

/**
 * Statements per request of each operation, counted on an API instance in this process (the same code and
 * database as the full API), on the second request of each (the first warms the caches).
 */
export async function countStatementsPerRequest(
  databaseUrl: string,
  jwksUrl: string,
  operations: BenchOperation[],
  tokenOf: (username: string) => Promise<string>,
): Promise<Map<string, StatementCount>> {
  const config = loadConfig({
    NODE_ENV: 'production',
    AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    DATABASE_URL: databaseUrl,
    JWKS_URL: jwksUrl,
    TRUSTED_DOCUMENTS: benchManifestFile(),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000000',
  });
  const log = createLogger('warn');
  const dataSource = createDataSource({ url: databaseUrl, poolMax: 2, log });
  await dataSource.initialize();
  const server = await createServer(appDepsFrom(config, dataSource, log, systemClock));
  const statements: string[] = [];
  const logQuery = dataSource.logger.logQuery.bind(dataSource.logger);
  dataSource.logger.logQuery = (query, parameters, runner) => {
    statements.push(query.trim());
    logQuery(query, parameters, runner);
  };
  const counts = new Map<string, StatementCount>();
  try {
    for (const operation of operations) {
      const send = async () =>
        request(server.app)
          .post('/graphql')
          .set('authorization', `Bearer ${await tokenOf(operation.username)}`)
          .send({ query: operation.query, variables: operation.variables });
      await send();
      statements.length = 0;
      const res = await send();
      if (res.body.errors) throw new Error(`${operation.name}: ${JSON.stringify(res.body.errors)}`);
      counts.set(operation.name, classify(statements));
    }
  } finally {
    await server.stop();
    await dataSource.destroy();
  }
  return counts;
}

function classify(statements: string[]): StatementCount {
  const count: StatementCount = { setup: 0, domain: 0, end: 0, accessLog: false };
  for (const sql of statements) {
    if (SETUP.test(sql)) count.setup += 1;
    else if (END.test(sql)) {
      count.end += 1;
      count.accessLog ||= ACCESS_LOG.test(sql);
    } else count.domain += 1;
  }
  return count;
}
