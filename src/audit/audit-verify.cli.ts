import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { describeError } from '../log-safe-error';
import { createLogger } from '../logger';

type ChainReport = { chain: string; events: string; first_broken_seq: string | null; first_broken_id: string | null };

/**
 * `npm run audit:verify`: recomputes every hash of every chain of the access log and names the first
 * broken link of each chain. Exit code 1 when any link is broken.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, createLogger('warn'));
  try {
    const chains = await database.dataSource.query<ChainReport[]>('SELECT * FROM audit_verify()');
    const broken = chains.filter((c) => c.first_broken_seq !== null);
    for (const c of chains) {
      const state = c.first_broken_seq === null ? 'intact' : `BROKEN at seq ${c.first_broken_seq} (event ${c.first_broken_id})`;
      console.log(`${c.chain.padEnd(14)} ${String(c.events).padStart(9)} events  ${state}`);
    }
    console.log(broken.length === 0 ? `all ${chains.length} chains intact` : `${broken.length} of ${chains.length} chains broken`);
    process.exitCode = broken.length === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(`audit verification failed: ${describeError(error)}`);
  process.exit(2);
});
