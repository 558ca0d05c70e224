import { createHash } from 'node:crypto';
import { buildAccessMatrix } from '../authz/matrix/access-matrix';
import { renderAccessMatrix } from '../authz/matrix/render-matrix';

let version: string | undefined;

/**
 * The version of the policy this process enforces: the first 16 hex digits of the SHA-256 of the access
 * matrix generated from it (schema/access-matrix.md when committed). Every access-log event carries it, so
 * an auditor can tell which rules allowed a read and read them in the matrix of that version.
 */
export function policyVersion(): string {
  version ??= createHash('sha256').update(renderAccessMatrix(buildAccessMatrix())).digest('hex').slice(0, 16);
  return version;
}
