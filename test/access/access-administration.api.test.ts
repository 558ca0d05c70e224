import { demoStaff } from '../../seeds/demo-staff';
import { insertChild } from '../helpers/factories';
import { useTestApi } from '../helpers/test-api';

/**
 * The access administrator gives people their roles for dates and takes them away; the change takes effect on its
 * day, without a restart, and every step is in the access log. Today is 20 November 2026 (UK).
 */
const TODAY = '2026-11-20';
const TOMORROW = '2026-11-21';
const api = useTestApi(async ({ dataSource }) => {
  await insertChild(dataSource, 'MEDWAY');
});
const admin = () => api().as('access.admin');
const on = (day: string) => `${day}T12:00:00Z`;
afterEach(() => api().clock.set(on(TODAY)));

const GRANT = `mutation ($input: GrantRoleInput!) { grantRole(input: $input) { id role authority validFrom validTo grantedBy reason } }`;
const END = `mutation ($input: EndRoleInput!) { endRole(input: $input) { id validTo } }`;
const MEDWAY_CHILDREN = '{ children(first: 5, filter: { authority: MEDWAY }) { totalCount } }';
const finder2 = demoStaff('finder.2');

/** Whether finder.2 reads Medway's children as a Medway PPM lead would (a family finder alone may not list them all). */
async function readsAsMedwayPpmLead(): Promise<boolean> {
  const { data, errors } = await api().as('finder.2')('{ me { roles { role authority } } }');
  expect(errors).toBeUndefined();
  return (data!.me.roles as { role: string; authority: string | null }[]).some((r) => r.role === 'PPM_LEAD' && r.authority === 'MEDWAY');
}

it('a Medway PPM lead role granted to finder.2 from tomorrow holds only from tomorrow, and ended today it is gone the next day', async () => {
  const granted = await admin()(GRANT, {
    input: { staffId: finder2.id, role: 'PPM_LEAD', authority: 'MEDWAY', validFrom: TOMORROW, reason: 'covering the Medway team' },
  });
  expect(granted.errors).toBeUndefined();
  expect(granted.data!.grantRole).toMatchObject({
    role: 'PPM_LEAD',
    authority: 'MEDWAY',
    validFrom: TOMORROW,
    validTo: null,
    grantedBy: demoStaff('access.admin').id,
    reason: 'covering the Medway team',
  });
  expect(await readsAsMedwayPpmLead()).toBe(false);
  api().clock.set(on(TOMORROW));
  expect(await readsAsMedwayPpmLead()).toBe(true);
  expect((await api().as('finder.2')(MEDWAY_CHILDREN)).data!.children.totalCount).toBeGreaterThan(0);

  const ended = await admin()(END, {
    input: { assignmentId: granted.data!.grantRole.id, endsOn: TOMORROW, reason: 'cover no longer needed' },
  });
  expect(ended.data!.endRole).toMatchObject({ validTo: TOMORROW });
  expect(await readsAsMedwayPpmLead()).toBe(true);
  api().clock.set(on('2026-11-22'));
  expect(await readsAsMedwayPpmLead()).toBe(false);

  const logged = await api().dataSource.query(
    `SELECT action FROM audit_events WHERE subject_type = 'RoleAssignment' AND subject_id = $1 ORDER BY id`,
    [granted.data!.grantRole.id],
  );
  expect(logged.map((e: { action: string }) => e.action)).toEqual(['create', 'update']);
});

it('a role is granted from today or later: a back-dated grant is refused (BAD_USER_INPUT)', async () => {
  const { errors } = await admin()(GRANT, {
    input: { staffId: finder2.id, role: 'SUPPORT_WORKER', validFrom: '2026-11-19', reason: 'late paperwork' },
  });
  expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'validFrom' });
});

it('a role is held in its own kind of scope: a PPM lead for one authority, a family finder partnership-wide (BAD_USER_INPUT)', async () => {
  const noAuthority = await admin()(GRANT, { input: { staffId: finder2.id, role: 'PPM_LEAD', validFrom: TODAY, reason: 'r' } });
  expect(noAuthority.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'authority' });
  const withAuthority = await admin()(GRANT, {
    input: { staffId: finder2.id, role: 'SUPPORT_WORKER', authority: 'KENT', validFrom: TODAY, reason: 'r' },
  });
  expect(withAuthority.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'authority' });
});

it('the same role in the same scope is never held twice on one day (CONFLICT, ROLE_ALREADY_HELD)', async () => {
  const { errors } = await admin()(GRANT, { input: { staffId: finder2.id, role: 'FAMILY_FINDER', validFrom: TODAY, reason: 'again' } });
  expect(errors![0]!.extensions).toEqual({ code: 'CONFLICT', reason: 'ROLE_ALREADY_HELD' });
});

it('a role cannot be ended in the past: its past days stand (BAD_USER_INPUT)', async () => {
  const [{ id }] = await api().dataSource.query(`SELECT id FROM role_assignments WHERE staff_id = $1 AND role = 'FAMILY_FINDER'`, [
    finder2.id,
  ]);
  const { errors } = await admin()(END, { input: { assignmentId: id, endsOn: '2026-11-01' } });
  expect(errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsOn' });
});

it('a new member of staff holds no role until one is granted; deactivated, they cannot sign in (UNAUTHENTICATED)', async () => {
  const created = await admin()(
    `mutation ($input: CreateStaffMemberInput!) { createStaffMember(input: $input) { id username email active } }`,
    { input: { username: 'new.finder', displayName: 'New Finder', email: 'New.Finder@apse.example' } },
  );
  expect(created.data!.createStaffMember).toMatchObject({ username: 'new.finder', email: 'new.finder@apse.example', active: true });
  const staffId = created.data!.createStaffMember.id;
  const me = await api().asStaff(staffId)('{ me { roles { role } } }');
  expect(me.data!.me.roles).toEqual([]);
  const deactivated = await admin()(
    `mutation ($input: DeactivateStaffMemberInput!) { deactivateStaffMember(input: $input) { active deactivatedOn } }`,
    { input: { staffId, reason: 'left' } },
  );
  expect(deactivated.data!.deactivateStaffMember).toEqual({ active: false, deactivatedOn: TODAY });
  expect((await api().asStaff(staffId)('{ me { id } }')).errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
});

it('the access administrator lists staff with the roles they hold today and later, and reads no child (FORBIDDEN)', async () => {
  const { data } = await admin()(
    `{ staffMembers(first: 100, filter: { role: PPM_LEAD, authority: KENT }) { totalCount edges { node { username assignments { role authority } } } } }`,
  );
  expect(data!.staffMembers.edges.map((e: { node: { username: string } }) => e.node.username)).toEqual(['ppm.kent']);
  const children = await admin()('{ children(first: 1) { totalCount } }');
  expect(children.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_MAY_NOT_READ' });
});

it('separation of duties (reg 30B(3)): a panel member is refused an ADM role on the same days, and an ADM a panel seat (BAD_USER_INPUT)', async () => {
  const adm = await admin()(GRANT, {
    input: { staffId: demoStaff('panel.2').id, role: 'ADM', authority: 'KENT', validFrom: TODAY, reason: 'covering decisions' },
  });
  expect(adm.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
  expect(adm.errors![0]!.message).toMatch(/separation of duties/);
  const [{ id: panelId }] = await api().dataSource.query(`SELECT panel_id AS id FROM role_assignments WHERE staff_id = $1`, [
    demoStaff('panel.2').id,
  ]);
  const seat = await admin()(GRANT, {
    input: {
      staffId: demoStaff('adm.kent').id,
      role: 'PANEL_MEMBER',
      panelId,
      panelRole: 'MEMBER',
      validFrom: TODAY,
      reason: 'filling a seat',
    },
  });
  expect(seat.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
});
