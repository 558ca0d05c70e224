import { randomUUID } from 'node:crypto';
import { openAsActor } from '../../src/access/actor-loader';
import { createDataSource } from '../../src/app/data-source';
import { policyVersion } from '../../src/audit/policy-version';
import { ukDate } from '../../src/common/clock';
import { createLogger } from '../../src/common/logger';
import { DbScope } from '../../src/db/db-scope';

/** A member of staff's request settings, as PostGraphile's `pgSettings` takes them: name → value. */
export type PeerSettings = Record<string, string>;

/**
 * The settings the API's opening statements make for a request, read back from inside such a request: the request
 * role and who is asking (`app.*`), and the statement settings (timeouts, and JIT off but for the board). What
 * changes with every request (its id, day and instant) the peer sets itself (`requestSettings`).
 */
const SETTINGS = [
  'role',
  'app.staff_id',
  'app.authorities',
  'app.roles',
  'app.named_children',
  'app.granted_children',
  'app.policy_version',
  'jit',
  'statement_timeout',
  'lock_timeout',
  'idle_in_transaction_session_timeout',
] as const;

/**
 * Each member of staff's settings, computed by the API's own opening (`openAsActor`) in a transaction that is then
 * rolled back: the peer gets exactly the role and settings under which the API's statements run.
 */
export async function settingsOf(databaseUrl: string, staffIds: readonly string[]): Promise<Record<string, PeerSettings>> {
  const dataSource = createDataSource({ url: databaseUrl, poolMax: 1, log: createLogger('warn') });
  await dataSource.initialize();
  const now = new Date();
  const found: Record<string, PeerSettings> = {};
  try {
    for (const staffId of staffIds) {
      const db = new DbScope(dataSource);
      try {
        const request = { requestId: randomUUID(), clientRequestId: null, policyVersion: policyVersion() };
        if (!(await openAsActor(db, staffId, request, ukDate(now), now))) throw new Error(`${staffId} is not an active member of staff`);
        const [row] = await db.query<PeerSettings>(
          `SELECT ${SETTINGS.map((name, i) => `current_setting('${name}', true) AS s${i}`).join(', ')}`,
        );
        found[staffId] = Object.fromEntries(SETTINGS.map((name, i) => [name, row![`s${i}`] ?? '']));
      } finally {
        await db.finish('rollback');
      }
    }
  } finally {
    await dataSource.destroy();
  }
  return found;
}

/** The settings of one request: the member of staff's, with the request's own id, day and instant. */
export function requestSettings(staff: PeerSettings, now = new Date()): PeerSettings {
  return { ...staff, 'app.request_id': randomUUID(), 'app.client_request_id': '', 'app.today': ukDate(now), 'app.now': now.toISOString() };
}
