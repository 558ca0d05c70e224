import { demoStaff } from '../../seeds/demo-staff';
import { insertChild } from '../helpers/factories';
import { useTestApi } from '../helpers/test-api';

/**
 * Acting cover: a Kent ADM on leave is covered by Medway's ADM for two named days. On those days the cover holds
 * Kent's ADM role and scope, and every event made under it names both people; before and after, nothing of Kent.
 */
const TODAY = '2026-11-20';
const FIRST = '2026-11-23';
const LAST = '2026-11-24';
let kentChild = '';
const api = useTestApi(async ({ dataSource }) => {
  kentChild = (await insertChild(dataSource, 'KENT')).id;
});
const on = (day: string) => `${day}T12:00:00Z`;
afterEach(() => api().clock.set(on(TODAY)));

const DELEGATE = `mutation ($input: DelegateRoleInput!) { delegateRole(input: $input) { id role authority validFrom validTo delegatedFrom } }`;
const KENT_ADM = demoStaff('adm.kent');
const COVER = demoStaff('adm.medway');

async function kentAdmAssignment(): Promise<string> {
  const [{ id }] = await api().dataSource.query(`SELECT id FROM role_assignments WHERE staff_id = $1 AND role = 'ADM'`, [KENT_ADM.id]);
  return id;
}

const readsKentChild = async () => {
  const { data, errors } = await api().as('adm.medway')('query ($id: ID!) { child(id: $id) { id firstName } }', { id: kentChild });
  return errors ? (errors[0]!.extensions.code as string) : data!.child.id === kentChild;
};

it('the cover holds the covered role and its scope on its days only', async () => {
  const delegated = await api().as('access.admin')(DELEGATE, {
    input: { fromAssignmentId: await kentAdmAssignment(), toStaffId: COVER.id, validFrom: FIRST, validTo: LAST, reason: 'annual leave' },
  });
  expect(delegated.errors).toBeUndefined();
  expect(delegated.data!.delegateRole).toMatchObject({ role: 'ADM', authority: 'KENT', validFrom: FIRST, validTo: LAST });
  expect(await readsKentChild()).toBe('NOT_FOUND');
  api().clock.set(on(FIRST));
  expect(await readsKentChild()).toBe(true);
  api().clock.set(on('2026-11-25'));
  expect(await readsKentChild()).toBe('NOT_FOUND');
});

it('every event made under the cover names both people: the cover, and whom it is held for', async () => {
  api().clock.set(on(LAST));
  await readsKentChild();
  const [event] = await api().dataSource.query(
    `SELECT staff_id, roles FROM audit_events WHERE staff_id = $1 AND subject_ids @> ARRAY[$2]::uuid[] ORDER BY id DESC LIMIT 1`,
    [COVER.id, kentChild],
  );
  expect(event).toEqual({ staff_id: COVER.id, roles: expect.stringContaining(`ADM:KENT/for:${KENT_ADM.id}`) });
});

it.each([
  ['beyond the covered role’s dates', { validFrom: TODAY, validTo: '2031-01-01' }, 'BAD_USER_INPUT'],
  ['without a last day', { validFrom: TODAY, validTo: null }, 'BAD_USER_INPUT'],
  ['starting in the past', { validFrom: '2026-11-19', validTo: LAST }, 'BAD_USER_INPUT'],
])('cover %s is refused', async (_case, dates, code) => {
  const from = (await api().dataSource.query(`SELECT id FROM role_assignments WHERE staff_id = $1 AND role = 'ADM'`, [KENT_ADM.id]))[0].id;
  await api().dataSource.query(`UPDATE role_assignments SET valid_to = '2030-12-31' WHERE id = $1`, [from]);
  try {
    const { errors } = await api().as('access.admin')(DELEGATE, {
      input: { fromAssignmentId: from, toStaffId: demoStaff('adm.bexley').id, reason: 'leave', ...dates },
    });
    expect(errors![0]!.extensions.code).toBe(code);
  } finally {
    await api().dataSource.query(`UPDATE role_assignments SET valid_to = NULL WHERE id = $1`, [from]);
  }
});

it('only the access administrator gives cover: a Kent ADM cannot delegate their own role (FORBIDDEN)', async () => {
  const { errors } = await api().as('adm.kent')(DELEGATE, {
    input: { fromAssignmentId: await kentAdmAssignment(), toStaffId: COVER.id, validFrom: FIRST, validTo: LAST, reason: 'leave' },
  });
  expect(errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_MAY_NOT_CREATE' });
});
