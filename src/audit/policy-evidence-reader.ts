import { readFile } from 'node:fs/promises';
import { assertMayEver } from '../access/refusals';
import type { ServiceContext } from '../access/service-context';

/** The evidence file is absent until `npm run evidence` has written it. */
export class EvidenceNotGenerated extends Error {}

/**
 * The policy evidence, as its generator last wrote it, for those who may read the access log: it holds rules,
 * tests and outcomes, never a record's values, yet it is the auditors' working paper, not everyone's.
 */
export async function readPolicyEvidence(ctx: ServiceContext, file: string): Promise<string> {
  assertMayEver(ctx.ability, 'read', 'AuditEvent');
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new EvidenceNotGenerated();
    throw error;
  }
}
