import { buildPages, PAGES_DIR } from '../pages-bundle';

/** `npm run build` (after tsc) and `npm run build:pages`: bundles the pages the API serves into dist/pages. */
buildPages()
  .then(() => console.log(`pages built into ${PAGES_DIR}`))
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
