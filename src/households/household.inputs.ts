import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { Authority } from '../authz/vocabulary';
import { AuthorityEnum, HouseholdStageEnum } from '../graphql/enums';
import { DateScalar } from '../graphql/scalars';
import type { HouseholdStage } from './household-stage';

const NOTE = 2000;

@InputType()
export class ApplicantInput {
  @Field()
  @Length(1, 100)
  firstName!: string;

  @Field()
  @Length(1, 100)
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

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
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
  healthNotes?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(NOTE)
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

  @Field()
  @Length(1, NOTE)
  reason!: string;
}
