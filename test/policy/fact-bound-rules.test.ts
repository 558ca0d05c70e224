import { subject as tagged } from '@casl/ability';
import { permittedFieldsOf } from '@casl/ability/extra';
import { demoStaff } from '../../seeds/demo-staff';
import { refusalReason } from '../../src/access/refusals';
import type { Actor, RoleAssignment } from '../../src/authz/actor';
import { defineAbilityFor } from '../../src/authz/define-ability';
import { NO_FACTS, scopeFacts, type ScopeFacts } from '../../src/authz/facts';
import { allFieldsOf, CHILD_FIELDS_FOR_CASEWORK } from '../../src/authz/field-classes';
import type { Action, SubjectType } from '../../src/authz/vocabulary';
import { actorOf } from '../helpers/actors';

/**
 * The rules only a request's facts bring into play, which no fixture of the role tables holds: a live emergency
 * access (break-glass) and the bar a review sets, a panel's recommendation the decision maker heard, an interest the
 * panel member declared. The API tests make the same requests on a database (test/access/); these hold the policy
 * to them on its own.
 */
const TODAY = '2026-11-20';
const REACHED = 'child-reached';
const staffId = (username: string) => demoStaff(username).id;
const child = (fields: Record<string, unknown> = {}) => tagged('Child', { id: REACHED, authority: 'KENT', ...fields });
const recordOf = (subjectType: SubjectType) => tagged(subjectType, { id: 'record', childId: REACHED, authority: 'KENT' });
const emergencyAccess = (fields: Record<string, unknown>) => tagged('EmergencyAccess', { id: 'access', authority: 'KENT', ...fields });
const grant = (barred = false) => scopeFacts([], [], [], [], [], [{ id: 'access', childId: REACHED }], barred);
const abilityOf = (username: string, facts: ScopeFacts = NO_FACTS) => defineAbilityFor(actorOf(username), facts, TODAY);
const roleOf = (username: string) => demoStaff(username).assignments[0]!;
/** A member of staff holding `assignments` today, as the policy sees them. */
const holding = (username: string, assignments: RoleAssignment[]): Actor => ({ ...actorOf(username), assignments });

function readable(username: string, facts: ScopeFacts, record: object): string[] {
  const all = allFieldsOf('Child');
  return permittedFieldsOf(abilityOf(username, facts), 'read', record, { fieldsFrom: (rule) => rule.fields ?? all }).sort();
}

function expectRefused(username: string, facts: ScopeFacts, action: Action, record: object, reason: string): void {
  const ability = abilityOf(username, facts);
  expect(ability.can(action, record)).toBe(false);
  expect(refusalReason(ability, action, record)).toBe(reason);
}

describe('break-glass: what a live emergency access reaches', () => {
  it('a family finder reads the child they broke glass on with casework fields, no birth family, and its records', () => {
    expect(readable('finder.1', grant(), child())).toEqual([...CHILD_FIELDS_FOR_CASEWORK].sort());
    for (const subjectType of ['ChildDecision', 'Allocation', 'PlacementOrder', 'Placement', 'Disruption', 'Match'] as const) {
      expect({ subjectType, can: abilityOf('finder.1', grant()).can('read', recordOf(subjectType)) }).toEqual({ subjectType, can: true });
    }
  });

  it('without the access, the family finder reads none of it', () => {
    expect(abilityOf('finder.1').can('read', child())).toBe(false);
    expect(abilityOf('finder.1').can('read', recordOf('Placement'))).toBe(false);
  });

  it('another authority’s ADM and PPM lead read every field of it; the access reads, never writes', () => {
    for (const username of ['adm.medway', 'ppm.medway']) {
      expect(readable(username, grant(), child())).toEqual([...allFieldsOf('Child')].sort());
    }
    expect(abilityOf('adm.medway', grant()).can('decide', child())).toBe(false);
    expect(abilityOf('ppm.medway', grant()).can('record', child())).toBe(false);
    expect(abilityOf('ppm.medway', grant()).can('update', child())).toBe(false);
  });

  it('the partnership ADM, the board, a support worker, a panel member and an auditor never break glass: an access reaches nothing', () => {
    for (const username of ['adm.raa', 'board.kent', 'support.1', 'panel.2', 'auditor.1']) {
      expect({ username, reads: abilityOf(username, grant()).can('read', child()) }).toEqual({ username, reads: false });
      expect({ username, breaks: abilityOf(username).can('create', emergencyAccess({ staffId: staffId(username) })) }).toEqual({
        username,
        breaks: false,
      });
    }
  });

  it('reaches a child restricted whole as high profile or high risk, never one connected with a member of staff', () => {
    expect(abilityOf('finder.1', grant()).can('read', child({ restrictionCategory: 'HIGH_PROFILE' }))).toBe(true);
    expect(abilityOf('finder.1', grant()).can('read', child({ restrictionCategory: 'HIGH_RISK' }))).toBe(true);
    expect(abilityOf('finder.1', grant()).can('read', child({ restrictionCategory: 'STAFF_CONNECTED' }))).toBe(false);
    const staffConnected = tagged('Placement', {
      id: 'p',
      childId: REACHED,
      authority: 'KENT',
      child: { restrictionCategory: 'STAFF_CONNECTED' },
    });
    expect(abilityOf('finder.1', grant()).can('read', staffConnected)).toBe(false);
  });

  it('leaves a record sealed at the adoption order sealed: no identity, no birth family', () => {
    const sealed = readable('adm.medway', grant(), child({ restrictionCategory: 'ADOPTION' }));
    expect(sealed).not.toContain('firstName');
    expect(sealed).not.toContain('birthFamilyBackground');
    expect(sealed).toContain('stage');
  });
});

describe('break-glass: asking for it', () => {
  it('a case role breaks glass for themselves, on a child out of reach or restricted to others', () => {
    for (const username of ['finder.1', 'adm.medway', 'ppm.medway']) {
      const mine = emergencyAccess({ staffId: staffId(username), childRestrictionCategory: 'HIGH_PROFILE' });
      expect({ username, breaks: abilityOf(username).can('create', mine) }).toEqual({ username, breaks: true });
    }
  });

  it('never for someone else', () => {
    expectRefused('finder.1', NO_FACTS, 'create', emergencyAccess({ staffId: staffId('finder.2') }), 'NOT_YOURS');
  });

  it('never on a child connected with a member of staff', () => {
    for (const username of ['finder.1', 'adm.medway', 'ppm.medway']) {
      const access = emergencyAccess({ staffId: staffId(username), childRestrictionCategory: 'STAFF_CONNECTED' });
      expectRefused(username, NO_FACTS, 'create', access, 'STAFF_CONNECTED_RECORD');
    }
  });

  it('not while a review has barred them', () => {
    for (const username of ['finder.1', 'adm.medway', 'ppm.medway']) {
      expectRefused(username, grant(true), 'create', emergencyAccess({ staffId: staffId(username) }), 'EMERGENCY_ACCESS_BARRED');
    }
  });

  it('the bar is on breaking glass for themselves, and on nothing else', () => {
    expectRefused('finder.1', grant(true), 'create', emergencyAccess({ staffId: staffId('finder.2') }), 'NOT_YOURS');
    const alsoAdministers = holding('finder.1', [roleOf('finder.1'), roleOf('access.admin')]);
    const ownRole = tagged('RoleAssignment', { id: 'role', staffId: staffId('finder.1'), role: 'FAMILY_FINDER', authority: null });
    expect(defineAbilityFor(alsoAdministers, grant(true), TODAY).can('create', ownRole)).toBe(true);
  });
});

describe('break-glass: reviewing it', () => {
  it('the child’s ADM reviews an access to their authority’s child, never their own, never another authority’s', () => {
    expect(abilityOf('adm.kent').can('update', emergencyAccess({ staffId: staffId('finder.1') }))).toBe(true);
    expectRefused('adm.kent', NO_FACTS, 'update', emergencyAccess({ staffId: staffId('adm.kent') }), 'OWN_EMERGENCY_ACCESS');
    expectRefused('adm.medway', NO_FACTS, 'update', emergencyAccess({ staffId: staffId('finder.1') }), 'OTHER_AUTHORITY');
  });

  it('the partnership’s auditor reviews any; a council’s auditor those about its children', () => {
    expect(abilityOf('auditor.1').can('update', emergencyAccess({ staffId: staffId('finder.1') }))).toBe(true);
    expect(abilityOf('auditor.medway').can('update', emergencyAccess({ staffId: staffId('finder.1'), authority: 'MEDWAY' }))).toBe(true);
    expectRefused('auditor.medway', NO_FACTS, 'update', emergencyAccess({ staffId: staffId('finder.1') }), 'OTHER_AUTHORITY');
  });

  it('an ADM who is also a family finder reviews the others’ accesses, never their own', () => {
    const both = defineAbilityFor(holding('adm.kent', [roleOf('adm.kent'), roleOf('finder.1')]), NO_FACTS, TODAY);
    expect(both.can('update', emergencyAccess({ staffId: staffId('finder.1') }))).toBe(true);
    expect(both.can('update', emergencyAccess({ staffId: staffId('adm.kent') }))).toBe(false);
  });

  it('the partnership ADM reviews none', () => {
    expect(abilityOf('adm.raa').can('update', emergencyAccess({ staffId: staffId('finder.1') }))).toBe(false);
  });
});

describe('separation of duties: who heard a case at panel does not decide it (reg 30B(3))', () => {
  const heard = scopeFacts(
    [],
    [],
    [
      { matchId: 'match-heard', householdId: 'household-of-match' },
      { matchId: null, householdId: 'household-heard' },
    ],
  );

  it('an ADM does not decide a match a panel they sat on recommended, but decides the others', () => {
    const match = (id: string) => tagged('Match', { id, authority: 'KENT' });
    expectRefused('adm.kent', heard, 'decide', match('match-heard'), 'TOOK_PART_IN_THE_RECOMMENDATION');
    expect(abilityOf('adm.kent', heard).can('decide', match('match-other'))).toBe(true);
  });

  it('the partnership ADM does not approve a household a panel they sat on recommended, but approves the others', () => {
    const household = (id: string) => tagged('Household', { id });
    expectRefused('adm.raa', heard, 'approve', household('household-heard'), 'TOOK_PART_IN_THE_RECOMMENDATION');
    expect(abilityOf('adm.raa', heard).can('approve', household('household-of-match'))).toBe(true);
  });
});

describe('a declared interest', () => {
  const item = { id: 'item', kind: 'MATCH' as const, childId: 'child-on-item', householdId: 'household-on-item', matchId: 'match-on-item' };
  const declared = scopeFacts([], [item], [], [item]);
  const panelOf = (username: string) => demoStaff(username).assignments[0]!.panelId;

  it('closes the item’s case to the declarer at once', () => {
    expect(abilityOf('panel.1', scopeFacts([], [item])).can('read', tagged('Child', { id: 'child-on-item' }))).toBe(true);
    expect(abilityOf('panel.1', declared).can('read', tagged('Child', { id: 'child-on-item' }))).toBe(false);
    expect(abilityOf('panel.1', declared).can('read', tagged('Match', { id: 'match-on-item' }))).toBe(false);
  });

  it('bars a chair or vice chair from recording the recommendation on it', () => {
    const agendaItem = tagged('AgendaItem', {
      id: 'item',
      panelId: panelOf('panel.1'),
      meetingOn: '2026-11-18',
      windowClosesOn: '2026-11-25',
    });
    expect(abilityOf('panel.1', scopeFacts([], [item])).can('recommend', agendaItem)).toBe(true);
    expectRefused('panel.1', declared, 'recommend', agendaItem, 'DECLARED_AN_INTEREST');
    expectRefused('vicechair.1', declared, 'recommend', agendaItem, 'DECLARED_AN_INTEREST');
  });
});

describe('restricted records', () => {
  const restricted = (category: string) => child({ restrictionCategory: category });

  it('a child restricted whole is out of its own authority’s PPM lead’s reach, to read or to write', () => {
    expectRefused('ppm.kent', NO_FACTS, 'update', restricted('HIGH_PROFILE'), 'RESTRICTED_RECORD');
    expectRefused('ppm.kent', NO_FACTS, 'read', restricted('STAFF_CONNECTED'), 'RESTRICTED_RECORD');
  });

  it('an ADM who is also another authority’s PPM lead reads a sealed child of that authority without identity or birth family', () => {
    const both = defineAbilityFor(holding('adm.kent', [roleOf('adm.kent'), roleOf('ppm.medway')]), NO_FACTS, TODAY);
    const sealed = tagged('Child', { id: 'sealed', authority: 'MEDWAY', restrictionCategory: 'ADOPTION' });
    const all = allFieldsOf('Child');
    const fields = permittedFieldsOf(both, 'read', sealed, { fieldsFrom: (rule) => rule.fields ?? all });
    expect(fields).toContain('stage');
    expect(fields).not.toContain('firstName');
    expect(fields).not.toContain('birthFamilyBackground');
  });

  it('a member of staff who holds no role today reads nothing, not even a child whose restriction names them', () => {
    const named = scopeFacts([], [], [], [], [REACHED]);
    expect(defineAbilityFor(holding('finder.1', []), named, TODAY).can('read', restricted('HIGH_PROFILE'))).toBe(false);
    expect(abilityOf('finder.1', named).can('read', restricted('HIGH_PROFILE'))).toBe(true);
  });
});

describe('a role held where it cannot be', () => {
  it('a PPM lead’s role held for no authority grants nothing of the role', () => {
    const ability = defineAbilityFor(holding('ppm.kent', [{ ...roleOf('ppm.kent'), authority: null }]), NO_FACTS, TODAY);
    expect(ability.can('read', tagged('Household', { id: 'h', earlyPermanence: true, stage: 'APPROVED' }))).toBe(false);
    expect(ability.can('read', tagged('StaffMember', { id: 's', liveRoles: ['FAMILY_FINDER'], active: true }))).toBe(false);
  });

  it('a panel role on no panel grants nothing of the role', () => {
    const ability = defineAbilityFor(holding('adviser.1', [{ ...roleOf('adviser.1'), panelId: null }]), NO_FACTS, TODAY);
    expect(ability.can('read', tagged('Match', { id: 'm', status: 'PROPOSED' }))).toBe(false);
    expect(ability.can('read', tagged('Household', { id: 'h', stage: 'PANEL' }))).toBe(false);
  });
});
