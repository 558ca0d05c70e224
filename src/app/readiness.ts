import type { DataSource } from 'typeorm';
import type { Logger } from '../common/logger';

export type Readiness = {
  status: 'ready' | 'not ready';
  database: 'ok' | 'unavailable';
  /** `not configured` with the development secret or JWT_SECRET: there is nothing to fetch. */
  identityProvider: 'ok' | 'unavailable' | 'not configured';
};

/** How long the database may take to answer before it counts as down: a probe must answer before its caller gives up. */
const DATABASE_PROBE_MS = 2000;
/** The identity provider's answer is kept this long, so that probes every second do not fetch its keys every second. */
const IDENTITY_PROVIDER_KEPT_MS = 5000;

function withinMs<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Whether this instance can serve requests: the database answers, and the identity provider's keys can be
 * fetched (when tokens are checked against them). A failure is logged as a warning naming its cause, once
 * per check.
 */
export function readinessCheck(dataSource: DataSource, probeIdentityProvider: (() => Promise<void>) | null, log: Logger) {
  let identityProvider: { at: number; answer: Promise<boolean> } | null = null;
  const identityProviderAnswers = (): Promise<boolean> => {
    if (!identityProvider || Date.now() - identityProvider.at > IDENTITY_PROVIDER_KEPT_MS) {
      const answer = probeIdentityProvider!().then(
        () => true,
        (err: unknown) => {
          log.warn({ err }, err instanceof Error ? err.message : 'identity provider unavailable');
          return false;
        },
      );
      identityProvider = { at: Date.now(), answer };
    }
    return identityProvider.answer;
  };
  const databaseAnswers = (): Promise<boolean> =>
    withinMs(dataSource.query('SELECT 1'), DATABASE_PROBE_MS).then(
      () => true,
      (err: unknown) => {
        log.warn({ err }, 'database unavailable');
        return false;
      },
    );
  return async (): Promise<Readiness> => {
    const [database, provider] = await Promise.all([databaseAnswers(), probeIdentityProvider ? identityProviderAnswers() : null]);
    const identityProviderState = provider === null ? 'not configured' : provider ? 'ok' : 'unavailable';
    return {
      status: database && provider !== false ? 'ready' : 'not ready',
      database: database ? 'ok' : 'unavailable',
      identityProvider: identityProviderState,
    };
  };
}
