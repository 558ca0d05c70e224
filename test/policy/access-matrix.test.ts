import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAccessMatrix } from '../../src/authz/matrix/access-matrix';
import { diffMatrices, parseMatrix } from '../../src/authz/matrix/matrix-diff';
import { renderAccessMatrix } from '../../src/authz/matrix/render-matrix';

const committed = () => readFileSync(join(__dirname, '..', '..', 'schema', 'access-matrix.md'), 'utf8');

describe('the committed access matrix', () => {
  it('schema/access-matrix.md is what the live policy generates (run `npm run matrix` after a policy change)', () => {
    expect(committed()).toBe(renderAccessMatrix(buildAccessMatrix()));
  });

  it('states a condition in words wherever the policy grants access conditionally', () => {
    const cells = buildAccessMatrix();
    const finderReadsChild = cells.find((c) => c.role === 'Family finder' && c.subject === 'Child' && c.action === 'read')!;
    expect(finderReadsChild).toMatchObject({
      access:
        'allowed if id is restricted to them by name; or id is reached by their live emergency access; or id is allocated to them, unless restrictionCategory is STAFF_CONNECTED and id is not restricted to them by name; or restrictionCategory is HIGH_PROFILE or HIGH_RISK and id is not restricted to them by name or reached by their live emergency access',
      fields:
        'case, identifying, special, birthFamily; or case, identifying, special; or case, identifying, special; except where restrictionCategory is ADOPTION and id is not restricted to them by name: not identifying, birthFamily',
    });
    const admReadsOtherChild = cells.find(
      (c) => c.role.startsWith('ADM (an') && c.scope === 'another authority' && c.subject === 'Child' && c.action === 'read',
    )!;
    expect(admReadsOtherChild.access).toBe(
      'allowed if id is restricted to them by name; or id is reached by their live emergency access, unless restrictionCategory is STAFF_CONNECTED and id is not restricted to them by name; or restrictionCategory is HIGH_PROFILE or HIGH_RISK and id is not restricted to them by name or reached by their live emergency access',
    );
  });
});

describe('matrix --diff', () => {
  it('names who gains and who loses access', () => {
    const before = parseMatrix(committed());
    const after = new Map(before);
    const boardKey = [...before.keys()].find((k) => k.startsWith('Board director') && k.endsWith('| BoardPerformance | read'))!;
    after.set(boardKey, '·');
    after.set('Auditor — any authority | Child | read', '✓');
    expect(diffMatrices(before, after)).toEqual(['GAINS  Auditor — any authority | Child | read: · → ✓', `LOSES  ${boardKey}: ✓ → ·`]);
  });
});
