import type { RoleAssignment } from '../actor';
import type { AppAbilityBuilder } from '../ability';
import type { ScopeFacts } from '../facts';

/**
 * What a policy may know besides the assignment: who is asking (their staff id), this request's facts and today's
 * UK date.
 */
export type PolicyInput = { staffId: string; facts: ScopeFacts; today: string };

/** One pure function per role: the rules one assignment grants. */
export type DefinePermissions = (assignment: RoleAssignment, input: PolicyInput, builder: AppAbilityBuilder) => void;
