import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import { buildContext, requestIdOf, type AppDeps, type RequestContext } from './graphql/context';
import { formatError } from './graphql/format-error';
import { requestScopePlugin } from './graphql/request-scope.plugin';
import { buildApiSchema } from './graphql/schema';

export type ApiServer = { app: Express; stop: () => Promise<void> };

/** The express app and Apollo server, without listening: main.ts listens, tests use supertest. */
export async function createServer(deps: AppDeps): Promise<ApiServer> {
  const apollo = new ApolloServer<RequestContext>({
    schema: await buildApiSchema(),
    formatError,
    introspection: !deps.production,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false, // main.ts drains HTTP, then stops Apollo and the database
    plugins: [
      requestScopePlugin(),
      deps.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
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
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = requestIdOf(req);
        res.setHeader('x-request-id', requestId);
        const context = await buildContext(deps, req, requestId);
        // Whatever path the response takes, the request's transaction never outlives it.
        res.on('close', () => void context.db.finish('rollback').catch(() => undefined));
        return context;
      },
    }),
  );
  return { app, stop: () => apollo.stop() };
}
