import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import { policyVersion } from '../audit/policy-version';
import { openAsActor, reloadAssignmentsAndFacts } from '../access/actor-loader';
import { ConcurrentRequests } from '../access/concurrent-requests';
import { ADDRESS_COUNT_SQL } from '../access/rate-limit';
import { createJwksProbe, createTokenVerifier, InvalidToken, type TokenVerifier } from '../access/tokens';
import { defineAbilityFor } from '../authz/define-ability';
import { ScopedLoaders } from '../access/scoped-loaders';
import { refreshableAbility } from '../access/scoped-reads';
import type { RequestTimeouts } from '../access/request-timeouts';
import type { TimelinessThresholds } from '../board/timeliness-thresholds';
import type { TrustedDocuments } from '../graphql/trusted-documents';
import type { Config } from './config';
import { signDemoTokens, type DemoToken } from './demo-tokens';
import { EVIDENCE_FILE } from '../audit/policy-evidence';
import { ukDate, type Clock } from '../common/clock';
import { DbScope } from '../db/db-scope';
import { lazyChild, type Logger } from '../common/logger';
import { rateLimited, unauthenticated } from '../graphql/errors';
import { readinessCheck, type Readiness } from './readiness';
import { servicesFor } from './services';
import type { RequestContext, ServiceContext } from '../access/service-context';

export type AppDeps = {
  dataSource: DataSource;
  timeliness: TimelinessThresholds;
  /** How long an emergency access (break-glass) lasts. */
  emergencyAccessHours: number;
  verifyToken: TokenVerifier;
  /** Requests a member of staff may make in a clock minute (RATE_LIMITED beyond). */
  rateLimitPerMinute: number;
  /** Requests without a valid token a client address may make in a clock minute. */
  rateLimitUnauthenticatedPerMinute: number;
  /** Each member of staff's requests in flight on this instance. */
  inFlight: ConcurrentRequests;
  timeouts: RequestTimeouts;
  clock: Clock;
  log: Logger;
  production: boolean;
  /** The demo identities' tokens for the pages' token picker: development with the development secret only, else null. */
  demoTokens: (() => Promise<DemoToken[]>) | null;
  /** The policy evidence served at /audit/evidence.json. */
  evidenceFile: string;
  /** Origins a browser may call /graphql from. */
  corsOrigins: string[];
  /** The operations front ends may send besides the pages' own (TRUSTED_DOCUMENTS); null: any operation runs. */
  trustedDocuments: TrustedDocuments | null;
  /** Whether this instance can serve: the database and, when configured, the identity provider (/readyz). */
  readiness: () => Promise<Readiness>;
};

/** The API's dependencies as configured: main.ts, the tests and the benchmark build them alike. */
export function appDepsFrom(config: Config, dataSource: DataSource, log: Logger, clock: Clock): AppDeps {
  return {
    dataSource,
    timeliness: config.timelinessThresholds,
    emergencyAccessHours: config.emergencyAccessHours,
    verifyToken: createTokenVerifier(config.jwt),
    rateLimitPerMinute: config.rateLimitPerMinute,
    rateLimitUnauthenticatedPerMinute: config.rateLimitUnauthenticatedPerMinute,
    inFlight: new ConcurrentRequests(config.concurrentRequestsPerStaff, config.queuedRequestsPerStaff),
    timeouts: config.timeouts,
    clock,
    log,
    production: config.nodeEnv === 'production',
    demoTokens: config.nodeEnv !== 'production' && config.usesDevSecret ? () => signDemoTokens(config.jwt) : null,
    evidenceFile: EVIDENCE_FILE,
    corsOrigins: config.corsOrigins,
    trustedDocuments: config.trustedDocuments,
    readiness: readinessCheck(dataSource, config.jwt.jwksUrl ? createJwksProbe(config.jwt.jwksUrl) : null, log),
  };
}

/** What a client may name its request by: printable, no spaces, at most 64 characters. */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The server's own id of a request: never the client's, which is kept apart (`clientRequestIdOf`). */
export function newRequestId(): string {
  return randomUUID();
}

/** The client's `x-request-id`, when it is well formed; anything else is not kept. */
export function clientRequestIdOf(req: Request): string | null {
  const given = req.header('x-request-id');
  return given !== undefined && CLIENT_REQUEST_ID.test(given) ? given : null;
}

/**
 * A request without a valid token: UNAUTHENTICATED, counted against its client address, and RATE_LIMITED
 * past that address's share of a minute.
 */
async function refuseUnauthenticated(deps: AppDeps, req: Request, message: string): Promise<never> {
  const [count] = (await deps.dataSource.query(ADDRESS_COUNT_SQL, [req.ip ?? 'unknown'])) as [
    { requests: number; retry_after_seconds: number },
  ];
  if (count.requests > deps.rateLimitUnauthenticatedPerMinute) throw rateLimited(count.retry_after_seconds);
  throw unauthenticated(message);
}

async function authenticate(deps: AppDeps, req: Request): Promise<string> {
  const token = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(req.header('authorization') ?? '')?.[1];
  if (!token) return refuseUnauthenticated(deps, req, 'A bearer token is required');
  try {
    return (await deps.verifyToken(token)).staffId;
  } catch (error) {
    if (error instanceof InvalidToken) return refuseUnauthenticated(deps, req, 'The token is invalid or has expired');
    throw error;
  }
}

/**
 * Authenticates the request and builds its context: token → staff id (no valid token = UNAUTHENTICATED,
 * limited per client address); a place among the member of staff's requests in flight (RATE_LIMITED past
 * their share); then the request's transaction, opened with the actor's statement (deactivated or unknown
 * staff = UNAUTHENTICATED; past the rate limit = RATE_LIMITED) and the facts, in one round trip to the
 * database; the ability, built once per request.
 */
export async function buildContext(
  deps: AppDeps,
  req: Request,
  requestId: string,
  clientRequestId: string | null,
  clientGone?: AbortSignal,
): Promise<RequestContext> {
  const staffId = await authenticate(deps, req);
  const turn = deps.inFlight.enter(staffId);
  if (!turn) throw rateLimited(1, 'CONCURRENT_REQUESTS');
  await turn;
  let released = false;
  const release = () => {
    if (!released) deps.inFlight.leave(staffId);
    released = true;
  };
  // A client that left while its request waited its turn gives the turn back at once.
  if (clientGone?.aborted) {
    release();
    throw new Error('the client left before its request ran');
  }
  const db = new DbScope(deps.dataSource);
  const now = deps.clock();
  const today = ukDate(now);
  try {
    const opening = await openAsActor(
      db,
      staffId,
      { requestId, clientRequestId, policyVersion: policyVersion(), timeouts: deps.timeouts },
      today,
      now,
    );
    if (!opening) {
      await db.finish('rollback');
      return await refuseUnauthenticated(deps, req, 'The token does not name an active member of staff');
    }
    if (opening.requestsThisMinute > deps.rateLimitPerMinute) throw rateLimited(opening.retryAfterSeconds);
    const { actor, facts } = opening;
    const ability = refreshableAbility(defineAbilityFor(actor, facts, today), async (manager) => {
      const current = await reloadAssignmentsAndFacts(manager);
      return defineAbilityFor({ ...actor, assignments: current.assignments }, current.facts, today);
    });
    const loaders = new ScopedLoaders(() => db.manager, ability);
    const base: ServiceContext = { log: lazyChild(deps.log, { requestId, staffId }), now, today, actor, facts, ability, db, loaders };
    if (clientGone?.aborted) throw new Error('the client left while its request was opened');
    return { ...base, requestId, release, services: servicesFor(base, deps.timeliness, deps.emergencyAccessHours) };
  } catch (error) {
    release();
    await db.finish('rollback');
    throw error;
  }
}
