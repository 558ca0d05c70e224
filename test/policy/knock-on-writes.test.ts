import { subject } from '@casl/ability';
import { refusalReason } from '../../src/access/refusals';
import { defineAbilityFor } from '../../src/authz/define-ability';
import { scopeFacts } from '../../src/authz/facts';
import type { Action, SubjectType } from '../../src/authz/vocabulary';
import { actorOf } from '../helpers/actors';

/**
 * What a step changes besides its own record is stated in the policy, never done behind it: a chair's positive
 * recommendation moves the match and its child on; a PPM lead's placement, disruption, adoption order and plan
 * change move the match and the household; an ADM's approving match decision moves the household. Each row: who,
 * on what record, the action, and whether the policy allows it (or the reason it refuses).
 */
const TODAY = '2026-11-20';
const MATCH_ON_AGENDA = 'match-on-agenda';
const CHILD_ON_AGENDA = 'child-on-agenda';
const FACTS = scopeFacts([], [{ id: 'item', kind: 'MATCH', childId: CHILD_ON_AGENDA, householdId: 'household', matchId: MATCH_ON_AGENDA }]);

/** Allowed (true), or refused with the reason the refusal names. */
type Expected = true | { refused: string };
type Row = [rule: string, actor: string, action: Action, subjectType: SubjectType, record: Record<string, unknown>, expected: Expected];
const ROWS: Row[] = [
  [
    'a chair moves a match on their panel’s open agenda to recommended',
    'panel.1',
    'recommend',
    'Match',
    { id: MATCH_ON_AGENDA, authority: 'KENT' },
    true,
  ],
  [
    'a chair cannot move a match on no agenda of theirs',
    'panel.1',
    'recommend',
    'Match',
    { id: 'elsewhere', authority: 'KENT' },
    { refused: 'NOT_ON_AGENDA' },
  ],
  [
    'a chair moves the child of that match to match recommended',
    'panel.1',
    'recommend',
    'Child',
    { id: CHILD_ON_AGENDA, authority: 'KENT' },
    true,
  ],
  [
    'a chair cannot move a child on no agenda of theirs',
    'panel.1',
    'recommend',
    'Child',
    { id: 'elsewhere', authority: 'KENT' },
    { refused: 'NOT_ON_AGENDA' },
  ],
  [
    'a panel member cannot move a match, on the agenda or not',
    'panel.2',
    'recommend',
    'Match',
    { id: MATCH_ON_AGENDA, authority: 'KENT' },
    { refused: 'ROLE_MAY_NOT_RECOMMEND' },
  ],
  ['a Kent PPM lead records the status of a Kent child’s match', 'ppm.kent', 'record', 'Match', { id: 'm', authority: 'KENT' }, true],
  [
    'a Kent PPM lead cannot record the status of a Medway child’s match',
    'ppm.kent',
    'record',
    'Match',
    { id: 'm', authority: 'MEDWAY' },
    { refused: 'OTHER_AUTHORITY' },
  ],
  [
    'a Kent PPM lead moves a household linked with a Kent child',
    'ppm.kent',
    'record',
    'Household',
    { id: 'h', proposedFor: ['KENT'] },
    true,
  ],
  [
    'a Kent PPM lead cannot move a household linked only with a Medway child',
    'ppm.kent',
    'record',
    'Household',
    { id: 'h', proposedFor: ['MEDWAY'] },
    { refused: 'NOT_PROPOSED_FOR_YOUR_CHILDREN' },
  ],
  [
    'a Kent ADM’s match decision moves a household linked with a Kent child',
    'adm.kent',
    'decide',
    'Household',
    { id: 'h', proposedFor: ['KENT'] },
    true,
  ],
  [
    'a Kent ADM cannot move a household linked only with a Medway child',
    'adm.kent',
    'decide',
    'Household',
    { id: 'h', proposedFor: ['MEDWAY'] },
    { refused: 'NOT_PROPOSED_FOR_YOUR_CHILDREN' },
  ],
  [
    'a family finder cannot record a match’s status',
    'finder.1',
    'record',
    'Match',
    { id: 'm', authority: 'KENT' },
    { refused: 'ROLE_MAY_NOT_RECORD' },
  ],
  [
    'a family finder cannot make a PPM lead’s move of a household',
    'finder.1',
    'record',
    'Household',
    { id: 'h', proposedFor: ['KENT'] },
    { refused: 'ROLE_MAY_NOT_RECORD' },
  ],
];

it.each(ROWS)('%s', (_rule, actor, action, subjectType, record, expected) => {
  const ability = defineAbilityFor(actorOf(actor), FACTS, TODAY);
  expect(ability.can(action, subject(subjectType, record))).toBe(expected === true);
  if (expected !== true) expect(refusalReason(ability, action, subject(subjectType, record))).toBe(expected.refused);
});
