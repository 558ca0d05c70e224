import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { Authority } from '../authz/vocabulary';
import { AuthorityEnum } from '../access/enums';
import { HouseholdStageEnum } from './enums';
import { NOTE_LENGTH, OptionalText, RequiredText } from '../graphql/input-fields';
import { DateScalar } from '../graphql/scalars';
import type { HouseholdStage } from './household-stage';

@InputType({ description: 'One applicant to adopt.' })
export class ApplicantInput {
  @RequiredText(100, 'The applicant’s first name.')
  firstName!: string;

  @RequiredText(100, 'The applicant’s surname.')
  lastName!: string;

  @Field(() => DateScalar, { description: 'The applicant’s date of birth.' })
  dateOfBirth!: string;
}

@InputType({ description: 'An adopter household as it enquires.' })
export class CreateHouseholdInput {
  @Field(() => [ApplicantInput], { description: 'One or two applicants.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @ValidateNested()
  applicants!: ApplicantInput[];

  @Field(() => DateScalar, { description: 'The day of the first enquiry.' })
  enquiryOn!: string;

  @Field(() => AuthorityEnum, { nullable: true, description: 'The authority they live in, if a partner authority.' })
  @IsOptional()
  homeAuthority?: Authority | null;

  @OptionalText(500, 'Identifying: their address.')
  address?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Previous adopters or foster carers start at Stage 2.' })
  @IsOptional()
  fastTrack?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Seeking dual approval as adopters and foster carers.' })
  @IsOptional()
  earlyPermanence?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'The youngest child, in years, they would adopt.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(17)
  minChildAge?: number | null;

  @Field(() => Int, { nullable: true, description: 'The oldest child, in years, they would adopt.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(17)
  maxChildAge?: number | null;

  @Field(() => Int, { nullable: true, description: 'The largest sibling group they could take.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(6)
  maxSiblings?: number | null;

  @Field(() => [String], { nullable: true, description: 'The needs of a child they could meet.' })
  @IsOptional()
  @ArrayMaxSize(30)
  @MaxLength(200, { each: true })
  needsTheyCanMeet?: string[] | null;

  @OptionalText(100, 'Special category: their ethnicity.')
  ethnicity?: string | null;

  @OptionalText(100, 'Special category: their religion.')
  religion?: string | null;

  @OptionalText(NOTE_LENGTH, 'Special category: the applicants’ health.')
  healthNotes?: string | null;

  @OptionalText(NOTE_LENGTH, 'Criminal-offence data: what the DBS checks found, once complete.')
  dbsOutcome?: string | null;
}

/** A change to an existing household (fields inherited by each input). */
@InputType()
export class HouseholdChangeInput {
  @Field(() => ID, { description: 'The household.' })
  householdId!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'The version you last read; a stale one is a CONFLICT (STALE_VERSION). None: the change applies to the record as it stands.',
  })
  @IsOptional()
  version?: number | null;
}

@InputType({ description: 'A household moved to its next recruitment stage, up to panel.' })
export class AdvanceHouseholdStageInput extends HouseholdChangeInput {
  @Field(() => HouseholdStageEnum, { description: 'The next recruitment stage, up to PANEL.' })
  stage!: HouseholdStage;

  @Field(() => DateScalar, { description: 'The day it entered the stage: not in the future, not before its current stage.' })
  enteredOn!: string;
}

@InputType({ description: 'A household’s withdrawal, by its own choice.' })
export class WithdrawHouseholdInput extends HouseholdChangeInput {
  @Field(() => DateScalar, { description: 'The day it withdrew.' })
  withdrawnOn!: string;

  @RequiredText(NOTE_LENGTH, 'Why it withdrew.')
  reason!: string;
}
