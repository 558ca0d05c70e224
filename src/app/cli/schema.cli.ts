import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printApiSchema } from '../schema';

/** `npm run schema`: regenerates schema/schema.graphql (a test fails when the committed file drifts). */
printApiSchema().then((sdl) => {
  const file = join(__dirname, '..', '..', '..', 'schema', 'schema.graphql');
  writeFileSync(file, sdl + '\n');
  console.log(`wrote ${file}`);
});
