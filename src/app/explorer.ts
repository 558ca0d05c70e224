import { dirname, join } from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

const STATIC_PATH = '/explorer/';

/**
 * Development only: GraphiQL (ruru) at GET /graphql for a browser, its scripts, styles and editor workers served by
 * this API from the installed package, so that it works on a network without the internet and tells no one else
 * anything. Every request needs a token, the explorer's own schema look-up included: paste
 * `{ "Authorization": "Bearer <token>" }` into its headers editor. The package is a development dependency, loaded
 * only here, never in production.
 */
export async function mountExplorer(app: Express): Promise<void> {
  const { ruruHTML } = await import('ruru/server');
  // The package's built files, served as files: its own handler loads them by a dynamic import, which not every
  // runtime that hosts this API allows.
  const files = join(dirname(require.resolve('ruru/server')), '..', 'static');
  const page = ruruHTML({
    endpoint: '/graphql',
    staticPath: STATIC_PATH,
    htmlParts: { titleTag: '<title>APSE API explorer (development)</title>' },
  });
  app.use(STATIC_PATH, explorerHeaders, express.static(files, { index: false, fallthrough: false }));
  app.get('/graphql', (req: Request, res: Response, next: NextFunction) => {
    if (req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    explorerHeaders(req, res, () => res.type('html').send(page));
  });
}

/** Its own scripts only; the inline configuration and styles of its page, and its editors' workers. */
function explorerHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader(
    'content-security-policy',
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; " +
      "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  );
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  next();
}
