import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from '../../migrations';

const DIR = join(__dirname, '..', '..', 'migrations');
const FILES = readdirSync(DIR)
  .filter((file) => /^\d{13}-[a-z0-9-]+\.ts$/.test(file))
  .sort();

/** Line endings aside, so that a checkout's conversion is no change. */
const sha256 = (file: string) =>
  createHash('sha256')
    .update(readFileSync(join(DIR, file), 'utf8').replace(/\r\n/g, '\n'))
    .digest('hex');

describe('landed migrations', () => {
  it('migrations/index.ts lists every migration file, in order', () => {
    const listed = MIGRATIONS.map((Migration) => /(\d{13})$/.exec(Migration.name)?.[1]);
    expect(listed).toEqual(FILES.map((file) => file.slice(0, 13)));
  });

  it('every migration is in migrations/landed.json with the hash of its content', () => {
    const landed: Record<string, string> = JSON.parse(readFileSync(join(DIR, 'landed.json'), 'utf8'));
    const problems = [
      ...FILES.filter((file) => landed[file] && landed[file] !== sha256(file)).map(
        (file) => `${file} changed after it landed: restore it, and make the change in a new migration`,
      ),
      ...FILES.filter((file) => !landed[file]).map(
        (file) => `${file} is not in migrations/landed.json: add "${file}": "${sha256(file)}" when it lands (never edit it afterwards)`,
      ),
      ...Object.keys(landed)
        .filter((file) => !FILES.includes(file))
        .map((file) => `${file} is in migrations/landed.json but no longer in migrations/: a database that ran it still needs it`),
    ];
    expect(problems).toEqual([]);
  });
});
