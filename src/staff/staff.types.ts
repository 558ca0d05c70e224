import { Field, ID, ObjectType } from 'type-graphql';
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

@ObjectType('StaffMember', { description: 'A colleague named on a record (a case fact, not an identity of a child or adopter).' })
export class StaffMember {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;
}
