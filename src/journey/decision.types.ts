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
  @Field(() => ID)
  id!: string;

  @Field(() => AuthorityEnum, { description: "The child's authority." })
  authority!: Authority;

  @Field(() => ID)
  childId!: string;

  @Field(() => ChildDecisionKindEnum)
  kind!: ChildDecisionKind;

  @Field(() => DecisionOutcomeEnum)
  outcome!: DecisionOutcome;

  @Field(() => ID, { nullable: true })
  matchId!: string | null;

  @Field(() => DateScalar)
  decidedOn!: string;

  @Field()
  rationale!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Set when the plan changed after this decision.' })
  rescindedOn!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType('HouseholdDecision', { description: "The partnership ADM's decision on an adopter household." })
export class HouseholdDecision {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  householdId!: string;

  @Field(() => HouseholdDecisionOutcomeEnum)
  outcome!: HouseholdDecisionOutcome;

  @Field(() => DateScalar)
  decidedOn!: string;

  @Field()
  rationale!: string;
}
