import { randomUUID } from 'node:crypto';
import { DEMO_PANEL_IDS, DEMO_STAFF, demoStaff } from '../../seeds/demo-staff';
import { useTestApi } from '../helpers/test-api';

/**
 * The staff directory beyond the access administrator (docs/domain.md, "The staff directory"): everyone reads their
 * own entry; a PPM lead the family finders active on the day; an ADM the staff holding a role for their authority
 * (the partnership ADM: a role held for none); a panel's chair, vice chair and adviser its members. Each reads of
 * the entries' assignments only those their rule names. Today is 20 November 2026 (UK).
 */
const TODAY = '2026-11-20';
const TOMORROW = '2026-11-21';
const on = (day: string) => `${day}T12:00:00Z`;
const PANEL_1 = DEMO_PANEL_IDS[0];

type Entry = {
  id: string;
  displayName: string;
  username: string | null;
  email: string | null;
  active: boolean;
  assignments: { role: string; authority: string | null; panelId: string | null }[];
};

const DIRECTORY = `query ($filter: StaffMemberFilter) {
  staffMembers(first: 100, filter: $filter) {
    totalCount edges { node { id displayName username email active assignments { role authority panelId } } }
  }
}`;

/** Members of staff a test adds, by a username of their own: `[role, authority, panel, first day, last day]`. */
const ADDED = {
  'finder.leaving': [['FAMILY_FINDER', null, null, '2025-01-01', TODAY]],
  'finder.starting': [['FAMILY_FINDER', null, null, TOMORROW, null]],
  'finder.deactivated': [['FAMILY_FINDER', null, null, '2025-01-01', null]],
  'finder.and.support': [
    ['FAMILY_FINDER', null, null, '2025-01-01', null],
    ['SUPPORT_WORKER', null, null, '2025-01-01', null],
  ],
  'ppm.kent.and.medway': [
    ['PPM_LEAD', 'KENT', null, '2025-01-01', null],
    ['PPM_LEAD', 'MEDWAY', null, '2025-01-01', null],
  ],
} as const;
const ids = new Map<string, string>(DEMO_STAFF.map((s) => [s.id, s.username]));

const api = useTestApi(async ({ dataSource }) => {
  for (const [username, assignments] of Object.entries(ADDED)) {
    const id = randomUUID();
    ids.set(id, username);
    await dataSource.query(`INSERT INTO staff (id, username, display_name, email) VALUES ($1, $2, $3, $4)`, [
      id,
      username,
      `Colleague ${username}`,
      `${username}@apse.example`,
    ]);
    for (const [role, authority, panelId, validFrom, validTo] of assignments) {
      await dataSource.query(
        `INSERT INTO role_assignments (staff_id, role, authority, panel_id, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, role, authority, panelId, validFrom, validTo],
      );
    }
  }
  await dataSource.query(
    `UPDATE staff SET active = false, deactivated_on = $1, deactivation_reason = 'left' WHERE username = 'finder.deactivated'`,
    [TODAY],
  );
});
afterEach(() => api().clock.set(on(TODAY)));

async function entriesOf(actor: string, filter?: Record<string, unknown>): Promise<Map<string, Entry>> {
  const { data, errors } = await api().as(actor)(DIRECTORY, { filter });
  expect(errors).toBeUndefined();
  const edges: { node: Entry }[] = data!.staffMembers.edges;
  expect(data!.staffMembers.totalCount).toBe(edges.length);
  return new Map(edges.map(({ node }) => [ids.get(node.id)!, node]));
}

const seenBy = async (actor: string, filter?: Record<string, unknown>) => [...(await entriesOf(actor, filter)).keys()].sort();
const usernames = (...names: string[]) => names.sort();
const PARTNERSHIP_WIDE_DEMO_STAFF = DEMO_STAFF.filter((s) => s.assignments.every((a) => a.authority === null)).map((s) => s.username);

describe('whom each reads in the directory', () => {
  it.each([
    [
      'a Kent PPM lead: the family finders active today, and themselves',
      'ppm.kent',
      ['finder.1', 'finder.2', 'finder.and.support', 'finder.leaving', 'ppm.kent'],
    ],
    ['a Kent ADM: the staff holding a role for Kent today', 'adm.kent', ['adm.kent', 'ppm.kent', 'ppm.kent.and.medway']],
    [
      'a Medway ADM: the staff holding a role for Medway today',
      'adm.medway',
      ['adm.medway', 'auditor.medway', 'ppm.kent.and.medway', 'ppm.medway'],
    ],
    [
      'the partnership ADM: the staff holding a role for no authority today',
      'adm.raa',
      [...PARTNERSHIP_WIDE_DEMO_STAFF, 'finder.and.support', 'finder.deactivated', 'finder.leaving'],
    ],
    ['the chair of panel 1: its members today', 'panel.1', ['adviser.1', 'panel.1', 'vicechair.1']],
    ['the adviser of panel 1: its members today', 'adviser.1', ['adviser.1', 'panel.1', 'vicechair.1']],
    ['the vice chair of panel 1: its members today', 'vicechair.1', ['adviser.1', 'panel.1', 'vicechair.1']],
    ['a member of panel 2: themselves alone', 'panel.2', ['panel.2']],
    ['a family finder: themselves alone', 'finder.1', ['finder.1']],
    ['a board director: themselves alone', 'board.kent', ['board.kent']],
    ['the partnership’s auditor: themselves alone', 'auditor.1', ['auditor.1']],
    ['a support worker: themselves alone', 'support.1', ['support.1']],
  ])('%s', async (_rule, actor, expected) => {
    expect(await seenBy(actor)).toEqual(usernames(...expected));
  });

  it('the access administrator reads every member of staff', async () => {
    expect(await seenBy('access.admin')).toEqual([...ids.values()].sort());
  });
});

describe('what an entry shows', () => {
  it('the account (username, email) only to the access administrator and on one’s own entry', async () => {
    const entries = await entriesOf('ppm.kent');
    expect(entries.get('finder.1')).toMatchObject({
      displayName: demoStaff('finder.1').displayName,
      active: true,
      username: null,
      email: null,
    });
    expect(entries.get('ppm.kent')).toMatchObject({ username: 'ppm.kent' });
    expect((await entriesOf('access.admin')).get('finder.and.support')).toMatchObject({
      username: 'finder.and.support',
      email: 'finder.and.support@apse.example',
    });
  });

  it('of the assignments, only those the reader’s rule names', async () => {
    const roles = (entry: Entry | undefined) =>
      entry!.assignments.map((a) => `${a.role}:${a.authority ?? a.panelId ?? 'PARTNERSHIP'}`).sort();
    expect(roles((await entriesOf('ppm.kent')).get('finder.and.support'))).toEqual(['FAMILY_FINDER:PARTNERSHIP']);
    expect(roles((await entriesOf('adm.raa')).get('finder.and.support'))).toEqual([
      'FAMILY_FINDER:PARTNERSHIP',
      'SUPPORT_WORKER:PARTNERSHIP',
    ]);
    expect(roles((await entriesOf('adm.kent')).get('ppm.kent.and.medway'))).toEqual(['PPM_LEAD:KENT']);
    expect(roles((await entriesOf('adm.medway')).get('ppm.kent.and.medway'))).toEqual(['PPM_LEAD:MEDWAY']);
    expect(roles((await entriesOf('access.admin')).get('ppm.kent.and.medway'))).toEqual(['PPM_LEAD:KENT', 'PPM_LEAD:MEDWAY']);
    expect(roles((await entriesOf('panel.1')).get('adviser.1'))).toEqual([`PANEL_MEMBER:${PANEL_1}`]);
    expect(roles((await entriesOf('finder.1')).get('finder.1'))).toEqual(['FAMILY_FINDER:PARTNERSHIP']);
  });
});

describe('filters narrow within reach', () => {
  it('by role, among the assignments the reader may read: a PPM lead finds no support worker among the family finders', async () => {
    expect(await seenBy('adm.raa', { role: 'SUPPORT_WORKER' })).toEqual(usernames('finder.and.support', 'support.1'));
    expect(await seenBy('ppm.kent', { role: 'SUPPORT_WORKER' })).toEqual([]);
    expect(await seenBy('ppm.kent', { role: 'PPM_LEAD' })).toEqual(['ppm.kent']);
  });

  it('by authority and by panel', async () => {
    expect(await seenBy('adm.kent', { authority: 'MEDWAY' })).toEqual([]);
    expect(await seenBy('adm.medway', { authority: 'MEDWAY', role: 'AUDITOR' })).toEqual(['auditor.medway']);
    expect(await seenBy('panel.1', { panelId: PANEL_1 })).toEqual(usernames('adviser.1', 'panel.1', 'vicechair.1'));
    expect(await seenBy('panel.1', { panelId: DEMO_PANEL_IDS[1] })).toEqual([]);
  });

  it('by name; by username only for those who may read usernames', async () => {
    expect(await seenBy('ppm.kent', { search: 'Rachel' })).toEqual(['finder.1']);
    expect(await seenBy('ppm.kent', { search: 'finder.1' })).toEqual([]);
    expect(await seenBy('access.admin', { search: 'finder.1' })).toEqual(['finder.1']);
  });

  it('a panel that is no id is bad input (BAD_USER_INPUT)', async () => {
    const { errors } = await api().as('panel.1')(DIRECTORY, { filter: { panelId: 'panel one' } });
    expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'panelId' });
  });

  it('by whether they can sign in', async () => {
    expect(await seenBy('adm.raa', { active: false })).toEqual(['finder.deactivated']);
    expect(await seenBy('ppm.kent', { active: false })).toEqual([]);
  });
});

describe('on its day', () => {
  it('a family finder whose role ends today is in a PPM lead’s list today, and not tomorrow; one whose role starts tomorrow, the reverse', async () => {
    const today = await seenBy('ppm.kent');
    expect([today.includes('finder.leaving'), today.includes('finder.starting')]).toEqual([true, false]);
    api().clock.set(on(TOMORROW));
    const tomorrow = await seenBy('ppm.kent');
    expect([tomorrow.includes('finder.leaving'), tomorrow.includes('finder.starting')]).toEqual([false, true]);
  });
});

describe('changes stay the access administrator’s', () => {
  const DEACTIVATE = `mutation ($input: DeactivateStaffMemberInput!) { deactivateStaffMember(input: $input) { id } }`;
  const END = `mutation ($input: EndRoleInput!) { endRole(input: $input) { id } }`;
  const assignmentOf = async (staffId: string) =>
    ((await api().dataSource.query(`SELECT id FROM role_assignments WHERE staff_id = $1`, [staffId]))[0]?.id ?? randomUUID()) as string;

  it.each([
    ['a family finder in their list', demoStaff('finder.1').id],
    ['an ADM out of their reach', demoStaff('adm.kent').id],
    ['no one', randomUUID()],
  ])('a Kent PPM lead changing %s is refused alike, before any lookup (FORBIDDEN)', async (_case, staffId) => {
    const deactivate = await api().as('ppm.kent')(DEACTIVATE, { input: { staffId, reason: 'r' } });
    expect(deactivate.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_MAY_NOT_UPDATE' });
    const end = await api().as('ppm.kent')(END, { input: { assignmentId: await assignmentOf(staffId), endsOn: TOMORROW } });
    expect(end.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_MAY_NOT_UPDATE' });
  });

  it('the access administrator finds an entry through the directory, locked, and deactivates it; a missing one is NOT_FOUND', async () => {
    const [{ id }] = await api().dataSource.query(
      `INSERT INTO staff (username, display_name) VALUES ('finder.leaver', 'Leaving finder') RETURNING id`,
    );
    ids.set(id, 'finder.leaver');
    await api().dataSource.query(`INSERT INTO role_assignments (staff_id, role, valid_from) VALUES ($1, 'FAMILY_FINDER', $2)`, [id, TODAY]);
    expect((await entriesOf('ppm.kent')).has('finder.leaver')).toBe(true);
    const done = await api().as('access.admin')(DEACTIVATE, { input: { staffId: id, reason: 'left' } });
    expect(done.errors).toBeUndefined();
    expect((await entriesOf('ppm.kent')).has('finder.leaver')).toBe(false);
    const missing = await api().as('access.admin')(DEACTIVATE, { input: { staffId: randomUUID(), reason: 'r' } });
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
  });
});
