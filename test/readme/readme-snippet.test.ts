import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

it('the README’s example of showing and hiding controls is the type-checked test/readme/showing-controls.ts, word for word', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const snippet = readFileSync(join(__dirname, 'showing-controls.ts'), 'utf8');
  expect(readme).toContain('```ts\n' + snippet + '```\n');
});
