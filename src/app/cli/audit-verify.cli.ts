import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openToolDatabase } from '../database';
import { describeError } from '../../common/log-safe-error';
import { createLogger } from '../../common/logger';
import type { CheckpointExport } from '../../audit/checkpoints';
import { verifyAccessLog } from '../../audit/log-verification';
import { loadSigningKey, verifyingKeyFromPem, type VerifyingKey } from '../../audit/signing-key';

const USAGE = 'usage: npm run audit:verify [-- --checkpoints EXPORTED.json] [--public-key KEY.pem …]';

/**
 * `npm run audit:verify`: checks every chain of the access log against the signed checkpoints and names
 * what is wrong — a deleted event, a missing day, a truncated tail, a re-hashed chain, an edited event, an
 * altered or missing checkpoint. `--checkpoints FILE` verifies against an exported copy (so altered
 * checkpoints in the database are caught too); `--public-key FILE` trusts that key (else the configured
 * signing key's public half). Exit code 1 when anything is wrong. Works while the API is serving.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { checkpoints: { type: 'string' }, 'public-key': { type: 'string', multiple: true } } });
  const config = loadConfig();
  const exported = values.checkpoints ? (JSON.parse(readFileSync(values.checkpoints, 'utf8')) as CheckpointExport) : null;
  if (exported && exported.format !== 'apse-access-log-checkpoints/1')
    throw new Error(`${values.checkpoints} is not an exported checkpoint file`);
  const keys: VerifyingKey[] = values['public-key']?.length
    ? values['public-key'].map((file) => verifyingKeyFromPem(readFileSync(file, 'utf8')))
    : [loadSigningKey(config).verifier];
  const database = await openToolDatabase(config, createLogger('warn'));
  try {
    const result = await verifyAccessLog((sql, params) => database.dataSource.query(sql, params), keys, exported?.checkpoints ?? null);
    console.log(
      `${result.events} events in ${result.chains} chains; ${result.checkpoints} signed checkpoints; ` +
        `${result.unsignedEvents} events not yet signed (checked by their links only)`,
    );
    for (const problem of result.problems) console.log(`${problem.kind.padEnd(24)} ${problem.message}`);
    console.log(result.problems.length === 0 ? 'the access log is intact' : `${result.problems.length} problems found`);
    process.exitCode = result.problems.length === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(`audit verification failed: ${describeError(error)}\n${USAGE}`);
  process.exit(2);
});
