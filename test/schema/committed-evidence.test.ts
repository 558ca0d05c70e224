import { existsSync, readFileSync } from 'node:fs';
import { EVIDENCE_FILE, type PolicyEvidence } from '../../src/audit/policy-evidence';
import { statedChecks } from '../evidence/policy-evidence';

/**
 * The policy evidence is committed, so that a fresh clone's /audit shows it; CI writes it again from every run. A
 * change to the role tables without `npm run evidence` would leave an auditor reading rows that no longer stand.
 */
describe('the committed policy evidence', () => {
  it('states every check of the role tables as they stand: same ids, sentences, outcomes and reasons (npm run evidence)', () => {
    expect(existsSync(EVIDENCE_FILE)).toBe(true);
    const evidence = JSON.parse(readFileSync(EVIDENCE_FILE, 'utf8')) as PolicyEvidence;
    const committed = evidence.rows.map(({ id, sentence, expected, reasonCode }) => ({ id, sentence, expected, reasonCode }));
    expect(committed).toEqual(statedChecks());
  });
});
