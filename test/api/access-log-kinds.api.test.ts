import { seedDemoData } from '../../seeds/seed';
import { AUDIT_EVENT_KINDS, AUDIT_SUBJECT_TYPES, auditEventKind } from '../../src/audit/enums';
import type { AuditOutcome } from '../../src/audit/audit-event.entity';
import { insertChild } from '../helpers/factories';
import { useTestApi } from '../helpers/test-api';
import { SEED_TODAY } from '../seeds/seeded-database';

/**
 * An auditor filters the access log by what an event records (its kind) and the kind of record it is about, as
 * enums the schema lists; every event the log can hold — the demo data's import, a request's changes and reads,
 * a refusal — has a kind and a subject type among them.
 */
let kentChildId: string;
const api = useTestApi(async ({ dataSource }) => {
  await dataSource.query('TRUNCATE staff, panels CASCADE');
  await seedDemoData(dataSource, SEED_TODAY);
  kentChildId = (await insertChild(dataSource, 'KENT')).id;
});

const auditEvents = async (filter: Record<string, unknown>) => {
  const { data, errors } = await api().as('auditor.1')(
    'query ($filter: AuditEventFilter) { auditEvents(first: 100, filter: $filter) { totalCount edges { node { action kind outcome subjectType } } } }',
    { filter },
  );
  expect(errors).toBeUndefined();
  return data!.auditEvents as { totalCount: number; edges: { node: Record<string, string> }[] };
};

beforeAll(async () => {
  await api().as('adm.bexley')(`{ child(id: "${kentChildId}") { id } }`);
  await api().as('adm.kent')(`{ child(id: "${kentChildId}") { firstName } }`);
  await api().as('adm.kent')('{ node(id: "5b0c3c2e-0000-4000-8000-000000000000") { id } }');
});

it('a lookup by id of any kind (node) that found nothing in reach is logged about a Node, which the schema lists', async () => {
  const { totalCount, edges } = await auditEvents({ kind: 'REFUSAL', subjectType: 'Node' });
  expect(totalCount).toBeGreaterThan(0);
  for (const { node } of edges) expect(node).toEqual({ action: 'node', kind: 'REFUSAL', outcome: 'REFUSED', subjectType: 'Node' });
});

it('every subject type the database’s triggers log rows under is one the schema lists', async () => {
  const rows: { subjectType: string }[] = await api().dataSource.query(
    `SELECT DISTINCT (regexp_match(pg_get_triggerdef(oid), 'FUNCTION audit_\\w+\\(''(\\w+)''\\)'))[1] AS "subjectType"
       FROM pg_trigger WHERE NOT tgisinternal AND pg_get_triggerdef(oid) ~ 'FUNCTION audit_\\w+\\('''`,
  );
  expect(rows.length).toBeGreaterThan(10);
  expect(rows.map((r) => r.subjectType).filter((t) => !(AUDIT_SUBJECT_TYPES as readonly string[]).includes(t))).toEqual([]);
});

it('every event the log holds — imported, changed, read, refused — has a kind and a subject type the schema lists', async () => {
  const rows: { action: string; outcome: AuditOutcome; subjectType: string }[] = await api().dataSource.query(
    `SELECT DISTINCT action, outcome, subject_type AS "subjectType" FROM audit_events`,
  );
  const kinds = new Set(rows.map((r) => auditEventKind(r.action, r.outcome)));
  expect([...kinds].filter((k) => !AUDIT_EVENT_KINDS.includes(k))).toEqual([]);
  expect([...kinds]).toEqual(expect.arrayContaining(['IMPORT', 'CREATE', 'READ', 'REFUSAL']));
  expect(rows.map((r) => r.subjectType).filter((t) => !(AUDIT_SUBJECT_TYPES as readonly string[]).includes(t))).toEqual([]);
});

it.each([
  ['IMPORT', { action: 'import', outcome: 'ALLOWED' }],
  ['READ', { action: 'read', outcome: 'ALLOWED' }],
  ['REFUSAL', { action: 'child', outcome: 'REFUSED' }],
] as const)('filtering on the kind %s lists those events only', async (kind, shape) => {
  const { totalCount, edges } = await auditEvents({ kind });
  expect(totalCount).toBeGreaterThan(0);
  for (const { node } of edges) expect(node).toMatchObject({ kind, outcome: shape.outcome });
  expect(edges.map((e) => e.node.action)).toContain(shape.action);
});

it('the action filter matches whatever the case it is written in', async () => {
  const lower = await auditEvents({ action: 'import', subjectType: 'Child' });
  const upper = await auditEvents({ action: 'IMPORT', subjectType: 'Child' });
  expect(lower.totalCount).toBeGreaterThan(0);
  expect(upper.totalCount).toBe(lower.totalCount);
});

it('a subject type the schema does not list is refused with BAD_USER_INPUT', async () => {
  const { errors } = await api().as('auditor.1')('query ($filter: AuditEventFilter) { auditEvents(filter: $filter) { totalCount } }', {
    filter: { subjectType: 'child' },
  });
  expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
});
