import { generateKeyPairSync } from 'node:crypto';

/** A fresh Ed25519 private key (PKCS#8 PEM), as AUDIT_SIGNING_KEY holds one in production. */
export function newAuditSigningKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}
