import { readList, readOne } from '../access/guarded';
import type { ServiceContext } from '../access/service-context';
import type { Page } from '../graphql/connection';
import { parseId } from '../graphql/input-rules';
import type { Match, MatchesArgs } from './match.types';
import { MATCH } from './match.view';

/** Reads of the links between children and households; proposing and deciding them are steps (steps/). */
export class MatchService {
  constructor(private readonly ctx: ServiceContext) {}

  list(args: MatchesArgs): Promise<Page<Match>> {
    return readList(this.ctx, MATCH, args, (query) => {
      if (args.filter?.status) query.andWhere(`${MATCH.alias}.status = :status`, { status: args.filter.status });
      if (args.filter?.childId)
        query.andWhere(`${MATCH.alias}.childId = :childId`, { childId: parseId('filter.childId', args.filter.childId) });
    });
  }

  get(id: string): Promise<Match> {
    return readOne(this.ctx, MATCH, id);
  }
}
