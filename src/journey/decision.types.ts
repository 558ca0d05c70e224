import { AuthorityEnum } from '../access/enums';
import type { Authority } from '../authz/vocabulary';
import { Field, ID, ObjectType } from 'type-graphql';
import { HouseholdDecisionOutcomeEnum } from '../households/enums';
import { ChildDecisionKindEnum, DecisionOutcomeEnum } from './enums';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';
import type { ChildDecisionKind, DecisionOutcome } from './child-decision.entity';
import type { HouseholdDecisionOutcome } from '../households/household-decision.entity';

@ObjectType('ChildDecision', { description: "An Agency Decision Maker's decision: adoption is the plan, or a match." })
export class ChildDecision {
  @Field(() => ID, { description: 'The decision’s id.' })
  id!: string;

  @Field(() => AuthorityEnum, { description: "The child's authority." })
  authority!: Authority;

  @Field(() => ID, { description: 'The child the record belongs to.' })
  childId!: string;

  @Field(() => ChildDecisionKindEnum, { description: 'What was decided: the adoption plan, or a match.' })
  kind!: ChildDecisionKind;

  @Field(() => DecisionOutcomeEnum, { description: 'Agreed or not.' })
  outcome!: DecisionOutcome;

  @Field(() => ID, { nullable: true, description: 'The match decided, for a MATCH decision; null for the adoption plan.' })
  matchId!: string | null;

  @Field(() => DateScalar, { description: 'The day of the decision.' })
  decidedOn!: string;

  @Field({ description: 'The ADM’s reasons.' })
  rationale!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Set when the plan changed after this decision.' })
  rescindedOn!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the decision was recorded.' })
  createdAt!: Date;
}

@ObjectType('HouseholdDecision', { description: "The partnership ADM's decision on an adopter household." })
export class HouseholdDecision {
  @Field(() => ID, { description: 'The decision’s id.' })
  id!: string;

  @Field(() => ID, { description: 'The household decided on.' })
  householdId!: string;

  @Field(() => HouseholdDecisionOutcomeEnum, { description: 'Approved, not approved, or an approval terminated.' })
  outcome!: HouseholdDecisionOutcome;

  @Field(() => DateScalar, { description: 'The day of the decision.' })
  decidedOn!: string;

  @Field({ description: 'The ADM’s reasons.' })
  rationale!: string;
}
