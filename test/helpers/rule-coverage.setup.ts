import { endTest, saveRuleUses, startTest, watchRuleUses } from './rule-coverage';

/** Records which rules of the policy this test file exercises (see rule-coverage.ts). */
jest.mock('../../src/authz/define-ability', () => {
  const actual = jest.requireActual('../../src/authz/define-ability');
  const { withRuleRoles } = jest.requireActual('./rule-coverage');
  return { ...actual, defineAbilityFor: withRuleRoles(actual.defineAbilityFor) };
});

// The real exports object, which src/ reads at each call: an `import *` would be a copy.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the live module object, not a copy
watchRuleUses(require('@casl/ability/extra'));

beforeEach(() => startTest(expect.getState().currentTestName!));
afterEach(() => endTest());
afterAll(() => saveRuleUses(expect.getState().testPath!));
