import { randomUUID } from 'node:crypto';
import { insertChild } from '../helpers/factories';
import { CREATE_CHILD } from '../helpers/operations';
import { useTestApi } from '../helpers/test-api';

/**
 * A role holds from its first day to its last (UK days, both included) and grants nothing outside them: the
 * actor's statement, the facts, the tenant reach under Row-Level Security and the roles the access log names all
 * read only the assignments of the request's day, so a role that starts or ends takes effect on that day, without
 * a restart.
 */
const NEW_STARTER = randomUUID();
const STARTS = '2026-11-21';
const ENDS = '2026-11-23';

const api = useTestApi(async ({ dataSource }) => {
  await dataSource.query(`INSERT INTO staff (id, username, display_name) VALUES ($1, 'new.starter', 'New Starter')`, [NEW_STARTER]);
  await dataSource.query(
    `INSERT INTO role_assignments (staff_id, role, authority, valid_from, valid_to) VALUES ($1, 'PPM_LEAD', 'KENT', $2, $3)`,
    [NEW_STARTER, STARTS, ENDS],
  );
  await insertChild(dataSource, 'KENT');
  await insertChild(dataSource, 'MEDWAY');
});

/** Midday on a UK day in November (GMT). */
const on = (day: string) => `${day}T12:00:00Z`;

async function childrenSeen(): Promise<{ code?: string; authorities?: string[] }> {
  const { data, errors } = await api().asStaff(NEW_STARTER)('{ children(first: 100) { edges { node { authority } } } }');
  if (errors) return { code: errors[0]!.extensions.code as string };
  return { authorities: [...new Set((data!.children.edges as { node: { authority: string } }[]).map((e) => e.node.authority))] };
}

afterEach(() => api().clock.set(on('2026-11-20')));

it.each([
  ['the day before it starts', '2026-11-20', { code: 'FORBIDDEN' }],
  ['its first day', STARTS, { authorities: ['KENT'] }],
  ['its last day', ENDS, { authorities: ['KENT'] }],
  ['the day after it ends', '2026-11-24', { code: 'FORBIDDEN' }],
])('a dated role grants its reach on %s as the dates say', async (_case, day, expected) => {
  api().clock.set(on(day));
  expect(await childrenSeen()).toEqual(expected);
});

it('a role starting tomorrow is listed among the assignments to come, and not among today’s roles, until its day', async () => {
  const me = async () =>
    (await api().asStaff(NEW_STARTER)('{ me { roles { role } assignments { role authority validFrom validTo } } }')).data!.me;
  const coming = { role: 'PPM_LEAD', authority: 'KENT', validFrom: STARTS, validTo: ENDS };
  expect(await me()).toEqual({ roles: [], assignments: [coming] });
  api().clock.set(on(STARTS));
  expect(await me()).toEqual({ roles: [{ role: 'PPM_LEAD' }], assignments: [coming] });
  api().clock.set(on('2026-11-24'));
  expect(await me()).toEqual({ roles: [], assignments: [] });
});

it('a role’s steps are refused before its first day and taken on it', async () => {
  const input = { authority: 'KENT', firstName: 'Sam', lastName: 'Dated', dateOfBirth: '2020-01-01', enteredCareOn: '2021-01-01' };
  const before = await api().asStaff(NEW_STARTER)(CREATE_CHILD, { input });
  expect(before.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
  api().clock.set(on(STARTS));
  const after = await api().asStaff(NEW_STARTER)(CREATE_CHILD, { input });
  expect(after.errors).toBeUndefined();
});

it('across the clock change the UK day decides: 23:30 UTC on 28 March 2027 is already the 29th in London', async () => {
  await api().dataSource.query(`UPDATE role_assignments SET valid_from = '2027-03-29', valid_to = NULL WHERE staff_id = $1`, [NEW_STARTER]);
  try {
    api().clock.set('2027-03-28T22:30:00Z');
    expect(await childrenSeen()).toEqual({ code: 'FORBIDDEN' });
    api().clock.set('2027-03-28T23:30:00Z');
    expect(await childrenSeen()).toEqual({ authorities: ['KENT'] });
  } finally {
    await api().dataSource.query(`UPDATE role_assignments SET valid_from = $2, valid_to = $3 WHERE staff_id = $1`, [
      NEW_STARTER,
      STARTS,
      ENDS,
    ]);
  }
});

it('the access log names a role only on the days it holds', async () => {
  const rolesOfEventsDuring = async (work: () => Promise<unknown>) => {
    const [{ last }] = await api().dataSource.query(`SELECT coalesce(max(id), 0) AS last FROM audit_events`);
    await work();
    const events = await api().dataSource.query(`SELECT DISTINCT roles FROM audit_events WHERE staff_id = $1 AND id > $2`, [
      NEW_STARTER,
      last,
    ]);
    return events.map((e: { roles: string }) => e.roles);
  };
  // Reading a name is logged, and so is a refusal.
  const readNames = () => api().asStaff(NEW_STARTER)('{ children(first: 100) { edges { node { firstName } } } }');
  api().clock.set(on(STARTS));
  expect(await rolesOfEventsDuring(readNames)).toEqual(['PPM_LEAD:KENT']);
  api().clock.set(on('2026-11-24'));
  const after = await rolesOfEventsDuring(readNames);
  expect(after.length).toBeGreaterThan(0);
  expect(after).not.toContain('PPM_LEAD:KENT');
});
