import { randomUUID } from 'node:crypto';
import { demoStaff } from '../../seeds/demo-staff';
import type { Authority } from '../../src/authz/vocabulary';
import { EmergencyAccessBarRecord } from '../../src/journey/emergency-access-bar.entity';
import { EmergencyAccessRecord } from '../../src/journey/emergency-access.entity';
import { RoleAssignmentRecord } from '../../src/staff/role-assignment.entity';
import { StaffRecord } from '../../src/staff/staff.entity';
import type { CreateControls } from '../../src/staff/viewer-can-create.resolver';
import { insertChild } from '../helpers/factories';
import { useTestApi } from '../helpers/test-api';
import { mutation } from '../journey/journey-api';

/**
 * `viewerCanCreate(authority)`: the controls no record carries ("New child", "Grant a role", "Break glass"), each
 * true exactly when its mutation, sent in that authority with a suitable input, is not refused by the policy
 * (FORBIDDEN, or NOT_FOUND for what is out of reach). The table lists, for each role and authority, the controls
 * shown; every other is hidden. finder.2 is barred from breaking glass by a review. Today is 20 November 2026 (UK).
 */
const TODAY = '2026-11-20';
const api = useTestApi(async ({ dataSource, as }) => {
  const childId = (await insertChild(dataSource, 'KENT')).id;
  const { data } = await as('finder.2')(mutation('requestEmergencyAccess', 'id'), { input: { childId, reason: 'a call out of hours' } });
  await as('auditor.1')(mutation('reviewEmergencyAccess', 'id'), {
    input: { id: data!.requestEmergencyAccess.id, outcome: 'NOT_JUSTIFIED', note: 'the child was not at risk' },
  });
}, `${TODAY}T12:00:00Z`);
const db = () => api().dataSource;

type Control = keyof CreateControls;
const CONTROLS: Control[] = [
  'createChild',
  'createHousehold',
  'recordSupportRequest',
  'createStaffMember',
  'grantRole',
  'delegateRole',
  'requestEmergencyAccess',
  'liftEmergencyAccessBar',
];
const AUTHORITIES = ['KENT', 'MEDWAY'] as const;

/** Per role and authority, the controls shown. */
const SHOWN: Record<string, Record<(typeof AUTHORITIES)[number], Control[]>> = {
  'ppm.kent': { KENT: ['createChild', 'requestEmergencyAccess'], MEDWAY: ['requestEmergencyAccess'] },
  'adm.kent': { KENT: ['requestEmergencyAccess', 'liftEmergencyAccessBar'], MEDWAY: ['requestEmergencyAccess'] },
  'adm.raa': { KENT: [], MEDWAY: [] },
  'finder.1': { KENT: ['createHousehold', 'requestEmergencyAccess'], MEDWAY: ['createHousehold', 'requestEmergencyAccess'] },
  'finder.2': { KENT: ['createHousehold'], MEDWAY: ['createHousehold'] },
  'support.1': { KENT: ['recordSupportRequest'], MEDWAY: ['recordSupportRequest'] },
  'access.admin': {
    KENT: ['createStaffMember', 'grantRole', 'delegateRole'],
    MEDWAY: ['createStaffMember', 'grantRole', 'delegateRole'],
  },
  'auditor.1': { KENT: ['liftEmergencyAccessBar'], MEDWAY: ['liftEmergencyAccessBar'] },
  'auditor.medway': { KENT: [], MEDWAY: ['liftEmergencyAccessBar'] },
  'board.kent': { KENT: [], MEDWAY: [] },
  'panel.1': { KENT: [], MEDWAY: [] },
};

/** A member of staff of no role, new to each case. */
async function newcomer(): Promise<string> {
  const tag = randomUUID().slice(0, 8);
  const repository = db().getRepository(StaffRecord);
  return (
    await repository.save(repository.create({ username: `new.${tag}`, displayName: `Newcomer ${tag}`, email: `${tag}@apse.example` }))
  ).id;
}

/** A newcomer barred by a review of an emergency access of `authority`'s: the bar `liftEmergencyAccessBar` lifts. */
async function barredIn(authority: Authority): Promise<string> {
  const staffId = await newcomer();
  const access = await db()
    .getRepository(EmergencyAccessRecord)
    .save({
      childId: (await insertChild(db(), authority)).id,
      authority,
      staffId,
      reason: 'a call out of hours',
      grantedAt: new Date(`${TODAY}T08:00:00Z`),
      expiresAt: new Date(`${TODAY}T12:00:00Z`),
      outcome: 'NOT_JUSTIFIED',
      note: 'the child was not at risk',
      reviewedBy: demoStaff('auditor.1').id,
      reviewedAt: new Date(`${TODAY}T10:00:00Z`),
    });
  await db()
    .getRepository(EmergencyAccessBarRecord)
    .insert({ staffId, authority, barredByReview: access.id, barredAt: access.reviewedAt! });
  return staffId;
}

/** Each control's mutation in `authority`, with an input that suits it. */
const INPUTS: Record<Control, (authority: Authority) => Promise<Record<string, unknown>>> = {
  createChild: async (authority) => ({
    authority,
    firstName: 'Ada',
    lastName: 'Smith',
    dateOfBirth: '2023-05-01',
    enteredCareOn: '2024-02-12',
  }),
  createHousehold: async () => ({ applicants: [{ firstName: 'Ola', lastName: 'Adeyemi', dateOfBirth: '1980-01-01' }], enquiryOn: TODAY }),
  recordSupportRequest: async (authority) => ({ authority, familyName: 'Okafor', summary: 'school transition', receivedOn: TODAY }),
  createStaffMember: async () => {
    const tag = randomUUID().slice(0, 8);
    return { username: `colleague.${tag}`, displayName: `Colleague ${tag}`, email: `colleague.${tag}@apse.example` };
  },
  grantRole: async (authority) => ({ staffId: await newcomer(), role: 'PPM_LEAD', authority, validFrom: TODAY, reason: 'joins the team' }),
  delegateRole: async (authority) => {
    const adm = demoStaff(`adm.${authority.toLowerCase()}`).id;
    const covered = await db().getRepository(RoleAssignmentRecord).findOneByOrFail({ staffId: adm, role: 'ADM' });
    return { fromAssignmentId: covered.id, toStaffId: await newcomer(), validFrom: TODAY, validTo: '2026-12-04', reason: 'annual leave' };
  },
  requestEmergencyAccess: async (authority) => ({ childId: (await insertChild(db(), authority)).id, reason: 'a call out of hours' }),
  liftEmergencyAccessBar: async (authority) => ({ staffId: await barredIn(authority), reason: 'the review was mistaken' }),
};

const cases = Object.entries(SHOWN).flatMap(([role, shown]) =>
  AUTHORITIES.flatMap((authority) => CONTROLS.map((control) => [role, authority, control, shown[authority].includes(control)] as const)),
);

it.each(cases)('as %s in %s, viewerCanCreate.%s is %s, and the mutation agrees', async (role, authority, control, expected) => {
  const { data } = await api().as(role)(`query ($authority: Authority!) { viewerCanCreate(authority: $authority) { ${control} } }`, {
    authority,
  });
  const { errors } = await api().as(role)(mutation(control, '__typename'), { input: await INPUTS[control](authority) });
  expect(data!.viewerCanCreate[control]).toBe(expected);
  if (expected) expect(errors).toBeUndefined();
  else expect(['FORBIDDEN', 'NOT_FOUND']).toContain(errors?.[0]?.extensions.code);
});

it.each(CONTROLS)('the table holds both answers for %s: shown to someone, hidden from someone', (control) => {
  const answers = new Set(cases.filter(([, , c]) => c === control).map(([, , , expected]) => expected));
  expect([...answers].sort()).toEqual([false, true]);
});
