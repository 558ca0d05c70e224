import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The project's root, from the sources and from the build alike: the nearest folder up with a package.json. */
export function projectRoot(from: string = __dirname): string {
  return existsSync(join(from, 'package.json')) ? from : projectRoot(dirname(from));
}
