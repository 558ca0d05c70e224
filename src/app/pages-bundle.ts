import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../common/project-root';

/** The pages the API serves at /<name>, each an HTML file and the script of the same name. */
export const PAGES = ['board', 'audit'] as const;
export type PageName = (typeof PAGES)[number];

const SOURCE = join(projectRoot(), 'src', 'pages');
/** Where the bundle is built and served from: the build's, not the sources', so `npm start` serves what was built. */
export const PAGES_DIR = join(projectRoot(), 'dist', 'pages');

/**
 * Bundles the pages (docs/pages.md): one ES module per page with everything it imports (charts, CASL), one
 * stylesheet with its print rules, and the HTML. Nothing is left to load from another host.
 */
export async function buildPages(outDir: string = PAGES_DIR): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: {
      ...Object.fromEntries(PAGES.map((page) => [page, join(SOURCE, page, 'main.ts')])),
      pages: join(SOURCE, 'styles', 'pages.css'),
    },
    outdir: outDir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify: true,
    sourcemap: 'linked',
    legalComments: 'linked',
    tsconfig: join(SOURCE, 'tsconfig.json'),
    logLevel: 'warning',
  });
  await Promise.all(PAGES.map((page) => copyFile(join(SOURCE, `${page}.html`), join(outDir, `${page}.html`))));
}
