import { createHash } from 'node:crypto';
import { Field, ObjectType } from 'type-graphql';
import type { ServiceContext } from '../access/service-context';
import { packedRulesOf } from '../authz/permissions';
import { ukMidnightAfter } from '../common/clock';
import { DateTimeScalar, JSONScalar } from '../graphql/scalars';

@ObjectType('AccessRules', {
  description: 'Your access rules, as the server enforces them, with what a client needs to keep them current.',
})
export class AccessRules {
  @Field(() => JSONScalar, { description: 'Packed by @casl/ability `packRules`: unpack with `unpackRules` into `createMongoAbility`.' })
  rules!: unknown;

  @Field({ description: 'A hash of the rules: when it differs from the one a client holds, its rules are stale.' })
  version!: string;

  @Field(() => DateTimeScalar, {
    description:
      'The end of the UK day: the rules embed today’s date (panel windows) and the records of your caseload. Ask again by then, and whenever a refusal surprises you.',
  })
  expiresAt!: Date;
}

/** The caller's rules, their version and how long they hold. */
export function accessRulesOf({ actor, facts, today }: ServiceContext): AccessRules {
  const rules = packedRulesOf(actor, facts, today);
  const version = createHash('sha256').update(JSON.stringify(rules)).digest('base64url').slice(0, 16);
  return { rules, version, expiresAt: ukMidnightAfter(today) };
}
