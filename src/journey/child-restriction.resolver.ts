import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { readList } from '../access/guarded';
import type { RequestContext } from '../access/service-context';
import { ChildRestrictionRecord } from './child-restriction.entity';
import {
  CHILD_RESTRICTION_ORDER_FIELDS,
  ChildRestriction,
  ChildRestrictionConnection,
  RestrictedRecordsArgs,
} from './child-restriction.types';
import { CHILD_RESTRICTION, presentRestriction } from './child-restriction.view';
import { Child } from './child.types';

const RESTRICTION = CHILD_RESTRICTION.alias;

@Resolver(() => Child)
export class ChildRestrictionResolver {
  @Query(() => ChildRestrictionConnection, {
    description: 'ADMs: the restrictions of their authority’s children, each flagged once past its review day; the named staff: theirs.',
  })
  restrictedRecords(@Args(() => RestrictedRecordsArgs) args: RestrictedRecordsArgs, @Ctx() ctx: RequestContext) {
    const filter = args.filter ?? {};
    return readList(
      ctx,
      CHILD_RESTRICTION,
      args,
      (query) => {
        if (filter.category) query.andWhere(`${RESTRICTION}.category = :category`, { category: filter.category });
        if (filter.reviewOverdue != null) {
          query.andWhere(`${RESTRICTION}.reviewBy ${filter.reviewOverdue ? '<' : '>='} :today`, { today: ctx.today });
        }
      },
      { fields: CHILD_RESTRICTION_ORDER_FIELDS, keys: args.orderBy },
    );
  }

  @FieldResolver(() => ChildRestriction, { nullable: true, description: 'The restriction, to the ADM and the staff it names; else null.' })
  async restriction(@Root() child: Child, @Ctx() ctx: RequestContext): Promise<ChildRestriction | null> {
    const [record] = await ctx.loaders.many('ChildRestriction', ChildRestrictionRecord, 'childId').load(child.id);
    return record ? presentRestriction(record, ctx.today) : null;
  }
}
