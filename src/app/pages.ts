import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { GraphQLError } from 'graphql';
import { AuditTrail } from '../audit/audit-trail';
import { EvidenceNotGenerated, readPolicyEvidence } from '../audit/policy-evidence-reader';
import { RefusalError } from '../graphql/errors';
import { PAGES, PAGES_DIR } from './pages-bundle';
import { buildContext, clientRequestIdOf, newRequestId, type AppDeps } from './request-context';

/**
 * Same origin only: no script, style, font or image from another host, no inline script or style, no framing.
 * Council networks block outside hosts, and a page that reads personal data runs nobody else's code.
 */
export const PAGES_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('content-security-policy', PAGES_CSP);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  next();
}

function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('cache-control', 'no-store');
  next();
}

/** The built pages (docs/pages.md): /board and /audit, their bundle under /pages/, and what they fetch besides GraphQL. */
export function pagesRouter(deps: AppDeps, pagesDir: string = PAGES_DIR): Router {
  const router = express.Router();
  router.use(['/board', '/audit', '/pages'], securityHeaders);
  for (const page of PAGES) {
    router.get(`/${page}`, (_req, res) => {
      const file = join(pagesDir, `${page}.html`);
      if (!existsSync(file)) {
        res.status(503).type('text/plain').send('The pages are not built: run npm run build');
        return;
      }
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(file);
    });
  }
  router.get('/pages/demo-tokens.json', noStore, async (_req, res) => {
    if (!deps.demoTokens) {
      res.status(404).json({ message: 'Demo tokens are offered in development only: paste a token from the identity provider' });
      return;
    }
    res.json(await deps.demoTokens());
  });
  router.use('/pages', express.static(pagesDir, { index: false, etag: false, cacheControl: true, maxAge: 0 }));
  router.get('/audit/evidence.json', noStore, (req, res) => sendEvidence(deps, req, res));
  return router;
}

/**
 * The policy evidence, to a bearer of a valid token who may read the access log: opened like a GraphQL request
 * (token, rate count, actor, ability), and a refusal is logged like one.
 */
async function sendEvidence(deps: AppDeps, req: Request, res: Response): Promise<void> {
  let ctx;
  try {
    ctx = await buildContext(deps, req, newRequestId(), clientRequestIdOf(req));
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 500;
    res.status(status).json({ code: error.extensions.code, message: error.message });
    return;
  }
  try {
    const evidence = await readPolicyEvidence(ctx, deps.evidenceFile);
    await ctx.db.commit();
    res.type('application/json').send(evidence);
  } catch (error) {
    if (error instanceof RefusalError) {
      ctx.services.get(AuditTrail).refused('policyEvidence', 'AuditEvent', null, String(error.extensions.reason));
      await ctx.db.commit(ctx.services.get(AuditTrail).appendStatement());
      res.status(403).json({ code: 'FORBIDDEN', message: 'The policy evidence is for auditors' });
    } else if (error instanceof EvidenceNotGenerated) {
      await ctx.db.commit();
      res.status(404).json({ code: 'NOT_FOUND', message: 'The policy evidence has not been generated yet: run npm run evidence' });
    } else {
      await ctx.db.finish('rollback');
      throw error;
    }
  } finally {
    ctx.release();
  }
}
