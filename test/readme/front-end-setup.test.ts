import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const OPERATIONS = join(ROOT, 'schema', 'operations');

describe('the README’s front-end set-up', () => {
  it('quotes schema/operations/codegen.ts, the configuration the code-generation test runs, word for word', () => {
    expect(readme).toContain('```ts\n' + readFileSync(join(OPERATIONS, 'codegen.ts'), 'utf8') + '```\n');
  });

  it('maps every example operation to its document under schema/operations/, and names no document that is not there', () => {
    const named = [...readme.matchAll(/schema\/operations\/([\w-]+\.graphql)/g)].map((m) => m[1]);
    const documents = readdirSync(OPERATIONS).filter((file) => file.endsWith('.graphql'));
    expect([...new Set(named)].sort()).toEqual(documents.sort());
  });
});
