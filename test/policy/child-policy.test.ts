import { permittedFieldsOf } from '@casl/ability/extra';
import { defineAbilityFor } from '../../src/authz/define-ability';
import { NO_FACTS, scopeFacts } from '../../src/authz/facts';
import {
  allFieldsOf,
  CHILD_BIRTH_FAMILY_FIELDS,
  CHILD_CASE_FIELDS,
  CHILD_IDENTIFYING_FIELDS,
  CHILD_SPECIAL_FIELDS,
} from '../../src/authz/field-classes';
import { refusalReason } from '../../src/authz/refusals';
import type { Action, Authority } from '../../src/authz/vocabulary';
import { ChildRecord } from '../../src/children/child.entity';
import { actorOf } from '../helpers/actors';

/**
 * The child policy as a table, written by hand from domain.md ("The roles", "Who records what",
 * "Field classes and who sees them") — never computed from src/authz.
 */
const NOW = new Date('2026-11-20T12:00:00Z');
const ALLOCATED = '00000000-0000-4000-8000-00000000a110';
const ON_AGENDA = '00000000-0000-4000-8000-0000000a6e0d';
const FACTS = scopeFacts(
  [{ id: '00000000-0000-4000-8000-00000000a111', childId: ALLOCATED }],
  [{ id: '00000000-0000-4000-8000-00000000a6e1', childId: ON_AGENDA, householdId: '00000000-0000-4000-8000-0000000b0001', matchId: null }],
  [],
);

function child(authority: Authority, id = '00000000-0000-4000-8000-000000000c01'): ChildRecord {
  return Object.assign(new ChildRecord(), { id, authority });
}

type Row = [rule: string, username: string, action: Action, subject: ChildRecord, allowed: boolean];

const ROWS: Row[] = [
  // ADM of an authority
  ['a Kent ADM reads a Kent child', 'adm.kent', 'read', child('KENT'), true],
  ['a Kent ADM cannot read a Medway child', 'adm.kent', 'read', child('MEDWAY'), false],
  ['a Kent ADM cannot read a Bexley child', 'adm.kent', 'read', child('BEXLEY'), false],
  ['a Bexley ADM reads a Bexley child', 'adm.bexley', 'read', child('BEXLEY'), true],
  ['a Kent ADM cannot create a child', 'adm.kent', 'create', child('KENT'), false],
  ['a Kent ADM cannot update a child record', 'adm.kent', 'update', child('KENT'), false],
  // partnership ADM
  ['the partnership ADM cannot read any child', 'adm.raa', 'read', child('KENT'), false],
  ['the partnership ADM cannot create a child', 'adm.raa', 'create', child('KENT'), false],
  // PPM lead
  ['a Medway PPM lead reads a Medway child', 'ppm.medway', 'read', child('MEDWAY'), true],
  ['a Medway PPM lead creates a Medway child', 'ppm.medway', 'create', child('MEDWAY'), true],
  ['a Medway PPM lead updates a Medway child', 'ppm.medway', 'update', child('MEDWAY'), true],
  ['a Medway PPM lead cannot read a Kent child', 'ppm.medway', 'read', child('KENT'), false],
  ['a Medway PPM lead cannot create a Kent child', 'ppm.medway', 'create', child('KENT'), false],
  ['a Medway PPM lead cannot update a Bexley child', 'ppm.medway', 'update', child('BEXLEY'), false],
  // family finder
  ['a family finder reads a child allocated to them', 'finder.1', 'read', child('KENT', ALLOCATED), true],
  ['a family finder reads an allocated child of any authority', 'finder.1', 'read', child('MEDWAY', ALLOCATED), true],
  ['a family finder cannot read a child not allocated to them', 'finder.1', 'read', child('KENT'), false],
  ['a family finder cannot create a child', 'finder.1', 'create', child('KENT'), false],
  // panel member
  ['a panel member reads a child on an open agenda', 'panel.1', 'read', child('BEXLEY', ON_AGENDA), true],
  ['a panel member cannot read a child on no open agenda', 'panel.1', 'read', child('BEXLEY'), false],
  ['a panel member cannot create a child', 'panel.2', 'create', child('KENT'), false],
  // no casework
  ['a board director cannot read a child', 'board.kent', 'read', child('KENT'), false],
  ['a board director cannot create a child', 'board.kent', 'create', child('KENT'), false],
  ['a support worker cannot read a child', 'support.1', 'read', child('MEDWAY'), false],
  ['an auditor cannot read a child', 'auditor.1', 'read', child('BEXLEY'), false],
];

describe('child policy: who may do what to which child', () => {
  it.each(ROWS)('%s', (_rule, username, action, subject, allowed) => {
    const ability = defineAbilityFor(actorOf(username), FACTS, NOW);
    expect(ability.can(action, subject)).toBe(allowed);
  });
});

type RefusalRow = [rule: string, username: string, action: Action, subject: ChildRecord, reason: string];

const REFUSALS: RefusalRow[] = [
  ['a PPM lead recording another authority’s child is refused as OTHER_AUTHORITY', 'ppm.kent', 'create', child('MEDWAY'), 'OTHER_AUTHORITY'],
  ['an ADM creating a child is refused as ROLE_MAY_NOT_CREATE', 'adm.kent', 'create', child('KENT'), 'ROLE_MAY_NOT_CREATE'],
  ['a board director reading a child is refused as ROLE_MAY_NOT_READ', 'board.medway', 'read', child('MEDWAY'), 'ROLE_MAY_NOT_READ'],
  ['a family finder reading an unallocated child is refused as NOT_ALLOCATED', 'finder.2', 'read', child('KENT'), 'NOT_ALLOCATED'],
];

describe('child policy: refusal reasons', () => {
  it.each(REFUSALS)('%s', (_rule, username, action, subject, reason) => {
    const ability = defineAbilityFor(actorOf(username), FACTS, NOW);
    expect(refusalReason(ability, action, subject)).toBe(reason);
  });
});

type FieldRow = [rule: string, username: string, subject: ChildRecord, visible: readonly string[]];

const CASE_IDENTIFYING_SPECIAL = [...CHILD_CASE_FIELDS, ...CHILD_IDENTIFYING_FIELDS, ...CHILD_SPECIAL_FIELDS];
const FIELD_ROWS: FieldRow[] = [
  ['a Kent ADM sees every field class of a Kent child', 'adm.kent', child('KENT'), [...CASE_IDENTIFYING_SPECIAL, ...CHILD_BIRTH_FAMILY_FIELDS]],
  ['a Kent PPM lead sees every field class of a Kent child', 'ppm.kent', child('KENT'), [...CASE_IDENTIFYING_SPECIAL, ...CHILD_BIRTH_FAMILY_FIELDS]],
  ['a family finder sees case, identifying and special fields of an allocated child, not birth family', 'finder.1', child('KENT', ALLOCATED), CASE_IDENTIFYING_SPECIAL],
  [
    'a panel member sees case and special fields and only the first name and age of an agenda child',
    'panel.1',
    child('KENT', ON_AGENDA),
    [...CHILD_CASE_FIELDS, 'firstName', 'ageInYears', ...CHILD_SPECIAL_FIELDS],
  ],
  ['a board director sees no field of a child', 'board.kent', child('KENT'), []],
];

describe('child policy: which field classes each role sees', () => {
  it.each(FIELD_ROWS)('%s', (_rule, username, subject, visible) => {
    const ability = defineAbilityFor(actorOf(username), FACTS, NOW);
    const permitted = permittedFieldsOf(ability, 'read', subject, { fieldsFrom: (r) => r.fields ?? allFieldsOf('Child') });
    expect([...permitted].sort()).toEqual([...visible].sort());
  });

  it('a family finder with no allocations reads no child', () => {
    const ability = defineAbilityFor(actorOf('finder.1'), NO_FACTS, NOW);
    expect(ability.can('read', child('KENT', ALLOCATED))).toBe(false);
  });
});
