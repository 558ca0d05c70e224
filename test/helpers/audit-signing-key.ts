import { createHash, createPrivateKey, generateKeyPairSync } from 'node:crypto';

/** A fresh Ed25519 private key (PKCS#8 PEM), as AUDIT_SIGNING_KEY holds one in production. */
export function newAuditSigningKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** The PKCS#8 header of an Ed25519 private key, before its 32-byte seed. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The one key every test file signs the test database's checkpoints with, so that checkpoints one file
 * wrote verify in another. Derived from a fixed seed: a test key, never a deployment's.
 */
export const TEST_AUDIT_SIGNING_KEY_PEM = createPrivateKey({
  key: Buffer.concat([ED25519_PKCS8_PREFIX, createHash('sha256').update('apse test database checkpoints').digest()]),
  format: 'der',
  type: 'pkcs8',
})
  .export({ type: 'pkcs8', format: 'pem' })
  .toString();
