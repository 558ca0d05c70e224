import { packRules, PackRule } from '@casl/ability/extra';
import type { AppAbility } from './ability';

/**
 * The actor's rules, packed as CASL packs them: a browser unpacks them into its own
 * `createMongoAbility` to show or hide controls, with the same rules the server enforces.
 */
export function packedRulesOf(ability: AppAbility): PackRule<AppAbility['rules'][number]>[] {
  return packRules(ability.rules);
}
