const { randomUUID } = require('node:crypto');
const { tmpdir } = require('node:os');
const { join, sep } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const isCoverageTest = (test) => test.path.endsWith(`${sep}rule-coverage.test.ts`);

/**
 * The default order, except that test/policy/rule-coverage.test.ts runs last, after every file whose rule
 * uses it reads; when it is in the run, the run names a directory of its own for those uses (created by the
 * first file that writes there, removed by the coverage test; see rule-coverage.ts).
 */
class RuleCoverageLast extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    if (sorted.some(isCoverageTest)) {
      process.env.APSE_RULE_COVERAGE_DIR = join(tmpdir(), `apse-rule-coverage-${randomUUID()}`);
    }
    return [...sorted.filter((test) => !isCoverageTest(test)), ...sorted.filter(isCoverageTest)];
  }
}

module.exports = RuleCoverageLast;
