import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { transformFile } from '@swc/core';
import { projectRoot } from '../common/project-root';

/** What the API runs: its sources, migrations and seeds. The pages are bundled apart (pages-bundle.ts). */
const COMPILED = ['src', 'migrations', 'seeds'];
const NOT_COMPILED = [join('src', 'pages')];

async function sourcesUnder(root: string, folder: string): Promise<string[]> {
  if (NOT_COMPILED.includes(folder)) return [];
  const entries = await readdir(join(root, folder), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return sourcesUnder(root, path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
    }),
  );
  return nested.flat();
}

/**
 * Compiles the API into `outDir` (dist/src, dist/migrations, dist/seeds), file by file, in a second or two: types are
 * checked by `npm run typecheck` (and so by `npm test`), not on every start. Returns how many files it wrote.
 */
export async function compileApi(outDir: string = join(projectRoot(), 'dist')): Promise<number> {
  const root = projectRoot();
  const files = (await Promise.all(COMPILED.map((folder) => sourcesUnder(root, folder)))).flat();
  await Promise.all(
    files.map(async (file) => {
      const target = join(outDir, file.replace(/\.ts$/, '.js'));
      // The settings of .swcrc, which the tests compile with too.
      const { code, map } = await transformFile(join(root, file), {
        cwd: root,
        sourceMaps: true,
        sourceFileName: relative(dirname(target), join(root, file)),
      });
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map\n`);
      if (map) await writeFile(`${target}.map`, map);
    }),
  );
  return files.length;
}
