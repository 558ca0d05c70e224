import { subject as tagged } from '@casl/ability';
import { permittedFieldsOf } from '@casl/ability/extra';
import { demoStaff } from '../../seeds/demo-staff';
import { refusalReason } from '../../src/access/refusals';
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
