import request from 'supertest';
import { demoStaff } from '../../seeds/demo-staff';
import { policyVersion } from '../../src/audit/policy-version';
import { signDevToken } from '../../src/access/tokens';
import type { ChildRecord } from '../../src/journey/child.entity';
import { SupportRequestRecord } from '../../src/support/support-request.entity';
import { insertChild } from '../helpers/factories';
import { TEST_CONFIG, useTestApi } from '../helpers/test-api';

/**
 * The access log is complete (reads of the log and of support records, every change of access), written by
 * the server (never the client's words), says under which policy each event was decided, and each council's
 * auditor reads only the events about that council.
 */
let kentChild: ChildRecord;
let medwayChild: ChildRecord;
let supportRequestId: string;

const api = useTestApi(async ({ dataSource }) => {
  kentChild = await insertChild(dataSource, 'KENT');
  medwayChild = await insertChild(dataSource, 'MEDWAY');
  supportRequestId = (
    await dataSource.getRepository(SupportRequestRecord).save({
      authority: 'BEXLEY',
      familyName: 'Okonkwo family',
      summary: 'Asked about life-story work',
      receivedOn: '2026-11-02',
      recordedBy: demoStaff('support.1').id,
    })
  ).id;
});

type Event = Record<string, any>;
const EVENT_FIELDS =
  'id action outcome subjectType subjectId subjectIds fields reason changes criteria policyVersion requestId clientRequestId authorities role staffId';
const auditEvents = async (
  username: string,
  filter: Record<string, unknown> = {},
  first = 100,
): Promise<{ totalCount: number; events: Event[] }> => {
  const { data, errors } = await api().as(username)(
    `query ($filter: AuditEventFilter, $first: Int) { auditEvents(first: $first, filter: $filter) { totalCount edges { node { ${EVENT_FIELDS} } } } }`,
    { filter, first },
  );
  expect(errors).toBeUndefined();
  return { totalCount: data!.auditEvents.totalCount, events: data!.auditEvents.edges.map((e: { node: Event }) => e.node) };
};

describe('complete', () => {
  it('the auditor’s own read of the log is logged, with what was asked and how much came back', async () => {
    const { events } = await auditEvents('auditor.1', { subjectType: 'Child' }, 5);
    const { events: reads } = await auditEvents('auditor.1', { subjectType: 'AuditEvent', staffId: demoStaff('auditor.1').id }, 100);
    const read = reads.find((e) => e.criteria?.filter?.subjectType === 'Child' && e.criteria.first === 5)!;
    expect(read).toMatchObject({ action: 'read', outcome: 'ALLOWED', role: 'AUDITOR:PARTNERSHIP', reason: 'partnership-wide role' });
    expect(read.criteria).toMatchObject({ returned: events.length, newestId: events[0]?.id ?? null });
  });

  it('a read of a support record’s family name and summary is logged', async () => {
    const { errors } = await api().as('support.1')(`{ supportRequest(id: "${supportRequestId}") { familyName summary } }`);
    expect(errors).toBeUndefined();
    const { events } = await auditEvents('auditor.1', { subjectId: supportRequestId, action: 'read' });
    expect(events[0]).toMatchObject({
      subjectType: 'SupportRequest',
      subjectIds: [supportRequestId],
      fields: ['familyName', 'summary'],
      authorities: ['BEXLEY'],
    });
  });

  it('a change of a role assignment is logged with its before and after', async () => {
    const [assignment] = await api().dataSource.query(
      `UPDATE role_assignments SET panel_role = 'VICE_CHAIR' WHERE staff_id = $1 RETURNING id`,
      [demoStaff('panel.2').id],
    );
    const { events } = await auditEvents('auditor.1', { subjectType: 'RoleAssignment', action: 'update' });
    expect(events.find((e) => e.subjectId === assignment[0].id)).toMatchObject({
      fields: ['panel_role'],
      changes: { panel_role: { before: 'MEMBER', after: 'VICE_CHAIR' } },
    });
  });

  it('a member of staff deleted from the staff table is logged, with their name withheld', async () => {
    const [staff] = await api().dataSource.query(
      `INSERT INTO staff (username, display_name) VALUES ('leaver.1', 'Lee Vaughan') RETURNING id`,
    );
    await api().dataSource.query(`DELETE FROM staff WHERE id = $1`, [staff.id]);
    const { events } = await auditEvents('auditor.1', { subjectId: staff.id });
    expect(events.map((e) => e.action)).toEqual(['delete', 'create']);
    expect(events[0].changes.display_name).toEqual({
      withheld: 'identifying',
      before: expect.stringMatching(/^[0-9a-f]{64}$/),
      after: null,
    });
    expect(JSON.stringify(events)).not.toContain('Lee Vaughan');
  });
});

describe('written by the server', () => {
  it('a refusal’s action is the field refused, whatever alias the client gave it', async () => {
    await api().as('adm.bexley')(`{ totallyInnocent: child(id: "${kentChild.id}") { id } }`);
    const { events } = await auditEvents('auditor.1', { subjectId: kentChild.id, outcome: 'REFUSED' });
    expect(events[0]).toMatchObject({ action: 'child', reason: 'NOT_FOUND', authorities: ['KENT'] });
  });

  it('the client’s request id is kept apart from the server’s, and one that is not well formed is not kept', async () => {
    const token = await signDevToken(TEST_CONFIG.jwt, demoStaff('adm.kent').id);
    const send = (requestId: string) =>
      request(api().server.app)
        .post('/graphql')
        .set({ authorization: `Bearer ${token}`, 'x-request-id': requestId })
        .send({ query: `{ child(id: "${kentChild.id}") { firstName } }` });
    const good = await send('screen-42:save');
    expect(good.headers['x-request-id']).not.toBe('screen-42:save');
    expect(good.headers['x-client-request-id']).toBe('screen-42:save');
    const bad = await send(`spoof ${'x'.repeat(80)}`);
    expect(bad.headers['x-client-request-id']).toBeUndefined();
    const { events } = await auditEvents('auditor.1', { subjectId: kentChild.id, action: 'read' });
    expect(events.find((e) => e.requestId === good.headers['x-request-id'])).toMatchObject({ clientRequestId: 'screen-42:save' });
    expect(events.find((e) => e.requestId === bad.headers['x-request-id'])).toMatchObject({ clientRequestId: null });
  });

  it('every event of a request says which version of the policy decided it, and the log filters by it', async () => {
    await api().as('adm.kent')(`{ child(id: "${kentChild.id}") { firstName } }`);
    const { events } = await auditEvents('auditor.1', { subjectId: kentChild.id, policyVersion: policyVersion() });
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.policyVersion))).toEqual(new Set([policyVersion()]));
    expect((await auditEvents('auditor.1', { policyVersion: 'not-a-version' })).totalCount).toBe(0);
  });
});

describe('a council’s auditor reads the events about that council only', () => {
  beforeAll(async () => {
    await api().as('adm.kent')(`{ child(id: "${kentChild.id}") { firstName } }`);
    await api().as('adm.medway')(`{ child(id: "${medwayChild.id}") { firstName } }`);
    await api().as('adm.bexley')(`{ child(id: "${medwayChild.id}") { firstName } }`);
  });

  it.each([
    ['no filter', {}],
    ['Kent’s child', { subjectId: 'KENT_CHILD' }],
    ['the Kent authority', { authority: 'KENT' }],
    ['children', { subjectType: 'Child' }],
    ['refusals', { outcome: 'REFUSED' }],
    ['the Kent ADM', { role: 'ADM' }],
  ])('Medway’s auditor filtering by %s sees no event about another authority, in the page or the count', async (_name, filter) => {
    const resolved = Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, v === 'KENT_CHILD' ? kentChild.id : v]));
    const { totalCount, events } = await auditEvents('auditor.medway', resolved);
    for (const event of events) expect(event.authorities).toContain('MEDWAY');
    const [{ n }] = await api().dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE authorities @> '{MEDWAY}'`);
    expect(totalCount).toBeLessThanOrEqual(n);
    if (resolved.subjectId || resolved.authority) expect(totalCount).toBe(0);
  });

  it('Medway’s auditor sees the Medway child’s reads, and another authority’s refused attempt on it', async () => {
    const { events } = await auditEvents('auditor.medway', { subjectId: medwayChild.id });
    expect(events.map((e) => [e.action, e.outcome, e.role])).toEqual(
      expect.arrayContaining([
        ['read', 'ALLOWED', 'ADM:MEDWAY'],
        ['child', 'REFUSED', 'ADM:BEXLEY'],
      ]),
    );
  });

  it('the partnership’s auditor sees both authorities', async () => {
    const kent = await auditEvents('auditor.1', { authority: 'KENT' });
    const medway = await auditEvents('auditor.1', { authority: 'MEDWAY' });
    expect(kent.totalCount).toBeGreaterThan(0);
    expect(medway.totalCount).toBeGreaterThan(0);
  });

  it('Row-Level Security restates it: a council auditor’s request reads no other authority’s event even without the policy’s filter', async () => {
    const runner = api().dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`SELECT set_config('app.staff_id', $1, true), set_config('app.roles', 'AUDITOR:MEDWAY', true)`, [
        demoStaff('auditor.medway').id,
      ]);
      await runner.query(`SET LOCAL ROLE apse_app`);
      const [{ others }] = await runner.query(`SELECT count(*)::int AS others FROM audit_events WHERE NOT (authorities @> '{MEDWAY}')`);
      const [{ mine }] = await runner.query(`SELECT count(*)::int AS mine FROM audit_events`);
      expect(others).toBe(0);
      expect(mine).toBeGreaterThan(0);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
