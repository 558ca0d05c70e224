import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { createOne } from '../../access/guarded';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { badUserInput, conflict } from '../../graphql/errors';
import { checkInput, requireText } from '../../graphql/input-rules';
import { StaffRecord } from '../staff.entity';
import { CreateStaffMemberInput, StaffMember } from '../staff.types';
import { NEW_STAFF_MEMBER } from '../staff.view';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;
const EMAIL = /^[^@\s]{1,64}@[^@\s]{1,190}$/;

/** The member of staff as the step proposes it to the policy: any, staff being partnership-wide (and `viewerCanCreate`). */
export const proposedStaffMember = (): StaffRecord => new StaffRecord();

/** The access administrator creates a member of staff, who holds no role until one is granted. */
export function createStaffMember(ctx: ServiceContext, input: CreateStaffMemberInput): Promise<StaffMember> {
  return createOne(ctx, NEW_STAFF_MEMBER, proposedStaffMember(), async (manager) => {
    const email = input.email.trim().toLowerCase();
    const [displayName] = checkInput(
      input,
      () => requireText('displayName', input.displayName),
      () => {
        if (!USERNAME.test(input.username)) throw badUserInput('username', 'lower case letters, digits and . _ -, 2 to 63 characters');
      },
      () => {
        if (!EMAIL.test(email)) throw badUserInput('email', 'must be an email address');
      },
    );
    if (await manager.existsBy(StaffRecord, { username: input.username })) throw conflict('ALREADY_TAKEN', 'This username is taken');
    if (await manager.existsBy(StaffRecord, { email })) throw conflict('ALREADY_TAKEN', 'This email belongs to another member of staff');
    const record = Object.assign(new StaffRecord(), {
      username: input.username,
      displayName,
      email,
    });
    return manager.save(record);
  });
}

@Resolver()
export class CreateStaffMemberStep {
  @Mutation(() => StaffMember, { description: 'Access administrators: a new member of staff, with no role until one is granted.' })
  createStaffMember(
    @Arg('input', () => CreateStaffMemberInput, { description: 'The new member of staff’s account.' }) input: CreateStaffMemberInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createStaffMember(ctx, input);
  }
}
