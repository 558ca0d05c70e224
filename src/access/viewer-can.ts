import { GraphQLError } from 'graphql';
import type { AppAbility } from '../authz/ability';
import type { MutationAccess } from '../authz/mutation-access';

/** The codes by which a step's own rules refuse to run: the journey's legal order, or a one-off step already taken. */
const STEP_REFUSALS: readonly unknown[] = ['BAD_USER_INPUT', 'CONFLICT'];

/**
 * Whether the caller may run a mutation on `record` now: the policy (the mutation's own question, from
 * MUTATION_ACCESS, on the record as the caller reads it, or as the mutation would create it) and, when given, the
 * step's own rule that the mutation runs, the very function, whose refusal means no. Any other error is no answer and
 * propagates.
 */
async function viewerMay(
  ability: AppAbility,
  access: MutationAccess,
  record: object,
  stepRule?: () => Promise<unknown> | unknown,
): Promise<boolean> {
  const subject = ability.detectSubjectType(record);
  if (subject !== access.subject) throw new Error(`viewerCan asks about a ${access.subject}, not a ${String(subject)}`);
  if (!ability.can(access.action, record)) return false;
  if (!stepRule) return true;
  try {
    await stepRule();
    return true;
  } catch (error) {
    if (error instanceof GraphQLError && STEP_REFUSALS.includes(error.extensions.code)) return false;
    throw error;
  }
}

/** One control of a record: its mutation's question to the policy, on `record` (the shown one by default), and the step's rule. */
export type Control = { access: MutationAccess; record?: object; rule?: () => Promise<unknown> | unknown };

/**
 * A record's `viewerCan`: every control answered together, so that across a page each read of the rules is one batch
 * (src/access/rule-reads.ts). `prime` loads those reads at once first, when some control passes the policy.
 */
export async function viewerCanOf<K extends string>(
  ability: AppAbility,
  shown: object,
  controls: Record<K, Control>,
  prime?: () => Promise<unknown>,
): Promise<Record<K, boolean>> {
  const entries = Object.entries(controls) as [K, Control][];
  if (prime && entries.some(([, { access, record = shown }]) => ability.can(access.action, record))) await prime();
  const answers = await Promise.all(entries.map(([, { access, record = shown, rule }]) => viewerMay(ability, access, record, rule)));
  return Object.fromEntries(entries.map(([name], i) => [name, answers[i]])) as Record<K, boolean>;
}

/**
 * Controls that no shown record carries (a "New child" button, an access administrator's "Grant a role"): each asks
 * its mutation's question on the record the mutation would create, or act on, as the step builds it.
 */
export function viewerCanStart<K extends string>(
  ability: AppAbility,
  controls: Record<K, Control & { record: object }>,
): Promise<Record<K, boolean>> {
  return viewerCanOf(ability, {}, controls);
}
