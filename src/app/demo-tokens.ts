import { DEMO_STAFF } from '../../seeds/demo-staff';
import { signDevToken, type JwtSettings } from '../access/tokens';

export type DemoToken = { username: string; displayName: string; token: string };

/** A development token (8 hours) for every demo identity: what `npm start` prints and the pages' token picker offers. */
export function signDemoTokens(jwt: JwtSettings): Promise<DemoToken[]> {
  return Promise.all(
    DEMO_STAFF.map(async (s) => ({ username: s.username, displayName: s.displayName, token: await signDevToken(jwt, s.id) })),
  );
}
