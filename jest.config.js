/** Tests run in band against one database prepared by globalSetup: embedded PGlite, or a fresh database on DATABASE_URL. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // The compiler settings of .swcrc, which `npm run build` compiles with too: what runs is what was tested.
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  setupFiles: ['reflect-metadata'],
  // Rule coverage (test/helpers/rule-coverage.ts): each file records the policy rules it exercises, and
  // test/policy/rule-coverage.test.ts, run last, fails on any rule no test exercised.
  setupFilesAfterEnv: ['<rootDir>/test/helpers/rule-coverage.setup.ts'],
  testSequencer: '<rootDir>/test/helpers/rule-coverage.sequencer.js',
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 30000,
};
