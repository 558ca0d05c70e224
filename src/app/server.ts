import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors, { type CorsOptions } from 'cors';
import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { RequestContext } from '../access/service-context';
import { buildContext, clientRequestIdOf, type AppDeps } from './request-context';
import { answerFailures, openingFailure } from './failures';
import { noteOnRequestLine, operationNamePlugin, requestLog } from './request-log';
import { formatErrorFor } from '../graphql/format-error';
import { queryLimits } from '../graphql/query-limits';
import { requestScopePlugin } from './request-scope.plugin';
import { IDEMPOTENCY_HEADER, REPLAYED_HEADER, idempotencyPlugin } from './idempotency.plugin';
import { servedOperationTypes } from '../graphql/served-operations';
import { textInputPlugin } from '../graphql/text-input.plugin';
import { oneInputErrorPlugin } from '../graphql/input-faults.plugin';
import { duplicateJsonKey } from './json-body';
import { mountExplorer } from './explorer';
import { pagesRouter } from './pages';
import { PAGE_DOCUMENTS_FILE } from './pages-bundle';
import { readManifest } from '../graphql/trusted-documents';
import { trustedOperations } from './trusted-operations';
import { buildApiSchema } from './schema';

export type ApiServer = { app: Express; stop: () => Promise<void> };

/** The express app and Apollo server, without listening: main.ts listens, tests use supertest. */
export async function createServer(deps: AppDeps): Promise<ApiServer> {
  const schema = await buildApiSchema();
  const limits = queryLimits(schema, deps.production);
  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError: formatErrorFor(deps.production),
    introspection: !deps.production,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false, // main.ts drains HTTP, then stops Apollo and the database
    validationRules: [...limits.validationRules, servedOperationTypes],
    parseOptions: limits.parseOptions,
    allowBatchedHttpRequests: limits.allowBatchedHttpRequests,
    // One cache of query texts shared by every caller would tell anyone whether anyone else ran a query, and let
    // anyone add to what runs: documents run by id are the trusted ones only (trusted-operations.ts).
    persistedQueries: false,
    // A request a browser sends cross-origin without a preflight (a form, a simple GET) is refused, whatever CORS allows.
    csrfPrevention: true,
    plugins: [
      ...limits.plugins,
      textInputPlugin(),
      // Before requestScopePlugin: it merges synchronously, before the request's end names its failures.
      oneInputErrorPlugin(),
      idempotencyPlugin(),
      requestScopePlugin(),
      operationNamePlugin(),
      // Every answer is one caller's: there is nothing to cache, and the hints would wrap every field's resolver.
      ApolloServerPluginCacheControlDisabled(),
      // The explorer is this API's own (explorer.ts), in development only; Apollo's loads from outside hosts.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // Answers carry personal data: no browser or proxy may keep them, and no ETag invites one to.
  app.set('etag', false);
  app.use(requestLog(deps.log));
  // Liveness: the process answers. Whether it can serve (database, identity provider) is /readyz's question.
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const readiness = await deps.readiness();
    res
      .status(readiness.status === 'ready' ? 200 : 503)
      .set('cache-control', 'no-store')
      .json(readiness);
  });
  app.use(pagesRouter(deps));
  if (!deps.production) await mountExplorer(app);
  app.use(
    '/graphql',
    crossOrigin(deps.corsOrigins),
    (req: Request, res: Response, next: NextFunction) => {
      res.setHeader('cache-control', 'no-store');
      res.setHeader('x-request-id', String(req.id));
      next();
    },
    refuseCharsetsButUtf8,
    express.json({ limit: '100kb', verify: refuseDuplicateKeys }),
    trustedOperations(readManifest(PAGE_DOCUMENTS_FILE), deps.trustedDocuments),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = String(req.id);
        const clientRequestId = clientRequestIdOf(req);
        if (clientRequestId) res.setHeader('x-client-request-id', clientRequestId);
        // Whatever path the response takes — the client may leave while the request still waits its turn —
        // the request's transaction and its place among its member of staff's requests never outlive it.
        const gone = new AbortController();
        let context: RequestContext | undefined;
        res.on('close', () => {
          gone.abort(RESPONSE_CLOSED);
          context?.release();
          void context?.db.finish('rollback').catch(() => undefined);
        });
        try {
          context = await buildContext(deps, req, requestId, clientRequestId, gone.signal);
        } catch (error) {
          throw openingFailure(deps.log.child({ requestId }), error, gone.signal.aborted, requestId);
        }
        noteOnRequestLine(res, requestId, context.actor.staffId);
        return context;
      },
    }),
  );
  app.use(refuseUnreadableBodies);
  app.use(answerFailures(deps.log));
  return { app, stop: () => apollo.stop() };
}

/** Why a request's signal aborts: one reason for all, as the default reason's stack trace cost every request CPU. */
const RESPONSE_CLOSED = new Error('the response closed');

/** The request headers a browser front end may send: JSON, the token, its own request id, a write's key, Apollo's CSRF marker. */
const CORS_HEADERS = ['content-type', 'authorization', 'x-request-id', IDEMPOTENCY_HEADER, 'apollo-require-preflight'];

/**
 * CORS for browser front ends on the configured origins, matched exactly: their preflight is answered 204 and
 * their requests may read the answer and its `x-request-id`. Any other origin gets no CORS header at all, so
 * the browser refuses to let its page read anything. No cookies are used, so no credentials are allowed.
 * `Vary: Origin` on every answer: what it carries depends on the origin. Apollo's CSRF prevention stays on.
 */
function crossOrigin(origins: string[]): RequestHandler {
  const allowed = new Set(origins);
  const options: CorsOptions = {
    origin: true, // the request's own origin, as only allowed ones reach it

    methods: ['POST', 'GET'],
    allowedHeaders: CORS_HEADERS,
    exposedHeaders: ['x-request-id', REPLAYED_HEADER],
    maxAge: 600,
  };
  const handle = cors(options);
  return (req, res, next) => {
    res.vary('Origin');
    const origin = req.header('origin');
    if (origin === undefined || !allowed.has(origin)) return next();
    handle(req, res, next);
  };
}

/** A body in any charset but UTF-8 is refused (415): JSON is UTF-8, and other charsets are ways around checks. */
function refuseCharsetsButUtf8(req: Request, _res: Response, next: NextFunction): void {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.header('content-type') ?? '')?.[1];
  if (charset && !/^utf-?8$/i.test(charset)) return next(Object.assign(new Error('charset'), { status: 415, type: 'charset.unsupported' }));
  next();
}

/** A JSON body with a key twice in one object is refused (400): which of the two counts is not the client's to leave open. */
function refuseDuplicateKeys(_req: Request, _res: Response, body: Buffer): void {
  const key = duplicateJsonKey(body.toString('utf8'));
  if (key !== null) throw Object.assign(new Error('duplicate key'), { status: 400, type: 'entity.duplicate.key', key });
}

const BODY_REFUSALS: Record<string, string> = {
  'entity.too.large': 'The request body is too large',
  'charset.unsupported': 'The request body must be UTF-8',
  'entity.duplicate.key': 'The request body has a key twice in one object',
};

/**
 * A body too large, not JSON, in another charset or with a key twice is refused before GraphQL runs: still
 * answered as a GraphQL error, with the 4xx status the parser chose, never a 5xx or an HTML page.
 */
function refuseUnreadableBodies(error: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction): void {
  const status = error.status ?? 500;
  if (status < 400 || status >= 500) return next(error);
  const message = BODY_REFUSALS[error.type ?? ''] ?? 'The request body is not valid JSON';
  res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT' } }] });
}
