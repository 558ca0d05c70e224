import { assertMayEver } from '../access/refusals';
import { accessibleQuery, findReadable } from '../access/scoped-reads';
import type { ServiceContext } from '../access/service-context';
import { paginate, type Page } from '../graphql/connection';
import { parseId } from '../graphql/input-rules';
import { MatchRecord } from './match.entity';
import type { Match, MatchesArgs } from './match.types';
import { presentMatch } from './match.view';

const ALIAS = 'match';

/** Reads of the links between children and households; proposing and deciding them are steps (steps/). */
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

  private readable() {
    return accessibleQuery(this.ctx.db.manager, this.ctx.ability, 'read', 'Match', MatchRecord, ALIAS);
  }
}
