import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAccessMatrix } from '../../authz/matrix/access-matrix';
import { diffMatrices, parseMatrix } from '../../authz/matrix/matrix-diff';
import { renderAccessMatrix } from '../../authz/matrix/render-matrix';
import { renderMutationAccess } from '../../authz/matrix/render-mutation-access';

const FILE = join(__dirname, '..', '..', '..', 'schema', 'access-matrix.md');
const MUTATIONS_FILE = join(FILE, '..', 'mutation-access.md');

/**
 * `npm run matrix` writes schema/access-matrix.md from the live policy, and schema/mutation-access.md: each
 * mutation's question to it.
 * `npm run matrix -- --diff REV` prints who gains and who loses access against the matrix committed at REV.
 */
function main(args: string[]): void {
  const cells = buildAccessMatrix();
  const current = renderAccessMatrix(cells);
  const at = args.indexOf('--diff');
  if (at === -1) {
    writeFileSync(FILE, current);
    writeFileSync(MUTATIONS_FILE, renderMutationAccess(cells));
    console.log(`wrote ${FILE} and ${MUTATIONS_FILE}`);
    return;
  }
  const rev = args[at + 1];
  if (!rev) throw new Error('usage: npm run matrix -- --diff REV');
  const before = execFileSync('git', ['show', `${rev}:schema/access-matrix.md`], { encoding: 'utf8', cwd: join(FILE, '..', '..') });
  const changes = diffMatrices(parseMatrix(before), parseMatrix(current));
  console.log(changes.length ? changes.join('\n') : `no change of access since ${rev}`);
}

main(process.argv.slice(2));
