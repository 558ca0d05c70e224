import { bool, cleanEnv, EnvError, host, makeValidator, port, str } from 'envalid';
import { DEFAULT_TIMEOUTS, type RequestTimeouts } from '../access/request-timeouts';
import type { JwtSettings } from '../access/tokens';
import type { SigningKeySource } from '../audit/signing-key';
import type { TimelinessThresholds } from '../board/timeliness-thresholds';
import { readManifest, type TrustedDocuments } from '../graphql/trusted-documents';

/** An optional URL of one of `protocols`: unset or empty means "not configured"; anything else must parse. */
const optionalUrl = (protocols: string[]) =>
  makeValidator<string>((value) => {
    if (value === '') return value;
    if (!URL.canParse(value)) throw new EnvError(`Invalid URL: "${value}"`);
    const { protocol } = new URL(value);
    if (!protocols.includes(protocol)) throw new EnvError(`a ${protocols.join(' or ')} URL, not ${protocol}`);
    return value;
  });
const databaseUrl = optionalUrl(['postgres:', 'postgresql:']);

/**
 * Origins a browser may call the API from, comma-separated: each exactly as a browser sends it in `Origin`
 * (scheme, host, port if not the default; no path, no trailing slash), so that matching is plain equality.
 * Every entry that is no origin is named at once.
 */
const originList = makeValidator<string[]>((value) => {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  const bad = entries.filter(
    (entry) => !URL.canParse(entry) || !['http:', 'https:'].includes(new URL(entry).protocol) || new URL(entry).origin !== entry,
  );
  if (bad.length > 0) throw new EnvError(`origins such as https://front.example.org, not ${bad.map((b) => `"${b}"`).join(', ')}`);
  return entries;
});
const webUrl = optionalUrl(['https:', 'http:']);

/** A whole number from `min` to `max`: a pool of 0, a negative rate or a fraction of a request is refused, not obeyed. */
const wholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  makeValidator<number>((value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
      throw new EnvError(`a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? ' up' : ` to ${max}`}, not "${value}"`);
    }
    return n;
  });

const DEV_JWT_SECRET = 'apse-development-only-secret-not-for-production';

const spec = {
  NODE_ENV: str({ choices: ['development', 'test', 'production'], default: 'development' }),
  HOST: host({ default: '127.0.0.1', desc: 'interface to listen on (0.0.0.0 in a container)' }),
  PORT: port({ default: 4000 }),
  WEB_CONCURRENCY: wholeNumber(
    1,
    64,
  )({
    default: 1,
    desc: 'processes serving the API on this machine (one per core); more than one needs DATABASE_URL',
  }),
  DATABASE_URL: databaseUrl({ default: '', desc: 'PostgreSQL URL; unset runs an embedded PGlite' }),
  MIGRATION_DATABASE_URL: databaseUrl({ default: '', desc: 'owner login for migrations; defaults to DATABASE_URL' }),
  EMBEDDED_DATA_DIR: str({ default: '.data/pglite', desc: 'where the embedded database keeps its files' }),
  DB_POOL_MAX: wholeNumber(2, 100)({ default: 4, desc: 'connections in the pool; 2-4 serve best on 2 cores' }),
  JWT_SECRET: str({ default: '', desc: 'HS256 secret; outside production a development secret is used when unset' }),
  JWKS_URL: webUrl({ default: '', desc: 'JWKS of the identity provider (production: https)' }),
  JWT_ISSUER: str({ default: 'apse-api' }),
  JWT_AUDIENCE: str({ default: 'apse-api' }),
  RATE_LIMIT_PER_MINUTE: wholeNumber(1)({ default: 600, desc: 'requests a member of staff may make a minute, across all instances' }),
  RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: wholeNumber(1)({
    default: 60,
    desc: 'requests without a valid token a client address may make a minute',
  }),
  STATEMENT_TIMEOUT_MS: wholeNumber(100)({
    default: DEFAULT_TIMEOUTS.statementMs,
    desc: 'longest a request statement may run (TIMEOUT beyond)',
  }),
  LOCK_TIMEOUT_MS: wholeNumber(100)({ default: DEFAULT_TIMEOUTS.lockMs, desc: 'longest a request statement may wait for a lock' }),
  IDLE_IN_TRANSACTION_TIMEOUT_MS: wholeNumber(100)({
    default: DEFAULT_TIMEOUTS.idleInTransactionMs,
    desc: 'longest a request transaction may sit idle before the database ends it',
  }),
  BOARD_STATEMENT_TIMEOUT_MS: wholeNumber(100)({ default: DEFAULT_TIMEOUTS.boardStatementMs, desc: 'longest a board aggregate may run' }),
  CONCURRENT_REQUESTS_PER_STAFF: wholeNumber(1)({
    default: 3,
    desc: 'requests of one member of staff at the database at once on one instance (below DB_POOL_MAX)',
  }),
  QUEUED_REQUESTS_PER_STAFF: wholeNumber(0)({
    default: 64,
    desc: 'requests of one member of staff that may wait their turn; beyond, RATE_LIMITED',
  }),
  A1_THRESHOLD_DAYS: wholeNumber(1, 3650)({ default: 426, desc: 'DfE scorecard A1: entering care to placement for adoption, days' }),
  A2_THRESHOLD_DAYS: wholeNumber(1, 3650)({ default: 121, desc: 'DfE scorecard A2: placement order to match decision, days' }),
  A10_THRESHOLD_DAYS: wholeNumber(
    1,
    3650,
  )({
    default: undefined,
    desc: 'DfE scorecard A10 (A1 adjusted for foster carers who adopt), days; unset: the scorecard sets none, so none is shown',
  }),
  EMERGENCY_ACCESS_HOURS: wholeNumber(1, 24)({ default: 4, desc: 'how long an emergency access (break-glass) lasts, in hours: 1 to 24' }),
  SEED_DEMO_DATA: bool({ default: true, desc: 'seed demo data into an empty embedded database' }),
  AUDIT_SIGNING_KEY: str({
    default: '',
    desc: "Ed25519 private key (PKCS#8 PEM; \\n for line breaks) that signs the access log's checkpoints",
  }),
  AUDIT_SIGNING_KEY_FILE: str({
    default: '.data/audit-signing-key.pem',
    desc: 'outside production, where the generated development key is kept',
  }),
  AUDIT_CHECKPOINT_MINUTES: wholeNumber(
    0,
    1440,
  )({
    default: 10,
    desc: 'minutes between signed checkpoints of the access log (0: only at start, on shutdown and on demand)',
  }),
  DEV_DAYS_AHEAD: wholeNumber(
    0,
    366,
  )({
    default: 0,
    desc: "development only: the API's calendar runs this many whole days ahead, to try a role that starts tomorrow; refused in production",
  }),
  ALLOW_DEV_SECRET_ON_NETWORK: bool({
    default: false,
    desc: 'with the development secret, listen beyond loopback (a local container demo)',
  }),
  LOG_LEVEL: str({ choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info' }),
  LOG_PRETTY: bool({ default: false, desc: 'development only: readable log lines even when stdout is not a terminal' }),
  CORS_ORIGINS: originList({ default: [], desc: 'origins a browser front end may call /graphql from; empty: none' }),
  TRUSTED_DOCUMENTS: str({
    default: '',
    desc: "manifest of the front ends' operations (GraphQL Code Generator's persisted-documents.json): set, no other runs; required in production",
  }),
};

/** Every variable the API reads: .env.example names each (a test holds them together). */
export const CONFIG_VARIABLES = Object.keys(spec);

export type Config = {
  nodeEnv: 'development' | 'test' | 'production';
  host: string;
  port: number;
  /** Processes serving the API (node:cluster workers); 1: this process serves. */
  webConcurrency: number;
  databaseUrl: string | null;
  migrationDatabaseUrl: string | null;
  embeddedDataDir: string;
  dbPoolMax: number;
  jwt: JwtSettings;
  seedDemoData: boolean;
  logLevel: string;
  /** Log lines for people (pino-pretty) rather than JSON: development only, on a terminal or when asked. */
  logPretty: boolean;
  /** Origins a browser may call /graphql from (CORS); none by default. */
  corsOrigins: string[];
  timelinessThresholds: TimelinessThresholds;
  rateLimitPerMinute: number;
  rateLimitUnauthenticatedPerMinute: number;
  concurrentRequestsPerStaff: number;
  queuedRequestsPerStaff: number;
  /** Per request, in milliseconds: every statement, waiting for a lock, an idle transaction; the board's statements. */
  timeouts: RequestTimeouts;
  /** Tokens are signed with the built-in development secret (development and test only). */
  usesDevSecret: boolean;
  /** Development only: whole days the API's calendar runs ahead of the real one (0 in production). */
  devDaysAhead: number;
  /** The access log's checkpoint signing key: PEM text, or (outside production) a file generated on first use. */
  auditSigningKey: SigningKeySource;
  auditCheckpointMinutes: number;
  emergencyAccessHours: number;
  /** The operations front ends may send besides the pages' own (TRUSTED_DOCUMENTS); null: any operation runs. */
  trustedDocuments: TrustedDocuments | null;
};

export class ConfigError extends Error {}

/** A host only this machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Keys fetched in clear could be swapped on the way; a provider on this machine (a stand-in, a sidecar) is exempt. */
function isHttpsOrLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || isLoopback(hostname.replace(/^\[|\]$/g, ''));
}

/** The manifest TRUSTED_DOCUMENTS names (null when unset), or what is wrong with it. */
function trustedDocumentsAt(path: string): { documents: TrustedDocuments | null; problem?: string } {
  if (path === '') return { documents: null };
  try {
    return { documents: readManifest(path) };
  } catch (error) {
    return { documents: null, problem: `TRUSTED_DOCUMENTS (${(error as Error).message})` };
  }
}

/** Validates the environment once; throws one ConfigError naming every problem, the variables' and the settings'. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, stdoutIsTerminal = false): Config {
  const problems: string[] = [];
  const e = cleanEnv(env, spec, {
    reporter: ({ errors }) => {
      problems.push(...Object.entries(errors).map(([name, error]) => `${name} (${error?.message})`));
      if (problems.length > 0) throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
    },
  });
  const production = e.NODE_ENV === 'production';
  const jwtSecret = e.JWT_SECRET || (production ? '' : DEV_JWT_SECRET);
  const usesDevSecret = !e.JWKS_URL && jwtSecret === DEV_JWT_SECRET;
  const trusted = trustedDocumentsAt(e.TRUSTED_DOCUMENTS);
  const checks: [failed: boolean, problem: string][] = [
    [production && !e.JWKS_URL, 'JWKS_URL is required in production'],
    [production && e.JWKS_URL !== '' && !isHttpsOrLoopback(e.JWKS_URL), 'JWKS_URL must be an https URL in production'],
    [production && !e.AUDIT_SIGNING_KEY, 'AUDIT_SIGNING_KEY is required in production'],
    [
      production && !e.TRUSTED_DOCUMENTS,
      "TRUSTED_DOCUMENTS is required in production: the manifest of the front ends' operations ({} when the pages are the only front end)",
    ],
    [trusted.problem !== undefined, trusted.problem ?? ''],
    [
      e.CONCURRENT_REQUESTS_PER_STAFF >= e.DB_POOL_MAX,
      'CONCURRENT_REQUESTS_PER_STAFF must be below DB_POOL_MAX, so that one person cannot hold the whole pool',
    ],
    [e.WEB_CONCURRENCY > 1 && !e.DATABASE_URL, 'WEB_CONCURRENCY above 1 needs DATABASE_URL: the embedded database belongs to one process'],
    [production && e.DEV_DAYS_AHEAD !== 0, "DEV_DAYS_AHEAD moves the API's calendar, which production never does"],
    [production && e.LOG_PRETTY, 'LOG_PRETTY is for development: production logs are JSON, one line each'],
    [!e.JWKS_URL && jwtSecret.length < 32, 'JWT_SECRET must be at least 32 characters'],
    [
      usesDevSecret && !isLoopback(e.HOST) && !e.ALLOW_DEV_SECRET_ON_NETWORK,
      `with the development secret anyone can sign a token, so the API listens on loopback only (HOST is ${e.HOST}); ` +
        'set JWT_SECRET or JWKS_URL, or ALLOW_DEV_SECRET_ON_NETWORK=true for a local container',
    ],
  ];
  problems.push(...checks.filter(([failed]) => failed).map(([, problem]) => problem));
  if (problems.length > 0) throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  return {
    nodeEnv: e.NODE_ENV as Config['nodeEnv'],
    host: e.HOST,
    port: e.PORT,
    webConcurrency: e.WEB_CONCURRENCY,
    databaseUrl: e.DATABASE_URL || null,
    migrationDatabaseUrl: e.MIGRATION_DATABASE_URL || e.DATABASE_URL || null,
    embeddedDataDir: e.EMBEDDED_DATA_DIR,
    dbPoolMax: e.DB_POOL_MAX,
    jwt: { secret: jwtSecret || null, jwksUrl: e.JWKS_URL || null, issuer: e.JWT_ISSUER, audience: e.JWT_AUDIENCE },
    seedDemoData: e.SEED_DEMO_DATA,
    devDaysAhead: e.DEV_DAYS_AHEAD,
    logLevel: e.LOG_LEVEL,
    logPretty: e.NODE_ENV === 'development' && (stdoutIsTerminal || e.LOG_PRETTY),
    corsOrigins: e.CORS_ORIGINS,
    timelinessThresholds: { a1Days: e.A1_THRESHOLD_DAYS, a2Days: e.A2_THRESHOLD_DAYS, a10Days: e.A10_THRESHOLD_DAYS ?? null },
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    rateLimitUnauthenticatedPerMinute: e.RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE,
    concurrentRequestsPerStaff: e.CONCURRENT_REQUESTS_PER_STAFF,
    queuedRequestsPerStaff: e.QUEUED_REQUESTS_PER_STAFF,
    timeouts: {
      statementMs: e.STATEMENT_TIMEOUT_MS,
      lockMs: e.LOCK_TIMEOUT_MS,
      idleInTransactionMs: e.IDLE_IN_TRANSACTION_TIMEOUT_MS,
      boardStatementMs: e.BOARD_STATEMENT_TIMEOUT_MS,
    },
    usesDevSecret,
    auditSigningKey: e.AUDIT_SIGNING_KEY ? { pem: e.AUDIT_SIGNING_KEY.replace(/\\n/g, '\n') } : { file: e.AUDIT_SIGNING_KEY_FILE },
    auditCheckpointMinutes: e.AUDIT_CHECKPOINT_MINUTES,
    emergencyAccessHours: e.EMERGENCY_ACCESS_HOURS,
    trustedDocuments: trusted.documents,
  };
}
