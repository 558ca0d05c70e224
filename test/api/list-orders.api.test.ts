import { demoStaff } from '../../seeds/demo-staff';
import { HouseholdRecord, type ApplicantRecord } from '../../src/households/household.entity';
import { insertChild } from '../helpers/factories';
import { insertChildAt, insertHousehold, insertSupportRequest } from '../helpers/journey-factories';
import { readWholeList } from '../helpers/paging';
import { useTestApi } from '../helpers/test-api';

/**
 * Every connection a screen lists takes `orderBy: [{ field, direction }]` on the fields the caller may read, and pages
 * through any order with stable keyset cursors, forward (first/after) and backward (last/before): each record once,
 * ties broken by id. The order the pages make is checked against one plain ORDER BY of the same records.
 */
type Direction = 'ASC' | 'DESC';
/** A key of an order: the field as the schema names it, its direction, and the SQL that orders the table by it. */
type Key = [field: string, direction: Direction, sql: string];
/** A list, the member of staff who pages it, the table it reads, and the orders to page it in. */
type ListCase = { list: string; type: string; username: string; table: string; orders: Key[][] };

const applicant = (firstName: string, lastName: string): ApplicantRecord => ({ firstName, lastName, dateOfBirth: '1984-03-02' });

const api = useTestApi(async ({ dataSource: db }) => {
  const households: [string, string, ApplicantRecord[]][] = [
    ['APPROVED', 'HB-02', [applicant('Ayo', 'Okafor')]],
    ['APPROVED', 'HA-01', [applicant('Bea', 'Okafor'), applicant('Kim', 'Okafor')]],
    ['PANEL', 'HC-03', [applicant('Cal', 'Lee')]],
    ['ENQUIRY', 'HD-04', [applicant('Dee', 'Zhou')]],
    ['APPROVED', 'HE-05', [applicant('Ayo', 'Lee')]],
  ];
  for (const [stage, reference, applicants] of households) {
    const { id } = await insertHousehold(db, { stage: stage as HouseholdRecord['stage'] });
    await db.getRepository(HouseholdRecord).update(id, { reference, applicants });
  }
  for (const [authority, stage] of [
    ['KENT', 'LINKED'],
    ['KENT', 'MATCHED'],
    ['KENT', 'MATCHED'],
    ['KENT', 'PLACED'],
    ['KENT', 'LINKED'],
    ['MEDWAY', 'PLACED'],
  ] as const) {
    await insertChildAt(db, authority, stage);
  }
  for (const [authority, familyName, receivedOn, adviceLineCallOn] of [
    ['KENT', 'Okafor', '2026-10-01', '2026-10-05'],
    ['MEDWAY', 'Lee', '2026-10-01', null],
    ['BEXLEY', 'Zhou', '2026-09-14', '2026-09-15'],
    ['KENT', 'Lee', '2026-11-02', null],
    ['MEDWAY', 'Abbott', '2026-10-01', '2026-10-02'],
  ] as const) {
    await insertSupportRequest(db, authority, { familyName, receivedOn, adviceLineCallOn });
  }
  for (const [category, reviewBy] of [
    ['HIGH_RISK', '2027-01-10'],
    ['HIGH_PROFILE', '2026-12-01'],
    ['HIGH_RISK', '2026-12-01'],
    ['STAFF_CONNECTED', '2027-03-01'],
  ]) {
    const child = await insertChild(db, 'KENT', { restrictionCategory: category as never });
    await db.query(
      `INSERT INTO child_restrictions (child_id, authority, category, reason, review_by, restricted_by) VALUES ($1, 'KENT', $2, 'why', $3, $4)`,
      [child.id, category, reviewBy, demoStaff('adm.kent').id],
    );
  }
  const child = await insertChild(db, 'MEDWAY');
  for (const [username, grantedAt, hours, reviewedAt] of [
    ['ppm.kent', '2026-11-01T09:00:00Z', 8, '2026-11-03T10:00:00Z'],
    ['finder.2', '2026-11-01T09:00:00Z', 2, null],
    ['ppm.bexley', '2026-10-12T15:00:00Z', 8, '2026-10-13T10:00:00Z'],
    ['finder.1', '2026-11-05T09:00:00Z', 8, null],
  ] as const) {
    await db.query(
      `INSERT INTO emergency_accesses (child_id, authority, staff_id, reason, granted_at, expires_at, outcome, note, reviewed_by, reviewed_at)
       VALUES ($1, 'MEDWAY', $2, 'an emergency', $3, $3::timestamptz + make_interval(hours => $4), $5, $6, $7, $8)`,
      [
        child.id,
        demoStaff(username).id,
        grantedAt,
        hours,
        reviewedAt && 'JUSTIFIED',
        reviewedAt && 'it was',
        reviewedAt && demoStaff('adm.medway').id,
        reviewedAt,
      ],
    );
  }
});

const CASES: ListCase[] = [
  {
    list: 'households',
    type: 'Household',
    username: 'finder.1',
    table: 'households',
    orders: [
      [['REFERENCE', 'DESC', 'reference']],
      [['STAGE', 'ASC', 'stage']],
      [['APPROVED_ON', 'DESC', 'approved_on']],
      [['APPLICANT_LAST_NAME', 'ASC', `applicants -> 0 ->> 'lastName'`]],
      [['APPLICANT_FIRST_NAME', 'DESC', `applicants -> 0 ->> 'firstName'`]],
      [
        ['STAGE', 'DESC', 'stage'],
        ['APPLICANT_LAST_NAME', 'ASC', `applicants -> 0 ->> 'lastName'`],
      ],
      [['ENQUIRY_ON', 'ASC', 'enquiry_on']],
    ],
  },
  {
    list: 'matches',
    type: 'Match',
    username: 'adm.kent',
    table: 'matches',
    orders: [
      [['PROPOSED_ON', 'DESC', 'proposed_on']],
      [['APPROVED_ON', 'ASC', 'approved_on']],
      [
        ['STATUS', 'DESC', 'status'],
        ['CREATED_AT', 'DESC', 'created_at'],
      ],
    ],
  },
  {
    list: 'supportRequests',
    type: 'SupportRequest',
    username: 'support.1',
    table: 'support_requests',
    orders: [
      [['RECEIVED_ON', 'ASC', 'received_on']],
      [['ADVICE_LINE_CALL_ON', 'DESC', 'advice_line_call_on']],
      [
        ['FAMILY_NAME', 'ASC', 'family_name'],
        ['AUTHORITY', 'DESC', 'authority'],
      ],
    ],
  },
  {
    list: 'staffMembers',
    type: 'StaffMember',
    username: 'access.admin',
    table: 'staff',
    orders: [[['DISPLAY_NAME', 'ASC', 'display_name']], [['USERNAME', 'DESC', 'username']], [['DEACTIVATED_ON', 'ASC', 'deactivated_on']]],
  },
  {
    list: 'restrictedRecords',
    type: 'ChildRestriction',
    username: 'adm.kent',
    table: 'child_restrictions',
    orders: [[['REVIEW_BY', 'ASC', 'review_by']], [['CATEGORY', 'DESC', 'category']]],
  },
  {
    list: 'emergencyAccessReviews',
    type: 'EmergencyAccess',
    username: 'auditor.1',
    table: 'emergency_accesses',
    orders: [[['GRANTED_AT', 'DESC', 'granted_at']], [['REVIEWED_AT', 'ASC', 'reviewed_at']], [['EXPIRES_AT', 'ASC', 'expires_at']]],
  },
];

const operation = (
  list: string,
  type: string,
) => `query ($first: Int, $after: String, $last: Int, $before: String, $orderBy: [${type}Order!]) {
  ${list}(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
    edges { cursor node { id } }
    pageInfo { startCursor endCursor hasNextPage hasPreviousPage }
  }
}`;

/** The records in the order's own terms: one ORDER BY, nulls last either way, then the id in the last key's direction. */
async function inOrder(table: string, ids: string[], keys: Key[]): Promise<string[]> {
  const by = keys.map(([, direction, sql]) => `${sql} ${direction} NULLS LAST`).join(', ');
  const rows: { id: string }[] = await api().dataSource.query(
    `SELECT id::text FROM ${table} WHERE id = ANY($1::uuid[]) ORDER BY ${by}, id ${keys.at(-1)![1]}`,
    [ids],
  );
  return rows.map((row) => row.id);
}

const named = (keys: Key[]) => keys.map(([field, direction]) => `${field} ${direction}`).join(', ');

describe.each(CASES)('$list, as $username', ({ list, type, username, table, orders }) => {
  const read = (variables: Record<string, unknown>, backward = false) =>
    readWholeList(api().as(username), operation(list, type), list, variables, { backward, size: 2 });

  it.each(orders.map((keys) => [named(keys), keys] as const))(
    'by %s: each record once, forward and backward, ties by id',
    async (_name, keys) => {
      const records = await read({});
      expect(records.length).toBeGreaterThan(3);
      const expected = await inOrder(table, records, keys);
      const orderBy = keys.map(([field, direction]) => ({ field, direction }));
      expect(await read({ orderBy })).toEqual(expected);
      expect(await read({ orderBy }, true)).toEqual(expected);
    },
  );
});

const HOUSEHOLDS = operation('households', 'Household');

it('a cursor of one order is refused in another, even of the same column: BAD_USER_INPUT', async () => {
  const byLastName = await api().as('finder.1')(HOUSEHOLDS, { first: 2, orderBy: [{ field: 'APPLICANT_LAST_NAME' }] });
  const after = byLastName.data!.households.pageInfo.endCursor;
  const { errors } = await api().as('finder.1')(HOUSEHOLDS, { first: 2, after, orderBy: [{ field: 'APPLICANT_FIRST_NAME' }] });
  expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
});

it.each([
  { who: 'a panel chair', list: 'households', type: 'Household', username: 'panel.1', field: 'APPLICANT_LAST_NAME' },
  {
    who: 'a PPM lead (names hidden on dually approved carers)',
    list: 'households',
    type: 'Household',
    username: 'ppm.kent',
    field: 'APPLICANT_FIRST_NAME',
  },
  { who: 'an ADM', list: 'staffMembers', type: 'StaffMember', username: 'adm.kent', field: 'USERNAME' },
  { who: 'an ADM', list: 'staffMembers', type: 'StaffMember', username: 'adm.kent', field: 'DEACTIVATED_ON' },
])(
  '$who may not order $list by $field, which they may not read on every record: FORBIDDEN (FIELD_NOT_READABLE)',
  async ({ list, type, username, field }) => {
    const { data, errors } = await api().as(username)(operation(list, type), { orderBy: [{ field }] });
    expect(errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'FIELD_NOT_READABLE' });
    expect(data?.[list] ?? null).toBeNull();
  },
);

it.each([
  { who: 'a panel chair', list: 'households', type: 'Household', username: 'panel.1', field: 'STAGE' },
  { who: 'an ADM', list: 'staffMembers', type: 'StaffMember', username: 'adm.kent', field: 'DISPLAY_NAME' },
  { who: 'a panel adviser', list: 'matches', type: 'Match', username: 'adviser.1', field: 'PROPOSED_ON' },
])('$who orders $list by $field, which they read on every record', async ({ list, type, username, field }) => {
  const { errors } = await api().as(username)(operation(list, type), { orderBy: [{ field, direction: 'DESC' }] });
  expect(errors).toBeUndefined();
});

it.each([
  ['a field twice', [{ field: 'STAGE' }, { field: 'STAGE', direction: 'DESC' }]],
  ['more than three keys', [{ field: 'STAGE' }, { field: 'REFERENCE' }, { field: 'ENQUIRY_ON' }, { field: 'CREATED_AT' }]],
])('refuses an order with %s: BAD_USER_INPUT', async (_case, orderBy) => {
  const { errors } = await api().as('finder.1')(HOUSEHOLDS, { orderBy });
  expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orderBy' });
});

it('the reviews open on the oldest grant first, as before orderBy: the same cursors', async () => {
  const REVIEWS = operation('emergencyAccessReviews', 'EmergencyAccess');
  const byDefault = await api().as('auditor.1')(REVIEWS, { first: 2 });
  const byGrant = await api().as('auditor.1')(REVIEWS, { first: 2, orderBy: [{ field: 'GRANTED_AT', direction: 'ASC' }] });
  expect(byGrant.data!.emergencyAccessReviews).toEqual(byDefault.data!.emergencyAccessReviews);
});
