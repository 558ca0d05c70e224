// @ts-check
/**
 * The policy's mutation score (`npm run evidence:mutation`): every small change Stryker can make to the rules in
 * src/authz/ is run against the in-memory policy tests (jest.policy.config.js); a change no test notices survives.
 * Left out: the vocabulary and the field classes, data whose every value the committed access matrix states (a test
 * refuses any change of it); the matrix code, the access log's explanation and the database's tenant SQL, which
 * decide nothing.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'jest.policy.config.js', enableFindRelatedTests: false },
  mutate: ['src/authz/policies/*.ts', 'src/authz/define-ability.ts', 'src/authz/facts.ts', 'src/authz/role-holding.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // Jest slows down run after run in one process: a fresh runner every 20 mutants keeps each run about as fast as the first.
  maxTestRunnerReuse: 20,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['json', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'reports/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  timeoutMS: 60000,
};
