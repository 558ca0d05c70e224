import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node';
import type { Authority } from '../authz/vocabulary';
import { ConnectionArgs } from '../graphql/connection';
import { ChildOrder, type ChildOrderField } from './child-order';
import { OrderByField, type OrderBy } from '../graphql/list-order';
import { AuthorityEnum } from '../access/enums';
import { ChildStageEnum } from './enums';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';
import type { ChildStage } from './child-stage';

/**
 * The reviewed GraphQL shape of a child. Every field but `redactedFields` has a field class
 * (src/authz/field-classes.ts); fields the caller may not read are null and listed in `redactedFields`.
 */
@ObjectType('Child', { implements: Node, description: 'A child whose plan is, or may become, adoption.' })
export class Child {
  @Field(() => ID, { description: 'The child’s id.' })
  id!: string;

  @Field(() => AuthorityEnum, { description: "The child's responsible authority." })
  authority!: Authority;

  @Field(() => ChildStageEnum, { description: 'Where the child is on the adoption journey.' })
  stage!: ChildStage;

  @Field(() => String, { nullable: true, description: 'Identifying: the child’s first name.' })
  firstName!: string | null;

  @Field(() => String, { nullable: true, description: 'Identifying: the child’s surname; never shown to a panel.' })
  lastName!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Identifying: the child’s date of birth.' })
  dateOfBirth!: string | null;

  @Field(() => Int, { nullable: true, description: 'Age in whole years today.' })
  ageInYears!: number | null;

  @Field(() => String, { nullable: true, description: 'Identifying: the child’s NHS number (ten digits).' })
  nhsNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Special category: the child’s sex.' })
  sex!: string | null;

  @Field(() => String, { nullable: true, description: 'Special category: the child’s ethnicity.' })
  ethnicity!: string | null;

  @Field(() => String, { nullable: true, description: 'Special category: the child’s religion.' })
  religion!: string | null;

  @Field(() => String, { nullable: true, description: 'Special category: the child’s disability, if any.' })
  disability!: string | null;

  @Field(() => String, { nullable: true, description: 'Special category: the child’s health needs.' })
  healthNeeds!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Birth family: the identities and circumstances of the birth relatives, from the Child Permanence Report (CPR).',
  })
  birthFamilyBackground!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day the child entered care: the clock of the A1 and A10 measures starts here.',
  })
  enteredCareOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day the ADM decided the child should be placed for adoption.' })
  adoptionPlanDecidedOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day authority to place was granted (placement order or consent).' })
  placementOrderGrantedOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day of an early-permanence (fostering for adoption) placement.' })
  earlyPermanencePlacedOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day the ADM decided the match.' })
  matchedOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day the child was placed for adoption.' })
  placedOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day the court made the adoption order.' })
  adoptionOrderGrantedOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day adoption stopped being the plan.' })
  planChangedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Why adoption stopped being the plan.' })
  planChangeReason!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day the latest placement disrupted.' })
  disruptedOn!: string | null;

  @Field(() => Int, { description: 'Pass back on updates; a stale version is a CONFLICT.' })
  version!: number;

  @Field(() => DateTimeScalar, { description: 'When the record was created.' })
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the record last changed.' })
  updatedAt!: Date;

  @Field(() => [String], { description: 'Fields hidden from the caller by the access policy (their values are null).' })
  redactedFields!: string[];
}

@InputType({ description: 'Criteria on the children you may see; every one given must hold.' })
export class ChildFilter {
  @Field(() => AuthorityEnum, { nullable: true, description: 'Children of this responsible authority.' })
  authority?: Authority;

  @Field(() => ChildStageEnum, { nullable: true, description: 'Children at this stage of the journey.' })
  stage?: ChildStage;

  @Field(() => [ChildStageEnum], { nullable: true, description: 'Children at any of these stages.' })
  stages?: ChildStage[];

  @Field(() => Boolean, { nullable: true, description: 'Only children allocated to me as family finder.' })
  allocatedToMe?: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Every word in the first or last name, or the whole NHS number; only values you may read on a record find it (a name hidden from you finds nothing).',
  })
  search?: string;
}

@ArgsType()
export class ChildrenArgs extends ConnectionArgs {
  @Field(() => ChildFilter, { nullable: true, description: 'Narrows the children; every criterion given must hold.' })
  filter?: ChildFilter;

  @OrderByField(
    ChildOrder,
    'By default by stage in journey order, then the longest in care first: the children waiting on the earliest steps lead.',
  )
  orderBy?: OrderBy<ChildOrderField>[];
}
