import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { Action, SubjectType } from '../authz/vocabulary';
import { HouseholdRecord } from '../households/household.entity';
import { ChildRecord } from '../journey/child.entity';
import { MatchRecord, OPEN_MATCH_STATUSES } from '../journey/match.entity';
import { AgendaItemRecord } from '../panels/agenda-item.entity';

export const WORK_KINDS = [
  'MATCH_DECISION_DUE',
  'APPROVAL_DECISION_DUE',
  'AUTHORITY_TO_PLACE_AWAITED',
  'FAMILY_FINDER_AWAITED',
  'PANEL_DATE_AWAITED',
  'RECOMMENDATION_AWAITED',
  'MATCH_PROPOSAL_AWAITED',
] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/**
 * One kind of work: the records of one subject that await a step of the caller's. A record is the caller's work
 * when the policy lets them read it and take `action` on it (both as the policy's SQL, so no rule is restated
 * here); `awaiting` is the journey's state that makes the step due, `since` the day it became due (SQL on
 * `alias`, `:today` the request's day).
 */
export type WorkKindQuery = {
  kind: WorkKind;
  subjectType: SubjectType;
  entity: EntityTarget<ObjectLiteral>;
  alias: string;
  action: Action;
  awaiting: string;
  since: string;
  /** Who sees the kind at all, when not whoever may take `action` on the subject. */
  gate?: [Action, SubjectType];
};

/** The stages at which a child's journey has ended or turned away from adoption: no step awaits them. */
const JOURNEY_OVER = `('ADOPTED', 'PLAN_CHANGED')`;

export const WORK_KIND_QUERIES: readonly WorkKindQuery[] = [
  {
    // The ADM of the child's authority: the panel has recommended on the match, the ADM has not decided.
    kind: 'MATCH_DECISION_DUE',
    subjectType: 'Match',
    entity: MatchRecord,
    alias: 'due_match',
    action: 'decide',
    awaiting: `due_match.status IN ('PROPOSED', 'RECOMMENDED') AND EXISTS (SELECT 1 FROM agenda_items i
      WHERE i.match_id = due_match.id AND i.kind = 'MATCH' AND i.recommendation IN ('POSITIVE', 'NEGATIVE'))`,
    since: `(SELECT max(i.meeting_on) FROM agenda_items i
      WHERE i.match_id = due_match.id AND i.kind = 'MATCH' AND i.recommendation IN ('POSITIVE', 'NEGATIVE'))`,
  },
  {
    // The partnership ADM: the panel has recommended on a household at panel, and no decision rests on it yet.
    kind: 'APPROVAL_DECISION_DUE',
    subjectType: 'Household',
    entity: HouseholdRecord,
    alias: 'due_household',
    action: 'approve',
    awaiting: `due_household.stage = 'PANEL' AND EXISTS (SELECT 1 FROM agenda_items i WHERE i.household_id = due_household.id
      AND i.kind IN ('ADOPTER_APPROVAL', 'EARLY_PERMANENCE_DUAL_APPROVAL') AND i.recommendation IN ('POSITIVE', 'NEGATIVE')
      AND i.meeting_on >= due_household.stage_entered_on
      AND NOT EXISTS (SELECT 1 FROM household_decisions d WHERE d.household_id = i.household_id AND d.decided_on >= i.meeting_on))`,
    since: `(SELECT max(i.meeting_on) FROM agenda_items i WHERE i.household_id = due_household.id
      AND i.kind IN ('ADOPTER_APPROVAL', 'EARLY_PERMANENCE_DUAL_APPROVAL') AND i.recommendation IN ('POSITIVE', 'NEGATIVE'))`,
  },
  {
    // The PPM lead: adoption is the plan, and no placement order (or consent) gives authority to place yet.
    kind: 'AUTHORITY_TO_PLACE_AWAITED',
    subjectType: 'Child',
    entity: ChildRecord,
    alias: 'unordered',
    action: 'record',
    awaiting: `unordered.adoption_plan_decided_on IS NOT NULL AND unordered.stage NOT IN ${JOURNEY_OVER}
      AND NOT EXISTS (SELECT 1 FROM placement_orders o WHERE o.child_id = unordered.id)`,
    since: 'unordered.adoption_plan_decided_on',
  },
  {
    // The PPM lead: a child waiting (authority to place, not placed for adoption) with no family finder.
    kind: 'FAMILY_FINDER_AWAITED',
    subjectType: 'Child',
    entity: ChildRecord,
    alias: 'unallocated',
    action: 'record',
    awaiting: `unallocated.placed_on IS NULL AND unallocated.stage NOT IN ${JOURNEY_OVER}
      AND EXISTS (SELECT 1 FROM placement_orders o WHERE o.child_id = unallocated.id)
      AND NOT EXISTS (SELECT 1 FROM family_finder_allocations a WHERE a.child_id = unallocated.id AND a.ended_on IS NULL)`,
    since: '(SELECT o.granted_on FROM placement_orders o WHERE o.child_id = unallocated.id)',
  },
  {
    // The panel adviser: a proposed match on no agenda, or only deferred by one.
    kind: 'PANEL_DATE_AWAITED',
    subjectType: 'Match',
    entity: MatchRecord,
    alias: 'unscheduled',
    action: 'read',
    awaiting: `unscheduled.status = 'PROPOSED' AND NOT EXISTS (SELECT 1 FROM agenda_items i
      WHERE i.match_id = unscheduled.id AND i.recommendation IS DISTINCT FROM 'DEFERRED')`,
    since: 'unscheduled.proposed_on',
    gate: ['create', 'AgendaItem'],
  },
  {
    // The panel's chair or vice chair: the meeting has sat and its recommendation is not recorded.
    kind: 'RECOMMENDATION_AWAITED',
    subjectType: 'AgendaItem',
    entity: AgendaItemRecord,
    alias: 'unrecommended',
    action: 'recommend',
    awaiting: 'unrecommended.recommendation IS NULL AND unrecommended.meeting_on <= :today',
    since: 'unrecommended.meeting_on',
  },
  {
    // The family finder: a child allocated to them with no open match.
    kind: 'MATCH_PROPOSAL_AWAITED',
    subjectType: 'Child',
    entity: ChildRecord,
    alias: 'unmatched',
    action: 'propose',
    awaiting: `unmatched.stage NOT IN ${JOURNEY_OVER} AND NOT EXISTS (SELECT 1 FROM matches m
      WHERE m.child_id = unmatched.id AND m.status IN (${OPEN_MATCH_STATUSES.map((s) => `'${s}'`).join(', ')}))`,
    since: '(SELECT a.allocated_on FROM family_finder_allocations a WHERE a.child_id = unmatched.id AND a.ended_on IS NULL)',
  },
];
