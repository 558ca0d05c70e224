const Sequencer = require('@jest/test-sequencer').default;

/**
 * The default order, but test/policy/access-matrix.test.ts first: the committed matrix tells most changes of the
 * policy in a second, and a mutation run stops at a mutant's first failing test.
 */
class MatrixFirst extends Sequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const first = (test) => test.path.endsWith('access-matrix.test.ts');
    return [...sorted.filter(first), ...sorted.filter((test) => !first(test))];
  }
}

module.exports = MatrixFirst;
