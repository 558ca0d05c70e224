import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../graphql/connection';
import { graphqlEnum } from '../graphql/enums';
import { DateScalar } from '../graphql/scalars';
import { WORK_KINDS, type WorkKind } from './work-kinds';

export const WorkKindEnum = graphqlEnum(WORK_KINDS, 'WorkKind', 'What a record awaits of you, and so who sees it as work.', {
  MATCH_DECISION_DUE: "An ADM's: the panel has recommended on a match of a child of their authority; the decision is due.",
  APPROVAL_DECISION_DUE: "The partnership's ADM's: the panel has recommended on a household's approval; the decision is due.",
  AUTHORITY_TO_PLACE_AWAITED: "A PPM lead's: a child has an adoption plan and no authority to place (no placement order or consent).",
  FAMILY_FINDER_AWAITED: "A PPM lead's: a child has authority to place and no family finder allocated.",
  PANEL_DATE_AWAITED: "A panel adviser's: a proposed match is on no panel's agenda yet.",
  RECOMMENDATION_AWAITED: "A panel chair's: the meeting has sat and the item has no recommendation recorded.",
  MATCH_PROPOSAL_AWAITED: "A family finder's: an allocated child has no open match.",
});

@ObjectType('WorkItem', { description: 'A record that awaits a step of yours; exactly one of child, household, match, agendaItem is set.' })
export class WorkItem {
  @Field(() => WorkKindEnum, { description: 'What the record awaits of you.' })
  kind!: WorkKind;

  @Field({ description: "The record's type: Child, Household, Match or AgendaItem." })
  recordType!: string;

  @Field(() => ID, { description: "The record's id." })
  recordId!: string;

  @Field(() => DateScalar, { description: 'The day the step became due.' })
  waitingSince!: string;

  @Field(() => Int, { description: 'Working days since then (England: no weekends, no bank holidays).' })
  workingDaysWaiting!: number;
}

@ObjectType('WorkKindCount', { description: 'How many records await one kind of step of yours.' })
export class WorkKindCount {
  @Field(() => WorkKindEnum, { description: 'The kind of work.' })
  kind!: WorkKind;

  @Field(() => Int, { description: 'How many records await it, across every page.' })
  count!: number;
}

export const WorkItemConnection = ConnectionType(WorkItem, 'WorkItem');
