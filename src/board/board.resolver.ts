import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../access/service-context';
import {
  AuthorityMonth,
  BoardPerformance,
  CharacteristicCount,
  CharacteristicEnum,
  ChildrenWaiting,
  PartnershipMonth,
  PooledBudgetYear,
  TimelinessMeasure,
  type Characteristic,
} from './board.types';
import type { MonthPeriod } from './months';
import { BoardService } from './board.service';
import { FinancialYearScalar, MonthScalar } from '../graphql/scalars';

@Resolver(() => BoardPerformance)
export class BoardResolver {
  @Query(() => BoardPerformance, { description: 'Board directors only: the partnership’s performance over whole months (UK time).' })
  boardPerformance(
    @Arg('from', () => MonthScalar, { description: 'The first month of the period.' }) from: string,
    @Arg('to', () => MonthScalar, { description: 'The last month of the period, included: at most 120 months after from.' }) to: string,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.services.get(BoardService).performance(from, to);
  }

  @Query(() => [PooledBudgetYear], { description: 'Board directors only: the pooled budget, newest year first.' })
  pooledBudget(
    @Arg('financialYear', () => FinancialYearScalar, {
      nullable: true,
      description: 'That year only; none: every year since the partnership began.',
    })
    financialYear: string | null,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.services.get(BoardService).pooledBudget(financialYear ?? null);
  }

  @FieldResolver(() => [AuthorityMonth], {
    description: 'Every month × authority: counts of events as the committee papers publish them, small numbers included.',
  })
  byAuthority(@Root() period: MonthPeriod, @Ctx() ctx: RequestContext) {
    return ctx.services.get(BoardService).byAuthority(period);
  }

  @FieldResolver(() => [PartnershipMonth], {
    description: 'Every month: the partnership’s own counts (adopters, placements), small numbers included.',
  })
  partnership(@Root() period: MonthPeriod, @Ctx() ctx: RequestContext) {
    return ctx.services.get(BoardService).partnership(period);
  }

  @FieldResolver(() => [ChildrenWaiting], {
    description:
      'On the last day of the period: per authority, then the partnership; small counts and averages withheld as in childrenWaitingBy.',
  })
  childrenWaiting(@Root() period: MonthPeriod, @Ctx() ctx: RequestContext) {
    return ctx.services.get(BoardService).childrenWaiting(period);
  }

  @FieldResolver(() => [TimelinessMeasure], {
    nullable: true,
    description:
      'A2 and A10 over the children adopted in the period: a whole month, quarter of the financial year or financial year; for any other period, null with BAD_USER_INPUT (the other fields still answer).',
  })
  timeliness(@Root() period: MonthPeriod, @Ctx() ctx: RequestContext) {
    return ctx.services.get(BoardService).timeliness(period);
  }

  @FieldResolver(() => [CharacteristicCount], {
    description:
      'Children waiting at the end of the period: counts from 1 to 5 suppressed, and any other count that would let one be worked out.',
  })
  childrenWaitingBy(
    @Root() period: MonthPeriod,
    @Arg('characteristic', () => CharacteristicEnum, { description: 'The characteristic to break the children waiting down by.' })
    characteristic: Characteristic,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.services.get(BoardService).waitingByCharacteristic(period, characteristic);
  }
}
