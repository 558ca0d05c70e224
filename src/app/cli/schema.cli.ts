import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestOf } from '../../graphql/trusted-documents';
import { PAGE_DOCUMENTS_FILE, pageDocuments } from '../pages-bundle';
import { ROLE_VIEWS_DIR, renderRoleViews } from '../role-views';
import { printApiSchema } from '../schema';

/**
 * `npm run schema`: regenerates schema/schema.graphql, schema/page-documents.json, the manifest of the pages'
 * operations, and schema/roles/, the contract as each role sees it (a test fails when a committed file drifts).
 */
async function main(): Promise<void> {
  const file = join(__dirname, '..', '..', '..', 'schema', 'schema.graphql');
  writeFileSync(file, (await printApiSchema()) + '\n');
  console.log(`wrote ${file}`);
  writeFileSync(PAGE_DOCUMENTS_FILE, `${JSON.stringify(manifestOf(await pageDocuments()), null, 2)}\n`);
  console.log(`wrote ${PAGE_DOCUMENTS_FILE}`);
  mkdirSync(ROLE_VIEWS_DIR, { recursive: true });
  for (const stale of readdirSync(ROLE_VIEWS_DIR)) rmSync(join(ROLE_VIEWS_DIR, stale));
  const views = await renderRoleViews();
  for (const [name, sdl] of views) writeFileSync(join(ROLE_VIEWS_DIR, name), sdl);
  console.log(`wrote ${views.size} role views in ${ROLE_VIEWS_DIR}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
