import { generate } from '@graphql-codegen/cli';
import { join } from 'node:path';
import codegen from '../../schema/operations/codegen';

/**
 * Runs GraphQL Code Generator with schema/operations/codegen.ts, its output written to the folder given instead of
 * src/gql/. A process of its own: the code generator loads ES modules, which Jest's module loader cannot.
 */
async function main(out: string): Promise<void> {
  const root = join(__dirname, '..', '..');
  const [target] = Object.values(codegen.generates);
  await generate({ ...codegen, cwd: root, silent: true, generates: { [join(out, '/')]: target! } }, true);
}

main(process.argv[2]!).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
