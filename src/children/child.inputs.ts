import { IsOptional, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { Authority } from '../authz/vocabulary';
import type { AuthorityToPlace } from './placement-order.entity';
import { AuthorityEnum, AuthorityToPlaceEnum } from '../graphql/enums';
import { DateScalar } from '../graphql/scalars';

const NOTE = 2000;

@InputType()
export class CreateChildInput {
  @Field(() => AuthorityEnum, { description: "The child's responsible authority; a PPM lead records for their own." })
  authority!: Authority;

  @Field()
  @Length(1, 100)
  firstName!: string;

  @Field()
  @Length(1, 100)
  lastName!: string;

  @Field(() => DateScalar)
  dateOfBirth!: string;

  @Field(() => DateScalar)
  enteredCareOn!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(12)
  nhsNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  sex?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  ethnicity?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  religion?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(NOTE)
  disability?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(NOTE)
  healthNeeds?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(NOTE)
  birthFamilyBackground?: string | null;
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

@InputType()
export class UpdateChildInput extends ChildChangeInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  lastName?: string | null;

  @Field(() => DateScalar, { nullable: true })
  @IsOptional()
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(12)
  nhsNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  sex?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  ethnicity?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  religion?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(NOTE)
  disability?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(NOTE)
  healthNeeds?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(NOTE)
  birthFamilyBackground?: string | null;
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
  @Field(() => ID, { description: 'A dually approved household already linked with the child (proposeMatch).' })
  householdId!: string;

  @Field(() => DateScalar)
  placedOn!: string;
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

  @Field()
  @Length(1, NOTE)
  reason!: string;
}

@InputType()
export class RecordDisruptionInput extends ChildChangeInput {
  @Field(() => DateScalar)
  disruptedOn!: string;

  @Field(() => DateScalar, { description: 'The disruption meeting held for it.' })
  meetingOn!: string;

  @Field()
  @Length(1, NOTE)
  reason!: string;
}
