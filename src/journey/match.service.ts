import { readList, readOne } from '../access/guarded';
import { ListFilters } from '../access/list-filters';
import type { ServiceContext } from '../access/service-context';
import type { Page } from '../graphql/connection';
import { parseId } from '../graphql/input-rules';
import { MATCH_ORDER_FIELDS, type Match, type MatchesArgs } from './match.types';
import { MATCH } from './match.view';

/** Reads of the links between children and households; proposing and deciding them are steps (steps/). */
export class MatchService {
  constructor(private readonly ctx: ServiceContext) {}

  list(args: MatchesArgs): Promise<Page<Match>> {
    const filter = args.filter ?? {};
    return readList(
      this.ctx,
      MATCH,
      args,
      (query) => {
        new ListFilters(this.ctx.ability, 'Match', query)
          .equals('status', filter.status)
          .oneOf('status', filter.statuses)
          .equals('childId', filter.childId && parseId('filter.childId', filter.childId))
          .between('proposedOn', 'filter.proposed', filter.proposedFrom, filter.proposedTo);
      },
      { fields: MATCH_ORDER_FIELDS, keys: args.orderBy },
    );
  }

  get(id: string): Promise<Match> {
    return readOne(this.ctx, MATCH, id);
  }
}
