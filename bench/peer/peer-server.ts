import { createServer } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { grafserv } from 'postgraphile/grafserv/node';
import { createTokenVerifier } from '../../src/access/tokens';
import { describeError } from '../../src/common/log-safe-error';
import { requestSettings, type PeerSettings } from './settings';

/**
 * The peer a team would weigh against the API: PostGraphile 5 over the same tables, with the same Row-Level
 * Security. It logs in as a member of the request role (`PEER_DATABASE_URL`), and each request runs with the
 * `pgSettings` the API's own opening would set for the token's member of staff (`PEER_SETTINGS`, from
 * bench/peer/settings.ts): the request role, who is asking, their tenant and roles, and the statement settings.
 * The token is checked as the API checks it (the same verifier, against the same JWKS). No access log, no rate
 * count, no field guard: Row-Level Security alone decides what a request reads.
 */
const POOL_SIZE = 10;

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const staffSettings = JSON.parse(env('PEER_SETTINGS')) as Record<string, PeerSettings>;
const verify = createTokenVerifier({ secret: null, jwksUrl: env('JWKS_URL'), issuer: 'apse-api', audience: 'apse-api' });

/** A request's settings, from its bearer token; a request without a valid token for a known member of staff is refused. */
async function pgSettingsOf(req: IncomingMessage | undefined): Promise<PeerSettings> {
  const token = /^Bearer (\S+)$/.exec(req?.headers.authorization ?? '')?.[1];
  if (!token) throw new Error('a bearer token is required');
  const { staffId } = await verify(token);
  const settings = staffSettings[staffId];
  if (!settings) throw new Error('the token does not name a member of staff the peer serves');
  return requestSettings(settings);
}

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset],
  // Without it, a column without an index of its own (the children's stage) cannot be filtered on.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ connectionString: env('PEER_DATABASE_URL'), schemas: ['public'], poolConfig: { max: POOL_SIZE } })],
  grafast: {
    async context(requestContext) {
      return { pgSettings: await pgSettingsOf(requestContext.node?.req) };
    },
  },
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
};

async function main(): Promise<void> {
  const port = Number(env('PORT'));
  const serv = postgraphile(preset).createServ(grafserv);
  const server = createServer();
  server.keepAliveTimeout = 60_000;
  serv.addTo(server);
  await serv.ready();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const stop = () => server.close(() => void serv.release().then(() => process.exit(0)));
  process.once('SIGINT', stop).once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(describeError(error));
  process.exit(1);
});
