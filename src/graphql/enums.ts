import { registerEnumType } from 'type-graphql';
import { AUTHORITIES, PANEL_ROLES, ROLES } from '../authz/vocabulary';
import { CHILD_STAGES } from '../children/child-stage';

/** GraphQL enums from the same constant lists the database enums and the policy use. */
function enumOf<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
}

export const AuthorityEnum = enumOf(AUTHORITIES);
export const RoleEnum = enumOf(ROLES);
export const PanelRoleEnum = enumOf(PANEL_ROLES);
export const ChildStageEnum = enumOf(CHILD_STAGES);

registerEnumType(AuthorityEnum, { name: 'Authority', description: 'A partner local authority: the tenant.' });
registerEnumType(RoleEnum, { name: 'Role' });
registerEnumType(PanelRoleEnum, { name: 'PanelRole' });
registerEnumType(ChildStageEnum, { name: 'ChildStage', description: "Where a child is on the adoption journey." });
