import { createMongoAbility, type MongoAbility } from '@casl/ability';
import { unpackRules, type PackRule } from '@casl/ability/extra';
import { graphql } from './graphql';

export type Viewer = { username: string; displayName: string; ability: MongoAbility };

/** Who is signed in and what they may do: the server's own rules (`myPermissions`), so the page shows what it would answer. */
export async function loadViewer(): Promise<Viewer> {
  const { data } = await graphql<{ me: { username: string; displayName: string }; myPermissions: PackRule<never>[] }>(
    '{ me { username displayName } myPermissions }',
  );
  return { ...data.me, ability: createMongoAbility(unpackRules(data.myPermissions)) };
}
