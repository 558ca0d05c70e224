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

/** The manifest of the pages' own operations, which the API always trusts: `npm run schema` writes it, a test holds it current. */
export const PAGE_DOCUMENTS_FILE = join(projectRoot(), 'schema', 'page-documents.json');

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

/**
 * The operations the pages send (src/pages/documents.ts), read from their code bundled for Node as it is for the
 * browser: the texts are the bundle's own, not a copy.
 */
export async function pageDocuments(): Promise<string[]> {
  const { outputFiles } = await build({
    entryPoints: [join(SOURCE, 'documents.ts')],
    write: false,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: ['es2022'],
    tsconfig: join(SOURCE, 'tsconfig.json'),
    logLevel: 'warning',
  });
  const module = { exports: {} as { PAGE_DOCUMENTS?: readonly string[] } };
  new Function('module', 'exports', outputFiles[0]!.text)(module, module.exports);
  return [...module.exports.PAGE_DOCUMENTS!];
}
