import { compileApi } from '../build';
import { buildPages, PAGES_DIR } from '../pages-bundle';

/** `npm run build`: compiles the API into dist/, then bundles the pages it serves into dist/pages. */
async function main(): Promise<void> {
  const started = performance.now();
  const files = await compileApi();
  await buildPages();
  console.log(`built ${files} files and the pages (${PAGES_DIR}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
