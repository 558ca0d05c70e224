import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { buildContext, clientRequestIdOf, newRequestId, type AppDeps, type RequestContext } from './graphql/context';
import { formatErrorFor } from './graphql/format-error';
import { queryLimits } from './graphql/query-limits';
import { requestScopePlugin } from './graphql/request-scope.plugin';
import { buildApiSchema } from './graphql/schema';

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
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    allowBatchedHttpRequests: limits.allowBatchedHttpRequests,
    // One cache of query texts shared by every caller would tell anyone whether anyone else ran a query.
    persistedQueries: false,
    plugins: [
      ...limits.plugins,
      requestScopePlugin(),
      // Every answer is one caller's: there is nothing to cache, and the hints would wrap every field's resolver.
      ApolloServerPluginCacheControlDisabled(),
      deps.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
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
  app.use(
    '/graphql',
    (_req: Request, res: Response, next: NextFunction) => {
      res.setHeader('cache-control', 'no-store');
      next();
    },
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = newRequestId();
        const clientRequestId = clientRequestIdOf(req);
        res.setHeader('x-request-id', requestId);
        if (clientRequestId) res.setHeader('x-client-request-id', clientRequestId);
        const context = await buildContext(deps, req, requestId, clientRequestId);
        // Whatever path the response takes, the request's transaction and its place in flight never outlive it.
        res.on('close', () => {
          context.release();
          void context.db.finish('rollback').catch(() => undefined);
        });
        return context;
      },
    }),
  );
  app.use(refuseUnreadableBodies);
  return { app, stop: () => apollo.stop() };
}

/**
 * A body too large or not JSON is refused before GraphQL runs: still answered as a GraphQL error, with
 * the 4xx status the parser chose (413 too large, 400 malformed), never a 5xx or an HTML page.
 */
function refuseUnreadableBodies(error: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction): void {
  const status = error.status ?? 500;
  if (status < 400 || status >= 500) return next(error);
  res.status(status).json({
    errors: [{ message: status === 413 ? 'The request body is too large' : 'The request body is not valid JSON', extensions: { code: 'BAD_USER_INPUT' } }],
  });
}
