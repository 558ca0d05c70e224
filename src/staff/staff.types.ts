import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionArgs, ConnectionType } from '../graphql/connection';
import { OptionalText, RequiredText } from '../graphql/input-fields';
import { DateScalar } from '../graphql/scalars';
import type { Authority, PanelRole, Role } from '../authz/vocabulary';
import { AuthorityEnum, PanelRoleEnum, RoleEnum } from '../access/enums';

@ObjectType('RoleAssignment', {
  description: 'One role held for dates: for one authority, or partnership-wide (authority null). It grants only on the days it holds.',
})
export class RoleAssignment {
  @Field(() => ID)
  id!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => AuthorityEnum, { nullable: true })
  authority!: Authority | null;

  @Field(() => ID, { nullable: true })
  panelId!: string | null;

  @Field(() => PanelRoleEnum, { nullable: true })
  panelRole!: PanelRole | null;

  @Field(() => DateScalar, { description: 'The first UK day the role holds.' })
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The last UK day the role holds; null: until it is ended.' })
  validTo!: string | null;

  @Field(() => ID, { nullable: true, description: 'Acting cover: the assignment this one covers, for its dates.' })
  delegatedFrom!: string | null;

  @Field(() => ID, { nullable: true, description: 'The access administrator who granted it; null before access was managed here.' })
  grantedBy!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}

@ObjectType('Staff')
export class Staff {
  @Field(() => ID)
  id!: string;

  @Field()
  username!: string;

  @Field()
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
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field(() => String, { nullable: true })
  username?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'A deactivated member of staff cannot sign in.' })
  active?: boolean | null;

  @Field(() => DateScalar, { nullable: true })
  deactivatedOn?: string | null;
}

export const StaffMemberConnection = ConnectionType(StaffMember, 'StaffMember');

@InputType()
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

  @Field(() => Boolean, { nullable: true })
  active?: boolean;

  @Field(() => String, { nullable: true, description: 'Part of the display name, or of the username where you may read usernames.' })
  search?: string;
}

@ArgsType()
export class StaffMembersArgs extends ConnectionArgs {
  @Field(() => StaffMemberFilter, { nullable: true })
  filter?: StaffMemberFilter;
}

@InputType()
export class CreateStaffMemberInput {
  @Field({ description: 'Lower case letters, digits and . _ -, 2 to 63 characters.' })
  username!: string;

  @RequiredText(200)
  displayName!: string;

  @Field()
  email!: string;
}

@InputType()
export class DeactivateStaffMemberInput {
  @Field(() => ID)
  staffId!: string;

  @RequiredText(500)
  reason!: string;
}

@InputType()
export class GrantRoleInput {
  @Field(() => ID)
  staffId!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => AuthorityEnum, { nullable: true, description: 'For an authority; none for a partnership-wide role.' })
  authority?: Authority | null;

  @Field(() => ID, { nullable: true })
  panelId?: string | null;

  @Field(() => PanelRoleEnum, { nullable: true })
  panelRole?: PanelRole | null;

  @Field(() => DateScalar, { description: 'Today or later (UK date).' })
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The last day; none: until it is ended.' })
  validTo?: string | null;

  @RequiredText(500)
  reason!: string;
}

@InputType()
export class DelegateRoleInput {
  @Field(() => ID, { description: 'The role held in its own right that the cover is for.' })
  fromAssignmentId!: string;

  @Field(() => ID, { description: 'Who covers.' })
  toStaffId!: string;

  @Field(() => DateScalar, { description: 'Today or later, within the covered role’s dates.' })
  validFrom!: string;

  @Field(() => DateScalar, { description: 'The last day of cover, within the covered role’s dates.' })
  validTo!: string;

  @RequiredText(500)
  reason!: string;
}

@InputType()
export class EndRoleInput {
  @Field(() => ID)
  assignmentId!: string;

  @Field(() => DateScalar, { description: 'The last day the role holds: today or later, and not before it starts.' })
  endsOn!: string;

  @OptionalText(500)
  reason?: string | null;
}
