import request from 'supertest';
import { useTestApi } from '../helpers/test-api';

/**
 * The explorer (development): GraphiQL served by this API with everything it loads, so that it works on a network
 * without the internet — a council's — and tells no outside host anything.
 */
const api = useTestApi();
const asBrowser = () => request(api().server.app).get('/graphql').set('accept', 'text/html');

describe('the explorer in development', () => {
  it('is served at GET /graphql to a browser, under a policy that admits this origin only', async () => {
    const res = await asBrowser();
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).not.toMatch(/https?:|\*/);
  });

  it('names no outside host: every script, stylesheet and worker it loads is a path of this API, and each is served', async () => {
    const html = (await asBrowser()).text;
    expect(html).not.toMatch(/https?:\/\//);
    const assets = [...html.matchAll(/(?:href|src)="([^"]+)"|"(\/explorer\/[^"]*)"/g)].map((m) => m[1] ?? m[2]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets.filter((path) => path.endsWith('.js') || path.endsWith('.css'))) {
      const res = await request(api().server.app).get(asset);
      expect({ asset, status: res.status }).toEqual({ asset, status: 200 });
    }
  });

  it('leaves GraphQL requests to GraphQL: a GET asking for JSON is not given the page', async () => {
    const res = await request(api().server.app).get('/graphql?query=%7B__typename%7D').set('accept', 'application/json');
    expect(res.headers['content-type']).toMatch(/json/);
  });
});
