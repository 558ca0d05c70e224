import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node';
import type { Authority } from '../authz/vocabulary';
import { ConnectionArgs, ConnectionType } from '../graphql/connection';
import { AuthorityEnum } from '../access/enums';
import { HouseholdStageEnum } from './enums';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';
import type { HouseholdStage } from './household-stage';

@ObjectType('Applicant')
export class Applicant {
  @Field()
  firstName!: string;

  @Field()
  lastName!: string;

  @Field(() => DateScalar)
  dateOfBirth!: string;
}

@ObjectType('HouseholdStageEvent')
export class HouseholdStageEvent {
  @Field(() => HouseholdStageEnum)
  stage!: HouseholdStage;

  @Field(() => DateScalar)
  enteredOn!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}

/**
 * The reviewed GraphQL shape of an adopter household. Every field but `redactedFields` has a field
 * class (src/authz/field-classes.ts); fields the caller may not read are null and listed in `redactedFields`.
 */
@ObjectType('Household', { implements: Node, description: 'Prospective or approved adopters, recruited by the partnership.' })
export class Household {
  @Field(() => ID)
  id!: string;

  @Field()
  reference!: string;

  @Field(() => HouseholdStageEnum)
  stage!: HouseholdStage;

  @Field(() => DateScalar, { nullable: true })
  stageEnteredOn!: string | null;

  @Field(() => AuthorityEnum, { nullable: true, description: 'Where the household lives (information, not a tenant).' })
  homeAuthority!: Authority | null;

  @Field(() => [Applicant], { nullable: true })
  applicants!: Applicant[] | null;

  @Field(() => [String], { nullable: true })
  applicantFirstNames!: string[] | null;

  @Field(() => [Int], { nullable: true, description: 'Ages in whole years today.' })
  applicantAges!: number[] | null;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => String, { nullable: true })
  ethnicity!: string | null;

  @Field(() => String, { nullable: true })
  religion!: string | null;

  @Field(() => String, { nullable: true })
  healthNotes!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'What the DBS checks found (criminal-offence data): for those who decide or recommend approval only.',
  })
  dbsOutcome!: string | null;

  @Field(() => Boolean, { description: 'Whether the DBS checks are complete (an outcome is recorded), not what they found.' })
  dbsChecksComplete!: boolean;

  @Field(() => Int, { nullable: true })
  minChildAge!: number | null;

  @Field(() => Int, { nullable: true })
  maxChildAge!: number | null;

  @Field(() => Int, { nullable: true, description: 'The largest sibling group they could take.' })
  maxSiblings!: number | null;

  @Field(() => [String], { nullable: true })
  needsTheyCanMeet!: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Seeking or holding dual approval (early permanence).' })
  earlyPermanence!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  fastTrack!: boolean | null;

  @Field(() => DateScalar, { nullable: true })
  enquiryOn!: string | null;

  @Field(() => DateScalar, { nullable: true })
  approvedOn!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The adoption agency that approved the household when not the partnership (adopters from outside it); null: the partnership.',
  })
  approvingAgency!: string | null;

  @Field(() => Int)
  version!: number;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  @Field(() => [String], { description: 'Fields hidden from the caller by the access policy (their values are null).' })
  redactedFields!: string[];
}

export const HouseholdConnection = ConnectionType(Household, 'Household');

@InputType()
export class HouseholdFilter {
  @Field(() => HouseholdStageEnum, { nullable: true })
  stage?: HouseholdStage;

  @Field(() => [HouseholdStageEnum], { nullable: true, description: 'Households at any of these stages.' })
  stages?: HouseholdStage[];

  @Field(() => Boolean, { nullable: true, description: 'Holding approval today (APPROVED, MATCHED or PLACED), or not.' })
  approved?: boolean;

  @Field(() => Boolean, { nullable: true })
  earlyPermanence?: boolean;

  @Field(() => Boolean, { nullable: true })
  fastTrack?: boolean;

  @Field(() => AuthorityEnum, { nullable: true })
  homeAuthority?: Authority;

  @Field(() => Int, { nullable: true, description: 'Could take a child of this age, in whole years.' })
  childAge?: number;

  @Field(() => Int, { nullable: true, description: 'Could take a sibling group of this size.' })
  siblingGroupOf?: number;
}

@ArgsType()
export class HouseholdsArgs extends ConnectionArgs {
  @Field(() => HouseholdFilter, { nullable: true })
  filter?: HouseholdFilter;
}
