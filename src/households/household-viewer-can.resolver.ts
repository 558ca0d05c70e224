import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../access/service-context';
import { viewerCanOf } from '../access/viewer-can';
import { MUTATION_ACCESS } from '../authz/mutation-access';
import { HouseholdRecord } from './household.entity';
import { Household } from './household.types';
import { householdAdvanceDue } from './steps/advance-household-stage';
import { householdDecisionDue } from './steps/decide-household-approval';
import { withdrawalDue } from './steps/withdraw-household';

@ObjectType('HouseholdViewerCan', { description: 'What you may do with this household now: the policy and the journey’s rules together.' })
export class HouseholdViewerCan {
  @Field({ description: '`advanceHouseholdStage`: to its next recruitment stage, up to panel.' })
  advanceStage!: boolean;

  @Field({ description: '`withdrawHousehold`: up to approval, with no child linked, matched or placed.' })
  withdraw!: boolean;

  @Field({
    description:
      '`decideHouseholdApproval`: at panel, approval (APPROVED or NOT_APPROVED); once approved, TERMINATED; each resting on a panel recommendation no decision used.',
  })
  decideApproval!: boolean;
}

/** Each answer runs the step's own rule (exported by the step) on the household as the caller may read it. */
@Resolver(() => Household)
export class HouseholdViewerCanResolver {
  @FieldResolver(() => HouseholdViewerCan, {
    description: 'What you may do with this household now: the policy and the journey’s rules together.',
  })
  async viewerCan(@Root() household: Household, @Ctx() ctx: RequestContext): Promise<HouseholdViewerCan> {
    const record = await ctx.loaders.one('Household', HouseholdRecord).load(household.id);
    if (!record) return { advanceStage: false, withdraw: false, decideApproval: false };
    const reader = ctx.loaders.rules;
    return viewerCanOf(ctx.ability, record, {
      advanceStage: { access: MUTATION_ACCESS.advanceHouseholdStage, rule: () => householdAdvanceDue(record) },
      withdraw: { access: MUTATION_ACCESS.withdrawHousehold, rule: () => withdrawalDue(reader, record) },
      decideApproval: {
        access: MUTATION_ACCESS.decideHouseholdApproval,
        rule: () => householdDecisionDue(reader, record, record.stage === 'APPROVED'),
      },
    });
  }
}
