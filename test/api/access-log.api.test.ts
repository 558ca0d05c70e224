import { demoStaff } from '../../seeds/demo-staff';
import { AuditEventRecord } from '../../src/audit/audit-event.entity';
import { AllocationRecord } from '../../src/journey/allocation.entity';
import type { ChildRecord } from '../../src/journey/child.entity';
import { insertChild } from '../helpers/factories';
import { CREATE_CHILD } from '../helpers/operations';
import { useTestApi } from '../helpers/test-api';

/**
 * The access log: every read of identifying, special-category or birth-family fields (with the fact that
 * gave access), every change (before and after, in the same transaction), every refusal (kept although the
 * refused work rolls back). Append-only at the database; tamper-evident by hash chains.
 */
let kentChild: ChildRecord;
let allocated: ChildRecord;
let allocationId: string;

const api = useTestApi(async ({ dataSource }) => {
  kentChild = await insertChild(dataSource, 'KENT', { firstName: 'Logged' });
  allocated = await insertChild(dataSource, 'MEDWAY');
  allocationId = (
    await dataSource.getRepository(AllocationRecord).save({
      childId: allocated.id,
      authority: 'MEDWAY',
      familyFinderId: demoStaff('finder.2').id,
      allocatedOn: '2022-02-01',
      allocatedBy: demoStaff('ppm.medway').id,
    })
  ).id;
});

/** Changes and refusals name their one subject; a read names every record it read. */
const eventsAbout = (subjectId: string) =>
  api()
    .dataSource.getRepository(AuditEventRecord)
    .createQueryBuilder('e')
    .where('e.subjectId = :subjectId OR e.subjectIds @> ARRAY[:subjectId]::uuid[]', { subjectId })
    .orderBy('e.id', 'ASC')
    .getMany();

it('a read of identifying and special fields is logged with who, role, the fields read and why', async () => {
  await api().as('adm.kent')(`{ child(id: "${kentChild.id}") { id stage firstName ethnicity } }`);
  const [read] = (await eventsAbout(kentChild.id)).filter((e) => e.action === 'read');
  expect(read).toMatchObject({
    staffId: demoStaff('adm.kent').id,
    roles: 'ADM:KENT',
    outcome: 'ALLOWED',
    subjectType: 'Child',
    fields: ['ethnicity', 'firstName'],
    reason: 'authority KENT',
  });
});

it('the children read in one request under the same fact with the same fields are one read event naming each of them', async () => {
  const second = await insertChild(api().dataSource, 'KENT', { firstName: 'Paged' });
  const ids = [kentChild.id, second.id];
  const { errors } = await api().as('adm.kent')(`{ a: child(id: "${ids[0]}") { firstName } b: child(id: "${ids[1]}") { firstName } }`);
  expect(errors).toBeUndefined();
  const reads = (await eventsAbout(second.id)).filter((e) => e.action === 'read');
  expect(reads).toHaveLength(1);
  expect(reads[0]).toMatchObject({
    subjectType: 'Child',
    subjectId: null,
    subjectIds: ids,
    fields: ['firstName'],
    reason: 'authority KENT',
  });
});

it('reads under different facts stay apart: each names the fact that gave access to its records', async () => {
  const other = await insertChild(api().dataSource, 'MEDWAY');
  const otherAllocation = await api()
    .dataSource.getRepository(AllocationRecord)
    .save({
      childId: other.id,
      authority: 'MEDWAY',
      familyFinderId: demoStaff('finder.2').id,
      allocatedOn: '2022-03-01',
      allocatedBy: demoStaff('ppm.medway').id,
    });
  const { errors } = await api().as('finder.2')(
    `{ a: child(id: "${allocated.id}") { lastName } b: child(id: "${other.id}") { lastName } }`,
  );
  expect(errors).toBeUndefined();
  const lastRead = async (id: string) => (await eventsAbout(id)).filter((e) => e.action === 'read').at(-1);
  expect(await lastRead(allocated.id)).toMatchObject({ subjectIds: [allocated.id], reason: `allocation ${allocationId}` });
  expect(await lastRead(other.id)).toMatchObject({ subjectIds: [other.id], reason: `allocation ${otherAllocation.id}` });
});

it('a family finder’s read names the allocation that gave access', async () => {
  await api().as('finder.2')(`{ child(id: "${allocated.id}") { lastName } }`);
  const [read] = (await eventsAbout(allocated.id)).filter((e) => e.action === 'read');
  expect(read).toMatchObject({ roles: 'FAMILY_FINDER:PARTNERSHIP', fields: ['lastName'], reason: `allocation ${allocationId}` });
});

it('a read of case fields only is not logged', async () => {
  const before = (await eventsAbout(kentChild.id)).length;
  await api().as('adm.kent')(`{ child(id: "${kentChild.id}") { id stage enteredCareOn } }`);
  expect(await eventsAbout(kentChild.id)).toHaveLength(before);
});

it('a change is logged in the same transaction, naming the changed field and keeping a digest, never the identifying value', async () => {
  const { errors } = await api().as('ppm.kent')('mutation ($input: UpdateChildInput!) { updateChild(input: $input) { version } }', {
    input: { childId: kentChild.id, firstName: 'Renamed' },
  });
  expect(errors).toBeUndefined();
  const [update] = await api().dataSource.query(
    `SELECT staff_id, roles, fields, changes, authorities FROM audit_events WHERE subject_id = $1 AND action = 'update' ORDER BY id DESC LIMIT 1`,
    [kentChild.id],
  );
  expect(update).toMatchObject({
    staff_id: demoStaff('ppm.kent').id,
    roles: 'PPM_LEAD:KENT',
    fields: ['first_name'],
    authorities: '{KENT}',
  });
  expect(update.changes).toEqual({
    first_name: {
      withheld: 'identifying',
      before: expect.stringMatching(/^[0-9a-f]{64}$/),
      after: expect.stringMatching(/^[0-9a-f]{64}$/),
    },
  });
  expect(JSON.stringify(update)).not.toMatch(/Logged|Renamed/);
});

it('a change of a case field keeps its before and after', async () => {
  const { errors } = await api().as('adm.kent')(
    'mutation ($input: RecordAdoptionPlanDecisionInput!) { recordAdoptionPlanDecision(input: $input) { id } }',
    { input: { childId: kentChild.id, decidedOn: '2022-03-01', rationale: 'Adoption is in the best interests of Logged' } },
  );
  expect(errors).toBeUndefined();
  const [update] = await api().dataSource.query(
    `SELECT changes FROM audit_events WHERE subject_id = $1 AND action = 'update' ORDER BY id DESC LIMIT 1`,
    [kentChild.id],
  );
  expect(update.changes).toEqual({
    stage: { before: 'CONSIDERING_ADOPTION', after: 'SHOULD_BE_PLACED' },
    adoption_plan_decided_on: { before: null, after: '2022-03-01' },
  });
});

it('a refusal is logged although the refused work rolls back', async () => {
  const { errors } = await api().as('ppm.kent')(CREATE_CHILD, {
    input: { authority: 'MEDWAY', firstName: 'Not', lastName: 'Mine', dateOfBirth: '2022-01-01', enteredCareOn: '2022-02-01' },
  });
  expect(errors![0]!.extensions.code).toBe('FORBIDDEN');
  const refusals = await api()
    .dataSource.getRepository(AuditEventRecord)
    .find({
      where: { staffId: demoStaff('ppm.kent').id, outcome: 'REFUSED', action: 'createChild' },
    });
  expect(refusals.at(-1)).toMatchObject({ subjectType: 'Child', reason: 'OTHER_AUTHORITY' });
});

it('a lookup out of reach is logged as a refusal, like a missing one', async () => {
  await api().as('adm.bexley')(`{ child(id: "${kentChild.id}") { firstName } }`);
  const refusal = (await eventsAbout(kentChild.id)).find((e) => e.outcome === 'REFUSED')!;
  expect(refusal).toMatchObject({ staffId: demoStaff('adm.bexley').id, action: 'child', reason: 'NOT_FOUND' });
});

describe('the log is append-only at the database', () => {
  it.each([
    ['UPDATE', `UPDATE audit_events SET reason = 'edited' WHERE id = (SELECT max(id) FROM audit_events)`],
    ['DELETE', `DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)`],
    ['TRUNCATE', `TRUNCATE audit_events`],
  ])('%s is refused, even for the owner', async (_verb, sql) => {
    await expect(api().dataSource.query(sql)).rejects.toThrow(/append-only/);
  });
});

describe('tamper evidence', () => {
  type Chain = { chain: string; first_broken_seq: string | null };
  const verify = () => api().dataSource.query<Chain[]>('SELECT chain, first_broken_seq FROM audit_verify()');

  it('every chain verifies', async () => {
    expect((await verify()).filter((c) => c.first_broken_seq !== null)).toEqual([]);
  });

  it.each([
    ['the reason of a change', `subject_id = $1`, 'reason', `'nothing to see here'`],
    ['the records a read names', `subject_ids @> ARRAY[$1]::uuid[]`, 'subject_ids', `'{}'::uuid[]`],
  ])('%s, edited behind the triggers’ back, is found at its position', async (_what, about, column, edited) => {
    const [target] = await api().dataSource.query<{ id: string; chain: string; seq: string }[]>(
      `SELECT id, chain, seq FROM audit_events WHERE ${about} ORDER BY id LIMIT 1`,
      [kentChild.id],
    );
    const tamper = (value: string) =>
      api().dataSource.transaction(async (m) => {
        await m.query(`SET LOCAL session_replication_role = replica`);
        await m.query(`UPDATE audit_events SET ${column} = ${value} WHERE id = $1`, [target!.id]);
      });
    const [original] = await api().dataSource.query<{ value: string | null }[]>(
      `SELECT ${column}::text AS value FROM audit_events WHERE id = $1`,
      [target!.id],
    );
    await tamper(edited);
    try {
      expect((await verify()).find((c) => c.chain === target!.chain)).toEqual({ chain: target!.chain, first_broken_seq: target!.seq });
    } finally {
      await tamper(original!.value === null ? 'NULL' : `'${original!.value}'`);
    }
    expect((await verify()).find((c) => c.chain === target!.chain)!.first_broken_seq).toBeNull();
  });
});

describe('auditEvents', () => {
  it('the auditor reads the log newest first, filtered by subject', async () => {
    const { data, errors } = await api().as('auditor.1')(
      `query ($subjectId: ID!) { auditEvents(first: 10, filter: { subjectId: $subjectId }) {
         totalCount edges { node { at staffId role action subjectType subjectId fields reason } } } }`,
      { subjectId: kentChild.id },
    );
    expect(errors).toBeUndefined();
    const nodes = data!.auditEvents.edges.map((e: { node: { at: string } }) => e.node);
    expect(nodes.length).toBeGreaterThanOrEqual(4);
    expect([...nodes].sort((a, b) => b.at.localeCompare(a.at))).toEqual(nodes);
  });

  it.each(['adm.kent', 'ppm.kent', 'finder.1', 'panel.1', 'board.kent', 'support.1', 'adm.raa'])(
    '%s is refused the access log with FORBIDDEN',
    async (username) => {
      const { errors } = await api().as(username)('{ auditEvents { totalCount } }');
      expect(errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_MAY_NOT_READ' });
    },
  );
});
