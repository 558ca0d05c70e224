import type { RoleAssignment } from '../actor';
import type { AppAbilityBuilder } from '../ability';
import type { ScopeFacts } from '../facts';

/** One pure function per role: the rules one assignment grants, from the facts of this request. */
export type DefinePermissions = (
  assignment: RoleAssignment,
  facts: ScopeFacts,
  builder: AppAbilityBuilder,
  now: Date,
) => void;
