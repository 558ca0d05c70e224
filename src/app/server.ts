import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { RequestContext } from '../access/service-context';
import { buildContext, clientRequestIdOf, newRequestId, type AppDeps } from './request-context';
import { formatErrorFor } from '../graphql/format-error';
import { queryLimits } from '../graphql/query-limits';
import { requestScopePlugin } from './request-scope.plugin';
import { servedOperationTypes } from '../graphql/served-operations';
import { textInputPlugin } from '../graphql/text-input.plugin';
import { duplicateJsonKey } from './json-body';
import { mountExplorer } from './explorer';
import { pagesRouter } from './pages';
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
    // One cache of query texts shared by every caller would tell anyone whether anyone else ran a query.
    persistedQueries: false,
    plugins: [
      ...limits.plugins,
      textInputPlugin(),
      requestScopePlugin(),
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
  app.get('/healthz', async (_req, res) => {
    try {
      await deps.dataSource.query('SELECT 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  app.use(pagesRouter(deps));
  if (!deps.production) await mountExplorer(app);
  app.use(
    '/graphql',
    (_req: Request, res: Response, next: NextFunction) => {
      res.setHeader('cache-control', 'no-store');
      next();
    },
    refuseCharsetsButUtf8,
    express.json({ limit: '100kb', verify: refuseDuplicateKeys }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = newRequestId();
        const clientRequestId = clientRequestIdOf(req);
        res.setHeader('x-request-id', requestId);
        if (clientRequestId) res.setHeader('x-client-request-id', clientRequestId);
        // Whatever path the response takes — the client may leave while the request still waits its turn —
        // the request's transaction and its place among its member of staff's requests never outlive it.
        const gone = new AbortController();
        let context: RequestContext | undefined;
        res.on('close', () => {
          gone.abort();
          context?.release();
          void context?.db.finish('rollback').catch(() => undefined);
        });
        context = await buildContext(deps, req, requestId, clientRequestId, gone.signal);
        return context;
      },
    }),
  );
  app.use(refuseUnreadableBodies);
  return { app, stop: () => apollo.stop() };
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
