import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The floor plan (docs/architecture.md, "Layering rules") is enforced by `npm run lint`; these cases show the
 * rule refusing each kind of import it exists to refuse, so that it cannot be switched off unnoticed.
 */
const ROOT = join(__dirname, '..', '..');
const ESLINT = join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

/** The rules `npm run lint` breaks on, for `source` as if it were `file`: ESLint as the CI runs it. */
function problemsOf(file: string, source: string): string[] {
  const run = spawnSync(process.execPath, [ESLINT, '--format', 'json', '--stdin', '--stdin-filename', file], { cwd: ROOT, input: source, encoding: 'utf8' });
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

it.each([
  ['the policy importing the clock', 'src/authz/example.ts', "import '../common/clock';\n", 'boundaries/dependencies'],
  ['the policy importing a database package', 'src/authz/example.ts', "import 'typeorm';\n", 'no-restricted-imports'],
  ['the policy importing a wing', 'src/authz/example.ts', "import '../panels/agenda-item.entity';\n", 'boundaries/dependencies'],
  ['the database kit importing the GraphQL kit', 'src/db/example.ts', "import '../graphql/errors';\n", 'boundaries/dependencies'],
  ['the GraphQL kit importing the policy', 'src/graphql/example.ts', "import '../authz/vocabulary';\n", 'boundaries/dependencies'],
  ['access importing a wing', 'src/access/example.ts', "import '../journey/child.entity';\n", 'boundaries/dependencies'],
  ['a wing importing the composition root', 'src/board/example.ts', "import '../app/config';\n", 'boundaries/dependencies'],
  ['the common leaves importing the database kit', 'src/common/example.ts', "import '../db/locked';\n", 'boundaries/dependencies'],
])('refuses %s', (_case, file, source, rule) => {
  expect(problemsOf(file, source)).toContain(rule);
});

it.each([
  ['a wing importing access, the policy, the kit and another wing', 'src/journey/example.ts', "import '../access/refusals';\nimport '../authz/vocabulary';\nimport '../graphql/errors';\nimport '../households/household.entity';\n"],
  ['the composition root importing every floor', 'src/app/example.ts', "import '../journey/child.entity';\nimport '../access/refusals';\nimport '../db/locked';\n"],
])('allows %s', (_case, file, source) => {
  expect(problemsOf(file, source)).toEqual([]);
});
