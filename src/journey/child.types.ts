import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node';
import type { Authority } from '../authz/vocabulary';
import { ConnectionArgs } from '../graphql/connection';
import { ChildOrder } from './child-order';
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
  @Field(() => ID)
  id!: string;

  @Field(() => AuthorityEnum, { description: "The child's responsible authority." })
  authority!: Authority;

  @Field(() => ChildStageEnum)
  stage!: ChildStage;

  @Field(() => String, { nullable: true })
  firstName!: string | null;

  @Field(() => String, { nullable: true })
  lastName!: string | null;

  @Field(() => DateScalar, { nullable: true })
  dateOfBirth!: string | null;

  @Field(() => Int, { nullable: true, description: 'Age in whole years today.' })
  ageInYears!: number | null;

  @Field(() => String, { nullable: true })
  nhsNumber!: string | null;

  @Field(() => String, { nullable: true })
  sex!: string | null;

  @Field(() => String, { nullable: true })
  ethnicity!: string | null;

  @Field(() => String, { nullable: true })
  religion!: string | null;

  @Field(() => String, { nullable: true })
  disability!: string | null;

  @Field(() => String, { nullable: true })
  healthNeeds!: string | null;

  @Field(() => String, { nullable: true })
  birthFamilyBackground!: string | null;

  @Field(() => DateScalar, { nullable: true })
  enteredCareOn!: string | null;

  @Field(() => DateScalar, { nullable: true })
  adoptionPlanDecidedOn!: string | null;

  @Field(() => DateScalar, { nullable: true })
  placementOrderGrantedOn!: string | null;

  @Field(() => DateScalar, { nullable: true })
  earlyPermanencePlacedOn!: string | null;

  @Field(() => DateScalar, { nullable: true })
  matchedOn!: string | null;

  @Field(() => DateScalar, { nullable: true })
  placedOn!: string | null;

  @Field(() => DateScalar, { nullable: true })
  adoptionOrderGrantedOn!: string | null;

  @Field(() => DateScalar, { nullable: true })
  planChangedOn!: string | null;

  @Field(() => String, { nullable: true })
  planChangeReason!: string | null;

  @Field(() => DateScalar, { nullable: true })
  disruptedOn!: string | null;

  @Field(() => Int, { description: 'Pass back on updates; a stale version is a CONFLICT.' })
  version!: number;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  @Field(() => [String], { description: 'Fields hidden from the caller by the access policy (their values are null).' })
  redactedFields!: string[];
}

@InputType()
export class ChildFilter {
  @Field(() => AuthorityEnum, { nullable: true })
  authority?: Authority;

  @Field(() => ChildStageEnum, { nullable: true })
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
  @Field(() => ChildFilter, { nullable: true })
  filter?: ChildFilter;

  @Field(() => [ChildOrder], {
    nullable: true,
    description:
      'By default by stage in journey order, then the longest in care first: the children waiting on the earliest steps lead. ' +
      'Only by fields you may read on every record; a value hidden from you on a record places it last.',
  })
  orderBy?: ChildOrder[];
}
