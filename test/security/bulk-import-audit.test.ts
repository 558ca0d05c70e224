import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../../seeds/bulk-insert';
import { demoStaff } from '../../seeds/demo-staff';
import { REQUEST_ROLE } from '../../src/db/request-role';
import { ChildRecord } from '../../src/journey/child.entity';
import { useTestApi } from '../helpers/test-api';

/**
 * A bulk import by the tables' owner (the demo data, records migrated from a council's former system) is logged as
 * one `import` event per statement, table and authority — its name, every record, the columns written, the authority
 * — with no values, so that a council's auditor sees only that council's records. Only the owner may import: a request, which runs as a role owning nothing, is logged row by row.
 */
const api = useTestApi();

const child = (authority: 'KENT' | 'MEDWAY', firstName: string) => ({
  id: randomUUID(),
  authority,
  firstName,
  lastName: 'Imported',
  dateOfBirth: '2021-03-14',
  enteredCareOn: '2022-01-10',
  ethnicity: 'White British',
  birthFamilyBackground: 'neglect',
  createdBy: demoStaff('ppm.kent').id,
});

type LoggedEvent = {
  action: string;
  subject_id: string | null;
  subject_ids: string[] | null;
  fields: string[];
  authorities: string;
  reason: string | null;
  changes: unknown;
};

/** The events that name any of `ids`, as the log stores them. */
const eventsAbout = (ids: string[]): Promise<LoggedEvent[]> =>
  api().dataSource.query(
    `SELECT action, subject_id, subject_ids, fields, authorities::text, reason, changes FROM audit_events
      WHERE subject_id = ANY ($1::uuid[]) OR subject_ids && $1::uuid[] ORDER BY seq`,
    [ids],
  );

const importing = <T>(name: string, work: (manager: EntityManager) => Promise<T>) =>
  api().dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.import', $1, true)`, [name]);
    return work(manager);
  });

it('an import by the tables’ owner is one `import` event per authority: its name, every record, the columns, no values', async () => {
  const rows = [child('KENT', 'Amara'), child('MEDWAY', 'Bilal'), child('KENT', 'Cora')];
  await importing('records from the former case system', (manager) => bulkInsert(manager, ChildRecord, rows));

  const events = await eventsAbout(rows.map((r) => r.id));
  expect(events.map(({ subject_ids, ...event }) => ({ ...event, subject_ids: [...subject_ids!].sort() }))).toEqual(
    (['KENT', 'MEDWAY'] as const).map((authority) => ({
      action: 'import',
      subject_id: null,
      subject_ids: rows
        .filter((r) => r.authority === authority)
        .map((r) => r.id)
        .sort(),
      fields: expect.arrayContaining(['first_name', 'date_of_birth', 'authority']),
      authorities: `{${authority}}`,
      reason: 'records from the former case system',
      changes: null,
    })),
  );
  expect(events[0]!.fields).not.toContain('version');
  expect(JSON.stringify(events)).not.toMatch(/Amara|Bilal|Cora|2021-03-14/);
});

it('the owner’s inserts outside an import are logged row by row, as every change is', async () => {
  const rows = [child('KENT', 'Dami'), child('KENT', 'Esme')];
  await api().dataSource.transaction((manager) => bulkInsert(manager, ChildRecord, rows));

  const events = await eventsAbout(rows.map((r) => r.id));
  expect(events.map((e) => [e.action, e.subject_id])).toEqual(rows.map((r) => ['create', r.id]));
});

it('an empty import writes no event', async () => {
  const before = await api().dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'import'`);
  await importing('nothing', (manager) => manager.query(`INSERT INTO children SELECT * FROM children WHERE false`));
  expect(await api().dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'import'`)).toEqual(before);
});

it(`a request's role (${REQUEST_ROLE}) naming an import is not importing: only the tables' owner may`, async () => {
  const asked = (role: string | null) =>
    importing('not allowed', async (manager) => {
      if (role) await manager.query(`SET LOCAL ROLE ${role}`);
      const [{ name }] = await manager.query(`SELECT audit_import_name('children'::regclass) AS name`);
      return name;
    });
  expect(await asked(REQUEST_ROLE)).toBeNull();
  expect(await asked(null)).toBe('not allowed');
});
