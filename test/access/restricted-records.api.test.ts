import { demoStaff } from '../../seeds/demo-staff';
import { insertAgendaItem, insertChildAt, insertPanelMeeting } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';

/**
 * Restricted records. A Kent ADM restricts a Kent child to the staff they name: to everyone else it is NOT_FOUND, as a
 * missing one is, and lists and counts leave it out; the ADM and the named staff read it whole. The adoption order
 * seals a child's record: its family finder loses it, its PPM lead keeps the case but not the identity, the birth
 * family or the link with the adoptive household. A restriction past its review day is flagged to the ADM.
 */
const REASON = 'the birth father is a member of Kent’s staff';
let restricted = '';
let toSeal = '';
let overdue = '';
/** Sealed children on panels 1 and 2's open agendas: a state the journey never reaches, to prove the seal holds. */
const sealedOnAgenda: Record<number, string> = {};

const api = useTestApi(async ({ dataSource }) => {
  restricted = (await insertChildAt(dataSource, 'KENT', 'PLACED', { finder: 'finder.1' })).child.id;
  toSeal = (await insertChildAt(dataSource, 'KENT', 'PLACED', { finder: 'finder.1', dates: { placedOn: '2026-01-05' } })).child.id;
  overdue = (await insertChildAt(dataSource, 'KENT', 'MATCHED')).child.id;
  for (const panel of [1, 2] as const) {
    const journey = await insertChildAt(dataSource, 'KENT', 'LINKED');
    const meeting = await insertPanelMeeting(dataSource, { panel, meetingOn: '2026-11-18', papersReleasedOn: '2026-11-11' });
    await insertAgendaItem(dataSource, { meeting, match: journey.match! });
    await dataSource.query(
      `UPDATE children SET stage = 'ADOPTED', adoption_order_granted_on = '2026-11-19', restriction_category = 'ADOPTION' WHERE id = $1`,
      [journey.child.id],
    );
    sealedOnAgenda[panel] = journey.child.id;
  }
  await dataSource.query(`UPDATE children SET restriction_category = 'HIGH_RISK' WHERE id = $1`, [overdue]);
  await dataSource.query(
    `INSERT INTO child_restrictions (child_id, authority, category, reason, review_by, restricted_by)
     VALUES ($1, 'KENT', 'HIGH_RISK', 'threats to the carers', '2026-11-01', $2)`,
    [overdue, demoStaff('adm.kent').id],
  );
});

const RESTRICT = `mutation ($input: RestrictRecordInput!) {
  restrictRecord(input: $input) { id childId category allowedStaffIds reviewBy reviewOverdue restrictedBy } }`;
const restrict = (username: string, input: Record<string, unknown>) =>
  api().as(username)(RESTRICT, {
    input: {
      childId: restricted,
      category: 'STAFF_CONNECTED',
      allowedStaffIds: [demoStaff('support.1').id],
      reason: REASON,
      reviewBy: '2027-02-18',
      ...input,
    },
  });
const CHILD = `query ($id: ID!) { child(id: $id) { id firstName birthFamilyBackground stage matches { id } placements { id } redactedFields } }`;
const readChild = (username: string, id: string) => api().as(username)(CHILD, { id });
const COUNT = '{ children(first: 1) { totalCount } }';
const codeOf = (response: { errors?: readonly { extensions: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions;
let ppmCountBefore = 0;

describe('a restricted record', () => {
  it('another authority’s PPM lead cannot restrict a Kent child: the role never restricts (FORBIDDEN)', async () => {
    expect(codeOf(await restrict('ppm.medway', {}))).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_MAY_NOT_RESTRICT' });
  });

  it('the Kent ADM restricts it, naming a support worker and not the PPM lead', async () => {
    ppmCountBefore = (await api().as('ppm.kent')(COUNT)).data!.children.totalCount;
    const { data, errors } = await restrict('adm.kent', {});
    expect(errors).toBeUndefined();
    expect(data!.restrictRecord).toMatchObject({
      childId: restricted,
      category: 'STAFF_CONNECTED',
      allowedStaffIds: [demoStaff('support.1').id],
      reviewOverdue: false,
      restrictedBy: demoStaff('adm.kent').id,
    });
  });

  it.each(['ppm.kent', 'finder.1', 'panel.1'])('is NOT_FOUND to %s, exactly as a missing child is', async (username) => {
    const { errors } = await readChild(username, restricted);
    expect(errors!.map((e) => e.extensions)).toEqual([{ code: 'NOT_FOUND' }]);
  });

  it('is left out of the PPM lead’s list and its total: one fewer', async () => {
    expect((await api().as('ppm.kent')(COUNT)).data!.children.totalCount).toBe(ppmCountBefore - 1);
  });

  it.each(['adm.kent', 'support.1'])('%s reads it whole', async (username) => {
    const { data, errors } = await readChild(username, restricted);
    expect(errors).toBeUndefined();
    expect(data!.child).toMatchObject({ id: restricted, redactedFields: [] });
    expect(data!.child.firstName).toEqual(expect.any(String));
  });

  it('the PPM lead cannot record on it: NOT_FOUND', async () => {
    const { errors } = await api().as('ppm.kent')(
      `mutation ($input: RecordAdoptionOrderInput!) { recordAdoptionOrder(input: $input) { id } }`,
      { input: { childId: restricted, grantedOn: '2026-11-10' } },
    );
    expect(codeOf({ errors })).toEqual({ code: 'NOT_FOUND' });
  });

  it.each([
    ['a member of the board', { allowedStaffIds: [demoStaff('board.kent').id] }, 'allowedStaffIds'],
    ['a review day already past', { reviewBy: '2026-11-19' }, 'reviewBy'],
    ['a review day more than a year away', { reviewBy: '2027-12-01' }, 'reviewBy'],
    ['ADOPTION before any adoption order', { category: 'ADOPTION' }, 'category'],
    ['an empty reason', { reason: '  ' }, 'reason'],
  ])('naming %s is BAD_USER_INPUT on the field', async (_what, input, field) => {
    expect(codeOf(await restrict('adm.kent', input))).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('the ADM’s review list', () => {
  it('flags a restriction past its review day; it has not lapsed', async () => {
    const { data, errors } = await api().as('adm.kent')(
      `{ restrictedRecords(first: 10, filter: { reviewOverdue: true }) { totalCount edges { node { childId category reviewBy reviewOverdue } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.restrictedRecords.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { childId: overdue, category: 'HIGH_RISK', reviewBy: '2026-11-01', reviewOverdue: true },
    ]);
    expect(codeOf(await readChild('ppm.kent', overdue))).toEqual({ code: 'NOT_FOUND' });
  });

  it('another authority’s ADM sees none of Kent’s restrictions', async () => {
    const { data } = await api().as('adm.medway')('{ restrictedRecords(first: 10) { totalCount } }');
    expect(data!.restrictedRecords.totalCount).toBe(0);
  });
});

describe('sealing at the adoption order', () => {
  it('before the order, the family finder and the PPM lead read the child, its identity and its placement', async () => {
    for (const username of ['finder.1', 'ppm.kent']) {
      const { data } = await readChild(username, toSeal);
      expect(data!.child.firstName).toEqual(expect.any(String));
      expect(data!.child.placements).toHaveLength(1);
    }
  });

  it('the PPM lead records the order: the record is sealed (ADOPTION)', async () => {
    const { data, errors } = await api().as('ppm.kent')(
      `mutation ($input: RecordAdoptionOrderInput!) { recordAdoptionOrder(input: $input) { id stage firstName redactedFields } }`,
      { input: { childId: toSeal, grantedOn: '2026-11-10' } },
    );
    expect(errors).toBeUndefined();
    expect(data!.recordAdoptionOrder).toMatchObject({ stage: 'ADOPTED', firstName: null });
    const [{ restriction_category }] = await api().dataSource.query(`SELECT restriction_category FROM children WHERE id = $1`, [toSeal]);
    expect(restriction_category).toBe('ADOPTION');
  });

  it('after it, the family finder cannot find the child (NOT_FOUND)', async () => {
    expect(codeOf(await readChild('finder.1', toSeal))).toEqual({ code: 'NOT_FOUND' });
  });

  it('the PPM lead keeps the case, without the identity, the birth family or the link with the adoptive household', async () => {
    const { data, errors } = await readChild('ppm.kent', toSeal);
    expect(errors).toBeUndefined();
    expect(data!.child).toMatchObject({ stage: 'ADOPTED', firstName: null, birthFamilyBackground: null, matches: [], placements: [] });
    expect(data!.child.redactedFields).toEqual(expect.arrayContaining(['firstName', 'lastName', 'dateOfBirth', 'birthFamilyBackground']));
  });

  it('the ADM reads it whole, with its adoptive placement', async () => {
    const { data } = await readChild('adm.kent', toSeal);
    expect(data!.child).toMatchObject({ redactedFields: [] });
    expect(data!.child.placements).toHaveLength(1);
  });
});

it.each([
  ['panel.1', 1],
  ['vicechair.1', 1],
  ['adviser.1', 1],
  ['panel.2', 2],
])('%s reads a sealed child on their panel’s agenda without its identity or birth family', async (username, panel) => {
  const { data, errors } = await readChild(username, sealedOnAgenda[panel]!);
  expect(errors).toBeUndefined();
  expect(data!.child).toMatchObject({ firstName: null, birthFamilyBackground: null });
  expect(data!.child.redactedFields).toEqual(expect.arrayContaining(['firstName', 'birthFamilyBackground']));
});

it('the access log records the restriction, its reason withheld', async () => {
  const { data, errors } = await api().as('auditor.1')(
    `query ($id: ID!) { auditEvents(first: 20, filter: { subjectId: $id }) { edges { node { action subjectType fields changes } } } }`,
    { id: restricted },
  );
  expect(errors).toBeUndefined();
  const changes = data!.auditEvents.edges.map((e: { node: { subjectType: string; fields: string[] } }) => e.node);
  expect(changes).toEqual(expect.arrayContaining([expect.objectContaining({ subjectType: 'Child', fields: ['restriction_category'] })]));
  expect(JSON.stringify(data)).not.toContain(REASON);
});
