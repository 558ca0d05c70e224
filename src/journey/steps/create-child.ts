import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { assertCan } from '../../access/refusals';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import type { Authority } from '../../authz/vocabulary';
import { checkInput, optionalText, requireText } from '../../graphql/input-rules';
import { assertChildDates, DETAIL_FIELDS, nhsNumberOf } from '../child-details';
import { ChildRecord } from '../child.entity';
import { CreateChildInput } from '../child.inputs';
import { Child } from '../child.types';
import { presentChild } from '../child.view';

/** The child as the step proposes it to the policy: of its authority. `viewerCanCreate.createChild` asks on it too. */
export const proposedChild = (authority: Authority): ChildRecord => Object.assign(new ChildRecord(), { authority });

export async function createChild(ctx: ServiceContext, input: CreateChildInput): Promise<Child> {
  const proposed = proposedChild(input.authority);
  assertCan(ctx.ability, MUTATION_ACCESS.createChild.action, proposed);
  const [firstName, lastName, nhsNumber] = checkInput(
    input,
    () => requireText('firstName', input.firstName),
    () => requireText('lastName', input.lastName),
    () => nhsNumberOf(input.nhsNumber),
    () => assertChildDates(ctx, input.dateOfBirth, input.enteredCareOn),
  );
  const record = Object.assign(proposed, {
    firstName,
    lastName,
    dateOfBirth: input.dateOfBirth,
    enteredCareOn: input.enteredCareOn,
    nhsNumber,
    ...details(input),
    createdBy: ctx.actor.staffId,
  });
  return ctx.db.unit(async (manager) => {
    const saved = await manager.save(record);
    assertCan(ctx.ability, MUTATION_ACCESS.createChild.action, saved);
    return presentChild(ctx.ability, ctx.today, saved);
  });
}

function details(input: Pick<CreateChildInput, (typeof DETAIL_FIELDS)[number]>): Partial<ChildRecord> {
  return Object.fromEntries(DETAIL_FIELDS.map((f) => [f, optionalText(input[f])]));
}

@Resolver()
export class CreateChildStep {
  @Mutation(() => Child, { description: 'A PPM lead records a child of their own authority.' })
  createChild(
    @Arg('input', () => CreateChildInput, { description: 'The child as referred.' }) input: CreateChildInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createChild(ctx, input);
  }
}
