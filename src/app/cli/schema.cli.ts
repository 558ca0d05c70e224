import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestOf } from '../../graphql/trusted-documents';
import { PAGE_DOCUMENTS_FILE, pageDocuments } from '../pages-bundle';
import { printApiSchema } from '../schema';

/**
 * `npm run schema`: regenerates schema/schema.graphql and schema/page-documents.json, the manifest of the pages'
 * operations (a test fails when either committed file drifts).
 */
async function main(): Promise<void> {
  const file = join(__dirname, '..', '..', '..', 'schema', 'schema.graphql');
  writeFileSync(file, (await printApiSchema()) + '\n');
  console.log(`wrote ${file}`);
  writeFileSync(PAGE_DOCUMENTS_FILE, `${JSON.stringify(manifestOf(await pageDocuments()), null, 2)}\n`);
  console.log(`wrote ${PAGE_DOCUMENTS_FILE}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
