import { IsOptional } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ChildChangeInput } from './child.inputs';
import { HouseholdDecisionOutcomeEnum } from '../households/enums';
import { DecisionOutcomeEnum } from './enums';
import { NOTE_LENGTH, RequiredText } from '../graphql/input-fields';
import { DateScalar } from '../graphql/scalars';
import { HouseholdChangeInput } from '../households/household.inputs';
import type { DecisionOutcome } from './child-decision.entity';
import type { HouseholdDecisionOutcome } from '../households/household-decision.entity';

@InputType()
export class RecordAdoptionPlanDecisionInput extends ChildChangeInput {
  @Field(() => DateScalar)
  decidedOn!: string;

  @RequiredText(NOTE_LENGTH)
  rationale!: string;
}

@InputType()
export class RecordMatchDecisionInput {
  @Field(() => ID)
  matchId!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  version?: number | null;

  @Field(() => DecisionOutcomeEnum)
  outcome!: DecisionOutcome;

  @Field(() => DateScalar)
  decidedOn!: string;

  @RequiredText(NOTE_LENGTH)
  rationale!: string;
}

@InputType()
export class DecideHouseholdApprovalInput extends HouseholdChangeInput {
  @Field(() => HouseholdDecisionOutcomeEnum)
  outcome!: HouseholdDecisionOutcome;

  @Field(() => DateScalar)
  decidedOn!: string;

  @RequiredText(NOTE_LENGTH)
  rationale!: string;
}
