import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionArgs, ConnectionType } from '../graphql/connection';
import { OrderByField, OrderInputType, type OrderBy, type OrderFields } from '../graphql/list-order';
import { OptionalText, RequiredText } from '../graphql/input-fields';
import { DateScalar } from '../graphql/scalars';
import type { Authority, PanelRole, Role } from '../authz/vocabulary';
import { AuthorityEnum, PanelRoleEnum, RoleEnum } from '../access/enums';

@ObjectType('RoleAssignment', {
  description: 'One role held for dates: for one authority, or partnership-wide (authority null). It grants only on the days it holds.',
})
export class RoleAssignment {
  @Field(() => ID, { description: 'The assignment’s id.' })
  id!: string;

  @Field(() => RoleEnum, { description: 'The role held.' })
  role!: Role;

  @Field(() => AuthorityEnum, { nullable: true, description: 'The authority it is held for; null: partnership-wide.' })
  authority!: Authority | null;

  @Field(() => ID, { nullable: true, description: 'For a panel member: the panel.' })
  panelId!: string | null;

  @Field(() => PanelRoleEnum, { nullable: true, description: 'For a panel member: their seat.' })
  panelRole!: PanelRole | null;

  @Field(() => DateScalar, { description: 'The first UK day the role holds.' })
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The last UK day the role holds; null: until it is ended.' })
  validTo!: string | null;

  @Field(() => ID, { nullable: true, description: 'Acting cover: the assignment this one covers, for its dates.' })
  delegatedFrom!: string | null;

  @Field(() => ID, { nullable: true, description: 'The access administrator who granted it; null before access was managed here.' })
  grantedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was granted, delegated or ended.' })
  reason!: string | null;
}

@ObjectType('Staff', { description: 'The signed-in member of staff, as they see themselves.' })
export class Staff {
  @Field(() => ID, { description: 'Your id: the sub of your token.' })
  id!: string;

  @Field({ description: 'Your username.' })
  username!: string;

  @Field({ description: 'Your name as colleagues see it.' })
  displayName!: string;

  @Field(() => [RoleAssignment], { description: 'The roles held today (UK date): the ones your requests are decided on.' })
  roles!: RoleAssignment[];

  @Field(() => [RoleAssignment], { description: 'The roles held today and those that start later, by the day they start.' })
  assignments!: RoleAssignment[];
}

@ObjectType('StaffMember', {
  description:
    'A colleague: named on a record (a case fact, not an identity of a child or adopter). The account (username, email, ' +
    'deactivatedOn) is shown to those who manage access and to each member on their own entry; null elsewhere.',
})
export class StaffMember {
  @Field(() => ID, { description: 'The member of staff’s id.' })
  id!: string;

  @Field({ description: 'Their name as colleagues see it.' })
  displayName!: string;

  @Field(() => String, { nullable: true, description: 'Account: their username; null unless you manage access or it is yours.' })
  username?: string | null;

  @Field(() => String, { nullable: true, description: 'Account: their work email; null unless you manage access or it is yours.' })
  email?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'A deactivated member of staff cannot sign in.' })
  active?: boolean | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Account: the day they were deactivated; null while active, or unless you manage access or it is yours.',
  })
  deactivatedOn?: string | null;
}

export const StaffMemberConnection = ConnectionType(StaffMember, 'StaffMember');

/** The fields the staff directory may be ordered by: each a column of the directory, and a field its rules name. */
export const STAFF_MEMBER_ORDER_FIELDS = {
  DISPLAY_NAME: { property: 'displayName', description: 'Their name as colleagues see it.' },
  USERNAME: { property: 'username', description: 'Account: their username, for those who may read every username.' },
  DEACTIVATED_ON: {
    property: 'deactivatedOn',
    description: 'Account: the day they were deactivated, active members last; for those who may read it of everyone.',
  },
} as const satisfies OrderFields<string>;
export type StaffMemberOrderField = keyof typeof STAFF_MEMBER_ORDER_FIELDS;
const StaffMemberOrder = OrderInputType('StaffMember', 'staff', STAFF_MEMBER_ORDER_FIELDS);

@InputType({ description: 'Criteria on the directory; every one given must hold.' })
export class StaffMemberFilter {
  @Field(() => RoleEnum, { nullable: true, description: 'Holding this role today or later, in a role assignment you may read.' })
  role?: Role;

  @Field(() => AuthorityEnum, {
    nullable: true,
    description: 'Holding a role for this authority today or later, in a role assignment you may read.',
  })
  authority?: Authority;

  @Field(() => ID, { nullable: true, description: 'A member of this panel today or later, in a role assignment you may read.' })
  panelId?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only those who may sign in (true), or those deactivated (false).' })
  active?: boolean;

  @Field(() => String, { nullable: true, description: 'Part of the display name, or of the username where you may read usernames.' })
  search?: string;
}

@ArgsType()
export class StaffMembersArgs extends ConnectionArgs {
  @Field(() => StaffMemberFilter, { nullable: true, description: 'Narrows the directory; every criterion given must hold.' })
  filter?: StaffMemberFilter;

  @OrderByField(StaffMemberOrder, 'By default oldest entry first.')
  orderBy?: OrderBy<StaffMemberOrderField>[];
}

@InputType({ description: 'A new member of staff’s account.' })
export class CreateStaffMemberInput {
  @Field({ description: 'Lower case letters, digits and . _ -, 2 to 63 characters.' })
  username!: string;

  @RequiredText(200, 'Their name as colleagues see it.')
  displayName!: string;

  @Field({ description: 'Their work email.' })
  email!: string;
}

@InputType({ description: 'A leaver’s account closed.' })
export class DeactivateStaffMemberInput {
  @Field(() => ID, { description: 'The member of staff.' })
  staffId!: string;

  @RequiredText(500, 'Why.')
  reason!: string;
}

@InputType({ description: 'A role granted to a member of staff for dates.' })
export class GrantRoleInput {
  @Field(() => ID, { description: 'The member of staff.' })
  staffId!: string;

  @Field(() => RoleEnum, { description: 'The role.' })
  role!: Role;

  @Field(() => AuthorityEnum, { nullable: true, description: 'For an authority; none for a partnership-wide role.' })
  authority?: Authority | null;

  @Field(() => ID, { nullable: true, description: 'For PANEL_MEMBER: the panel.' })
  panelId?: string | null;

  @Field(() => PanelRoleEnum, { nullable: true, description: 'For PANEL_MEMBER: the seat.' })
  panelRole?: PanelRole | null;

  @Field(() => DateScalar, { description: 'Today or later (UK date).' })
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The last day; none: until it is ended.' })
  validTo?: string | null;

  @RequiredText(500, 'Why it is granted.')
  reason!: string;
}

@InputType({ description: 'Acting cover: a colleague holds a role for named days.' })
export class DelegateRoleInput {
  @Field(() => ID, { description: 'The role held in its own right that the cover is for.' })
  fromAssignmentId!: string;

  @Field(() => ID, { description: 'Who covers.' })
  toStaffId!: string;

  @Field(() => DateScalar, { description: 'Today or later, within the covered role’s dates.' })
  validFrom!: string;

  @Field(() => DateScalar, { description: 'The last day of cover, within the covered role’s dates.' })
  validTo!: string;

  @RequiredText(500, 'Why the cover is needed.')
  reason!: string;
}

@InputType({ description: 'A role assignment ended.' })
export class EndRoleInput {
  @Field(() => ID, { description: 'The assignment.' })
  assignmentId!: string;

  @Field(() => DateScalar, { description: 'The last day the role holds: today or later, and not before it starts.' })
  endsOn!: string;

  @OptionalText(500, 'Why.')
  reason?: string | null;
}
