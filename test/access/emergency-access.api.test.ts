import { demoStaff } from '../../seeds/demo-staff';
import { AuditEventRecord } from '../../src/audit/audit-event.entity';
import { insertChildAt } from '../helpers/journey-factories';
import { DEFAULT_NOW, useTestApi } from '../helpers/test-api';

/**
 * Break-glass. A member of staff with a case role reads one child out of their reach, for a reason, for
 * EMERGENCY_ACCESS_HOURS (4 in the tests), with the fields their role reads: a family finder no birth family. Every
 * read under it names the emergency access in the access log; it never writes, and never reaches a record restricted
 * as STAFF_CONNECTED. The child's ADM and the auditors review each access once; NOT_JUSTIFIED bars its member of
 * staff from breaking glass until an auditor or the child's ADM lifts the bar.
 */
let medwayChild = '';
let staffConnected = '';
let highProfile = '';
let sealed = '';
let accessId = '';

const api = useTestApi(async ({ dataSource }) => {
  medwayChild = (await insertChildAt(dataSource, 'MEDWAY', 'PLACED', { finder: 'finder.2' })).child.id;
  staffConnected = (await insertChildAt(dataSource, 'MEDWAY', 'PLACED')).child.id;
  highProfile = (await insertChildAt(dataSource, 'MEDWAY', 'PLACED')).child.id;
  sealed = (await insertChildAt(dataSource, 'MEDWAY', 'PLACED')).child.id;
  await dataSource.query(`UPDATE children SET restriction_category = 'STAFF_CONNECTED' WHERE id = $1`, [staffConnected]);
  await dataSource.query(`UPDATE children SET restriction_category = 'HIGH_PROFILE' WHERE id = $1`, [highProfile]);
  await dataSource.query(
    `UPDATE children SET stage = 'ADOPTED', adoption_order_granted_on = '2026-10-01', restriction_category = 'ADOPTION' WHERE id = $1`,
    [sealed],
  );
});

const BREAK_GLASS = `mutation ($input: RequestEmergencyAccessInput!) {
  requestEmergencyAccess(input: $input) { id childId authority staffId reason grantedAt expiresAt outcome } }`;
const breakGlass = (username: string, childId: string, reason = 'the child has gone missing tonight') =>
  api().as(username)(BREAK_GLASS, { input: { childId, reason } });
const CHILD = `query ($id: ID!) { child(id: $id) { id lastName birthFamilyBackground decisions { id } placementOrder { id } redactedFields } }`;
const readChild = (username: string, id: string) => api().as(username)(CHILD, { id });
const REVIEWS = `query ($reviewed: Boolean) { emergencyAccessReviews(first: 50, filter: { reviewed: $reviewed }) {
  totalCount edges { node { id childId authority staffId reason outcome note reviewedBy reviewedAt } } } }`;
const REVIEW = `mutation ($input: ReviewEmergencyAccessInput!) { reviewEmergencyAccess(input: $input) { id outcome note reviewedBy } }`;
const review = (username: string, id: string, outcome: string) =>
  api().as(username)(REVIEW, { input: { id, outcome, note: 'the child was not missing' } });
const LIFT = `mutation ($input: LiftEmergencyAccessBarInput!) { liftEmergencyAccessBar(input: $input) { staffId liftedBars } }`;
const lift = (username: string, staff: string) =>
  api().as(username)(LIFT, { input: { staffId: demoStaff(staff).id, reason: 'retrained' } });
const codeOf = (response: { errors?: readonly { extensions: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions;
const at = (iso: string) => api().clock.set(iso);

afterEach(() => at(DEFAULT_NOW));

describe('breaking glass', () => {
  it('a family finder cannot read a Medway child allocated to another (NOT_FOUND) until they break glass', async () => {
    expect(codeOf(await readChild('finder.1', medwayChild))).toEqual({ code: 'NOT_FOUND' });
    const { data, errors } = await breakGlass('finder.1', medwayChild);
    expect(errors).toBeUndefined();
    accessId = data!.requestEmergencyAccess.id;
    expect(data!.requestEmergencyAccess).toMatchObject({
      childId: medwayChild,
      authority: 'MEDWAY',
      staffId: demoStaff('finder.1').id,
      grantedAt: '2026-11-20T12:00:00.000Z',
      expiresAt: '2026-11-20T16:00:00.000Z',
      outcome: null,
    });
  });

  it('then reads it, and the records that hang off it, with a family finder’s fields: no birth family', async () => {
    const { data, errors } = await readChild('finder.1', medwayChild);
    expect(errors).toBeUndefined();
    expect(data!.child).toMatchObject({ id: medwayChild, birthFamilyBackground: null, redactedFields: ['birthFamilyBackground'] });
    expect(data!.child.lastName).toEqual(expect.any(String));
    expect(data!.child.decisions.length).toBeGreaterThan(0);
  });

  it('the read is in the access log, naming the emergency access that gave it', async () => {
    const events = await api()
      .dataSource.getRepository(AuditEventRecord)
      .createQueryBuilder('e')
      .where(`e.subjectIds @> ARRAY[:id]::uuid[] AND e.action = 'read'`, { id: medwayChild })
      .getMany();
    expect(events.at(-1)).toMatchObject({ staffId: demoStaff('finder.1').id, reason: `emergency access ${accessId}` });
  });

  it('never writes: a step on the child is still refused', async () => {
    const response = await api().as('finder.1')(`mutation ($input: ProposeMatchInput!) { proposeMatch(input: $input) { id } }`, {
      input: { childId: medwayChild, householdId: '00000000-0000-4000-8000-000000000000', proposedOn: '2026-11-20' },
    });
    expect(codeOf(response)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ALLOCATED' });
  });

  it('expires on the hour: read at 15:59:59, NOT_FOUND at 16:00', async () => {
    at('2026-11-20T15:59:59Z');
    expect((await readChild('finder.1', medwayChild)).errors).toBeUndefined();
    at('2026-11-20T16:00:00Z');
    expect(codeOf(await readChild('finder.1', medwayChild))).toEqual({ code: 'NOT_FOUND' });
  });

  it('reaches a HIGH_PROFILE record, but never one restricted as STAFF_CONNECTED (FORBIDDEN)', async () => {
    expect((await breakGlass('ppm.kent', highProfile)).errors).toBeUndefined();
    const { data } = await readChild('ppm.kent', highProfile);
    expect(data!.child).toMatchObject({ id: highProfile, redactedFields: [] });
    expect(data!.child.placementOrder).not.toBeNull();
    for (const who of ['ppm.kent', 'adm.kent', 'finder.1']) {
      expect(codeOf(await breakGlass(who, staffConnected))).toMatchObject({ code: 'FORBIDDEN', reason: 'STAFF_CONNECTED_RECORD' });
    }
    expect(codeOf(await readChild('ppm.kent', staffConnected))).toEqual({ code: 'NOT_FOUND' });
  });

  it('leaves a sealed record sealed: another authority’s ADM reads its case, not its identity', async () => {
    expect((await breakGlass('adm.kent', sealed)).errors).toBeUndefined();
    const { data } = await readChild('adm.kent', sealed);
    expect(data!.child).toMatchObject({ id: sealed, lastName: null, birthFamilyBackground: null });
  });

  it('an unknown child is NOT_FOUND, exactly as one out of reach is', async () => {
    expect(codeOf(await breakGlass('finder.1', '00000000-0000-4000-8000-00000000abcd'))).toEqual({ code: 'NOT_FOUND' });
  });

  it('a blank reason is BAD_USER_INPUT on reason', async () => {
    expect(codeOf(await breakGlass('finder.1', medwayChild, '   '))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
  });

  it.each(['board.kent', 'auditor.1', 'access.admin', 'support.1', 'panel.1', 'adm.raa'])(
    '%s cannot break glass (FORBIDDEN)',
    async (who) => {
      expect(codeOf(await breakGlass(who, medwayChild))).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_MAY_NOT_CREATE' });
    },
  );
});

describe('reviewing', () => {
  it('the child’s ADM and the auditors see it in the queue; another authority’s ADM sees none of it', async () => {
    for (const who of ['adm.medway', 'auditor.1', 'auditor.medway']) {
      const { data } = await api().as(who)(REVIEWS, { reviewed: false });
      expect(data!.emergencyAccessReviews.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(accessId);
    }
    const { data } = await api().as('adm.bexley')(REVIEWS, {});
    expect(data!.emergencyAccessReviews.totalCount).toBe(0);
  });

  it('no one reviews their own emergency access (FORBIDDEN)', async () => {
    const { data } = await breakGlass('adm.medway', highProfile);
    const response = await review('adm.medway', data!.requestEmergencyAccess.id, 'JUSTIFIED');
    expect(codeOf(response)).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_EMERGENCY_ACCESS' });
  });

  it('is reviewed once: NOT_JUSTIFIED, then a second review is CONFLICT', async () => {
    const { data, errors } = await review('adm.medway', accessId, 'NOT_JUSTIFIED');
    expect(errors).toBeUndefined();
    expect(data!.reviewEmergencyAccess).toMatchObject({ outcome: 'NOT_JUSTIFIED', reviewedBy: demoStaff('adm.medway').id });
    expect(codeOf(await review('auditor.1', accessId, 'JUSTIFIED'))).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_RECORDED' });
    const queue = await api().as('auditor.1')(REVIEWS, { reviewed: true });
    expect(queue.data!.emergencyAccessReviews.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(accessId);
  });

  it('another authority’s ADM cannot review it (NOT_FOUND)', async () => {
    expect(codeOf(await review('adm.bexley', accessId, 'JUSTIFIED'))).toEqual({ code: 'NOT_FOUND' });
  });

  it('NOT_JUSTIFIED bars the family finder from breaking glass again (FORBIDDEN)', async () => {
    expect(codeOf(await breakGlass('finder.1', highProfile))).toMatchObject({ code: 'FORBIDDEN', reason: 'EMERGENCY_ACCESS_BARRED' });
  });

  it('a council’s auditor reviews an access to its child; NOT_JUSTIFIED bars a PPM lead and an ADM alike', async () => {
    const { data } = await api().as('auditor.medway')(REVIEWS, { reviewed: false });
    const pending = data!.emergencyAccessReviews.edges.map((e: { node: { id: string; staffId: string } }) => e.node);
    for (const who of ['ppm.kent', 'adm.kent']) {
      const access = pending.find((node: { staffId: string }) => node.staffId === demoStaff(who).id)!;
      expect((await review('auditor.medway', access.id, 'NOT_JUSTIFIED')).errors).toBeUndefined();
      expect(codeOf(await breakGlass(who, highProfile))).toMatchObject({ code: 'FORBIDDEN', reason: 'EMERGENCY_ACCESS_BARRED' });
    }
  });

  it('another authority’s ADM cannot lift the bar (NOT_FOUND); the child’s ADM lifts it, in the access log', async () => {
    expect(codeOf(await lift('adm.bexley', 'finder.1'))).toEqual({ code: 'NOT_FOUND' });
    const { data, errors } = await lift('adm.medway', 'finder.1');
    expect(errors).toBeUndefined();
    expect(data!.liftEmergencyAccessBar).toEqual({ staffId: demoStaff('finder.1').id, liftedBars: 1 });
    const [change] = await api().dataSource.query(
      `SELECT staff_id, changes FROM audit_events WHERE subject_type = 'EmergencyAccessBar' AND action = 'update' ORDER BY id DESC LIMIT 1`,
    );
    expect(change.staff_id).toBe(demoStaff('adm.medway').id);
    expect(change.changes.lifted_reason).toMatchObject({ withheld: 'narrative' });
    expect((await breakGlass('finder.1', highProfile)).errors).toBeUndefined();
  });

  it('the board, the access administrator and a support worker read no emergency access (FORBIDDEN)', async () => {
    for (const who of ['board.kent', 'access.admin', 'support.1']) {
      expect(codeOf(await api().as(who)(REVIEWS, {}))).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_MAY_NOT_READ' });
    }
  });
});
