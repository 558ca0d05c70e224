import type { RoleAssignment } from '../src/authz/actor';

/** The four adoption panels, by fixed id so that demo panel members can name theirs. */
export const DEMO_PANEL_IDS = [
  '9a9e1000-0000-4000-8000-000000000001',
  '9a9e1000-0000-4000-8000-000000000002',
  '9a9e1000-0000-4000-8000-000000000003',
  '9a9e1000-0000-4000-8000-000000000004',
] as const;

export type DemoStaff = { id: string; username: string; displayName: string; assignments: RoleAssignment[] };

const staffId = (n: number) => `5eed0000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const la = (role: RoleAssignment['role'], authority: RoleAssignment['authority']): RoleAssignment => ({
  role,
  authority,
  panelId: null,
  panelRole: null,
});
const panel = (n: 0 | 1 | 2 | 3, panelRole: NonNullable<RoleAssignment['panelRole']>): RoleAssignment => ({
  role: 'PANEL_MEMBER',
  authority: null,
  panelId: DEMO_PANEL_IDS[n],
  panelRole,
});

/** The demo identities (README.md, "Demo identities"), with fixed ids, so that `npm run token` needs no database. */
export const DEMO_STAFF: readonly DemoStaff[] = [
  { id: staffId(1), username: 'adm.bexley', displayName: 'Grace Adeyemi (ADM, Bexley)', assignments: [la('ADM', 'BEXLEY')] },
  { id: staffId(2), username: 'adm.kent', displayName: 'Martin Hollis (ADM, Kent)', assignments: [la('ADM', 'KENT')] },
  { id: staffId(3), username: 'adm.medway', displayName: 'Sunita Rao (ADM, Medway)', assignments: [la('ADM', 'MEDWAY')] },
  { id: staffId(4), username: 'adm.raa', displayName: 'Helen Forde (Head of APSE, partnership ADM)', assignments: [la('ADM', null)] },
  { id: staffId(5), username: 'ppm.bexley', displayName: 'Tom Okafor (PPM lead, Bexley)', assignments: [la('PPM_LEAD', 'BEXLEY')] },
  { id: staffId(6), username: 'ppm.kent', displayName: 'Claire Dunmore (PPM lead, Kent)', assignments: [la('PPM_LEAD', 'KENT')] },
  { id: staffId(7), username: 'ppm.medway', displayName: 'Aisha Begum (PPM lead, Medway)', assignments: [la('PPM_LEAD', 'MEDWAY')] },
  { id: staffId(8), username: 'finder.1', displayName: 'Rachel Green (family finder)', assignments: [la('FAMILY_FINDER', null)] },
  { id: staffId(9), username: 'finder.2', displayName: 'Daniel Price (family finder)', assignments: [la('FAMILY_FINDER', null)] },
  { id: staffId(10), username: 'panel.1', displayName: 'Margaret Ellis (chair, panel 1)', assignments: [panel(0, 'CHAIR')] },
  { id: staffId(11), username: 'panel.2', displayName: 'Joseph Mensah (member, panel 2)', assignments: [panel(1, 'MEMBER')] },
  { id: staffId(12), username: 'support.1', displayName: 'Lucy Barnes (adoption support)', assignments: [la('SUPPORT_WORKER', null)] },
  {
    id: staffId(13),
    username: 'board.bexley',
    displayName: 'Director of Children’s Services, Bexley',
    assignments: [la('BOARD_DIRECTOR', null)],
  },
  {
    id: staffId(14),
    username: 'board.kent',
    displayName: 'Director of Children’s Services, Kent',
    assignments: [la('BOARD_DIRECTOR', null)],
  },
  {
    id: staffId(15),
    username: 'board.medway',
    displayName: 'Director of Children’s Services, Medway',
    assignments: [la('BOARD_DIRECTOR', null)],
  },
  {
    id: staffId(16),
    username: 'auditor.1',
    displayName: 'Nadia Karim (information governance auditor)',
    assignments: [la('AUDITOR', null)],
  },
  { id: staffId(17), username: 'adviser.1', displayName: 'Fiona Walsh (panel adviser, panel 1)', assignments: [panel(0, 'ADVISER')] },
  { id: staffId(18), username: 'adviser.2', displayName: 'Samuel Osei (panel adviser, panel 2)', assignments: [panel(1, 'ADVISER')] },
  { id: staffId(19), username: 'chair.2', displayName: 'Patricia Lowe (chair, panel 2)', assignments: [panel(1, 'CHAIR')] },
  { id: staffId(20), username: 'vicechair.1', displayName: 'Imran Siddiqui (vice chair, panel 1)', assignments: [panel(0, 'VICE_CHAIR')] },
  {
    id: staffId(21),
    username: 'auditor.medway',
    displayName: 'Owen Bright (information governance, Medway)',
    assignments: [la('AUDITOR', 'MEDWAY')],
  },
  {
    id: staffId(22),
    username: 'access.admin',
    displayName: 'Grace Adeyemi (access administrator)',
    assignments: [la('ACCESS_ADMIN', null)],
  },
];

export function demoStaff(username: string): DemoStaff {
  const found = DEMO_STAFF.find((s) => s.username === username);
  if (!found) throw new Error(`unknown demo user ${username}; known: ${DEMO_STAFF.map((s) => s.username).join(' ')}`);
  return found;
}
