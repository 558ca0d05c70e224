import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The floor plan (docs/architecture.md, "Layering rules") is enforced by `npm run lint`; these cases show the
 * rule refusing each kind of import it exists to refuse, so that it cannot be switched off unnoticed.
 */
const ROOT = join(__dirname, '..', '..');

/** Lints each case's source as if it were its file, with the project's ESLint configuration, in one ESLint run. */
const LINT_CASES = `
  const { ESLint } = require('eslint');
  const cases = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
  const eslint = new ESLint({ cwd: process.cwd() });
  Promise.all(cases.map(async ([file, source]) => {
    const [result] = await eslint.lintText(source, { filePath: file });
    return result.messages.map((m) => m.ruleId || m.message);
  })).then((problems) => process.stdout.write(JSON.stringify(problems)));
`;

const REFUSED: [string, string, string, string][] = [
  ['the policy importing the clock', 'src/authz/example.ts', "import '../common/clock';\n", 'boundaries/dependencies'],
  ['the policy importing a database package', 'src/authz/example.ts', "import 'typeorm';\n", 'no-restricted-imports'],
  ['the policy importing a wing', 'src/authz/example.ts', "import '../panels/agenda-item.entity';\n", 'boundaries/dependencies'],
  ['the database kit importing the GraphQL kit', 'src/db/example.ts', "import '../graphql/errors';\n", 'boundaries/dependencies'],
  ['the GraphQL kit importing the policy', 'src/graphql/example.ts', "import '../authz/vocabulary';\n", 'boundaries/dependencies'],
  ['access importing a wing', 'src/access/example.ts', "import '../journey/child.entity';\n", 'boundaries/dependencies'],
  ['a wing importing the composition root', 'src/board/example.ts', "import '../app/config';\n", 'boundaries/dependencies'],
  ['the common leaves importing the database kit', 'src/common/example.ts', "import '../db/locked';\n", 'boundaries/dependencies'],
  [
    'a page importing server code',
    'src/pages/example.ts',
    "import { EVIDENCE_FILE } from '../audit/policy-evidence';\n",
    'boundaries/dependencies',
  ],
  ['a page importing Node', 'src/pages/example.ts', "import 'node:fs';\n", 'no-restricted-imports'],
  ['a page importing a server package', 'src/pages/example.ts', "import 'graphql';\n", 'no-restricted-imports'],
];

const ALLOWED: [string, string, string][] = [
  [
    'a wing importing access, the policy, the kit and another wing',
    'src/journey/example.ts',
    "import '../access/refusals';\nimport '../authz/vocabulary';\nimport '../graphql/errors';\nimport '../households/household.entity';\n",
  ],
  [
    'the composition root importing every floor',
    'src/app/example.ts',
    "import '../journey/child.entity';\nimport '../access/refusals';\nimport '../db/locked';\n",
  ],
  [
    'a page importing the server’s types, the charting library and CASL',
    'src/pages/example.ts',
    "import type { PolicyEvidence } from '../audit/policy-evidence';\nimport 'echarts/core';\nimport '@casl/ability';\nexport type E = PolicyEvidence;\n",
  ],
];

const problems = new Map<string, string[]>();
beforeAll(() => {
  const cases = [...REFUSED, ...ALLOWED].map(([, file, source]) => [join(ROOT, file), source]);
  const run = spawnSync(process.execPath, ['-e', LINT_CASES], { cwd: ROOT, input: JSON.stringify(cases), encoding: 'utf8' });
  (JSON.parse(run.stdout) as string[][]).forEach((found, i) => problems.set([...REFUSED, ...ALLOWED][i]![0], found));
});

it.each(REFUSED)('refuses %s', (name, _file, _source, rule) => {
  expect(problems.get(name)).toContain(rule);
});

it.each(ALLOWED)('allows %s', (name) => {
  expect(problems.get(name)).toEqual([]);
});
