import { graphqlEnum } from '../graphql/enums';
import { AUTHORITIES, PANEL_ROLES, ROLES } from '../authz/vocabulary';

/** The policy's vocabulary as GraphQL enums. */
export const AuthorityEnum = graphqlEnum(AUTHORITIES, 'Authority', 'A partner local authority: the tenant.');
export const RoleEnum = graphqlEnum(ROLES, 'Role');
export const PanelRoleEnum = graphqlEnum(PANEL_ROLES, 'PanelRole');
