import { GraphQLError } from 'graphql';
import type { AppAbility } from '../authz/ability';
import type { Action } from '../authz/vocabulary';

/** The codes by which a step's own rules refuse to run: the journey's legal order, or a one-off step already taken. */
const STEP_REFUSALS: readonly unknown[] = ['BAD_USER_INPUT', 'CONFLICT'];

/**
 * Whether the caller may take `action` on `record` now: the policy (read it, and take the action on it) and, when
 * given, the step's own rule that the mutation runs, the very function, whose refusal means no. Any other error is
 * no answer and propagates.
 */
export async function viewerMay(ability: AppAbility, action: Action, record: object, stepRule?: () => Promise<unknown>): Promise<boolean> {
  if (!ability.can('read', record) || !ability.can(action, record)) return false;
  if (!stepRule) return true;
  try {
    await stepRule();
    return true;
  } catch (error) {
    if (error instanceof GraphQLError && STEP_REFUSALS.includes(error.extensions.code)) return false;
    throw error;
  }
}
