import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../access/service-context';
import { viewerCanOf } from '../access/viewer-can';
import { MUTATION_ACCESS } from '../authz/mutation-access';
import { ChildRecord } from './child.entity';
import { Child } from './child.types';
import { EmergencyAccessRecord } from './emergency-access.entity';
import { EmergencyAccess } from './emergency-access.types';
import { journeyOf, primeJourney } from './journey-records';
import { MatchRecord } from './match.entity';
import { Match } from './match.types';
import { familyFinderAllocationDue } from './steps/allocate-family-finder';
import { adoptionOrderDue } from './steps/record-adoption-order';
import { adoptionPlanDecisionDue } from './steps/record-adoption-plan-decision';
import { disruptionDue } from './steps/record-disruption';
import { earlyPermanencePlacementDue } from './steps/record-early-permanence-placement';
import { matchDecisionDue } from './steps/record-match-decision';
import { placementDue } from './steps/record-placement';
import { placementOrderDue } from './steps/record-placement-order';
import { planChangeDue } from './steps/record-plan-change';
import { matchProposalDue } from './steps/propose-match';
import { emergencyAccessReviewDue } from './steps/review-emergency-access';

@ObjectType('ChildViewerCan', { description: 'What you may do with this child now: the policy and the journey’s rules together.' })
export class ChildViewerCan {
  @Field({ description: '`updateChild`' })
  update!: boolean;

  @Field({ description: '`recordAdoptionPlanDecision`: not adopted, no live plan.' })
  decideAdoptionPlan!: boolean;

  @Field({ description: '`allocateFamilyFinder`: adoption is the plan.' })
  allocateFamilyFinder!: boolean;

  @Field({ description: '`recordPlacementOrder`: adoption is the plan, no authority to place yet.' })
  recordPlacementOrder!: boolean;

  @Field({
    description: '`recordEarlyPermanencePlacement`: not placed, no authority to place; while adoption is considered, or once linked.',
  })
  recordEarlyPermanencePlacement!: boolean;

  @Field({ description: '`proposeMatch`: adoption is the plan, no open match, not placed for adoption.' })
  proposeMatch!: boolean;

  @Field({ description: '`recordPlacement`: the match is approved, with authority to place.' })
  recordPlacement!: boolean;

  @Field({ description: '`recordAdoptionOrder`: placed for adoption, no order yet.' })
  recordAdoptionOrder!: boolean;

  @Field({ description: '`recordPlanChange`: not adopted, not placed, not changed already.' })
  recordPlanChange!: boolean;

  @Field({ description: '`recordDisruption`: placed, not adopted.' })
  recordDisruption!: boolean;

  @Field({ description: '`restrictRecord`' })
  restrict!: boolean;
}

@ObjectType('MatchViewerCan', { description: 'What you may do with this match now: the policy and the journey’s rules together.' })
export class MatchViewerCan {
  @Field({ description: '`recordMatchDecision`: after the panel’s recommendation, by the ADM who did not sit on it.' })
  decide!: boolean;
}

@ObjectType('EmergencyAccessViewerCan', { description: 'What you may do with this emergency access now.' })
export class EmergencyAccessViewerCan {
  @Field({ description: '`reviewEmergencyAccess`: once, not your own.' })
  review!: boolean;
}

const NO_CHILD_CONTROLS: ChildViewerCan = {
  update: false,
  decideAdoptionPlan: false,
  allocateFamilyFinder: false,
  recordPlacementOrder: false,
  recordEarlyPermanencePlacement: false,
  proposeMatch: false,
  recordPlacement: false,
  recordAdoptionOrder: false,
  recordPlanChange: false,
  recordDisruption: false,
  restrict: false,
};

/** Each answer runs the step's own rule (exported by the step) on the record as the caller may read it. */
@Resolver(() => Child)
export class ChildViewerCanResolver {
  @FieldResolver(() => ChildViewerCan, { description: 'What you may do with this child now: the policy and the journey’s rules together.' })
  async viewerCan(@Root() child: Child, @Ctx() ctx: RequestContext): Promise<ChildViewerCan> {
    const record = await ctx.loaders.one('Child', ChildRecord).load(child.id);
    if (!record) return NO_CHILD_CONTROLS;
    const journey = journeyOf(ctx.loaders.rules, record.id);
    const steps = {
      update: { access: MUTATION_ACCESS.updateChild },
      decideAdoptionPlan: { access: MUTATION_ACCESS.recordAdoptionPlanDecision, rule: () => adoptionPlanDecisionDue(journey, record) },
      allocateFamilyFinder: { access: MUTATION_ACCESS.allocateFamilyFinder, rule: () => familyFinderAllocationDue(journey) },
      recordPlacementOrder: { access: MUTATION_ACCESS.recordPlacementOrder, rule: () => placementOrderDue(journey) },
      recordEarlyPermanencePlacement: {
        access: MUTATION_ACCESS.recordEarlyPermanencePlacement,
        rule: () => earlyPermanencePlacementDue(journey, record),
      },
      proposeMatch: { access: MUTATION_ACCESS.proposeMatch, rule: () => matchProposalDue(journey, record) },
      recordPlacement: { access: MUTATION_ACCESS.recordPlacement, rule: () => placementDue(journey) },
      recordAdoptionOrder: { access: MUTATION_ACCESS.recordAdoptionOrder, rule: () => adoptionOrderDue(journey, record) },
      recordPlanChange: { access: MUTATION_ACCESS.recordPlanChange, rule: () => planChangeDue(journey, record) },
      recordDisruption: { access: MUTATION_ACCESS.recordDisruption, rule: () => disruptionDue(journey, record) },
      restrict: { access: MUTATION_ACCESS.restrictRecord },
    };
    return viewerCanOf(ctx.ability, record, steps, () => primeJourney(ctx.loaders.rules, record.id));
  }
}

@Resolver(() => Match)
export class MatchViewerCanResolver {
  @FieldResolver(() => MatchViewerCan, { description: 'What you may do with this match now: the policy and the journey’s rules together.' })
  async viewerCan(@Root() match: Match, @Ctx() ctx: RequestContext): Promise<MatchViewerCan> {
    const record = await ctx.loaders.one('Match', MatchRecord).load(match.id);
    if (!record) return { decide: false };
    return viewerCanOf(ctx.ability, record, {
      decide: { access: MUTATION_ACCESS.recordMatchDecision, rule: () => matchDecisionDue(ctx.loaders.rules, record) },
    });
  }
}

@Resolver(() => EmergencyAccess)
export class EmergencyAccessViewerCanResolver {
  @FieldResolver(() => EmergencyAccessViewerCan, {
    description: 'What you may do with this emergency access now: the policy and the journey’s rules together.',
  })
  async viewerCan(@Root() access: EmergencyAccess, @Ctx() ctx: RequestContext): Promise<EmergencyAccessViewerCan> {
    const record = await ctx.loaders.one('EmergencyAccess', EmergencyAccessRecord).load(access.id);
    if (!record) return { review: false };
    return viewerCanOf(ctx.ability, record, {
      review: { access: MUTATION_ACCESS.reviewEmergencyAccess, rule: () => emergencyAccessReviewDue(record) },
    });
  }
}
