import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node';
import type { Authority } from '../authz/vocabulary';
import { ConnectionArgs, ConnectionType } from '../graphql/connection';
import { OrderByField, type OrderBy } from '../graphql/list-order';
import { HouseholdOrder, type HouseholdOrderField } from './household-list';
import { AuthorityEnum } from '../access/enums';
import { HouseholdStageEnum } from './enums';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';
import type { HouseholdStage } from './household-stage';

@ObjectType('Applicant', { description: 'One of a household’s applicants to adopt.' })
export class Applicant {
  @Field({ description: 'The applicant’s first name.' })
  firstName!: string;

  @Field({ description: 'The applicant’s surname.' })
  lastName!: string;

  @Field(() => DateScalar, { description: 'The applicant’s date of birth.' })
  dateOfBirth!: string;
}

@ObjectType('HouseholdStageEvent', { description: 'A stage a household entered, and when.' })
export class HouseholdStageEvent {
  @Field(() => HouseholdStageEnum, { description: 'The stage entered.' })
  stage!: HouseholdStage;

  @Field(() => DateScalar, { description: 'The day it was entered.' })
  enteredOn!: string;

  @Field(() => String, { nullable: true, description: 'Why, for an exit (a withdrawal, a refusal, a termination).' })
  reason!: string | null;
}

/**
 * The reviewed GraphQL shape of an adopter household. Every field but `redactedFields` has a field
 * class (src/authz/field-classes.ts); fields the caller may not read are null and listed in `redactedFields`.
 */
@ObjectType('Household', { implements: Node, description: 'Prospective or approved adopters, recruited by the partnership.' })
export class Household {
  @Field(() => ID, { description: 'The household’s id.' })
  id!: string;

  @Field({ description: 'The partnership’s reference for the household, safe to quote (no name).' })
  reference!: string;

  @Field(() => HouseholdStageEnum, { description: 'Where the household is on its journey.' })
  stage!: HouseholdStage;

  @Field(() => DateScalar, { nullable: true, description: 'The day the household entered its current stage.' })
  stageEnteredOn!: string | null;

  @Field(() => AuthorityEnum, { nullable: true, description: 'Where the household lives (information, not a tenant).' })
  homeAuthority!: Authority | null;

  @Field(() => [Applicant], { nullable: true, description: 'Identifying: the one or two applicants, with their names and dates of birth.' })
  applicants!: Applicant[] | null;

  @Field(() => [String], { nullable: true, description: 'Identifying: the applicants’ first names only.' })
  applicantFirstNames!: string[] | null;

  @Field(() => [Int], { nullable: true, description: 'Ages in whole years today.' })
  applicantAges!: number[] | null;

  @Field(() => String, { nullable: true, description: 'Identifying: the household’s address.' })
  address!: string | null;

  @Field(() => String, { nullable: true, description: 'Special category: the household’s ethnicity.' })
  ethnicity!: string | null;

  @Field(() => String, { nullable: true, description: 'Special category: the household’s religion.' })
  religion!: string | null;

  @Field(() => String, { nullable: true, description: 'Special category: the applicants’ health, from the medical.' })
  healthNotes!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'What the DBS checks found (criminal-offence data): for those who decide or recommend approval only.',
  })
  dbsOutcome!: string | null;

  @Field(() => Boolean, { description: 'Whether the DBS checks are complete (an outcome is recorded), not what they found.' })
  dbsChecksComplete!: boolean;

  @Field(() => Int, { nullable: true, description: 'The youngest child, in years, they would adopt.' })
  minChildAge!: number | null;

  @Field(() => Int, { nullable: true, description: 'The oldest child, in years, they would adopt.' })
  maxChildAge!: number | null;

  @Field(() => Int, { nullable: true, description: 'The largest sibling group they could take.' })
  maxSiblings!: number | null;

  @Field(() => [String], { nullable: true, description: 'The needs of a child the household could meet.' })
  needsTheyCanMeet!: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Seeking or holding dual approval (early permanence).' })
  earlyPermanence!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Previous adopters or foster carers: started at Stage 2.' })
  fastTrack!: boolean | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day of the first enquiry.' })
  enquiryOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day the partnership’s ADM approved the household.' })
  approvedOn!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The adoption agency that approved the household when not the partnership (adopters from outside it); null: the partnership.',
  })
  approvingAgency!: string | null;

  @Field(() => Int, { description: 'Pass back on changes; a stale version is a CONFLICT.' })
  version!: number;

  @Field(() => DateTimeScalar, { description: 'When the record was created.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the record last changed.' })
  updatedAt!: Date;

  @Field(() => [AuthorityEnum], {
    nullable: true,
    description: 'The authorities of the children the household is proposed for (what the access rules of `myAccessRules` test).',
  })
  proposedFor!: Authority[] | null;

  @Field(() => [String], { description: 'Fields hidden from the caller by the access policy (their values are null).' })
  redactedFields!: string[];
}

export const HouseholdConnection = ConnectionType(Household, 'Household');

@InputType({ description: 'Criteria on the households you may see; every one given must hold.' })
export class HouseholdFilter {
  @Field(() => HouseholdStageEnum, { nullable: true, description: 'Households at this stage.' })
  stage?: HouseholdStage;

  @Field(() => [HouseholdStageEnum], { nullable: true, description: 'Households at any of these stages.' })
  stages?: HouseholdStage[];

  @Field(() => Boolean, { nullable: true, description: 'Holding approval today (APPROVED, MATCHED or PLACED), or not.' })
  approved?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Households open to early permanence (fostering to adopt), or not.' })
  earlyPermanence?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'Households on the fast track (previous adopters, foster carers), or not.' })
  fastTrack?: boolean;

  @Field(() => AuthorityEnum, { nullable: true, description: 'Households living in this partner authority.' })
  homeAuthority?: Authority;

  @Field(() => Int, { nullable: true, description: 'Could take a child of this age, in whole years.' })
  childAge?: number;

  @Field(() => Int, { nullable: true, description: 'Could take a sibling group of this size.' })
  siblingGroupOf?: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Every word in the reference, or in an applicant’s first name or surname; only values you may read on a record find it (a name hidden from you finds nothing).',
  })
  search?: string;
}

@ArgsType()
export class HouseholdsArgs extends ConnectionArgs {
  @Field(() => HouseholdFilter, { nullable: true, description: 'Narrows the households; every criterion given must hold.' })
  filter?: HouseholdFilter;

  @OrderByField(HouseholdOrder, 'By default oldest record first.')
  orderBy?: OrderBy<HouseholdOrderField>[];
}
