import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../graphql/connection';
import { graphqlEnum } from '../graphql/enums';
import { DateScalar } from '../graphql/scalars';
import { WORK_KINDS, type WorkKind } from './work-kinds';

export const WorkKindEnum = graphqlEnum(
  WORK_KINDS,
  'WorkKind',
  'What a record awaits of you: MATCH_DECISION_DUE and APPROVAL_DECISION_DUE (an ADM: the panel has recommended), ' +
    'AUTHORITY_TO_PLACE_AWAITED and FAMILY_FINDER_AWAITED (a PPM lead), PANEL_DATE_AWAITED (a panel adviser: a proposed ' +
    'match on no agenda), RECOMMENDATION_AWAITED (a panel chair: the meeting has sat), MATCH_PROPOSAL_AWAITED (a family ' +
    'finder: an allocated child with no open match).',
);

@ObjectType('WorkItem', { description: 'A record that awaits a step of yours; exactly one of child, household, match, agendaItem is set.' })
export class WorkItem {
  @Field(() => WorkKindEnum)
  kind!: WorkKind;

  @Field({ description: "The record's type: Child, Household, Match or AgendaItem." })
  recordType!: string;

  @Field(() => ID)
  recordId!: string;

  @Field(() => DateScalar, { description: 'The day the step became due.' })
  waitingSince!: string;

  @Field(() => Int, { description: 'Working days since then (England: no weekends, no bank holidays).' })
  workingDaysWaiting!: number;
}

@ObjectType('WorkKindCount')
export class WorkKindCount {
  @Field(() => WorkKindEnum)
  kind!: WorkKind;

  @Field(() => Int)
  count!: number;
}

export const WorkItemConnection = ConnectionType(WorkItem, 'WorkItem');
