import { newAuditSigningKeyPem } from '../helpers/audit-signing-key';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from '../../src/app/config';
import { documentIdOf } from '../../src/graphql/trusted-documents';
import { manifestFile } from '../helpers/trusted-documents';

/** A manifest that lists nothing: in production, the pages' own operations only. */
const PAGES_ONLY = manifestFile([]);

describe('configuration', () => {
  it('outside production, an unset DATABASE_URL means the embedded database and a development secret', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeNull();
    expect(config.jwt.secret!.length).toBeGreaterThanOrEqual(32);
  });

  it('MIGRATION_DATABASE_URL defaults to DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://api@db/apse' }).migrationDatabaseUrl).toBe('postgres://api@db/apse');
  });

  it('production requires a JWKS URL and never falls back to the development secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', AUDIT_SIGNING_KEY: newAuditSigningKeyPem() })).toThrow(ConfigError);
    const config = loadConfig({
      NODE_ENV: 'production',
      JWKS_URL: 'https://login.example.org/jwks',
      AUDIT_SIGNING_KEY: newAuditSigningKeyPem(),
      TRUSTED_DOCUMENTS: PAGES_ONLY,
    });
    expect(config.jwt.secret).toBeNull();
  });

  it('production requires the access log’s signing key and never generates one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWKS_URL: 'https://login.example.org/jwks' })).toThrow(
      /AUDIT_SIGNING_KEY is required/,
    );
  });

  it('the development calendar setting moves the days ahead in development, and is refused in production', () => {
    expect(loadConfig({ DEV_DAYS_AHEAD: '1' }).devDaysAhead).toBe(1);
    expect(loadConfig({}).devDaysAhead).toBe(0);
    const production = {
      NODE_ENV: 'production',
      JWKS_URL: 'https://login.example.org/jwks',
      AUDIT_SIGNING_KEY: newAuditSigningKeyPem(),
      TRUSTED_DOCUMENTS: PAGES_ONLY,
    };
    expect(() => loadConfig({ ...production, DEV_DAYS_AHEAD: '1' })).toThrow(/DEV_DAYS_AHEAD/);
    expect(loadConfig(production).devDaysAhead).toBe(0);
    expect(() => loadConfig({ DEV_DAYS_AHEAD: '1.5' })).toThrow(/DEV_DAYS_AHEAD/);
  });

  it('A10 has no threshold of its own unless one is configured; A1 and A2 have the historic 14 and 4 months', () => {
    expect(loadConfig({}).timelinessThresholds).toEqual({ a1Days: 426, a2Days: 121, a10Days: null });
    expect(loadConfig({ A10_THRESHOLD_DAYS: '400' }).timelinessThresholds.a10Days).toBe(400);
  });

  it('an emergency access lasts 4 hours unless configured, whole hours from 1 to 24', () => {
    expect(loadConfig({}).emergencyAccessHours).toBe(4);
    expect(loadConfig({ EMERGENCY_ACCESS_HOURS: '2' }).emergencyAccessHours).toBe(2);
    for (const bad of ['0', '25', '1.5']) expect(() => loadConfig({ EMERGENCY_ACCESS_HOURS: bad })).toThrow(/EMERGENCY_ACCESS_HOURS/);
  });

  it('a signing key given with \\n for its line breaks is read as PEM', () => {
    const pem = newAuditSigningKeyPem();
    expect(loadConfig({ AUDIT_SIGNING_KEY: pem.replace(/\n/g, '\\n') }).auditSigningKey).toEqual({ pem });
  });

  it('with the development secret the API listens on loopback only, unless ALLOW_DEV_SECRET_ON_NETWORK is set', () => {
    expect(loadConfig({ HOST: '127.0.0.1' }).usesDevSecret).toBe(true);
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/loopback only/);
    expect(loadConfig({ HOST: '0.0.0.0', ALLOW_DEV_SECRET_ON_NETWORK: 'true' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0', JWT_SECRET: 'a-real-secret-of-at-least-thirty-two-characters' }).usesDevSecret).toBe(false);
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'not a url' })).toThrow(/PORT.*DATABASE_URL|DATABASE_URL.*PORT/);
  });

  it('refuses WEB_CONCURRENCY above 1 on the embedded database, which belongs to one process', () => {
    expect(() => loadConfig({ WEB_CONCURRENCY: '2' })).toThrow(/WEB_CONCURRENCY above 1 needs DATABASE_URL/);
    expect(loadConfig({ WEB_CONCURRENCY: '2', DATABASE_URL: 'postgres://db/apse' }).webConcurrency).toBe(2);
  });

  it('a short JWT secret is refused', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/at least 32/);
  });

  it.each([
    ['DB_POOL_MAX', '0'],
    ['DB_POOL_MAX', '2.5'],
    ['RATE_LIMIT_PER_MINUTE', '-5'],
    ['RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE', '0'],
    ['STATEMENT_TIMEOUT_MS', '50'],
    ['QUEUED_REQUESTS_PER_STAFF', '-1'],
    ['AUDIT_CHECKPOINT_MINUTES', '-10'],
    ['PORT', '70000'],
    ['WEB_CONCURRENCY', '0'],
  ])('refuses %s=%s, an out-of-range number', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name} \\(`));
  });

  it('refuses an empty HOST, a DATABASE_URL that is not PostgreSQL’s and a JWKS_URL that is not the web’s', () => {
    expect(() => loadConfig({ HOST: '' })).toThrow(/HOST/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/apse' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ JWKS_URL: 'ftp://x' })).toThrow(/JWKS_URL/);
  });

  it('in production, refuses an identity provider reached over plain http, unless it runs on this machine', () => {
    const production = { NODE_ENV: 'production', AUDIT_SIGNING_KEY: newAuditSigningKeyPem(), TRUSTED_DOCUMENTS: PAGES_ONLY };
    expect(() => loadConfig({ ...production, JWKS_URL: 'http://login.example.org/jwks' })).toThrow(/JWKS_URL must be an https URL/);
    expect(loadConfig({ ...production, JWKS_URL: 'http://127.0.0.1:4199/jwks' }).jwt.jwksUrl).toBe('http://127.0.0.1:4199/jwks');
  });

  it('names every problem in one message: the variables’ all at once, and the settings’ all at once', () => {
    const messageOf = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig(env);
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    };
    const variables = messageOf({ DB_POOL_MAX: '0', RATE_LIMIT_PER_MINUTE: '-5', HOST: '' });
    for (const name of ['DB_POOL_MAX', 'RATE_LIMIT_PER_MINUTE', 'HOST']) expect(variables).toContain(`${name} (`);
    const settings = messageOf({ NODE_ENV: 'production', JWKS_URL: 'http://login.example.org/jwks', DEV_DAYS_AHEAD: '1' });
    expect(settings).toMatch(/JWKS_URL must be an https URL/);
    expect(settings).toMatch(/AUDIT_SIGNING_KEY is required/);
    expect(settings).toMatch(/DEV_DAYS_AHEAD/);
  });

  it('CORS_ORIGINS is an allow-list of exact origins, none by default; every entry that is no origin is named in one message', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'http://localhost:5173, https://apse.example.org' }).corsOrigins).toEqual([
      'http://localhost:5173',
      'https://apse.example.org',
    ]);
    const bad = ['https://apse.example.org/', 'http://localhost:5173/app', '*', 'ftp://files.example.org'];
    let message = '';
    try {
      loadConfig({ CORS_ORIGINS: `http://localhost:5173,${bad.join(',')}`, PORT: 'eighty' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/PORT \(/);
    expect(message).toMatch(/CORS_ORIGINS \(/);
    for (const entry of bad) expect(message).toContain(`"${entry}"`);
    expect(message).not.toContain('"http://localhost:5173"');
  });

  it('logs are readable in development on a terminal or with LOG_PRETTY, JSON otherwise, and never pretty in production', () => {
    expect(loadConfig({}, true).logPretty).toBe(true);
    expect(loadConfig({}, false).logPretty).toBe(false);
    expect(loadConfig({ LOG_PRETTY: 'true' }, false).logPretty).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }, true).logPretty).toBe(false);
    const production = {
      NODE_ENV: 'production',
      JWKS_URL: 'https://login.example.org/jwks',
      AUDIT_SIGNING_KEY: newAuditSigningKeyPem(),
      TRUSTED_DOCUMENTS: PAGES_ONLY,
    };
    expect(loadConfig(production, true).logPretty).toBe(false);
    expect(() => loadConfig({ ...production, LOG_PRETTY: 'true' })).toThrow(/LOG_PRETTY is for development/);
  });

  it('TRUSTED_DOCUMENTS names a manifest as GraphQL Code Generator’s client preset writes it: its documents by id', () => {
    const text = 'query Me { me { username } }';
    expect(loadConfig({ TRUSTED_DOCUMENTS: manifestFile([text]) }).trustedDocuments).toEqual(new Map([[documentIdOf(text), text]]));
    const bareHex = manifestFile([], JSON.stringify({ [documentIdOf(text).replace('sha256:', '')]: text }));
    expect(loadConfig({ TRUSTED_DOCUMENTS: bareHex }).trustedDocuments).toEqual(new Map([[documentIdOf(text), text]]));
    expect(loadConfig({}).trustedDocuments).toBeNull();
  });

  it.each([
    ['that is missing', () => '/nonexistent/persisted-documents.json', /cannot be read \(ENOENT\)/],
    ['that is not JSON', () => manifestFile([], '{ "sha256:'), /is not JSON/],
    ['that is a list, not an object of ids to texts', () => manifestFile([], '["{ me { username } }"]'), /must be a JSON object/],
    ['with an entry that is no text', () => manifestFile([], `{ "${documentIdOf('{ me { id } }')}": 7 }`), /is not a document's text/],
    [
      'with an id that is not its document’s SHA-256',
      () => manifestFile([], `{ "sha256:${'0'.repeat(64)}": "{ me { id } }" }`),
      /is not the SHA-256/,
    ],
    ['with sha1 ids', () => manifestFile([], `{ "${'a'.repeat(40)}": "{ me { id } }" }`), /is not the SHA-256/],
  ])('a manifest %s is a configuration error naming the variable, the file and the problem, in one message', (_case, file, problem) => {
    const path = file();
    expect(() => loadConfig({ TRUSTED_DOCUMENTS: path })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUSTED_DOCUMENTS: path })).toThrow(`invalid configuration: TRUSTED_DOCUMENTS (${path} `);
    expect(() => loadConfig({ TRUSTED_DOCUMENTS: path })).toThrow(problem);
  });

  it('production requires TRUSTED_DOCUMENTS: an empty manifest lets the pages’ own operations run, and nothing else', () => {
    const production = { NODE_ENV: 'production', JWKS_URL: 'https://login.example.org/jwks', AUDIT_SIGNING_KEY: newAuditSigningKeyPem() };
    expect(() => loadConfig(production)).toThrow(/TRUSTED_DOCUMENTS is required in production/);
    expect(loadConfig({ ...production, TRUSTED_DOCUMENTS: PAGES_ONLY }).trustedDocuments).toEqual(new Map());
  });

  it('.env.example is accepted as it stands and names every variable the API reads', () => {
    const example = readFileSync(join(__dirname, '..', '..', '.env.example'), 'utf8');
    expect(() => loadConfig(parseEnv(example))).not.toThrow();
    const named = [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(CONFIG_VARIABLES.filter((name) => !named.includes(name))).toEqual([]);
  });
});
