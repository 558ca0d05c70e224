import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import { checkInput, optionalText, requireText } from '../../graphql/input-rules';
import { changeChild } from '../child-change';
import { assertChildDates, DETAIL_FIELDS, nhsNumberOf } from '../child-details';
import type { ChildRecord } from '../child.entity';
import { UpdateChildInput } from '../child.inputs';
import { Child } from '../child.types';

/** Corrects the child's details; only the fields given change. */
export function updateChild(ctx: ServiceContext, input: UpdateChildInput): Promise<Child> {
  return changeChild(ctx, MUTATION_ACCESS.updateChild.action, input, async (child) => {
    const dateOfBirth = input.dateOfBirth ?? child.dateOfBirth;
    const [firstName, lastName, nhsNumber] = checkInput(
      input,
      () => (input.firstName != null ? requireText('firstName', input.firstName) : undefined),
      () => (input.lastName != null ? requireText('lastName', input.lastName) : undefined),
      () => (input.nhsNumber !== undefined ? nhsNumberOf(input.nhsNumber) : undefined),
      () => assertChildDates(ctx, dateOfBirth, child.enteredCareOn),
    );
    const changes: Partial<ChildRecord> = { dateOfBirth };
    if (firstName !== undefined) changes.firstName = firstName;
    if (lastName !== undefined) changes.lastName = lastName;
    if (nhsNumber !== undefined) changes.nhsNumber = nhsNumber;
    for (const field of DETAIL_FIELDS) {
      if (input[field] !== undefined) changes[field] = optionalText(input[field]);
    }
    return changes;
  });
}

@Resolver()
export class UpdateChildStep {
  @Mutation(() => Child, { description: "A PPM lead corrects a child's details; only the fields given change." })
  updateChild(
    @Arg('input', () => UpdateChildInput, { description: 'The child and the details that change.' }) input: UpdateChildInput,
    @Ctx() ctx: RequestContext,
  ) {
    return updateChild(ctx, input);
  }
}
