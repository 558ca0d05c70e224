import { createMongoAbility, type MongoAbility } from '@casl/ability';
import { unpackRules, type PackRule } from '@casl/ability/extra';
import { graphql } from './graphql';

export type Viewer = { username: string; displayName: string; ability: MongoAbility };

export const VIEWER_QUERY = '{ me { username displayName } myPermissions }';

/** Who is signed in and what they may do: the server's own rules (`myPermissions`), so the page shows what it would answer. */
export async function loadViewer(): Promise<Viewer> {
  const { data } = await graphql<{ me: { username: string; displayName: string }; myPermissions: PackRule<never>[] }>(VIEWER_QUERY);
  return { ...data.me, ability: createMongoAbility(unpackRules(data.myPermissions)) };
}
