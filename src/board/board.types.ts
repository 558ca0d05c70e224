import { Field, Float, Int, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../graphql/enums';
import { FinancialYearScalar, MoneyScalar, MonthScalar } from '../graphql/scalars';
import type { Authority } from '../authz/vocabulary';
import { AuthorityEnum } from '../access/enums';
import { UNDERSPEND_TREATMENTS, type UnderspendTreatment } from './budget.entity';

export const CHARACTERISTICS = ['AGE_BAND', 'ETHNICITY', 'DISABILITY'] as const;
export type Characteristic = (typeof CHARACTERISTICS)[number];
const CharacteristicEnum = graphqlEnum(
  CHARACTERISTICS,
  'Characteristic',
  'A child characteristic the board may break children waiting down by.',
  {
    AGE_BAND: 'Age band: under 1, 1 to 4, 5 to 9, 10 to 15, 16 and over.',
    ETHNICITY:
      'Ethnic group, in the major groups (White, Mixed or multiple, Asian or Asian British, Black or Black British, Other), or not recorded.',
    DISABILITY: 'Whether a disability is recorded.',
  },
);
const UnderspendTreatmentEnum = graphqlEnum(
  UNDERSPEND_TREATMENTS,
  'UnderspendTreatment',
  'What becomes of a financial year’s underspend of the pooled budget, as the board decided it.',
  {
    ROLLED_FORWARD: 'Rolled forward into the next year’s budget.',
    RETURNED: 'Returned to the authorities, in their shares.',
    NOT_DECIDED: 'Not yet decided: never assumed.',
  },
);

@ObjectType('AuthorityMonth', { description: 'One month of one authority: counts of records, never suppressed.' })
export class AuthorityMonth {
  @Field(() => MonthScalar, { description: 'The calendar month (UK local time) the events fall in.' })
  month!: string;

  @Field(() => AuthorityEnum, { description: 'The partner authority counted.' })
  authority!: Authority;

  @Field(() => Int, { description: 'ADM decisions that the child should be placed for adoption.' })
  adoptionPlanDecisions!: number;

  @Field(() => Int, { description: 'Placement orders granted.' })
  placementOrders!: number;

  @Field(() => Int, { description: "Approving ADM match decisions, under the child's authority." })
  matches!: number;

  @Field(() => Int, { description: 'Calls for adoption support, by the authority the family lives in.' })
  supportRequests!: number;

  @Field(() => Int, {
    description:
      'Of the calls for adoption support received this month, those that went on to a support-and-advice-line call with an adoption support social worker.',
  })
  supportRequestsProgressed!: number;

  @Field(() => Int, { description: 'Adoption support assessments completed, by the authority the family lives in.' })
  supportAssessmentsCompleted!: number;

  @Field(() => Int, { description: 'Early-permanence (fostering for adoption) placements made.' })
  earlyPermanencePlacements!: number;

  @Field({
    description:
      'earlyPermanencePlacements of this authority and month is illustrative (demo data where the papers publish only the partnership’s count): show it as such.',
  })
  earlyPermanenceIllustrative!: boolean;

  @Field(() => Int, { description: 'Placements that disrupted (ended before the adoption order).' })
  disruptions!: number;
}

@ObjectType('PartnershipMonth', { description: 'One month of the partnership as a whole.' })
export class PartnershipMonth {
  @Field(() => MonthScalar, { description: 'The calendar month (UK local time) the events fall in.' })
  month!: string;

  @Field(() => Int, { description: 'Adopter households approved by the partnership ADM.' })
  adopterApprovals!: number;

  @Field(() => Int, { description: 'Adopter households that withdrew or were deregistered.' })
  householdsWithdrawn!: number;

  @Field(() => Int, { description: 'Children placed for adoption (an early-permanence placement: when it converts), of every authority.' })
  childrenPlaced!: number;

  @Field(() => Int, { description: 'Of childrenPlaced, those placed with adopters approved by an agency other than the partnership.' })
  placedWithOtherAgencyAdopters!: number;
}

@ObjectType('ChildrenWaiting', {
  description:
    'Children waiting as the ASGLB counts them: with a placement order (not consent), not placed for adoption at the end of the period.',
})
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
      'A1: average days from entering care to being placed for adoption with the adoptive family; null when no child or withheld.',
  })
  a1AverageDays!: number | null;

  @Field({ description: 'A1 over fewer than six children, or one that would let another be worked out from the rest.' })
  a1Withheld!: boolean;

  @Field(() => Int, { description: 'The A1 threshold in days (configuration; 426 by default).' })
  a1ThresholdDays!: number;

  @Field(() => Boolean, { nullable: true, description: 'Whether the A1 average is within its threshold; null when the average is.' })
  a1WithinThreshold!: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'A3: of the children adopted, those placed for adoption less than 14 months after entering care; withheld with A1 (same children).',
  })
  a3Children!: number | null;

  @Field(() => Float, { nullable: true, description: 'A3 as a percentage of the children adopted; null when no child or withheld.' })
  a3Percent!: number | null;

  @Field({ description: 'A3 withheld: over fewer than six children, or whenever A1 is.' })
  a3Withheld!: boolean;

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

  @Field(() => Int, { description: 'The A2 threshold in days (configuration; 121 by default, the historic four months).' })
  a2ThresholdDays!: number;

  @Field(() => Int, { nullable: true, description: 'null: none configured (the scorecard sets none for A10).' })
  a10ThresholdDays!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the A2 average is within its threshold; null when the average is.' })
  a2WithinThreshold!: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the A10 average is within its threshold; null when the average or the threshold is.',
  })
  a10WithinThreshold!: boolean | null;
}

@ObjectType('CharacteristicCount', {
  description:
    'A count in a breakdown by a child characteristic: 1 to 5 is suppressed, and any other count that would let one be worked out.',
})
export class CharacteristicCount {
  @Field(() => AuthorityEnum, { nullable: true, description: 'null: the partnership.' })
  authority!: Authority | null;

  @Field({ description: 'The category counted, e.g. ‘Under 1’ or ‘Not recorded’.' })
  category!: string;

  @Field(() => Int, { nullable: true, description: 'null when suppressed.' })
  count!: number | null;

  @Field({ description: 'The count is withheld: from 1 to 5, or one that would let another be worked out.' })
  suppressed!: boolean;
}

/** The period asked for; each dataset is a field, computed in one statement only when selected. */
@ObjectType('BoardPerformance', { description: 'Aggregates for the Executive Board: never a child or an adopter.' })
export class BoardPerformance {
  @Field(() => MonthScalar, { description: 'The first month of the period.' })
  from!: string;

  @Field(() => MonthScalar, { description: 'The last month of the period, included.' })
  to!: string;
}

@ObjectType('AuthorityBudgetShare', {
  description: 'An authority’s contribution to a year’s pooled budget, and its agreed share of any underspend.',
})
export class AuthorityBudgetShare {
  @Field(() => AuthorityEnum, { description: 'The partner authority.' })
  authority!: Authority;

  @Field(() => MoneyScalar, { description: 'What the authority paid into the year’s pooled budget.' })
  contribution!: string;

  @Field(() => Float, { description: 'Percentage of the operating budget.' })
  contributionShare!: number;

  @Field({ description: 'The contribution and its share are illustrative (not published figures): show them as such.' })
  illustrative!: boolean;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: 'The part of the underspend that is this authority’s: returned to it, rolled forward, or to be decided; null: not agreed.',
  })
  underspendShare!: string | null;

  @Field(() => Float, { nullable: true, description: 'Percentage of the underspend.' })
  underspendSharePercent!: number | null;

  @Field({ description: 'The underspend share is illustrative (not a published figure): show it as such.' })
  underspendShareIllustrative!: boolean;
}

@ObjectType('PooledBudgetYear', { description: 'One financial year of the pooled budget the three authorities pay into.' })
export class PooledBudgetYear {
  @Field(() => FinancialYearScalar, { description: 'The financial year, e.g. 2024-25.' })
  financialYear!: string;

  @Field(() => MoneyScalar, { description: 'The year’s operating budget.' })
  operatingBudget!: string;

  @Field(() => MoneyScalar, { description: 'What the partnership spent in the year.' })
  spend!: string;

  @Field({ description: 'The operating budget and spend are illustrative (not published figures): show them as such.' })
  illustrative!: boolean;

  @Field(() => MoneyScalar, { description: 'The operating budget less the spend.' })
  underspend!: string;

  @Field(() => UnderspendTreatmentEnum, { description: 'Returned, rolled forward, or NOT_DECIDED: never assumed.' })
  underspendTreatment!: UnderspendTreatment;

  @Field(() => [AuthorityBudgetShare], { description: 'Each authority’s contribution and share of the underspend.' })
  authorities!: AuthorityBudgetShare[];
}

export { CharacteristicEnum };
