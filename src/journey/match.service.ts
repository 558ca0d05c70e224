import { assertMayEver } from '../access/refusals';
import { accessibleQuery, findReadable } from '../access/scoped-reads';
import { changeChild } from './child-change';
import { stageAfter } from './child-stage';
import { journeyOf } from './journey-records';
import { RULES } from './legal-order';
import type { ServiceContext } from '../access/service-context';
import { paginate, type Page } from '../graphql/connection';
import { badUserInput, conflict } from '../graphql/errors';
import { assertRecordedDate, parseId } from '../graphql/input-rules';
import { householdNamedBy } from '../households/household-lookup';
import { MatchRecord } from './match.entity';
import type { Match, MatchesArgs, ProposeMatchInput } from './match.types';
import { presentMatch } from './match.view';

const ALIAS = 'match';

/** Links between children and households: a family finder proposes; panel and ADM take it from there. */
export class MatchService {
  constructor(private readonly ctx: ServiceContext) {}

  async list(args: MatchesArgs): Promise<Page<Match>> {
    assertMayEver(this.ctx.ability, 'read', 'Match');
    const query = this.readable();
    if (args.filter?.status) query.andWhere(`${ALIAS}.status = :status`, { status: args.filter.status });
    if (args.filter?.childId) query.andWhere(`${ALIAS}.childId = :childId`, { childId: parseId('filter.childId', args.filter.childId) });
    return paginate(query, args, presentMatch);
  }

  async get(id: string): Promise<Match> {
    return presentMatch(await findReadable(this.ctx.db.manager, this.ctx.ability, 'Match', MatchRecord, parseId('id', id)));
  }

  /** A family finder links a child allocated to them with an approved household. */
  async proposeMatch(input: ProposeMatchInput): Promise<Match> {
    let proposed: MatchRecord | undefined;
    await changeChild(this.ctx, 'propose', input, async (child, manager) => {
      if (child.stage === 'ADOPTED') throw badUserInput('childId', RULES.adopted);
      const journey = journeyOf(manager, child.id);
      const plan = await journey.requirePlan('childId');
      if (await journey.openMatch()) throw conflict('The child already has an open match');
      const placement = await journey.livePlacement();
      if (placement?.kind === 'ADOPTIVE') throw badUserInput('childId', RULES.alreadyPlaced);
      const household = await householdNamedBy(this.ctx, manager, input.householdId);
      if (household.stage !== 'APPROVED') throw badUserInput('householdId', RULES.approvedAdopters);
      assertRecordedDate('proposedOn', input.proposedOn, this.ctx.today, plan.decidedOn, RULES.proposalAfterPlan);
      proposed = manager.create(MatchRecord, {
        childId: child.id,
        authority: child.authority,
        householdId: household.id,
        status: 'PROPOSED',
        proposedOn: input.proposedOn,
        proposedBy: this.ctx.actor.staffId,
      });
      await manager.save(proposed);
      return { stage: stageAfter(child.stage, 'LINKED') };
    });
    return presentMatch(proposed!);
  }

  private readable() {
    return accessibleQuery(this.ctx.db.manager, this.ctx.ability, 'read', 'Match', MatchRecord, ALIAS);
  }
}
