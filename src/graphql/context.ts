import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { loadActor } from '../auth/actor-loader';
import { InvalidToken, type TokenVerifier } from '../auth/tokens';
import type { AppAbility } from '../authz/ability';
import type { Actor } from '../authz/actor';
import { defineAbilityFor } from '../authz/define-ability';
import { NO_FACTS, type ScopeFacts } from '../authz/facts';
import { tenantAuthoritiesOf } from '../authz/tenant-scope';
import { ChildService } from '../children/child.service';
import type { Clock } from '../clock';
import { DbScope } from '../db/db-scope';
import type { Logger } from '../logger';
import { unauthenticated } from './errors';

export type AppDeps = {
  dataSource: DataSource;
  verifyToken: TokenVerifier;
  clock: Clock;
  log: Logger;
  production: boolean;
};

/** What services get: who is asking, what they may do, this request's database scope and clock. */
export type ServiceContext = {
  log: Logger;
  now: Date;
  actor: Actor;
  facts: ScopeFacts;
  ability: AppAbility;
  db: DbScope;
};

/** What every resolver gets: the services, built per request from the caller's ability. */
export type RequestContext = ServiceContext & {
  requestId: string;
  services: { children: ChildService };
};

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export function requestIdOf(req: Request): string {
  const given = req.header('x-request-id');
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

function bearerToken(req: Request): string {
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(req.header('authorization') ?? '');
  if (!match) throw unauthenticated('A bearer token is required');
  return match[1]!;
}

/**
 * Authenticates the request and builds its context: token → staff id; then, inside the request's
 * transaction, the actor (deactivated or unknown staff = UNAUTHENTICATED), the tenant settings,
 * the facts and the ability, built once per request.
 */
export async function buildContext(deps: AppDeps, req: Request, requestId: string): Promise<RequestContext> {
  let staffId: string;
  try {
    ({ staffId } = await deps.verifyToken(bearerToken(req)));
  } catch (error) {
    if (error instanceof InvalidToken) throw unauthenticated('The token is invalid or has expired');
    throw error;
  }
  const db = new DbScope(deps.dataSource);
  try {
    await db.open();
    const actor = await loadActor(db, staffId);
    if (!actor) throw unauthenticated('The token does not name an active member of staff');
    await db.query(`SELECT set_config('app.authorities', $1, true)`, [tenantAuthoritiesOf(actor).join(',')]);
    const facts = NO_FACTS;
    const now = deps.clock();
    const ability = defineAbilityFor(actor, facts, now);
    const base: ServiceContext = { log: deps.log.child({ requestId, staffId }), now, actor, facts, ability, db };
    return { ...base, requestId, services: { children: new ChildService(base) } };
  } catch (error) {
    await db.finish('rollback');
    throw error;
  }
}
