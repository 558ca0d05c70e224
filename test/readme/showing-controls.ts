import { createMongoAbility, subject, type MongoAbility, type RawRuleOf } from '@casl/ability';
import { unpackRules, type PackRule } from '@casl/ability/extra';

/** Your GraphQL client: sends an operation with the caller's token and returns its `data`. */
declare function query<T>(operation: string): Promise<T>;

type AccessRules = { rules: PackRule<RawRuleOf<MongoAbility>>[]; version: string; expiresAt: string };

/** The caller's rules, once a sign-in; again when `expiresAt` passes or `version` changes. */
export async function loadAbility(): Promise<{ ability: MongoAbility; version: string; expiresAt: Date }> {
  const { myAccessRules } = await query<{ myAccessRules: AccessRules }>('{ myAccessRules { rules version expiresAt } }');
  const ability = createMongoAbility(unpackRules(myAccessRules.rules));
  return { ability, version: myAccessRules.version, expiresAt: new Date(myAccessRules.expiresAt) };
}

/**
 * Coarse gating: menus and "new" buttons. A record's own buttons follow its `viewerCan`. Test a record with the
 * fields the rules test on it, `viewerFacts` among them (allocated to you, on your panel's agenda…).
 */
export function menus(ability: MongoAbility, child: { id: string; authority: string; viewerFacts: string[] }) {
  return {
    childrenMenu: ability.can('read', 'Child'),
    recordAKentChild: ability.can('create', subject('Child', { authority: 'KENT' })),
    birthFamilyTab: ability.can('read', subject('Child', { ...child }), 'birthFamilyBackground'),
  };
}
