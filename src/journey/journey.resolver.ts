import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { RecordAdoptionPlanDecisionInput } from './decision.inputs';
import type { RequestContext } from '../access/service-context';
import {
  AllocateFamilyFinderInput,
  RecordAdoptionOrderInput,
  RecordDisruptionInput,
  RecordEarlyPermanencePlacementInput,
  RecordPlacementInput,
  RecordPlacementOrderInput,
  RecordPlanChangeInput,
} from './child.inputs';
import { Child } from './child.types';
import { DecisionService } from './decision.service';
import { MilestoneService } from './milestone.service';
import { PlacementService } from './placement.service';

/**
 * The steps of a child's journey, each recorded by the role docs/domain.md gives it ("Who records what"); each
 * returns the child.
 */
@Resolver()
export class JourneyResolver {
  @Mutation(() => Child, { description: "The child's ADM decides that the child should be placed for adoption." })
  recordAdoptionPlanDecision(@Arg('input', () => RecordAdoptionPlanDecisionInput) input: RecordAdoptionPlanDecisionInput, @Ctx() ctx: RequestContext) {
    return ctx.services.get(DecisionService).recordAdoptionPlanDecision(input);
  }

  @Mutation(() => Child, { description: 'A PPM lead allocates a family finder (ending any earlier allocation).' })
  allocateFamilyFinder(@Arg('input', () => AllocateFamilyFinderInput) input: AllocateFamilyFinderInput, @Ctx() ctx: RequestContext) {
    return ctx.services.get(MilestoneService).allocateFamilyFinder(input);
  }

  @Mutation(() => Child, {
    description:
      'A PPM lead records a fostering-for-adoption placement with dually approved carers: named, with their temporary approval as the child’s foster carers, while adoption is being considered; linked with the child once the plan is decided.',
  })
  recordEarlyPermanencePlacement(
    @Arg('input', () => RecordEarlyPermanencePlacementInput) input: RecordEarlyPermanencePlacementInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.services.get(PlacementService).recordEarlyPermanencePlacement(input);
  }

  @Mutation(() => Child, { description: 'A PPM lead records authority to place: a placement order, or formal consent.' })
  recordPlacementOrder(@Arg('input', () => RecordPlacementOrderInput) input: RecordPlacementOrderInput, @Ctx() ctx: RequestContext) {
    return ctx.services.get(MilestoneService).recordPlacementOrder(input);
  }

  @Mutation(() => Child, { description: 'A PPM lead records the adoptive placement with the approved match.' })
  recordPlacement(@Arg('input', () => RecordPlacementInput) input: RecordPlacementInput, @Ctx() ctx: RequestContext) {
    return ctx.services.get(PlacementService).recordPlacement(input);
  }

  @Mutation(() => Child, { description: 'A PPM lead records the adoption order (at least 10 weeks after placement).' })
  recordAdoptionOrder(@Arg('input', () => RecordAdoptionOrderInput) input: RecordAdoptionOrderInput, @Ctx() ctx: RequestContext) {
    return ctx.services.get(MilestoneService).recordAdoptionOrder(input);
  }

  @Mutation(() => Child, { description: 'A PPM lead records that adoption is no longer the plan.' })
  recordPlanChange(@Arg('input', () => RecordPlanChangeInput) input: RecordPlanChangeInput, @Ctx() ctx: RequestContext) {
    return ctx.services.get(MilestoneService).recordPlanChange(input);
  }

  @Mutation(() => Child, { description: 'A PPM lead records a disruption and its meeting; the placement ends.' })
  recordDisruption(@Arg('input', () => RecordDisruptionInput) input: RecordDisruptionInput, @Ctx() ctx: RequestContext) {
    return ctx.services.get(PlacementService).recordDisruption(input);
  }
}
