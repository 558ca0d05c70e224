import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export type IdentityProvider = { jwksUrl: string; sign(staffId: string): Promise<string>; close(): Promise<void> };

/**
 * A stand-in identity provider, so that the API runs as in production (NODE_ENV=production verifies
 * ES256 tokens against a JWKS, never the development secret): an ES256 key, its JWKS served over HTTP.
 */
export async function startIdentityProvider(port: number): Promise<IdentityProvider> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256', use: 'sig' }] });
  const server: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
    sign: (staffId) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'ES256', kid: 'bench' })
        .setSubject(staffId)
        .setIssuer('apse-api')
        .setAudience('apse-api')
        .setIssuedAt()
        .setExpirationTime('2h')
        .sign(privateKey),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
