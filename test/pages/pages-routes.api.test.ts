import { join } from 'node:path';
import request from 'supertest';
import { signDevToken } from '../../src/access/tokens';
import { PAGES_CSP } from '../../src/app/pages';
import type { ApiServer } from '../../src/app/server';
import { buildPages } from '../../src/app/pages-bundle';
import { demoStaff } from '../../seeds/demo-staff';
import { serverWithEvidence } from '../helpers/pages-server';
import { TEST_CONFIG, useTestApi } from '../helpers/test-api';

/** The pages' own routes: the HTML and its bundle under a same-origin policy, the demo tokens, the policy evidence. */
const EVIDENCE_FIXTURE = join(__dirname, '..', 'fixtures', 'policy-evidence.json');
const api = useTestApi(() => buildPages());
const bearer = async (username: string) => `Bearer ${await signDevToken(TEST_CONFIG.jwt, demoStaff(username).id)}`;

describe('the pages', () => {
  it.each(['/board', '/audit'])('%s is served as HTML under a content security policy of this origin only', async (path) => {
    const res = await request(api().server.app).get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toBe(PAGES_CSP);
    expect(PAGES_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(res.text).not.toMatch(/<script>|<style>|\sstyle=|https?:\/\//);
  });

  it('serves the bundle from the API itself: script, stylesheet, no request to another host written in', async () => {
    for (const [path, type] of [
      ['/pages/board.js', /javascript/],
      ['/pages/audit.js', /javascript/],
      ['/pages/pages.css', /css/],
    ] as const) {
      const res = await request(api().server.app).get(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(type);
      expect(res.headers['content-security-policy']).toBe(PAGES_CSP);
    }
  });

  it('offers the demo identities’ tokens outside production, and they sign in', async () => {
    const res = await request(api().server.app).get('/pages/demo-tokens.json');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const kent = res.body.find((t: { username: string }) => t.username === 'board.kent');
    const me = await api().withHeader(`Bearer ${kent.token}`, '{ me { username } }');
    expect(me.data?.me.username).toBe('board.kent');
  });
});

describe('the policy evidence at /audit/evidence.json', () => {
  let generated: ApiServer;
  let notGenerated: ApiServer;
  beforeAll(async () => {
    generated = await serverWithEvidence(api(), EVIDENCE_FIXTURE);
    notGenerated = await serverWithEvidence(api(), join(__dirname, 'no-such-evidence.json'));
  });
  afterAll(async () => {
    await generated.stop();
    await notGenerated.stop();
  });
  const get = (authorization: string | null, server = generated) => {
    const req = request(server.app).get('/audit/evidence.json');
    return authorization ? req.set('authorization', authorization) : req;
  };

  it.each(['auditor.1', 'auditor.medway'])('is served to an auditor (%s) as it was generated', async (auditor) => {
    const res = await get(await bearer(auditor));
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.rows[0].sentence).toBe('a Kent ADM cannot read a Medway child');
  });

  it('answers 404 with a clear message before it has been generated', async () => {
    const res = await get(await bearer('auditor.1'), notGenerated);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: 'The policy evidence has not been generated yet: run npm run evidence' });
  });

  it('is refused without a token (401)', async () => {
    const res = await get(null);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('is refused to a member of staff who may not read the access log (403), and the refusal is logged', async () => {
    const res = await get(await bearer('board.kent'));
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ code: 'FORBIDDEN', message: 'The policy evidence is for auditors' });
    const [logged] = await api().dataSource.query(
      `SELECT action, outcome, reason FROM audit_events WHERE staff_id = $1 AND action = 'policyEvidence' ORDER BY seq DESC LIMIT 1`,
      [demoStaff('board.kent').id],
    );
    expect(logged).toEqual({ action: 'policyEvidence', outcome: 'REFUSED', reason: 'ROLE_MAY_NOT_READ' });
  });
});
