import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import { optionalText, requireText } from '../../graphql/input-rules';
import { changeChild } from '../child-change';
import { assertChildDates, DETAIL_FIELDS, nhsNumberOf } from '../child-details';
import type { ChildRecord } from '../child.entity';
import { UpdateChildInput } from '../child.inputs';
import { Child } from '../child.types';

/** Corrects the child's details; only the fields given change. */
export function updateChild(ctx: ServiceContext, input: UpdateChildInput): Promise<Child> {
  return changeChild(ctx, MUTATION_ACCESS.updateChild.action, input, async (child) => {
    const dateOfBirth = input.dateOfBirth ?? child.dateOfBirth;
    assertChildDates(ctx, dateOfBirth, child.enteredCareOn);
    const changes: Partial<ChildRecord> = { dateOfBirth };
    if (input.firstName != null) changes.firstName = requireText('firstName', input.firstName);
    if (input.lastName != null) changes.lastName = requireText('lastName', input.lastName);
    if (input.nhsNumber !== undefined) changes.nhsNumber = nhsNumberOf(input.nhsNumber);
    for (const field of DETAIL_FIELDS) {
      if (input[field] !== undefined) changes[field] = optionalText(input[field]);
    }
    return changes;
  });
}

@Resolver()
export class UpdateChildStep {
  @Mutation(() => Child, { description: "A PPM lead corrects a child's details; only the fields given change." })
  updateChild(@Arg('input', () => UpdateChildInput) input: UpdateChildInput, @Ctx() ctx: RequestContext) {
    return updateChild(ctx, input);
  }
}
