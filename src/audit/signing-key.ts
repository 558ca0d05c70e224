import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Where the checkpoint signing key comes from: PEM text, or (outside production) a file generated on first use. */
export type SigningKeySource = { pem: string } | { file: string };

/** The key that signs the access log's checkpoints, and the id (of its public half) each checkpoint names. */
export type SigningKey = { privateKey: KeyObject; verifier: VerifyingKey };
export type VerifyingKey = { publicKey: KeyObject; keyId: string };

/** A public key and its id: the first 16 hex digits of the SHA-256 of its SubjectPublicKeyInfo. */
export function verifyingKeyOf(publicKey: KeyObject): VerifyingKey {
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('the access log is signed with Ed25519 keys only');
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return { publicKey, keyId: createHash('sha256').update(der).digest('hex').slice(0, 16) };
}

export function verifyingKeyFromPem(pem: string): VerifyingKey {
  return verifyingKeyOf(createPublicKey(pem));
}

export function signingKeyFromPem(pem: string): SigningKey {
  const privateKey = createPrivateKey(pem);
  return { privateKey, verifier: verifyingKeyOf(createPublicKey(privateKey)) };
}

/**
 * The configured key, or outside production the development key kept in its file (created, readable by its
 * owner only, on first use; two processes starting together agree on the first one written).
 */
export function loadSigningKey(config: { auditSigningKey: SigningKeySource }): SigningKey {
  const source = config.auditSigningKey;
  if ('pem' in source) return signingKeyFromPem(source.pem);
  try {
    return signingKeyFromPem(readFileSync(source.file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  mkdirSync(dirname(source.file), { recursive: true });
  try {
    writeFileSync(source.file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return signingKeyFromPem(readFileSync(source.file, 'utf8'));
}
