import type { AppAbility } from '../authz/ability';
import { forbidden } from '../graphql/errors';
import type { Action, SubjectType } from '../authz/vocabulary';

/**
 * Refusals in the refusal order (docs/api-contract.md, "Refusal order"). (2), NOT_FOUND for a record out of
 * reach, is the scoped lookup itself (see scoped-reads.ts): a lookup never fetches a row the actor may not read.
 */

/** (1) The role may not take `action` on `subjectType` under any condition: FORBIDDEN before any lookup. */
export function assertMayEver(ability: AppAbility, action: Action, subjectType: SubjectType): void {
  if (!ability.can(action, subjectType)) throw forbidden(`ROLE_MAY_NOT_${action.toUpperCase()}`, { subjectType });
}

/** (3) The action on this (visible, or proposed) record is refused: FORBIDDEN with the rule's reason. */
export function assertCan(ability: AppAbility, action: Action, record: object): void {
  if (!ability.can(action, record)) {
    throw forbidden(refusalReason(ability, action, record), {
      subjectType: ability.detectSubjectType(record),
      subjectId: (record as { id?: string }).id ?? null,
    });
  }
}

/**
 * The stable reason of a refusal: "the role may not do this at all" where no rule allows it, else the matching
 * `cannot` rule's, else the reason given to the conditional `can` rules that did not match.
 */
export function refusalReason(ability: AppAbility, action: Action, record: object): string {
  const rules = ability.rulesFor(action, ability.detectSubjectType(record) as SubjectType);
  const allows = rules.filter((rule) => !rule.inverted);
  if (allows.length === 0) return `ROLE_MAY_NOT_${action.toUpperCase()}`;
  const denial = rules.find((rule) => rule.inverted && rule.matchesConditions(record));
  if (denial) return denial.reason ?? 'DENIED';
  return allows.find((rule) => rule.reason)?.reason ?? 'OUT_OF_SCOPE';
}
