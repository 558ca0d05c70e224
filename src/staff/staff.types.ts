import { Field, ID, ObjectType } from 'type-graphql';
import type { Authority, PanelRole, Role } from '../authz/vocabulary';
import { AuthorityEnum, PanelRoleEnum, RoleEnum } from '../access/enums';

@ObjectType('RoleAssignment', { description: 'One role held: for one authority, or partnership-wide (authority null).' })
export class RoleAssignment {
  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => AuthorityEnum, { nullable: true })
  authority!: Authority | null;

  @Field(() => ID, { nullable: true })
  panelId!: string | null;

  @Field(() => PanelRoleEnum, { nullable: true })
  panelRole!: PanelRole | null;
}

@ObjectType('Staff')
export class Staff {
  @Field(() => ID)
  id!: string;

  @Field()
  username!: string;

  @Field()
  displayName!: string;

  @Field(() => [RoleAssignment])
  roles!: RoleAssignment[];
}

@ObjectType('StaffMember', { description: 'A colleague named on a record (a case fact, not an identity of a child or adopter).' })
export class StaffMember {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;
}
