import { Ctx, Query, Resolver } from 'type-graphql';
import { packedRulesOf } from '../authz/permissions';
import type { RequestContext } from '../access/service-context';
import { JSONScalar } from '../graphql/scalars';
import { Staff } from './staff.types';

@Resolver()
export class MeResolver {
  @Query(() => Staff, { description: 'The authenticated member of staff and their roles.' })
  me(@Ctx() { actor }: RequestContext): Staff {
    return { id: actor.staffId, username: actor.username, displayName: actor.displayName, roles: actor.assignments };
  }

  @Query(() => JSONScalar, {
    description:
      'Your access rules, packed by @casl/ability `packRules`: unpack with `unpackRules` into `createMongoAbility` to show or hide controls.',
  })
  myPermissions(@Ctx() { ability }: RequestContext): unknown {
    return packedRulesOf(ability);
  }
}
