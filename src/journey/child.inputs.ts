import { IsOptional } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { Authority } from '../authz/vocabulary';
import type { AuthorityToPlace } from './placement-order.entity';
import { AuthorityEnum } from '../access/enums';
import { AuthorityToPlaceEnum } from './enums';
import { NAME_LENGTH, NOTE_LENGTH, OptionalText, RequiredText } from '../graphql/input-fields';
import { DateScalar } from '../graphql/scalars';

/** The details of a child that may be given at creation and corrected later (all optional). */
@InputType()
export class ChildDetailsInput {
  @OptionalText(12)
  nhsNumber?: string | null;

  @OptionalText(50)
  sex?: string | null;

  @OptionalText(NAME_LENGTH)
  ethnicity?: string | null;

  @OptionalText(NAME_LENGTH)
  religion?: string | null;

  @OptionalText()
  disability?: string | null;

  @OptionalText()
  healthNeeds?: string | null;

  @OptionalText()
  birthFamilyBackground?: string | null;
}

@InputType()
export class CreateChildInput extends ChildDetailsInput {
  @Field(() => AuthorityEnum, { description: "The child's responsible authority; a PPM lead records for their own." })
  authority!: Authority;

  @RequiredText()
  firstName!: string;

  @RequiredText()
  lastName!: string;

  @Field(() => DateScalar)
  dateOfBirth!: string;

  @Field(() => DateScalar)
  enteredCareOn!: string;
}

/** A change to an existing child (fields inherited by each input): `version` is the one the caller last read (stale = CONFLICT). */
@InputType()
export class ChildChangeInput {
  @Field(() => ID)
  childId!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  version?: number | null;
}

/** Corrections to a child's details: only the fields given change. */
@InputType()
export class UpdateChildInput extends ChildDetailsInput {
  @Field(() => ID)
  childId!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  version?: number | null;

  @OptionalText(NAME_LENGTH)
  firstName?: string | null;

  @OptionalText(NAME_LENGTH)
  lastName?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  dateOfBirth?: string | null;
}

@InputType()
export class AllocateFamilyFinderInput extends ChildChangeInput {
  @Field(() => ID)
  familyFinderId!: string;

  @Field(() => DateScalar)
  allocatedOn!: string;
}

@InputType()
export class RecordPlacementOrderInput extends ChildChangeInput {
  @Field(() => DateScalar)
  grantedOn!: string;

  @Field(() => AuthorityToPlaceEnum, { nullable: true, description: 'Default PLACEMENT_ORDER.' })
  @IsOptional()
  basis?: AuthorityToPlace | null;
}

@InputType()
export class RecordEarlyPermanencePlacementInput extends ChildChangeInput {
  @Field(() => ID, {
    description:
      'Dually approved carers: named directly while adoption is being considered; once the plan is decided, the household linked with the child (proposeMatch).',
  })
  householdId!: string;

  @Field(() => DateScalar)
  placedOn!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day the carers were temporarily approved as this child’s foster carers: required before the plan decision.',
  })
  @IsOptional()
  temporaryFosterCarerApprovalOn?: string | null;
}

@InputType()
export class RecordPlacementInput extends ChildChangeInput {
  @Field(() => DateScalar)
  placedOn!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When the adopters are the child’s own foster carers: the day the child moved in with them.',
  })
  @IsOptional()
  movedInOn?: string | null;
}

@InputType()
export class RecordAdoptionOrderInput extends ChildChangeInput {
  @Field(() => DateScalar)
  grantedOn!: string;
}

@InputType()
export class RecordPlanChangeInput extends ChildChangeInput {
  @Field(() => DateScalar)
  changedOn!: string;

  @RequiredText(NOTE_LENGTH)
  reason!: string;
}

@InputType()
export class RecordDisruptionInput extends ChildChangeInput {
  @Field(() => DateScalar)
  disruptedOn!: string;

  @Field(() => DateScalar, { description: 'The disruption meeting held for it.' })
  meetingOn!: string;

  @RequiredText(NOTE_LENGTH)
  reason!: string;
}
