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

@InputType({ description: 'The ADM’s decision that the child should be placed for adoption.' })
export class RecordAdoptionPlanDecisionInput extends ChildChangeInput {
  @Field(() => DateScalar, { description: 'The day of the decision: on or after the child entered care.' })
  decidedOn!: string;

  @RequiredText(NOTE_LENGTH, 'The ADM’s reasons.')
  rationale!: string;
}

@InputType({ description: 'The child’s ADM’s decision on a match, after a positive panel recommendation.' })
export class RecordMatchDecisionInput {
  @Field(() => ID, { description: 'The match.' })
  matchId!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'The version you last read; a stale one is a CONFLICT (STALE_VERSION). None: the change applies to the record as it stands.',
  })
  @IsOptional()
  version?: number | null;

  @Field(() => DecisionOutcomeEnum, { description: 'Approved or not.' })
  outcome!: DecisionOutcome;

  @Field(() => DateScalar, {
    description: 'The day of the decision: on or after the panel’s meeting; after the placement order unless early permanence.',
  })
  decidedOn!: string;

  @RequiredText(NOTE_LENGTH, 'The ADM’s reasons.')
  rationale!: string;
}

@InputType({ description: 'The partnership ADM’s decision on a household after the panel’s recommendation.' })
export class DecideHouseholdApprovalInput extends HouseholdChangeInput {
  @Field(() => HouseholdDecisionOutcomeEnum, { description: 'Approved, not approved, or an approval terminated.' })
  outcome!: HouseholdDecisionOutcome;

  @Field(() => DateScalar, { description: 'The day of the decision: on or after the panel’s meeting, not in the future.' })
  decidedOn!: string;

  @RequiredText(NOTE_LENGTH, 'The ADM’s reasons.')
  rationale!: string;
}
