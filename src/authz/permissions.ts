import { packRules, PackRule } from '@casl/ability/extra';
import type { AppAbility } from './ability';
import type { Actor } from './actor';
import { clientRulesOf } from './client-rules';
import type { ScopeFacts } from './facts';

/**
 * The actor's rules as a client receives them (client-rules.ts), packed as CASL packs them: a browser unpacks them
 * into its own `createMongoAbility` to show or hide controls, deciding as the server does on every record it holds.
 */
export function packedRulesOf(actor: Actor, facts: ScopeFacts, today: string): PackRule<AppAbility['rules'][number]>[] {
  return packRules(clientRulesOf(actor, facts, today));
}
