import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openToolDatabase } from '../database';
import { describeError } from '../../common/log-safe-error';
import { createLogger } from '../../common/logger';
import { readCheckpoints, writeCheckpoint, type CheckpointExport } from '../../audit/checkpoints';
import { loadSigningKey } from '../../audit/signing-key';

/**
 * `npm run audit:checkpoints`: signs a checkpoint of every chain that moved since the last one (the API
 * also does so every AUDIT_CHECKPOINT_MINUTES). `-- --export FILE` then writes every checkpoint, with the
 * public key, to FILE: keep it away from the database, and give it to `npm run audit:verify -- --checkpoints FILE`.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { export: { type: 'string' } } });
  const config = loadConfig();
  const key = loadSigningKey(config);
  const database = await openToolDatabase(config, createLogger('warn'));
  try {
    const query = (sql: string, params?: unknown[]) => database.dataSource.query(sql, params);
    const written = await writeCheckpoint(query, key, new Date());
    console.log(
      written ? `signed checkpoint #${written.seq} of ${written.chains.length} chains` : 'no chain moved since the last checkpoint',
    );
    if (values.export) {
      const checkpoints = await readCheckpoints(query);
      const file: CheckpointExport = {
        format: 'apse-access-log-checkpoints/1',
        exportedAt: new Date().toISOString(),
        publicKeys: [key.verifier.publicKey.export({ type: 'spki', format: 'pem' }).toString()],
        checkpoints,
      };
      writeFileSync(values.export, `${JSON.stringify(file, null, 2)}\n`);
      console.log(`exported ${checkpoints.length} checkpoints to ${values.export}`);
    }
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(`checkpoint failed: ${describeError(error)}`);
  process.exit(2);
});
