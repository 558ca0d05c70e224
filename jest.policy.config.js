/**
 * The policy's own tests, in memory (no database, no rule-coverage bookkeeping): what `npm run evidence:mutation`
 * runs against each mutant of src/authz/. Rule coverage is left out: it is a property of the whole suite, whose API
 * tests exercise the break-glass and restricted-record rules that no in-memory row reaches.
 */
const base = require('./jest.config');

module.exports = {
  testEnvironment: base.testEnvironment,
  transform: base.transform,
  setupFiles: base.setupFiles,
  roots: ['<rootDir>/test/policy'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', 'casl-to-sql', 'filter-equals-check', 'rule-coverage'],
  testSequencer: '<rootDir>/test/helpers/matrix-first.sequencer.js',
  maxWorkers: 1,
};
