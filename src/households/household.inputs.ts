import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { Authority } from '../authz/vocabulary';
import { AuthorityEnum } from '../access/enums';
import { HouseholdStageEnum } from './enums';
import { NOTE_LENGTH, OptionalText, RequiredText } from '../graphql/input-fields';
import { DateScalar } from '../graphql/scalars';
import type { HouseholdStage } from './household-stage';

@InputType()
export class ApplicantInput {
  @RequiredText(100)
  firstName!: string;

  @RequiredText(100)
  lastName!: string;

  @Field(() => DateScalar)
  dateOfBirth!: string;
}

@InputType()
export class CreateHouseholdInput {
  @Field(() => [ApplicantInput], { description: 'One or two applicants.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @ValidateNested()
  applicants!: ApplicantInput[];

  @Field(() => DateScalar)
  enquiryOn!: string;

  @Field(() => AuthorityEnum, { nullable: true })
  @IsOptional()
  homeAuthority?: Authority | null;

  @OptionalText(500)
  address?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Previous adopters or foster carers start at Stage 2.' })
  @IsOptional()
  fastTrack?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Seeking dual approval as adopters and foster carers.' })
  @IsOptional()
  earlyPermanence?: boolean | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(17)
  minChildAge?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(17)
  maxChildAge?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(6)
  maxSiblings?: number | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @MaxLength(200, { each: true })
  needsTheyCanMeet?: string[] | null;

  @OptionalText(100)
  ethnicity?: string | null;

  @OptionalText(100)
  religion?: string | null;

  @OptionalText(NOTE_LENGTH)
  healthNotes?: string | null;

  @OptionalText(NOTE_LENGTH)
  dbsOutcome?: string | null;
}

/** A change to an existing household (fields inherited by each input). */
@InputType()
export class HouseholdChangeInput {
  @Field(() => ID)
  householdId!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  version?: number | null;
}

@InputType()
export class AdvanceHouseholdStageInput extends HouseholdChangeInput {
  @Field(() => HouseholdStageEnum, { description: 'The next recruitment stage, up to PANEL.' })
  stage!: HouseholdStage;

  @Field(() => DateScalar)
  enteredOn!: string;
}

@InputType()
export class WithdrawHouseholdInput extends HouseholdChangeInput {
  @Field(() => DateScalar)
  withdrawnOn!: string;

  @RequiredText(NOTE_LENGTH)
  reason!: string;
}
