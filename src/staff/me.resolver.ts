import { Ctx, Query, Resolver } from 'type-graphql';
import { packedRulesOf } from '../authz/permissions';
import type { RequestContext } from '../access/service-context';
import { JSONScalar } from '../graphql/scalars';
import { AccessRules, accessRulesOf } from './my-access-rules';
import { assignmentsToCome } from './my-assignments';
import { Staff } from './staff.types';

@Resolver()
export class MeResolver {
  @Query(() => Staff, { description: 'The authenticated member of staff, the roles they hold today and those to come.' })
  async me(@Ctx() ctx: RequestContext): Promise<Staff> {
    const assignments = await assignmentsToCome(ctx);
    const { staffId, username, displayName } = ctx.actor;
    return { id: staffId, username, displayName, roles: assignments.filter((a) => a.validFrom <= ctx.today), assignments };
  }

  @Query(() => JSONScalar, {
    description:
      'Your access rules, packed by @casl/ability `packRules`: unpack with `unpackRules` into `createMongoAbility` to show or hide controls.',
    deprecationReason: 'Use myAccessRules, which carries the same rules with their version and expiry.',
  })
  myPermissions(@Ctx() { actor, facts, today }: RequestContext): unknown {
    return packedRulesOf(actor, facts, today);
  }

  @Query(() => AccessRules, { description: 'Your access rules (for showing and hiding controls), their version and expiry.' })
  myAccessRules(@Ctx() ctx: RequestContext): AccessRules {
    return accessRulesOf(ctx);
  }
}
