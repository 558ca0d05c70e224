import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { AUTHORITIES } from '../../authz/vocabulary';
import { loadConfig } from '../config';
import { openToolDatabase } from '../database';
import { describeError } from '../../common/log-safe-error';
import { createLogger } from '../../common/logger';
import { csvLine } from '../../audit/csv';

const USAGE = 'usage: npm run audit:export -- --from YYYY-MM-DD --to YYYY-MM-DD [--authority BEXLEY|KENT|MEDWAY] [--out FILE]';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const COLUMNS = [
  'id',
  'at',
  'staff_id',
  'roles',
  'action',
  'outcome',
  'subject_type',
  'subject_id',
  'subject_ids',
  'authorities',
  'fields',
  'reason',
  'changes',
  'criteria',
  'policy_version',
  'request_id',
  'client_request_id',
  'chain',
  'seq',
  'hash',
] as const;

/**
 * `npm run audit:export -- --from … --to …`: the access log of a period (UK days, inclusive) as CSV, oldest
 * first, with changes withheld exactly as the API shows them; `--authority` keeps the events about one
 * authority's children and staff, as that council's auditor sees them. The export is itself logged.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, to: { type: 'string' }, authority: { type: 'string' }, out: { type: 'string' } },
  });
  const { from, to, authority } = values;
  if (!from || !to || !DAY.test(from) || !DAY.test(to) || from > to) throw new Error('--from and --to are days, from no later than to');
  if (authority && !(AUTHORITIES as readonly string[]).includes(authority))
    throw new Error(`--authority is one of ${AUTHORITIES.join(', ')}`);
  const database = await openToolDatabase(loadConfig(), createLogger('warn'));
  const out = values.out ? createWriteStream(values.out) : process.stdout;
  try {
    const rows = await database.dataSource.transaction(async (manager) => {
      const found: Record<string, unknown>[] = await manager.query(
        `SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, staff_id, roles, action, outcome, subject_type,
                subject_id, subject_ids, authorities::text[] AS authorities, fields, reason, audit_visible_changes(subject_type, changes) AS changes, criteria,
                policy_version, request_id, client_request_id, chain, seq, hash
           FROM audit_events
          WHERE at >= ($1::date)::timestamp AT TIME ZONE 'Europe/London' AND at < ($2::date + 1)::timestamp AT TIME ZONE 'Europe/London'
            AND ($3::authority IS NULL OR authorities @> ARRAY[$3::authority])
          ORDER BY at, id`,
        [from, to, authority ?? null],
      );
      const criteria = { from, to, authority: authority ?? null, returned: found.length };
      await manager.query(`SELECT audit_append($1::jsonb)`, [
        JSON.stringify([
          { action: 'export', subjectType: 'AuditEvent', fields: [], criteria, authorities: authority ? [authority] : null },
        ]),
      ]);
      return found;
    });
    out.write(csvLine([...COLUMNS]));
    for (const row of rows) out.write(csvLine(COLUMNS.map((c) => row[c])));
    console.error(`exported ${rows.length} events from ${from} to ${to}${authority ? ` about ${authority}` : ''}`);
  } finally {
    if (out !== process.stdout) out.end();
    await database.close();
  }
}

main().catch((error) => {
  console.error(`audit export failed: ${describeError(error)}\n${USAGE}`);
  process.exit(2);
});
