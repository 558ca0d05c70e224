import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Authority } from '../authz/vocabulary';
import { AuthorityEnum } from '../access/enums';
import { UNDERSPEND_TREATMENTS, type UnderspendTreatment } from './budget.entity';

export const CHARACTERISTICS = ['AGE_BAND', 'ETHNICITY', 'DISABILITY'] as const;
export type Characteristic = (typeof CHARACTERISTICS)[number];
const CharacteristicEnum = Object.fromEntries(CHARACTERISTICS.map((c) => [c, c])) as Record<Characteristic, Characteristic>;
registerEnumType(CharacteristicEnum, { name: 'Characteristic' });
const UnderspendTreatmentEnum = Object.fromEntries(UNDERSPEND_TREATMENTS.map((c) => [c, c])) as Record<
  UnderspendTreatment,
  UnderspendTreatment
>;
registerEnumType(UnderspendTreatmentEnum, { name: 'UnderspendTreatment' });

@ObjectType('AuthorityMonth', { description: 'One month of one authority: counts of records, never suppressed.' })
export class AuthorityMonth {
  @Field({ description: 'YYYY-MM, UK local time.' })
  month!: string;

  @Field(() => AuthorityEnum)
  authority!: Authority;

  @Field(() => Int, { description: 'ADM decisions that the child should be placed for adoption.' })
  adoptionPlanDecisions!: number;

  @Field(() => Int, { description: 'Placement orders granted.' })
  placementOrders!: number;

  @Field(() => Int, { description: "Approving ADM match decisions, under the child's authority." })
  matches!: number;

  @Field(() => Int, { description: 'Calls for adoption support, by the authority the family lives in.' })
  supportRequests!: number;

  @Field(() => Int)
  earlyPermanencePlacements!: number;

  @Field(() => Int)
  disruptions!: number;
}

@ObjectType('PartnershipMonth', { description: 'One month of the partnership as a whole.' })
export class PartnershipMonth {
  @Field()
  month!: string;

  @Field(() => Int, { description: 'Adopter households approved by the partnership ADM.' })
  adopterApprovals!: number;

  @Field(() => Int)
  householdsWithdrawn!: number;
}

@ObjectType('ChildrenWaiting', { description: 'Children with a placement order but no match at the end of the period.' })
export class ChildrenWaiting {
  @Field(() => AuthorityEnum, { nullable: true, description: 'null: the partnership.' })
  authority!: Authority | null;

  @Field(() => Int, { nullable: true, description: 'null when suppressed.' })
  children!: number | null;

  @Field({ description: 'A count from 1 to 5, or one that would let another be worked out from the rest.' })
  suppressed!: boolean;

  @Field(() => Float, {
    nullable: true,
    description: 'Average days from the placement order to the end of the period; null when no child is waiting or when withheld.',
  })
  averageDaysWaiting!: number | null;

  @Field({ description: 'An average over fewer than six children, or one that would let another be worked out from the rest.' })
  averageWithheld!: boolean;
}

@ObjectType('TimelinessMeasure', { description: 'DfE adoption scorecard measures over the children adopted in the period.' })
export class TimelinessMeasure {
  @Field(() => AuthorityEnum, { nullable: true, description: 'null: the partnership.' })
  authority!: Authority | null;

  @Field(() => Int, { description: 'Children adopted (adoption order granted) in the period.' })
  childrenAdopted!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'A2: average days from placement order to the match decision (a match before the order counts as 0); null when no child or withheld.',
  })
  a2AverageDays!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'A10: average days from entering care to moving in with the adoptive family (own foster carers: the day the child moved in with them); null when no child or withheld.',
  })
  a10AverageDays!: number | null;

  @Field({ description: 'A2 over fewer than six children, or one that would let another be worked out from the rest.' })
  a2Withheld!: boolean;

  @Field({ description: 'A10 over fewer than six children, or one that would let another be worked out from the rest.' })
  a10Withheld!: boolean;

  @Field(() => Int)
  a2ThresholdDays!: number;

  @Field(() => Int)
  a10ThresholdDays!: number;

  @Field(() => Boolean, { nullable: true })
  a2WithinThreshold!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  a10WithinThreshold!: boolean | null;
}

@ObjectType('CharacteristicCount', {
  description:
    'A count in a breakdown by a child characteristic: 1 to 5 is suppressed, and any other count that would let one be worked out.',
})
export class CharacteristicCount {
  @Field(() => AuthorityEnum, { nullable: true, description: 'null: the partnership.' })
  authority!: Authority | null;

  @Field()
  category!: string;

  @Field(() => Int, { nullable: true, description: 'null when suppressed.' })
  count!: number | null;

  @Field()
  suppressed!: boolean;
}

/** The period asked for; each dataset is a field, computed in one statement only when selected. */
@ObjectType('BoardPerformance', { description: 'Aggregates for the Executive Board: never a child or an adopter.' })
export class BoardPerformance {
  @Field({ description: 'YYYY-MM, inclusive.' })
  from!: string;

  @Field({ description: 'YYYY-MM, inclusive.' })
  to!: string;
}

@ObjectType('AuthorityBudgetShare')
export class AuthorityBudgetShare {
  @Field(() => AuthorityEnum)
  authority!: Authority;

  @Field(() => Float, { description: 'Pounds.' })
  contribution!: number;

  @Field(() => Float, { description: 'Percentage of the operating budget.' })
  contributionShare!: number;

  @Field(() => Float, { nullable: true, description: 'Pounds of the underspend agreed as this authority’s.' })
  underspendShare!: number | null;

  @Field(() => Float, { nullable: true, description: 'Percentage of the underspend.' })
  underspendSharePercent!: number | null;
}

@ObjectType('PooledBudgetYear')
export class PooledBudgetYear {
  @Field({ description: 'e.g. 2024-25' })
  financialYear!: string;

  @Field(() => Float)
  operatingBudget!: number;

  @Field(() => Float)
  spend!: number;

  @Field(() => Float)
  underspend!: number;

  @Field(() => UnderspendTreatmentEnum, { nullable: true })
  underspendTreatment!: UnderspendTreatment | null;

  @Field(() => [AuthorityBudgetShare])
  authorities!: AuthorityBudgetShare[];
}

export { CharacteristicEnum };
